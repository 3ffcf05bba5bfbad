// What a process that died mid-operation (kill -9, a power cut, a crash) left behind is settled
// when the data folder is next opened — by any face of the program (window, preview, command
// line, sync worker): files noted in abandoned journals are kept only if the committed database
// cites them, temporary files of dead processes are removed, uploads abandoned for a day are
// removed, and exports interrupted between reserving their number and completing are completed
// or released. Work of processes still
// running is never touched.
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { blobPath } from '../evidence/blobStore';
import { settlePendingExports } from '../sync/outbox';
import { syncPath } from '../sync/syncHistory';
import { removeAbandonedUploads } from '../uploads/uploads';
import { processAlive } from './durableFiles';
import { settleAbandonedJournals } from './fileJournal';
import { logFor } from '../logging/log';
import { localBackupDir, removeAbandonedBackupTemps } from '../backup/backupService';

/** Temporary names carry the writing process's id: `<label>-<pid>-<uuid>`. */
const TEMP_OWNER = /-(\d+)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** Removes temporary files and folders in `dir` whose process is no longer running. */
export function removeAbandonedTemps(dir: string): number {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const owner = TEMP_OWNER.exec(name);
    // Names without an owner were written by an earlier version of the program, long finished.
    if (owner && processAlive(Number(owner[1]))) continue;
    fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}

export interface RecoveryReport {
  filesRemoved: number;
  tempsRemoved: number;
  uploadsRemoved: number;
}

export function recoverUnfinishedWork(dataDir: string, sqlite: BetterSqlite3.Database): RecoveryReport {
  const report: RecoveryReport = { filesRemoved: 0, tempsRemoved: 0, uploadsRemoved: 0 };
  try {
    report.uploadsRemoved = removeAbandonedUploads(dataDir);
    report.filesRemoved = settleAbandonedJournals(dataDir, sqlite, (sha256) => blobPath(dataDir, sha256));
    report.tempsRemoved = removeAbandonedTemps(syncPath(dataDir, 'tmp'));
    report.tempsRemoved += removeAbandonedBackupTemps(localBackupDir(dataDir));
    settlePendingExports({ sqlite });
  } catch (error) {
    // A database busy with another process's long import: what is left waits for the next start.
    logFor(dataDir).warn('unfinished work could not be settled now; it waits for the next start', { ...report }, error);
    return report;
  }
  if (report.filesRemoved + report.tempsRemoved + report.uploadsRemoved > 0)
    logFor(dataDir).info('recovered after an interrupted run', { ...report });
  return report;
}
