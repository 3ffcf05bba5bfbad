// When backups are taken (on request, daily on first use, before an import, before a migration),
// the settings and passphrase the administrator sets, and what 本院挂图 and 设置 show of them.
import fs from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import type BetterSqlite3 from 'better-sqlite3';
import type {
  BackupHealth,
  BackupInfo,
  BackupLight,
  BackupOverview,
  BackupSettings,
  BackupTrigger,
} from '../../shared/backup/backupModel';
import type { ParsedInput } from '../../shared/api';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { hasRole } from '../access/access';
import { actorName } from '../access/accounts';
import { AuditAppender } from '../audit/auditLog';
import { DatabaseOpenError } from '../data/database';
import { writeTransaction } from '../data/transactions';
import { deriveBackupKey } from './backupFile';
import {
  KEY_SETTING,
  SETTINGS_KEY,
  auditHeadOf,
  backupSettingsOf,
  courtOf,
  createBackupSync,
  infosIn,
  listBackups,
  localBackupDir,
  secondBackupDir,
  secondFolderStatus,
  storedSettings,
} from './backupService';

const DAY = 24 * 60 * 60 * 1000;

/** Takes a backup in this thread (the worker's 'backup' op, the command line). */
export function backupHere(ctx: ServiceContext, trigger: BackupTrigger): BackupInfo {
  return createBackupSync(
    { dataDir: ctx.dataDir, sqlite: ctx.sqlite, schemaVersion: ctx.schemaVersion, appVersion: ctx.appVersion },
    trigger,
    { now: ctx.now() },
  ).info;
}

/** Starts a backup as a job in a worker thread. */
export function startBackupJob(ctx: ServiceContext, trigger: BackupTrigger): string {
  return ctx.jobs.start('backup', async (control) => {
    const backup = await ctx.workers.run({ op: 'backup', trigger }, { user: ctx.user, now: ctx.now(), control });
    return { kind: 'backupCreate', backup };
  });
}

const dailyStarted = new Map<string, string>();

/** The day's backup, on the first use of the day: started as a background job when there is none. */
export function ensureDailyBackup(ctx: ServiceContext): string | null {
  try {
    if (!courtOf(ctx.sqlite)) return null;
    const day = dayjs(ctx.now()).format('YYYY-MM-DD');
    if (dailyStarted.get(ctx.dataDir) === day) return null;
    const done = listBackups(localBackupDir(ctx.dataDir)).some(
      ({ header }) => header.trigger === 'daily' && dayjs(header.createdAt).format('YYYY-MM-DD') === day,
    );
    if (done) return null;
    dailyStarted.set(ctx.dataDir, day);
    return startBackupJob(ctx, 'daily');
  } catch {
    // a daily backup that cannot start now is tried at the next log-in; health shows its age
    return null;
  }
}

/** Forgets the day's started backup (tests open many folders in one process). */
export function forgetDailyBackups(): void {
  dailyStarted.clear();
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const text =
    error instanceof ApiError || error instanceof DatabaseOpenError
      ? error.message
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? '没有权限写入备份文件夹'
        : code === 'ENOTDIR' || code === 'EEXIST' || code === 'ENOENT'
          ? '备份文件夹（数据文件夹中的 backups）无法建立'
          : '写入备份时出错';
  return text.replace(/[。.]\s*$/, '');
}

/**
 * Before a real import: a backup, unless no court is set up or nothing changed since the newest
 * one. When it fails, the import is refused.
 */
export function backupBeforeImport(
  ctx: Pick<ServiceContext, 'dataDir' | 'sqlite' | 'schemaVersion' | 'appVersion' | 'now'>,
): BackupInfo | null {
  if (!courtOf(ctx.sqlite)) return null;
  const head = auditHeadOf(ctx.sqlite);
  const newest = listBackups(localBackupDir(ctx.dataDir))[0];
  if (newest && newest.header.auditHead.seq === head.seq && newest.header.auditHead.hash === head.hash) return null;
  try {
    return createBackupSync(
      { dataDir: ctx.dataDir, sqlite: ctx.sqlite, schemaVersion: ctx.schemaVersion, appVersion: ctx.appVersion },
      'import',
      { now: ctx.now() },
    ).info;
  } catch (error) {
    throw new ApiError(
      error instanceof ApiError && error.code === 'E_DISK_FULL' ? 'E_DISK_FULL' : 'E_BACKUP_FAILED',
      `导入前的自动备份没有完成：${reason(error)}，为保护数据没有导入。`,
    );
  }
}

/** openDatabase's hook: before a migration of an existing court's database, a backup or no migration. */
export function backupBeforeMigration(dataDir: string, sqlite: BetterSqlite3.Database, fromVersion: number): void {
  if (!courtOf(sqlite)) return;
  try {
    createBackupSync({ dataDir, sqlite, schemaVersion: fromVersion }, 'migration');
  } catch (error) {
    throw new DatabaseOpenError(
      'E_DB_BACKUP',
      `升级数据库前的自动备份没有完成（${reason(error)}），为保护数据没有升级，数据未被改动。请处理后重新打开。`,
    );
  }
}

// --- health and overview -------------------------------------------------------------------------

function secondFolderReachable(folder: string | null): boolean | null {
  if (!folder) return null;
  try {
    fs.accessSync(folder, fs.constants.W_OK);
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

function secondInfos(ctx: ServiceContext, secondFolder: string | null): BackupInfo[] {
  const court = courtOf(ctx.sqlite);
  if (!secondFolder || !court) return [];
  return infosIn(secondBackupDir(secondFolder, court.code), 'second');
}

function describeAt(at: Date, now: Date): string {
  const days = dayjs(now).startOf('day').diff(dayjs(at).startOf('day'), 'day');
  const time = dayjs(at).format('HH:mm');
  if (days === 0) return `今天 ${time}`;
  if (days === 1) return `昨天 ${time}`;
  return dayjs(at).format('YYYY年M月D日');
}

export function backupHealthOf(ctx: ServiceContext, local: BackupInfo[], second: BackupInfo[]): BackupHealth {
  const settings = backupSettingsOf(ctx.sqlite);
  const now = ctx.now();
  const good = [...local, ...second].filter((b) => b.verified === 'ok').map((b) => b.createdAt);
  const lastGoodAt = good.sort().at(-1) ?? null;
  const ageDays = lastGoodAt ? Math.max(0, Math.floor((now.getTime() - Date.parse(lastGoodAt)) / DAY)) : null;
  const light: BackupLight = ageDays === null || ageDays >= 7 ? 'red' : ageDays >= 2 ? 'yellow' : 'green';
  const lastOffsiteAt =
    second
      .map((b) => b.createdAt)
      .sort()
      .at(-1) ?? null;
  const offsiteAge = lastOffsiteAt ? (now.getTime() - Date.parse(lastOffsiteAt)) / DAY : null;
  const offsiteReminder = offsiteAge === null || offsiteAge > settings.offsiteReminderDays;
  let summary = lastGoodAt
    ? `最近一次备份：${describeAt(new Date(lastGoodAt), now)}，已校验`
    : '还没有可用的备份，请在“设置 → 备份与恢复”中立即备份';
  if (lastGoodAt && ageDays !== null && ageDays >= 2) summary += `（已 ${ageDays} 天没有新备份）`;
  if (offsiteReminder)
    summary += settings.secondFolder
      ? `；已超过 ${settings.offsiteReminderDays} 天没有复制到第二备份位置`
      : '；还没有设置第二备份位置（U 盘或网络共享），电脑损坏时备份会一起丢失';
  return {
    lastGoodAt,
    ageDays,
    light,
    lastOffsiteAt,
    offsiteReminder,
    passphraseSet: settings.passphraseSet,
    summary: `${summary}。`,
  };
}

export function backupHealth(ctx: ServiceContext): BackupHealth {
  const settings = storedSettings(ctx.sqlite);
  return backupHealthOf(ctx, infosIn(localBackupDir(ctx.dataDir), 'local'), secondInfos(ctx, settings.secondFolder));
}

export function backupOverview(ctx: ServiceContext): BackupOverview {
  const settings = backupSettingsOf(ctx.sqlite);
  const local = infosIn(localBackupDir(ctx.dataDir), 'local');
  const second = secondInfos(ctx, settings.secondFolder);
  const health = backupHealthOf(ctx, local, second);
  const status = secondFolderStatus(ctx.dataDir);
  if (settings.secondFolder && status && !status.ok && status.problem)
    health.summary = `${health.summary}上次${status.problem}`;
  return {
    backups: [...local, ...second].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)),
    settings,
    health,
    secondFolderReachable: secondFolderReachable(settings.secondFolder),
  };
}

/** Backups in a folder the person points at, and in its 督导台备份-<code> folders. */
export function findBackups(ctx: ServiceContext, folder: string): BackupInfo[] {
  if (courtOf(ctx.sqlite) && !(ctx.user && hasRole(ctx.user, 'admin')))
    throw new ApiError('E_FORBIDDEN', '只有管理员可以查找和使用备份。');
  fullFolderPath(folder, 'folder');
  let names: string[];
  try {
    if (!fs.statSync(folder).isDirectory()) throw new Error('not a folder');
    names = fs.readdirSync(folder);
  } catch {
    throw new ApiError('E_NOT_FOUND', `找不到文件夹“${folder}”，请检查 U 盘是否插好或重新选择。`);
  }
  const local = path.resolve(localBackupDir(ctx.dataDir));
  const placeOf = (dir: string) => (path.resolve(dir) === local ? 'local' : 'other');
  const found = infosIn(folder, placeOf(folder));
  for (const name of names.filter((n) => n.startsWith('督导台备份-')).sort())
    found.push(...infosIn(path.join(folder, name), 'other'));
  return found.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

/** A folder given in full (a relative path would land in whatever folder the program runs from). */
function fullFolderPath(folder: string, field: string): void {
  if (path.isAbsolute(folder)) return;
  const message = `“${folder}”不是完整的文件夹路径，请点“选择文件夹…”或填写以盘符或“/”开头的路径。`;
  throw new ApiError('E_INVALID', message, { [field]: message });
}

// --- settings --------------------------------------------------------------------------------------

async function saveSetting(
  ctx: ServiceContext,
  key: string,
  value: string,
  audit: { operation: string; after: unknown },
) {
  const user = ctx.user;
  await writeTransaction(ctx.db, async (trx) => {
    await trx
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
    const appender = AuditAppender.for(trx);
    await appender.append({
      at: dayjs(ctx.now()).format('YYYY-MM-DDTHH:mm:ssZ'),
      actor: user ? actorName(user) : '系统',
      court: courtOf(ctx.sqlite)?.code ?? '',
      operation: audit.operation,
      tableName: 'settings',
      rowId: key,
      before: null,
      after: audit.after,
    });
    await appender.flush();
  });
}

export async function updateBackupSettings(
  ctx: ServiceContext,
  input: ParsedInput<'backup.updateSettings'>,
): Promise<BackupSettings> {
  if (input.secondFolder !== null) {
    fullFolderPath(input.secondFolder, 'secondFolder');
    let isFolder = false;
    try {
      isFolder = fs.statSync(input.secondFolder).isDirectory();
    } catch {
      // refused below
    }
    if (!isFolder) {
      const message = `找不到文件夹“${input.secondFolder}”，请确认 U 盘或网络共享已接好，或重新选择。`;
      throw new ApiError('E_NOT_FOUND', message, { secondFolder: message });
    }
  }
  const value = { secondFolder: input.secondFolder, keep: input.keep, offsiteReminderDays: input.offsiteReminderDays };
  await saveSetting(ctx, SETTINGS_KEY, JSON.stringify(value), { operation: 'backup-settings', after: value });
  return backupSettingsOf(ctx.sqlite);
}

export async function setBackupPassphrase(
  ctx: ServiceContext,
  input: ParsedInput<'backup.setPassphrase'>,
): Promise<BackupSettings> {
  const { key, kdf } = deriveBackupKey(input.passphrase);
  const setAt = ctx.now().toISOString();
  // Only that it was set, by whom and when: never the passphrase, its key or its check.
  await saveSetting(ctx, KEY_SETTING, JSON.stringify({ kdf, key: key.toString('base64'), setAt }), {
    operation: 'backup-passphrase',
    after: { passphraseSet: true, setAt },
  });
  return backupSettingsOf(ctx.sqlite);
}
