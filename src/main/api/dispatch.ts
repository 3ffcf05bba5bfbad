// Validates input against the shared schema, runs the handler, and turns every failure into a
// `{ ok: false, code, message }` value with a Chinese message. Nothing thrown crosses a boundary.
import { z } from 'zod';
import { operations, type Failure, type OperationName, type Result, type Results } from '../../shared/api';
import { DatabaseOpenError } from '../data/database';
import { ApiError } from './errors';
import type { ServiceContext } from './context';
import { handlers } from './handlers';

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

export async function dispatch<K extends OperationName>(
  ctx: ServiceContext,
  name: K | string,
  rawInput: unknown,
): Promise<Result<Results[K]>> {
  if (!isOperationName(name)) {
    return { ok: false, code: 'E_UNKNOWN_OPERATION', message: `没有名为“${String(name)}”的操作。` };
  }
  const parsed = operations[name].safeParse(rawInput ?? undefined);
  if (!parsed.success) return validationFailure(parsed.error);
  try {
    const handler = handlers[name] as (c: ServiceContext, input: unknown) => Promise<Results[K]>;
    const value = await handler(ctx, parsed.data);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ApiError) {
      return { ok: false, code: error.code, message: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) };
    }
    if (error instanceof DatabaseOpenError) return { ok: false, code: error.code, message: error.message };
    const message = (error as Error)?.message ?? String(error);
    if (/SQLITE_BUSY|database is locked/i.test(message)) {
      return { ok: false, code: 'E_BUSY', message: '数据库正忙，请稍后再试。您填写的内容没有丢失。' };
    }
    if (/SQLITE_FULL|ENOSPC/i.test(message)) {
      return { ok: false, code: 'E_DISK_FULL', message: '磁盘空间不足，保存失败。请清理磁盘后再试，您填写的内容没有丢失。' };
    }
    // Unexpected: keep the detail in the log for support, show the person a plain sentence.
    console.error(`[${name}]`, error);
    return { ok: false, code: 'E_INTERNAL', message: '操作没有完成，程序遇到了意外问题。您填写的内容没有丢失，请重试；如仍不行，请联系技术人员。' };
  }
}
