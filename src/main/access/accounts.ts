// Local accounts on this PC: log-in with lock-out, change own password, and the administrator's
// user management. Accounts are not owned rows (they never travel in sync bundles), but every
// change is written to the audit log, with the password hash left out.
import dayjs from 'dayjs';
import type { Selectable, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { ParsedInput } from '../../shared/api';
import type { AuthStatus, Role, SessionUser, UserAccount } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { AuditAppender } from '../audit/auditLog';
import { withChanges, type ChangeWriter } from '../data/ownedRows';
import type { Database, UsersTable } from '../data/schema';
import { writeTransaction } from '../data/transactions';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import { requireUser } from './access';

/** Failed log-ins in a row before the account is locked, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

const LOCAL_COURT_KEY = 'local_court_code';

type UserRecord = Selectable<UsersTable> & { departmentName: string | null };

const ROLE_ORDER: Role[] = ['admin', 'reviewer', 'filer'];
const parseRoles = (text: string): Role[] => ROLE_ORDER.filter((role) => text.split(',').includes(role));
const joinRoles = (roles: readonly Role[]) => ROLE_ORDER.filter((role) => roles.includes(role)).join(',');

function toSessionUser(row: UserRecord): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    roles: parseRoles(row.roles),
    departmentId: row.departmentId,
    departmentName: row.departmentName ?? '',
    personId: row.personId,
    mustChangePassword: row.mustChangePassword === 1,
  };
}

function toAccount(row: UserRecord): UserAccount {
  return {
    ...toSessionUser(row),
    version: row.version,
    disabled: row.disabled === 1,
    lockedUntil: row.lockedUntil,
    failedAttempts: row.failedAttempts,
    lastLoginAt: row.lastLoginAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function userQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('users')
    .leftJoin('departments', 'departments.id', 'users.departmentId')
    .selectAll('users')
    .select('departments.name as departmentName');
}

export async function loadSessionUser(ctx: ServiceContext, userId: string): Promise<SessionUser | null> {
  const row = (await userQuery(ctx).where('users.id', '=', userId).executeTakeFirst()) as UserRecord | undefined;
  if (!row || row.disabled === 1) return null;
  return toSessionUser(row);
}

const stamp = (ctx: ServiceContext) => dayjs(ctx.now()).format('YYYY-MM-DDTHH:mm:ssZ');

async function localCourt(ctx: ServiceContext | Transaction<Database>): Promise<string> {
  const db = 'db' in ctx ? ctx.db : ctx;
  return (
    (await db.selectFrom('settings').select('value').where('key', '=', LOCAL_COURT_KEY).executeTakeFirst())?.value ?? ''
  );
}

/** The audit actor for a person: their name and log-in name, e.g. 王书记员（wangsj）. */
export function actorName(user: Pick<SessionUser, 'displayName' | 'username'>): string {
  return `${user.displayName}（${user.username}）`;
}

/** Password hashes and lock-out counters are not for the audit log. */
function auditView(row: Partial<Selectable<UsersTable>>) {
  const { passwordHash: _hash, failedAttempts: _failed, ...rest } = row;
  return rest;
}

async function writeAccountAudit(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  entry: { actor: string; operation: string; rowId: string; before: unknown; after: unknown },
): Promise<void> {
  const appender = AuditAppender.for(trx);
  await appender.append({ at: stamp(ctx), court: await localCourt(trx), tableName: 'users', ...entry });
  await appender.flush();
}

/** Writes one audit entry in its own transaction (log-ins, refusals). */
export async function auditAccess(
  ctx: ServiceContext,
  entry: { actor: string; operation: string; tableName: string; rowId: string; after: unknown },
): Promise<void> {
  await writeTransaction(ctx.db, async (trx) => {
    const appender = AuditAppender.for(trx);
    await appender.append({ at: stamp(ctx), court: await localCourt(trx), before: null, ...entry });
    await appender.flush();
  });
}

async function assertUsernameFree(ctx: ServiceContext, username: string): Promise<void> {
  const taken = await ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (taken)
    throw new ApiError('E_DUPLICATE', `用户名“${username}”已被使用，请换一个。`, { username: '用户名已被使用' });
}

async function assertDepartmentAndPerson(
  ctx: ServiceContext,
  departmentId: string | null,
  personId: string | null,
): Promise<void> {
  if (departmentId) {
    const found = await ctx.db
      .selectFrom('departments')
      .select('id')
      .where('id', '=', departmentId)
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
    if (!found)
      throw new ApiError('E_INVALID', '所选部门不存在或已被删除，请重新选择。', { departmentId: '请重新选择部门' });
  }
  if (personId) {
    const found = await ctx.db
      .selectFrom('people')
      .select('id')
      .where('id', '=', personId)
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
    if (!found)
      throw new ApiError('E_INVALID', '所选人员不存在或已被删除，请重新选择。', { personId: '请重新选择人员' });
  }
}

/**
 * The 人员 an account stands for, so the account can file its own 查摆报告: a live person of this
 * court with the account's name (in its department when both have one), or else one created with
 * the account (same name and department, 职务 left for the administrator to fill in). An account
 * without a department (an administrator, a court-wide reviewer) gets a new person only when
 * `departmentForNew` says where: otherwise it stays unlinked rather than adding a person nobody
 * expects a 查摆报告 from.
 */
export async function personForAccount(
  writer: ChangeWriter,
  account: { displayName: string; departmentId: string | null },
  departmentForNew: string | null = account.departmentId,
): Promise<string | null> {
  const name = account.displayName.trim();
  const candidates = await writer.trx
    .selectFrom('people')
    .select(['id', 'departmentId'])
    .where('name', '=', name)
    .where('origin', '=', writer.actor.court)
    .where('deletedAt', 'is', null)
    .orderBy('createdAt')
    .execute();
  const found =
    candidates.find((p) => account.departmentId !== null && p.departmentId === account.departmentId) ??
    candidates.find((p) => account.departmentId === null || p.departmentId === null);
  if (found) return found.id;
  if (!departmentForNew) return null;
  return (await writer.insert('people', { name, title: '', departmentId: departmentForNew })).id;
}

/**
 * Links every account not yet linked to a 人员 (the demo, after it wrote its people): to the
 * person of the same name, or to one created for it (in its department, else `departmentForNew`).
 * Audited like any account change.
 */
export async function linkAccountsToPeople(writer: ChangeWriter, departmentForNew: string): Promise<number> {
  const unlinked = await writer.trx
    .selectFrom('users')
    .select(['id', 'displayName', 'departmentId', 'version'])
    .where('personId', 'is', null)
    .where('disabled', '=', 0)
    .orderBy('createdAt')
    .execute();
  const audit = AuditAppender.for(writer.trx);
  for (const account of unlinked) {
    const personId = await personForAccount(writer, account, account.departmentId ?? departmentForNew);
    if (!personId) continue;
    await writer.trx
      .updateTable('users')
      .set({ personId, version: account.version + 1, updatedAt: writer.now })
      .where('id', '=', account.id)
      .execute();
    await audit.append({
      at: writer.now,
      actor: writer.actor.name,
      court: writer.actor.court,
      operation: 'update',
      tableName: 'users',
      rowId: account.id,
      before: { personId: null },
      after: { personId },
    });
  }
  return unlinked.length;
}

/** Creates an account inside the caller's transaction and audits it. */
async function insertUser(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  actor: string,
  fields: {
    username: string;
    displayName: string;
    roles: readonly Role[];
    departmentId: string | null;
    personId: string | null;
    password: string;
    mustChange: boolean;
    loggedIn?: boolean;
  },
): Promise<string> {
  const now = stamp(ctx);
  const row = {
    id: uuidv7(),
    username: fields.username,
    displayName: fields.displayName,
    roles: joinRoles(fields.roles),
    departmentId: fields.departmentId,
    personId: fields.personId,
    passwordHash: await hashPassword(fields.password),
    mustChangePassword: fields.mustChange ? 1 : 0,
    createdAt: now,
    updatedAt: now,
    lockedUntil: null,
    lastLoginAt: fields.loggedIn ? now : null,
  };
  await trx.insertInto('users').values(row).execute();
  await writeAccountAudit(trx, ctx, { actor, operation: 'create', rowId: row.id, before: null, after: auditView(row) });
  return row.id;
}

export async function countUsers(ctx: ServiceContext): Promise<number> {
  const row = await ctx.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The first administrator, created with the court profile (setup) or, for a database from
 * before accounts existed, by whoever opens it first (bootstrap). Logs the caller in.
 */
export async function createFirstAdmin(
  ctx: ServiceContext,
  trx: Transaction<Database>,
  account: { username: string; displayName: string; password: string },
): Promise<string> {
  const existing = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) throw new ApiError('E_ALREADY_SET_UP', '本机已有账户，请直接登录。');
  const id = await insertUser(trx, ctx, actorName(account), {
    ...account,
    roles: ['admin', 'reviewer'],
    departmentId: null,
    personId: null,
    mustChange: false,
    loggedIn: true,
  });
  return id;
}

export async function authStatus(ctx: ServiceContext): Promise<AuthStatus> {
  return { hasProfile: !!(await localCourt(ctx)), hasUsers: (await countUsers(ctx)) > 0, user: ctx.user ?? null };
}

export async function bootstrap(ctx: ServiceContext, input: ParsedInput<'auth.bootstrap'>): Promise<SessionUser> {
  if (!(await localCourt(ctx))) throw new ApiError('E_NO_PROFILE', '请先完成本院信息设置。');
  const id = await writeTransaction(ctx.db, (trx) => createFirstAdmin(ctx, trx, input));
  ctx.sessions.logIn(ctx.caller, id);
  return (await loadSessionUser(ctx, id))!;
}

const BAD_LOGIN = '用户名或密码不正确。';

export async function login(ctx: ServiceContext, input: ParsedInput<'auth.login'>): Promise<SessionUser> {
  const row = (await userQuery(ctx).where('users.username', '=', input.username).executeTakeFirst()) as
    UserRecord | undefined;
  if (!row) {
    await verifyPassword(input.password, await decoyHash());
    throw new ApiError('E_BAD_LOGIN', BAD_LOGIN);
  }
  const now = dayjs(ctx.now());
  if (row.disabled === 1) throw new ApiError('E_DISABLED', '这个账户已停用，请联系管理员。');
  if (row.lockedUntil && now.isBefore(dayjs(row.lockedUntil))) {
    const minutes = Math.max(1, Math.ceil(dayjs(row.lockedUntil).diff(now, 'second') / 60));
    throw new ApiError(
      'E_LOCKED',
      `密码连续输错 ${MAX_FAILED_LOGINS} 次，账户已锁定。请 ${minutes} 分钟后再试，或请管理员重置密码。`,
    );
  }
  const good = await verifyPassword(input.password, row.passwordHash);
  const actor = actorName(row);
  if (!good) {
    const failed = row.failedAttempts + 1;
    const locks = failed >= MAX_FAILED_LOGINS;
    const lockedUntil = locks ? now.add(LOCK_MINUTES, 'minute').format('YYYY-MM-DDTHH:mm:ssZ') : null;
    await ctx.db
      .updateTable('users')
      .set({ failedAttempts: locks ? 0 : failed, lockedUntil })
      .where('id', '=', row.id)
      .execute();
    await auditAccess(ctx, {
      actor,
      operation: locks ? 'lock' : 'login-failed',
      tableName: 'users',
      rowId: row.id,
      after: { failedAttempts: failed },
    });
    if (locks)
      throw new ApiError(
        'E_LOCKED',
        `密码连续输错 ${MAX_FAILED_LOGINS} 次，账户已锁定 ${LOCK_MINUTES} 分钟。如忘记密码，请管理员重置。`,
      );
    const left = MAX_FAILED_LOGINS - failed;
    throw new ApiError('E_BAD_LOGIN', `${BAD_LOGIN}再输错 ${left} 次，账户将被锁定 ${LOCK_MINUTES} 分钟。`);
  }
  await ctx.db
    .updateTable('users')
    .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: stamp(ctx) })
    .where('id', '=', row.id)
    .execute();
  await auditAccess(ctx, { actor, operation: 'login', tableName: 'users', rowId: row.id, after: null });
  ctx.sessions.logIn(ctx.caller, row.id);
  return toSessionUser(row);
}

export async function logout(ctx: ServiceContext): Promise<{ loggedOut: true }> {
  const user = requireUser(ctx);
  ctx.sessions.logOut(ctx.caller);
  await auditAccess(ctx, {
    actor: actorName(user),
    operation: 'logout',
    tableName: 'users',
    rowId: user.id,
    after: null,
  });
  return { loggedOut: true };
}

export async function changePassword(
  ctx: ServiceContext,
  input: ParsedInput<'auth.changePassword'>,
): Promise<SessionUser> {
  const user = requireUser(ctx);
  const row = await ctx.db
    .selectFrom('users')
    .select('passwordHash')
    .where('id', '=', user.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(input.currentPassword, row.passwordHash))) {
    throw new ApiError('E_BAD_PASSWORD', '原密码不正确。', { currentPassword: '原密码不正确' });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await writeTransaction(ctx.db, async (trx) => {
    await trx
      .updateTable('users')
      .set((eb) => ({ passwordHash, mustChangePassword: 0, updatedAt: stamp(ctx), version: eb('version', '+', 1) }))
      .where('id', '=', user.id)
      .execute();
    await writeAccountAudit(trx, ctx, {
      actor: actorName(user),
      operation: 'change-password',
      rowId: user.id,
      before: null,
      after: { mustChangePassword: 0 },
    });
  });
  return (await loadSessionUser(ctx, user.id))!;
}

export async function listUsers(ctx: ServiceContext): Promise<UserAccount[]> {
  const rows = (await userQuery(ctx).orderBy('users.disabled').orderBy('users.createdAt').execute()) as UserRecord[];
  return rows.map(toAccount);
}

async function getAccount(ctx: ServiceContext, id: string): Promise<UserAccount> {
  const row = (await userQuery(ctx).where('users.id', '=', id).executeTakeFirst()) as UserRecord | undefined;
  if (!row) throw new ApiError('E_NOT_FOUND', '找不到这个账户，可能已被删除，请刷新后再试。');
  return toAccount(row);
}

export async function createUser(ctx: ServiceContext, input: ParsedInput<'users.create'>): Promise<UserAccount> {
  const admin = requireUser(ctx);
  await assertUsernameFree(ctx, input.username);
  await assertDepartmentAndPerson(ctx, input.departmentId, input.personId);
  if (input.roles.length === 1 && input.roles[0] === 'filer' && !input.departmentId) {
    throw new ApiError('E_INVALID', '填报人须指定所属部门，才能填报本部门的工作。', {
      departmentId: '请为填报人选择所属部门',
    });
  }
  // New accounts get a temporary password from the administrator and must choose their own. An
  // account is linked to its 人员: the one chosen, or one of the same name, or one made for it.
  const actor = {
    name: actorName(admin),
    court: await localCourt(ctx),
    userId: admin.id,
    displayName: admin.displayName,
  };
  const id = await withChanges(ctx.db, actor, stamp(ctx), async (writer) => {
    const personId = input.personId ?? (await personForAccount(writer, input));
    return insertUser(writer.trx, ctx, actor.name, { ...input, personId, mustChange: true });
  });
  return getAccount(ctx, id);
}

async function activeAdminCount(ctx: ServiceContext, exceptId: string): Promise<number> {
  const rows = await ctx.db
    .selectFrom('users')
    .select('roles')
    .where('disabled', '=', 0)
    .where('id', '!=', exceptId)
    .execute();
  return rows.filter((row) => parseRoles(row.roles).includes('admin')).length;
}

export async function updateUser(ctx: ServiceContext, input: ParsedInput<'users.update'>): Promise<UserAccount> {
  const admin = requireUser(ctx);
  const before = await ctx.db.selectFrom('users').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!before) throw new ApiError('E_NOT_FOUND', '找不到这个账户，可能已被删除，请刷新后再试。');
  if (before.version !== input.version)
    throw new ApiError('E_STALE', '这个账户刚被修改过，请刷新后再改，已填写的内容不会丢失。');
  await assertDepartmentAndPerson(ctx, input.departmentId, input.personId);
  const staysAdmin = input.roles.includes('admin') && !input.disabled;
  if (parseRoles(before.roles).includes('admin') && !staysAdmin && (await activeAdminCount(ctx, input.id)) === 0) {
    throw new ApiError(
      'E_LAST_ADMIN',
      '这是本机唯一的管理员账户，不能取消其管理员角色或停用它。请先为另一位同事设置管理员角色。',
      { roles: '至少保留一位管理员' },
    );
  }
  if (input.roles.length === 1 && input.roles[0] === 'filer' && !input.departmentId) {
    throw new ApiError('E_INVALID', '填报人须指定所属部门，才能填报本部门的工作。', {
      departmentId: '请为填报人选择所属部门',
    });
  }
  const patch = {
    displayName: input.displayName,
    roles: joinRoles(input.roles),
    departmentId: input.departmentId,
    personId: input.personId,
    disabled: input.disabled ? 1 : 0,
  };
  const changed = Object.fromEntries(
    Object.entries(patch).filter(([key, value]) => (before as Record<string, unknown>)[key] !== value),
  );
  if (Object.keys(changed).length > 0) {
    await writeTransaction(ctx.db, async (trx) => {
      await trx
        .updateTable('users')
        .set({ ...changed, version: before.version + 1, updatedAt: stamp(ctx) })
        .where('id', '=', input.id)
        .execute();
      await writeAccountAudit(trx, ctx, {
        actor: actorName(admin),
        operation: 'update',
        rowId: input.id,
        before: Object.fromEntries(Object.keys(changed).map((key) => [key, (before as Record<string, unknown>)[key]])),
        after: changed,
      });
    });
  }
  if (input.disabled) ctx.sessions.endAllFor(input.id);
  return getAccount(ctx, input.id);
}

export async function resetPassword(
  ctx: ServiceContext,
  input: ParsedInput<'users.resetPassword'>,
): Promise<UserAccount> {
  const admin = requireUser(ctx);
  const before = await ctx.db
    .selectFrom('users')
    .select(['id', 'version'])
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (!before) throw new ApiError('E_NOT_FOUND', '找不到这个账户，可能已被删除，请刷新后再试。');
  const passwordHash = await hashPassword(input.password);
  await writeTransaction(ctx.db, async (trx) => {
    await trx
      .updateTable('users')
      .set({
        passwordHash,
        mustChangePassword: 1,
        failedAttempts: 0,
        lockedUntil: null,
        version: before.version + 1,
        updatedAt: stamp(ctx),
      })
      .where('id', '=', input.id)
      .execute();
    await writeAccountAudit(trx, ctx, {
      actor: actorName(admin),
      operation: 'reset-password',
      rowId: input.id,
      before: null,
      after: { mustChangePassword: 1, lockedUntil: null },
    });
  });
  // Whoever is logged in with the old password is logged out, unless it is the administrator.
  if (input.id !== admin.id) ctx.sessions.endAllFor(input.id);
  return getAccount(ctx, input.id);
}
