// The roster (应报法院) as people work with it: the effective list with each court's sync state,
// and adding, editing, marking 已撤并 (and undoing it), and deleting an entry added by mistake.
// Entries are this court's own rows of roster_courts (a synced table), written through the
// ChangeWriter; a superior's entries (上级法院名单) are read-only here.
import dayjs from 'dayjs';
import type { ParsedInput } from '../../shared/api';
import type { RosterCourt, RosterView } from '../../shared/province/rosterModel';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { hasRole } from '../access/access';
import { currentActor, requireProfile, timestamp } from '../court/courtProfile';
import { withChanges } from '../data/ownedRows';
import { subordinateCourts } from '../sync/syncViews';
import { rosterCourts, type RosterEntry } from './roster';

export const NOT_KEPT_MESSAGE = '基层法院没有应报法院名单：应报法院名单由高级法院和中级法院维护。';

/** This court's profile, refusing a basic court. */
export async function requireRosterKeeper(ctx: ServiceContext) {
  const profile = await requireProfile(ctx);
  if (profile.level === 'basic') throw new ApiError('E_FORBIDDEN', NOT_KEPT_MESSAGE);
  return profile;
}

/** A report up as received: when it was written (else received), and who relayed it. */
export interface ReportUp {
  at: string;
  relayedBy: string | null;
}

/** Every report up received from each court, oldest first: the bundle's own time when recorded, else when received. */
export async function reportsUp(ctx: ServiceContext): Promise<Map<string, ReportUp[]>> {
  const rows = await ctx.db
    .selectFrom('syncReceived')
    .select(['sourceCode', 'bundleCreatedAt', 'receivedAt', 'relayedBy'])
    .where('kind', '=', 'report_up')
    .execute();
  const byCourt = new Map<string, ReportUp[]>();
  for (const row of rows) {
    const list = byCourt.get(row.sourceCode) ?? [];
    list.push({ at: row.bundleCreatedAt ?? row.receivedAt, relayedBy: row.relayedBy });
    byCourt.set(row.sourceCode, list);
  }
  for (const list of byCourt.values()) list.sort((a, b) => dayjs(a.at).valueOf() - dayjs(b.at).valueOf());
  return byCourt;
}

/** The last report up per court (the first received of those written at the latest time). */
export async function lastReportsUp(ctx: ServiceContext): Promise<Map<string, ReportUp>> {
  const last = new Map<string, ReportUp>();
  for (const [code, list] of await reportsUp(ctx)) {
    const latest = list[list.length - 1].at;
    last.set(
      code,
      list.find((report) => !dayjs(latest).isAfter(report.at))!,
    );
  }
  return last;
}

/** The later of two times (either may be missing); the second when they are the same instant. */
export const laterTime = (a: string | null, b: string | null) => (!a ? b : !b ? a : dayjs(a).isAfter(b) ? a : b);

export async function rosterView(ctx: ServiceContext): Promise<RosterView> {
  const profile = await requireProfile(ctx);
  const keepsRoster = profile.level !== 'basic';
  const canEdit = keepsRoster && (hasRole(ctx.user, 'admin') || hasRole(ctx.user, 'reviewer'));
  const court = { code: profile.code, name: profile.name, level: profile.level };
  if (!keepsRoster) return { court, keepsRoster, canEdit, courts: [] };
  const [entries, synced, reports, itemOrigins] = await Promise.all([
    rosterCourts(ctx, { includeMerged: true }),
    subordinateCourts(ctx),
    lastReportsUp(ctx),
    ctx.db
      .selectFrom('items')
      .select((eb) => ['origin', eb.fn.countAll<number>().as('n')])
      .where('deletedAt', 'is', null)
      .groupBy('origin')
      .execute(),
  ]);
  const syncByCode = new Map(synced.map((row) => [row.code, row]));
  const itemCounts = new Map(itemOrigins.map((row) => [row.origin, Number(row.n)]));
  const nameOf = new Map<string, string>([
    [profile.code, profile.name],
    ...entries.map((e) => [e.code, e.name] as const),
  ]);
  const now = dayjs(ctx.now());
  const courts = entries.map((entry): RosterCourt => {
    const sync = syncByCode.get(entry.code);
    const report = reports.get(entry.code);
    const lastBundleAt = laterTime(report?.at ?? null, sync?.lastBundleAt ?? null);
    return {
      id: entry.id,
      version: entry.version,
      code: entry.code,
      name: entry.name,
      level: entry.level,
      parentCode: entry.parentCode,
      parentName: nameOf.get(entry.parentCode) ?? '',
      jurisdiction: entry.jurisdiction,
      mergedAt: entry.mergedAt,
      mergedInto: entry.mergedInto,
      mergedIntoName: entry.mergedInto ? (nameOf.get(entry.mergedInto) ?? null) : null,
      addedBy: entry.addedBy,
      own: entry.origin === profile.code,
      trusted: !!sync,
      via: sync?.via ?? report?.relayedBy ?? null,
      lastSeq: sync?.lastSeq ?? 0,
      lastBundleAt,
      ageDays: lastBundleAt ? Math.max(0, now.diff(dayjs(lastBundleAt), 'day')) : null,
      missingSeq: sync?.missingSeq ?? null,
      auditAlert: sync?.auditAlert ?? null,
      itemCount: itemCounts.get(entry.code) ?? 0,
      hasData: !!report || (sync?.lastSeq ?? 0) > 0 || itemCounts.has(entry.code),
    };
  });
  return { court, keepsRoster, canEdit, courts };
}

async function findCourt(ctx: ServiceContext, id: string): Promise<RosterCourt> {
  const view = await rosterView(ctx);
  const found = view.courts.find((court) => court.id === id);
  if (!found) throw new ApiError('E_NOT_FOUND', '找不到这家应报法院，可能已被删除，请刷新后再试。');
  return found;
}

async function ownEntry(ctx: ServiceContext, id: string): Promise<RosterEntry> {
  const own = (await requireRosterKeeper(ctx)).code;
  const row = await ctx.db
    .selectFrom('rosterCourts')
    .selectAll()
    .where('id', '=', id)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!row) throw new ApiError('E_NOT_FOUND', '找不到这家应报法院，可能已被删除，请刷新后再试。');
  if (row.origin !== own)
    throw new ApiError('E_FORBIDDEN', '这家法院来自上级法院名单，只能由上级法院修改，本院不能改动。');
  return row;
}

interface CourtFields {
  code: string;
  name: string;
  level: 'intermediate' | 'basic';
  parentCode: string;
  jurisdiction: string;
}

/**
 * Why a court's fields cannot go on the roster, keyed by field; empty when they can. `others` are
 * the roster's courts (and the file's other rows, for an import) by code.
 */
export function rosterProblems(
  fields: CourtFields,
  own: { code: string; level: string },
  others: Map<string, { level: string; mergedAt?: string | null }>,
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (fields.code === own.code) problems.code = '不能把本院列入本院的应报法院名单';
  else if (others.has(fields.code)) problems.code = `法院代码 ${fields.code} 已在应报法院名单中`;
  if (fields.parentCode === fields.code) problems.parentCode = '上级法院不能是这家法院自己';
  else if (fields.parentCode !== own.code) {
    const parent = others.get(fields.parentCode);
    if (!parent) problems.parentCode = `上级法院 ${fields.parentCode} 既不是本院，也不在应报法院名单中`;
    else if (parent.level !== 'intermediate') problems.parentCode = `上级法院 ${fields.parentCode} 不是中级法院`;
    else if (fields.level === 'intermediate') problems.level = '中级法院的上级法院只能是本院';
  }
  if (own.level === 'intermediate' && fields.level === 'intermediate')
    problems.level = '中级法院的应报法院只能是基层法院';
  return problems;
}

function refuse(problems: Record<string, string>): void {
  const messages = Object.values(problems);
  if (messages.length) throw new ApiError('E_INVALID', messages.join('；'), problems);
}

async function rosterCodes(ctx: ServiceContext, exceptId?: string) {
  const entries = await rosterCourts(ctx, { includeMerged: true });
  return new Map(entries.filter((e) => e.id !== exceptId).map((e) => [e.code, e]));
}

export async function addRosterCourt(ctx: ServiceContext, input: ParsedInput<'roster.add'>): Promise<RosterCourt> {
  const profile = await requireRosterKeeper(ctx);
  refuse(rosterProblems(input, profile, await rosterCodes(ctx)));
  const actor = await currentActor(ctx);
  const row = await withChanges(ctx.db, actor, timestamp(ctx), (writer) =>
    writer.insert('rosterCourts', {
      code: input.code,
      name: input.name,
      level: input.level,
      parentCode: input.parentCode,
      jurisdiction: input.jurisdiction,
      mergedAt: null,
      mergedInto: null,
      addedBy: 'manual',
    }),
  );
  return findCourt(ctx, row.id);
}

export async function updateRosterCourt(
  ctx: ServiceContext,
  input: ParsedInput<'roster.update'>,
): Promise<RosterCourt> {
  const profile = await requireRosterKeeper(ctx);
  const entry = await ownEntry(ctx, input.id);
  const others = await rosterCodes(ctx, input.id);
  const problems = rosterProblems({ ...input, code: entry.code }, profile, others);
  if (entry.level === 'intermediate' && input.level === 'basic') {
    const below = [...others.values()].filter((e) => e.parentCode === entry.code && !e.mergedAt);
    if (below.length) problems.level = `${entry.name}下还有 ${below.length} 家基层法院，不能改为基层法院`;
  }
  refuse(problems);
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), (writer) =>
    writer.update('rosterCourts', input.id, input.version, {
      name: input.name,
      level: input.level,
      parentCode: input.parentCode,
      jurisdiction: input.jurisdiction,
    }),
  );
  return findCourt(ctx, input.id);
}

export async function mergeRosterCourt(ctx: ServiceContext, input: ParsedInput<'roster.merge'>): Promise<RosterCourt> {
  const profile = await requireRosterKeeper(ctx);
  const entry = await ownEntry(ctx, input.id);
  if (entry.mergedAt) throw new ApiError('E_INVALID', `${entry.name}已于 ${entry.mergedAt.slice(0, 10)} 标记为已撤并`);
  if (input.mergedInto) {
    const others = await rosterCodes(ctx, input.id);
    if (input.mergedInto === entry.code)
      throw new ApiError('E_INVALID', '不能并入这家法院自己', { mergedInto: '不能并入自己' });
    const target = others.get(input.mergedInto);
    if (input.mergedInto !== profile.code && (!target || target.mergedAt))
      throw new ApiError('E_INVALID', `并入的法院 ${input.mergedInto} 不在应报法院名单中（或已撤并）`, {
        mergedInto: '请选择名单中的法院',
      });
  }
  if (dayjs(input.mergedAt).isAfter(dayjs(ctx.now()), 'day'))
    throw new ApiError('E_INVALID', '撤并日期不能晚于今天', { mergedAt: '撤并日期不能晚于今天' });
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), (writer) =>
    writer.update(
      'rosterCourts',
      input.id,
      input.version,
      { mergedAt: dayjs(input.mergedAt).format(), mergedInto: input.mergedInto },
      'merge',
    ),
  );
  return findCourt(ctx, input.id);
}

export async function unmergeRosterCourt(
  ctx: ServiceContext,
  input: ParsedInput<'roster.unmerge'>,
): Promise<RosterCourt> {
  const entry = await ownEntry(ctx, input.id);
  if (!entry.mergedAt) throw new ApiError('E_INVALID', `${entry.name}没有标记为已撤并`);
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), (writer) =>
    writer.update('rosterCourts', input.id, input.version, { mergedAt: null, mergedInto: null }, 'unmerge'),
  );
  return findCourt(ctx, input.id);
}

export async function deleteRosterCourt(
  ctx: ServiceContext,
  input: ParsedInput<'roster.delete'>,
): Promise<{ id: string }> {
  const entry = await ownEntry(ctx, input.id);
  const court = await findCourt(ctx, input.id);
  if (court.hasData)
    throw new ApiError('E_INVALID', `已收到${entry.name}的数据，不能删除，只能标记为已撤并（历史数据保留）。`);
  const others = await rosterCodes(ctx, input.id);
  const below = [...others.values()].filter((e) => e.parentCode === entry.code);
  if (below.length) throw new ApiError('E_INVALID', `${entry.name}下还有 ${below.length} 家法院，请先移走或删除它们。`);
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), (writer) =>
    writer.softDelete('rosterCourts', input.id, input.version),
  );
  return { id: input.id };
}
