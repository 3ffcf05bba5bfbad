// The backup part of the operation table (设置 → 备份与恢复, 本院挂图's backup light).
import type { backupOperations } from '../../shared/backup/backupContract';
import type { AreaHandlers } from '../api/handlerTypes';
import { ApiError } from '../api/errors';

/** Exactly the operations of src/shared/backup/backupContract.ts. */
export type BackupOperation = keyof typeof backupOperations;

const notYet = async (): Promise<never> => {
  throw new ApiError('E_INTERNAL', '备份功能尚未完成');
};

export const backupHandlers: AreaHandlers<BackupOperation> = {
  'backup.overview': notYet,
  'backup.health': notYet,
  'backup.create': notYet,
  'backup.updateSettings': notYet,
  'backup.setPassphrase': notYet,
  'backup.find': notYet,
  'backup.inspect': notYet,
  'backup.restore': notYet,
};
