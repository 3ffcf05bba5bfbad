// The verified restore (从备份恢复): refused while another process holds the folder; every check
// of the inspection again, on a fresh staged copy; the current data kept as a backup of its own
// (or, when it cannot even be read, its files moved aside under a 损坏 name); the evidence the
// backup needs placed durably in the content-addressed store before any row citing it lands; the
// restore recorded in the restored audit chain; then the swap.
//
// The swap is one SQLite transaction on the live database file: the backup API copies the staged
// database INTO it, so the app's own open connection and its worker threads stay valid and see
// the new data, and a process killed mid-copy leaves an uncommitted transaction that SQLite rolls
// back — the old data, whole. With no readable live database, the flushed staged file takes the
// database's name by an atomic rename. Either way a kill -9 at any moment leaves the old data or
// the new, never a mix; evidence placed for a swap that never happened is removed at the next
// start (the file journal), and the staged files too.
import fs from 'node:fs';
import dayjs from 'dayjs';
import type { BackupInfo, BackupInspection, RestoreResult } from '../../shared/backup/backupModel';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { AuditAppender } from '../audit/auditLog';
import { writeTransaction } from '../data/transactions';
import { crashPoint } from '../durability/crashPoints';
import { fsyncDir, fsyncFile, renameDurable } from '../durability/durableFiles';
import { BlobWriter, hashFile } from '../evidence/blobStore';
import { createBackupSync } from './backupService';
import { refuseIfFolderInUse } from './folderUse';
import {
  closeLive,
  failureError,
  inspectionOf,
  liveDatabasePath,
  openLive,
  verifyBackup,
  type LiveData,
  type RestoreOptions,
  type Verified,
} from './restoreChecks';

export interface RestoreRunOptions extends RestoreOptions {
  /** Who restores, for the audit entry (the administrator's name; the command line's operator). */
  actor?: string;
  now?: () => Date;
  /** Other work running in this process (the app's jobs): a restore must not swap under it. */
  busyWith?: () => string | null;
  /** Told what the checks found, pass or fail, before anything is replaced (the command line prints it). */
  onVerified?: (inspection: BackupInspection) => void;
}

const KEYS_SETTING = 'sync_keys';
/** Pages per step of the copy into the live database: a small first step, so progress shows at once. */
const FIRST_COPY_PAGES = 64;
const COPY_PAGES = 4096;

/** Moves a damaged database's files aside (court.sqlite3.损坏-YYYYMMDD-HHmmss, -wal, -shm). */
function setDamagedAside(dataDir: string, now: Date): string | null {
  const live = liveDatabasePath(dataDir);
  const suffix = `.损坏-${dayjs(now).format('YYYYMMDD-HHmmss')}`;
  // The -wal and -shm first: a stale write-ahead log beside the new database would be replayed
  // into it. The main file is copied aside and then replaced by a rename, so the name is never empty.
  for (const extra of ['-wal', '-shm', '-journal']) {
    const file = `${live}${extra}`;
    if (fs.existsSync(file)) renameDurable(file, `${live}${suffix}${extra}`);
  }
  if (!fs.existsSync(live)) return null;
  const aside = `${live}${suffix}`;
  fs.copyFileSync(live, aside);
  fsyncFile(aside);
  fsyncDir(dataDir);
  return aside;
}

/** The court's keys of the current data go into a backup taken without them. */
async function carryKeys(live: LiveData, verified: Verified): Promise<void> {
  if (!verified.keyless || live.kind !== 'open' || !verified.staged?.opened) return;
  const row = await live.db.selectFrom('settings').select('value').where('key', '=', KEYS_SETTING).executeTakeFirst();
  if (!row) return;
  await writeTransaction(verified.staged.opened.db, async (trx) => {
    await trx
      .insertInto('settings')
      .values({ key: KEYS_SETTING, value: row.value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value }))
      .execute();
  });
}

/** The restore, recorded in the restored chain itself: it lands with the data, in the same swap. */
async function recordRestore(verified: Verified, actor: string, at: string): Promise<void> {
  const staged = verified.staged!.opened!;
  const info = verified.info;
  await writeTransaction(staged.db, async (trx) => {
    const appender = AuditAppender.for(trx);
    await appender.append({
      at,
      actor,
      court: info.courtCode,
      operation: 'backup-restore',
      tableName: 'backups',
      rowId: info.fileName,
      before: null,
      after: {
        说明: '从备份恢复',
        备份文件: info.fileName,
        备份时间: info.createdAt,
        备份原因: info.trigger,
      },
    });
    await appender.flush();
  });
}

/** Copies the evidence the backup needs into the data folder's store; durable before the swap. */
async function placeEvidence(
  dataDir: string,
  verified: Verified,
  blobs: BlobWriter,
  progress: (done: number, total: number, message: string) => void,
): Promise<void> {
  const total = verified.evidenceSources.length;
  let done = 0;
  for (const source of verified.evidenceSources) {
    done += 1;
    progress(done, total, `复制佐证材料 ${done}/${total}`);
    await blobs.place(source.sha256, source.size, async (temp) => {
      fs.copyFileSync(source.from, temp);
      // Checked again as copied: the backup's store may have changed since it was verified.
      const copied = await hashFile(temp);
      if (copied.sha256 !== source.sha256 || copied.size !== source.size)
        throw new ApiError('E_BACKUP_DAMAGED', '复制佐证材料时发现备份中的文件与记录不符，恢复已停止，数据没有改动。');
    });
  }
  void dataDir;
}

/** Every account of the data before and after: their sessions end (the screens go back to 登录). */
async function userIds(db: ServiceContext['db']): Promise<string[]> {
  return (await db.selectFrom('users').select('id').execute()).map((row) => row.id);
}

/**
 * Restores `file` into the data folder. Throws ApiError on any refusal (E_IN_USE, the codes of the
 * checks, E_DISK_FULL for the copy of the current data); the data folder is then unchanged.
 */
export async function restoreBackup(options: RestoreRunOptions): Promise<RestoreResult> {
  const progress = options.onProgress ?? (() => undefined);
  const now = options.now ?? (() => new Date());
  const refuseIfBusy = () => {
    refuseIfFolderInUse(options.dataDir);
    const busy = options.busyWith?.();
    if (busy) throw new ApiError('E_IN_USE', `本程序正在进行“${busy}”，请等它完成后再恢复，数据没有改动。`);
  };
  refuseIfBusy();

  const live = openLive(options);
  let verified: Verified | null = null;
  let blobs: BlobWriter | null = null;
  try {
    verified = await verifyBackup(options, live);
    options.onVerified?.(inspectionOf(verified));
    const refusal = failureError(verified);
    if (refusal) throw refusal;
    const staged = verified.staged!;

    // The current data, kept first: as a backup of its own, or (unreadable) moved aside.
    progress(0, 0, '保留当前数据');
    let safetyBackup: BackupInfo | null = null;
    if (live.kind === 'open' && verified.current) {
      safetyBackup = createBackupSync({ dataDir: options.dataDir, sqlite: live.sqlite }, 'restore', {
        now: now(),
      }).info;
    }

    await carryKeys(live, verified);
    await recordRestore(verified, options.actor ?? '系统管理员', dayjs(now()).format('YYYY-MM-DDTHH:mm:ssZ'));
    // Everything the staged copy holds is in its main file, so it can be copied or renamed whole.
    staged.opened!.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    crashPoint('restore.staged');

    blobs = new BlobWriter(options.dataDir);
    await placeEvidence(options.dataDir, verified, blobs, progress);
    crashPoint('restore.evidence');

    // Checked again just before the swap: a window may have opened the folder meanwhile.
    refuseIfBusy();
    progress(0, 0, '替换数据');
    const before = live.kind === 'open' ? await userIds(live.db) : [];
    if (live.kind === 'open') {
      let steps = 0;
      await staged.opened!.sqlite.backup(liveDatabasePath(options.dataDir), {
        progress: ({ totalPages, remainingPages }) => {
          crashPoint('restore.copy');
          progress(totalPages - remainingPages, totalPages, '替换数据');
          steps += 1;
          return steps === 1 ? FIRST_COPY_PAGES : COPY_PAGES;
        },
      });
      await staged.discard();
    } else {
      await staged.close();
      if (live.kind === 'damaged') setDamagedAside(options.dataDir, now());
      else
        for (const extra of ['-wal', '-shm', '-journal'])
          fs.rmSync(`${liveDatabasePath(options.dataDir)}${extra}`, { force: true });
      crashPoint('restore.copy');
      fsyncFile(staged.file);
      renameDurable(staged.file, liveDatabasePath(options.dataDir));
      await staged.discard();
    }
    crashPoint('restore.swap');
    await blobs.committed();
    blobs = null;

    // Every screen goes back to 登录: the accounts, and who may do what, are those of the backup.
    if (options.services) {
      for (const id of new Set([...before, ...(await userIds(options.services.db))]))
        options.services.sessions.endAllFor(id);
    }
    return { restored: verified.info, safetyBackup, holds: verified.holds! };
  } catch (error) {
    blobs?.discard();
    throw error;
  } finally {
    await verified?.staged?.discard();
    await closeLive(live);
  }
}
