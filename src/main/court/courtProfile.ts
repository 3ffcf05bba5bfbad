// This installation's court: who we are (the origin of every row we create) and who is working.
import dayjs from 'dayjs';
import type { Kysely } from 'kysely';
import type { Database } from '../data/schema';
import type { CourtProfile } from '../../shared/model';
import type { ParsedInput } from '../../shared/api';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { withChanges, type Actor } from '../data/ownedRows';
import { requireUser } from '../access/access';
import { actorName, createFirstAdmin } from '../access/accounts';

/** The setting that names this court: its code is the origin of every row it owns. */
export const LOCAL_COURT_KEY = 'local_court_code';
const OPERATOR_KEY = 'operator_name';

export function timestamp(ctx: Pick<ServiceContext, 'now'>): string {
  return dayjs(ctx.now()).format('YYYY-MM-DDTHH:mm:ssZ');
}

export function today(ctx: Pick<ServiceContext, 'now'>): string {
  return dayjs(ctx.now()).format('YYYY-MM-DD');
}

export async function getProfile(ctx: ServiceContext): Promise<CourtProfile | null> {
  const settings = await ctx.db
    .selectFrom('settings')
    .selectAll()
    .where('key', 'in', [LOCAL_COURT_KEY, OPERATOR_KEY])
    .execute();
  const value = (key: string) => settings.find((row) => row.key === key)?.value;
  const code = value(LOCAL_COURT_KEY);
  if (!code) return null;
  // Other courts' profiles arrive in bundles too: ours is the row we wrote ourselves.
  const court = await ctx.db
    .selectFrom('courts')
    .selectAll()
    .where('code', '=', code)
    .where('origin', '=', code)
    .executeTakeFirstOrThrow();
  return {
    code: court.code,
    name: court.name,
    level: court.level,
    parentCode: court.parentCode,
    parentName: court.parentName,
    operatorName: value(OPERATOR_KEY) ?? '',
  };
}

export async function requireProfile(ctx: ServiceContext): Promise<CourtProfile> {
  const profile = await getProfile(ctx);
  if (!profile) throw new ApiError('E_NO_PROFILE', '请先完成本院信息设置。');
  return profile;
}

/**
 * This court's code: the origin of every row it owns. A database also holds other courts' rows
 * (a superior's campaign definition, subordinates' work), so every read of "our work" keeps to it.
 */
export async function ownCourtCode(ctx: Pick<ServiceContext, 'db'>): Promise<string> {
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', LOCAL_COURT_KEY).executeTakeFirst();
  if (!row) throw new ApiError('E_NO_PROFILE', '请先完成本院信息设置。');
  return row.value;
}

/** Whose rows a read shows: this court's by default, or another court's (read-only) when asked. */
export async function viewedCourtCode(ctx: Pick<ServiceContext, 'db'>, courtCode?: string | null): Promise<string> {
  return courtCode || ownCourtCode(ctx);
}

/**
 * Courts above this one: the parent named in the profile and every court trusted as a superior.
 * Their campaigns and definitions are ours to carry out; subordinates' are only to be looked at.
 */
export async function superiorCourtCodes(ctx: Pick<ServiceContext, 'db'>): Promise<string[]> {
  const own = await ownCourtCode(ctx);
  const [court, trusted] = await Promise.all([
    ctx.db
      .selectFrom('courts')
      .select('parentCode')
      .where('code', '=', own)
      .where('origin', '=', own)
      .executeTakeFirst(),
    ctx.db.selectFrom('syncCourts').select('code').where('relation', '=', 'superior').execute(),
  ]);
  const codes = new Set(trusted.map((row) => row.code));
  if (court?.parentCode) codes.add(court.parentCode);
  codes.delete(own);
  return [...codes];
}

/** Who is acting now: the logged-in account, named in the audit log as 姓名（用户名）. */
export async function currentActor(ctx: ServiceContext): Promise<Actor> {
  const profile = await requireProfile(ctx);
  const user = requireUser(ctx);
  return { name: actorName(user), court: profile.code, userId: user.id, displayName: user.displayName };
}

type ProfileInput = ParsedInput<'court.update'>;

async function writeSetting(trx: Kysely<Database>, key: string, value: string): Promise<void> {
  await trx
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** The court profile and the first administrator (named after the operator), logged in. */
export async function setupProfile(ctx: ServiceContext, setup: ParsedInput<'court.setup'>): Promise<CourtProfile> {
  if (await getProfile(ctx)) {
    throw new ApiError('E_ALREADY_SET_UP', '本院信息已经设置过。如需修改，请到“设置”页。');
  }
  const input = setup.profile;
  const admin = { username: setup.admin.username, displayName: input.operatorName, password: setup.admin.password };
  const actor: Actor = { name: actorName(admin), court: input.code, userId: null, displayName: admin.displayName };
  const adminId = await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    await writer.insert('courts', {
      code: input.code,
      name: input.name,
      level: input.level,
      parentCode: input.level === 'high' && !input.parentCode ? null : input.parentCode || null,
      parentName: input.level === 'high' && !input.parentName ? null : input.parentName || null,
    });
    await writeSetting(writer.trx, LOCAL_COURT_KEY, input.code);
    await writeSetting(writer.trx, OPERATOR_KEY, input.operatorName);
    return createFirstAdmin(ctx, writer.trx, admin);
  });
  ctx.sessions.logIn(ctx.caller, adminId);
  return requireProfile(ctx);
}

export async function updateProfile(ctx: ServiceContext, input: ProfileInput): Promise<CourtProfile> {
  const profile = await requireProfile(ctx);
  if (input.code !== profile.code) {
    throw new ApiError('E_CODE_FIXED', '法院代码是本院所有数据的来源标识，设置后不能修改。', {
      code: '法院代码设置后不能修改',
    });
  }
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const court = await writer.trx
      .selectFrom('courts')
      .select(['id', 'version'])
      .where('code', '=', profile.code)
      .where('origin', '=', profile.code)
      .executeTakeFirstOrThrow();
    await writer.update('courts', court.id, undefined, {
      name: input.name,
      level: input.level,
      parentCode: input.parentCode || null,
      parentName: input.parentName || null,
    });
    await writeSetting(writer.trx, OPERATOR_KEY, input.operatorName);
  });
  return requireProfile(ctx);
}
