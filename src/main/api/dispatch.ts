// Validates input against the shared schema, checks who is calling (logged in, with a role that
// may call this operation), runs the handler, and turns every failure into a
// `{ ok: false, code, message }` value with a Chinese message. Nothing thrown crosses a boundary.
// Refusals for lack of rights are written to the audit log.
import { z } from 'zod';
import { operations, type Failure, type OperationName, type Result, type Results } from '../../shared/api';
import { DatabaseOpenError } from '../data/database';
import { ApiError } from './errors';
import { databaseFault } from './databaseFaults';
import type { ServiceContext } from './context';
import { handlers } from './handlers';
import { ALLOWED_BEFORE_PASSWORD_CHANGE, permissions } from '../access/permissions';
import { actorName, auditAccess, loadSessionUser } from '../access/accounts';
import { roleList } from '../access/roleText';
import { CLI_CALLER } from '../access/cliSession';
import { logFor } from '../logging/log';

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(operations, name);
}

function validationFailure(error: z.ZodError): Failure {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fieldErrors[key] ??= issue.message;
  }
  const first = error.issues[0]?.message ?? '输入有误';
  return { ok: false, code: 'E_INVALID', message: `输入有误：${first}`, fieldErrors };
}

/** Codes that mean "not allowed": each refusal is recorded in the audit log. */
const REFUSAL_CODES = new Set(['E_FORBIDDEN', 'E_OWN_WORK']);

/** Throws when the caller may not call this operation at all. */
function checkPermission(ctx: ServiceContext, name: OperationName): void {
  const rule = permissions[name];
  if (rule === 'public') return;
  const user = ctx.user;
  if (!user) throw new ApiError('E_LOGIN_REQUIRED', '请先登录。');
  // The command line acts for whoever holds the data folder: a temporary password binds people at
  // the log-in screen, not it.
  if (user.mustChangePassword && ctx.caller !== CLI_CALLER && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(name)) {
    throw new ApiError('E_MUST_CHANGE_PASSWORD', '管理员为您设置的是临时密码，请先修改密码再继续。');
  }
  if (rule === 'user') return;
  if (!rule.some((role) => user.roles.includes(role))) {
    throw new ApiError('E_FORBIDDEN', `您没有权限进行这项操作，需要${roleList(rule)}角色。如确需办理，请联系管理员。`);
  }
}

async function recordRefusal(ctx: ServiceContext, name: OperationName, error: ApiError): Promise<void> {
  try {
    await auditAccess(ctx, {
      actor: ctx.user ? actorName(ctx.user) : '（未登录）',
      operation: 'denied',
      tableName: 'access',
      rowId: name,
      after: { operation: name, code: error.code, message: error.message },
    });
  } catch (auditError) {
    logFor(ctx.dataDir).error('refusal could not be written to the audit log', auditError, {
      operation: name,
      code: error.code,
      caller: ctx.caller,
    });
  }
}

/** The top-level field names of an operation's input, for the log (values never are). */
function fieldNames(input: unknown): string[] {
  return input !== null && typeof input === 'object' && !Array.isArray(input) ? Object.keys(input) : [];
}

function failureOf(error: ApiError): Failure {
  return {
    ok: false,
    code: error.code,
    message: error.message,
    ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
  };
}

/**
 * Runs one operation for one caller. `caller` names the session (an Electron window, the
 * preview page, a test, the command line); each has its own logged-in user.
 */
export async function dispatch<K extends OperationName>(
  base: ServiceContext,
  name: K | string,
  rawInput: unknown,
  caller = 'local',
): Promise<Result<Results[K]>> {
  if (!isOperationName(name)) {
    return { ok: false, code: 'E_UNKNOWN_OPERATION', message: `没有名为“${String(name)}”的操作。` };
  }
  const parsed = operations[name].safeParse(rawInput ?? undefined);
  if (!parsed.success) return validationFailure(parsed.error);
  let ctx: ServiceContext = base;
  try {
    const userId = base.sessions.userIdOf(caller);
    const user = userId ? await loadSessionUser(base, userId) : null;
    if (userId && !user) base.sessions.logOut(caller);
    ctx = { ...base, caller, user };
    checkPermission(ctx, name);
    const handler = handlers[name] as (c: ServiceContext, input: unknown) => Promise<Results[K]>;
    const value = await handler(ctx, parsed.data);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ApiError) {
      if (REFUSAL_CODES.has(error.code)) await recordRefusal(ctx, name, error);
      return failureOf(error);
    }
    if (error instanceof DatabaseOpenError) return { ok: false, code: error.code, message: error.message };
    const fault = databaseFault(error);
    if (fault) {
      // A busy database or a full disk is the person's to act on, but support wants to see it too.
      logFor(base.dataDir).warn('operation stopped by the database or disk', {
        operation: name,
        code: fault.code,
        caller,
      });
      return failureOf(fault);
    }
    // Unexpected: keep the detail in the log for support, show the person a plain sentence. The
    // input itself is never written (it may hold passwords or personal data): only its field names.
    logFor(base.dataDir).error('operation failed unexpectedly', error, {
      operation: name,
      caller,
      userId: ctx.user?.id ?? null,
      roles: ctx.user?.roles ?? [],
      inputFields: fieldNames(parsed.data),
    });
    return {
      ok: false,
      code: 'E_INTERNAL',
      message: '操作没有完成，程序遇到了意外问题。您填写的内容没有丢失，请重试；如仍不行，请联系技术人员。',
    };
  }
}
