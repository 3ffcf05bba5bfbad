// 备份与恢复: the court's backups (taken by the program itself and on request), their settings, and
// the verified restore. Inspecting and restoring are also open before a court is set up (a
// reinstalled computer); the service then refuses them once a court exists and the caller is not
// an administrator.
import * as z from 'zod';
import { ADMIN, defineOperation } from '../contract';
import { hasControlCharacters } from '../controlCharacters';
import { empty, exactText, exportFolder } from '../common/schemas';
import type { BackupHealth, BackupInfo, BackupOverview, BackupSettings } from './backupModel';

/** A backup file's full path, as listed by backup.overview or backup.find. */
export const backupPath = z
  .string({ error: '请选择备份文件' })
  .refine((v) => !hasControlCharacters(v), '文件路径不能包含控制字符')
  .trim()
  .min(1, '请选择备份文件')
  .max(1000, '文件路径过长');

/** The backup passphrase: exactly as typed (never trimmed or cleaned). */
export const backupPassphrase = exactText(200, '备份口令');

const keepCount = (label: string, max: number) =>
  z
    .number({ error: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .min(0, `${label}不能小于 0`)
    .max(max, `${label}不能超过 ${max}`);

export const backupOperations = {
  'backup.overview': defineOperation<BackupOverview>()(empty, ADMIN),
  /** For 本院挂图: everyone sees how old the last good backup is. */
  'backup.health': defineOperation<BackupHealth>()(empty, 'user'),
  'backup.create': defineOperation<{ jobId: string }>()(empty, ADMIN),
  'backup.updateSettings': defineOperation<BackupSettings>()(
    z.object({
      secondFolder: z.union([exportFolder, z.null()]),
      keep: z.object({
        daily: keepCount('保留的每日备份数', 60).min(1, '每日备份至少保留 1 份'),
        weekly: keepCount('保留的每周备份数', 52),
        monthly: keepCount('保留的每月备份数', 120),
        other: keepCount('保留的导入前等备份数', 100),
      }),
      offsiteReminderDays: z
        .number({ error: '提醒天数必须是数字' })
        .int('提醒天数必须是整数')
        .min(1, '提醒天数至少为 1 天')
        .max(365, '提醒天数不能超过 365 天'),
    }),
    ADMIN,
  ),
  /** Sets or changes the passphrase new backups are encrypted with (older ones keep theirs). */
  'backup.setPassphrase': defineOperation<BackupSettings>()(
    z.object({ passphrase: backupPassphrase.refine((v) => [...v].length >= 8, '备份口令至少 8 个字符') }),
    ADMIN,
  ),
  /** Backups found in a folder the person points at (a USB drive, a network share). */
  'backup.find': defineOperation<BackupInfo[]>()(z.object({ folder: exportFolder }), 'public'),
  /** Verifies a backup whole and sets what it holds against the current data (a job). */
  'backup.inspect': defineOperation<{ jobId: string }>()(
    z.object({ path: backupPath, passphrase: backupPassphrase.optional() }),
    'public',
  ),
  /** Verifies again, keeps the current data as a backup of its own, then swaps (a job). */
  'backup.restore': defineOperation<{ jobId: string }>()(
    z.object({ path: backupPath, passphrase: backupPassphrase.optional() }),
    'public',
  ),
};
