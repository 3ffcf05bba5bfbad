// 备份与恢复: good and bad input for every backup operation, as every client calls it. The backup
// file itself (format, faults, restore) is tested in depth by tests/node/backup*.test.ts.
import type { BackupOperation } from '../../../src/main/backup/backupHandlers';
import type { OperationCases } from './shared';

export const backupCases: OperationCases<BackupOperation> = {} as OperationCases<BackupOperation>;
