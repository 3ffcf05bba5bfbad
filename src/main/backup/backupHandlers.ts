// The backup part of the operation table (设置 → 备份与恢复, 本院挂图's backup light).
import type { backupOperations } from '../../shared/backup/backupContract';
import type { AreaHandlers } from '../api/handlerTypes';
import { ApiError } from '../api/errors';
import {
  backupHealth,
  backupOverview,
  findBackups,
  setBackupPassphrase,
  startBackupJob,
  updateBackupSettings,
} from './backupJobs';
import { courtOf } from './backupService';
import { startInspectJob, startRestoreJob } from './restoreHandlers';

/** Exactly the operations of src/shared/backup/backupContract.ts. */
export type BackupOperation = keyof typeof backupOperations;

export const backupHandlers: AreaHandlers<BackupOperation> = {
  'backup.overview': async (ctx) => backupOverview(ctx),
  'backup.health': async (ctx) => backupHealth(ctx),
  'backup.create': async (ctx) => {
    if (!courtOf(ctx.sqlite)) throw new ApiError('E_NO_PROFILE', '请先完成本院信息设置，再备份。');
    return { jobId: startBackupJob(ctx, 'manual') };
  },
  'backup.updateSettings': (ctx, input) => updateBackupSettings(ctx, input),
  'backup.setPassphrase': (ctx, input) => setBackupPassphrase(ctx, input),
  'backup.find': async (ctx, input) => findBackups(ctx, input.folder),
  'backup.inspect': (ctx, input) => startInspectJob(ctx, input),
  'backup.restore': (ctx, input) => startRestoreJob(ctx, input),
};
