// Faults of the database or the disk that a person can act on, in plain words: another window or
// the command line holding the database, or a full disk. Shared by the operation dispatcher, the
// sync worker and the command line, so none of them shows "内部错误" for these.
import { ApiError } from './errors';

export function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  const message = (error as Error)?.message ?? '';
  return (
    code === 'SQLITE_BUSY' ||
    code === 'SQLITE_LOCKED' ||
    (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) ||
    /SQLITE_BUSY|database is locked/i.test(message)
  );
}

export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  const message = (error as Error)?.message ?? '';
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || /SQLITE_FULL|ENOSPC/i.test(message);
}

export const BUSY_MESSAGE =
  '数据库正被另一个窗口或命令行占用（可能正在导入同步包），这次操作没有完成。请稍后重试，您填写的内容没有丢失。';
export const DISK_FULL_MESSAGE = '磁盘空间不足，这次操作没有完成。请清理磁盘后再试，您填写的内容没有丢失。';

/** The refusal for a database or disk fault, or null for any other error. */
export function databaseFault(error: unknown): ApiError | null {
  if (error instanceof ApiError) return null;
  if (isDatabaseBusy(error)) return new ApiError('E_BUSY', BUSY_MESSAGE);
  if (isDiskFull(error)) return new ApiError('E_DISK_FULL', DISK_FULL_MESSAGE);
  return null;
}

/**
 * A file-system failure while saving `what` (同步包, 报表 …) into `folder` — often a USB stick —
 * in words a clerk can act on: a full disk, no permission, a folder gone (the stick pulled out).
 * Anything that is not a file-system failure is returned unchanged.
 */
export function saveFault(error: unknown, folder: string, what: string): Error {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC')
    return new ApiError('E_DISK_FULL', `“${folder}”所在的磁盘已满，${what}没有保存。请清理空间或换一个文件夹后重试。`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new ApiError('E_WRITE', `没有权限写入“${folder}”，${what}没有保存。请换一个文件夹后重试。`);
  if (code === 'ENOENT')
    return new ApiError(
      'E_NO_FOLDER',
      `文件夹“${folder}”已不存在（U 盘可能已拔出），${what}没有保存。请插好 U 盘后重试。`,
    );
  if ((error as { syscall?: unknown })?.syscall !== undefined)
    return new ApiError('E_WRITE', `保存${what}时出错，${what}没有保存。请重试或换一个文件夹。`);
  return error as Error;
}
