// The refusals of the bundle format layer, one plain Chinese message per stable code. Tests and
// the command line match on the code; court clerks read the message.
import { ApiError } from '../../api/errors';

export type BundleErrorCode =
  | 'E_NOT_BUNDLE'
  | 'E_TRUNCATED'
  | 'E_CORRUPT'
  | 'E_TAMPERED'
  | 'E_UNSIGNED'
  | 'E_BAD_SIGNATURE'
  | 'E_FUTURE_FORMAT'
  | 'E_PATH'
  | 'E_TOO_LARGE'
  | 'E_WRONG_KEY';

const MESSAGES: Record<BundleErrorCode, string> = {
  E_NOT_BUNDLE: '这个文件不是本系统导出的同步数据包。',
  E_TRUNCATED: '同步数据包不完整，文件末尾缺了一部分（可能复制时中断），请重新复制或重新导出。',
  E_CORRUPT: '同步数据包的结构已损坏，无法读取，请重新复制或重新导出。',
  E_TAMPERED: '同步数据包的内容与清单记载的不一致，可能在传递中被改动或损坏，已拒绝导入。',
  E_UNSIGNED: '同步数据包没有签名，无法确认来源，已拒绝导入。',
  E_BAD_SIGNATURE: '同步数据包的签名与发送法院的密钥不符，可能被改动或并非该院导出，已拒绝导入。',
  E_FUTURE_FORMAT: '这个同步数据包由更新版本的程序生成，请先升级本程序再导入。',
  E_PATH: '同步数据包里有名称不合规定的文件，为安全起见已拒绝导入。',
  E_TOO_LARGE: '同步数据包中的内容超过了允许的大小，为安全起见已拒绝导入。',
  E_WRONG_KEY: '这个加密数据包不是发给本院的（接收方密钥不符），本院无法解密。',
};

export function bundleError(code: BundleErrorCode, message: string = MESSAGES[code]): ApiError {
  return new ApiError(code, message);
}

/** "512 MB", "4 GB": sizes in messages people read. */
export function readableSize(bytes: number): string {
  const units = ['字节', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 || Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${shown} ${units[unit]}`;
}
