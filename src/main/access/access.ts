// Checks the services make once they know the record: a 填报人 changes only their own
// department's work, and whoever did the work may not also sign it off (销号 needs two people).
// Refusals throw E_FORBIDDEN; dispatch writes each one to the audit log.
import type { Role, SessionUser } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';

export function requireUser(ctx: ServiceContext): SessionUser {
  if (!ctx.user) throw new ApiError('E_LOGIN_REQUIRED', '请先登录。');
  return ctx.user;
}

export function hasRole(user: SessionUser | null | undefined, role: Role): boolean {
  return !!user && user.roles.includes(role);
}

/** 管理员 and 审核人 may change any department's work; a 填报人 only their own department's. */
export function canWorkFor(user: SessionUser, departmentId: string | null): boolean {
  if (hasRole(user, 'admin') || hasRole(user, 'reviewer')) return true;
  return !!user.departmentId && user.departmentId === departmentId;
}

/**
 * Refuses a 填报人 outside their department. `what` names the record, e.g. "事项" or "整改措施";
 * `departmentName` is the record's department for the message.
 */
export function assertCanWorkFor(
  ctx: ServiceContext,
  departmentId: string | null,
  what: string,
  departmentName?: string | null,
): void {
  const user = requireUser(ctx);
  if (canWorkFor(user, departmentId)) return;
  if (!user.departmentId) {
    throw new ApiError('E_FORBIDDEN', `您的账户没有所属部门，不能修改${what}。请联系管理员为您指定部门。`);
  }
  if (!departmentId) {
    throw new ApiError('E_FORBIDDEN', `这项${what}没有指定责任部门，只有管理员或审核人可以修改。`);
  }
  const theirs = departmentName ? `“${departmentName}”的` : '其他部门的';
  throw new ApiError(
    'E_FORBIDDEN',
    `您是${user.departmentName || '本部门'}的填报人，只能修改本部门的${what}，不能修改${theirs}${what}。`,
  );
}

/** The two-person rule: the one who did (or submitted) the work may not approve it. */
export function assertNotOwnWork(ctx: ServiceContext, doneByUserId: string | null, what: string): void {
  const user = requireUser(ctx);
  if (doneByUserId && doneByUserId === user.id) {
    throw new ApiError(
      'E_OWN_WORK',
      `这项${what}是您本人提交的。按照销号要求，须由另一位审核人审核，本人不能审核自己的工作。`,
    );
  }
}
