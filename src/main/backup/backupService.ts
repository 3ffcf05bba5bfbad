// Taking a backup: a consistent snapshot of the live database (VACUUM INTO, never a copy of the
// live file), the evidence files it cites stored once by hash beside the backups, one checksummed
// (and, with a passphrase, encrypted) .dtbak file written under a temporary name, read back and
// checked, then renamed; a copy in the second folder; rotation. Synchronous throughout, so the
// same code runs in a worker thread (on request, daily, before an import) and inside openDatabase
// before a migration, where only the raw connection exists.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import dayjs from 'dayjs';
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, CamelCasePlugin } from 'kysely';
import type {
  BackupInfo,
  BackupKeep,
  BackupPlace,
  BackupSettings,
  BackupTrigger,
} from '../../shared/backup/backupModel';
import { ApiError } from '../api/errors';
import { isDiskFull } from '../api/databaseFaults';
import { APP_VERSION } from '../app/version';
import type { Database } from '../data/schema';
import { crashPoint } from '../durability/crashPoints';
import { fsyncDir, processAlive, renameDurable, siblingTemp } from '../durability/durableFiles';
import { blobPath, hashFileSync } from '../evidence/blobStore';
import { citingRows } from '../audit/integrityCheck';
import {
  BACKUP_EVIDENCE_DIR,
  BACKUP_EXTENSION,
  backupEvidencePath,
  backupInfoOf,
  deriveBackupKey,
  readBackupHeaderSync,
  readCatalogue,
  recordVerification,
  verifyBackupChecksumSync,
  writeBackupFileSync,
  writeCatalogue,
  type BackupHeader,
  type BackupKdf,
} from './backupFile';

export const BACKUPS_DIR = 'backups';
export const SETTINGS_KEY = 'backup_settings';
export const KEY_SETTING = 'backup_key';
const SYNC_KEYS = 'sync_keys';
const LOCAL_COURT_KEY = 'local_court_code';
const SECOND_STATUS = '.second-folder.json';

export const DEFAULT_KEEP: BackupKeep = { daily: 7, weekly: 4, monthly: 12, other: 10 };
export const DEFAULT_OFFSITE_DAYS = 7;

export const TRIGGER_WORDS: Record<BackupTrigger, string> = {
  daily: '每日',
  import: '导入前',
  migration: '升级前',
  manual: '手动',
  restore: '恢复前',
  recovery: '恢复包',
};

export const DISK_FULL_BACKUP = '磁盘已满，备份没有完成，以前的备份都还在。请清理磁盘空间（或换一个备份位置）后重试。';

/** What a backup is taken from: the data folder and an open connection to its database. */
export interface BackupSource {
  dataDir: string;
  sqlite: BetterSqlite3.Database;
  /** The structure version of the database as it is now (before a migration: the old one). */
  schemaVersion?: number;
  appVersion?: string;
}

export interface BackupOptions {
  /** Write exactly this file (its evidence store beside it); no second folder, no rotation. */
  out?: string;
  /** Encrypt with this passphrase instead of the one set in 设置. */
  passphrase?: string;
  now?: Date;
}

interface StoredKey {
  kdf: BackupKdf;
  key: string;
  setAt: string;
}

interface StoredSettings {
  secondFolder: string | null;
  keep: BackupKeep;
  offsiteReminderDays: number;
}

// --- settings (raw reads: they also run before a migration) --------------------------------------

function setting(sqlite: BetterSqlite3.Database, key: string): string | null {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function storedSettings(sqlite: BetterSqlite3.Database): StoredSettings {
  const raw = setting(sqlite, SETTINGS_KEY);
  const parsed = raw ? (JSON.parse(raw) as Partial<StoredSettings>) : {};
  return {
    secondFolder: parsed.secondFolder ?? null,
    keep: { ...DEFAULT_KEEP, ...(parsed.keep ?? {}) },
    offsiteReminderDays: parsed.offsiteReminderDays ?? DEFAULT_OFFSITE_DAYS,
  };
}

export function storedKey(sqlite: BetterSqlite3.Database): StoredKey | null {
  const raw = setting(sqlite, KEY_SETTING);
  return raw ? (JSON.parse(raw) as StoredKey) : null;
}

export function backupSettingsOf(sqlite: BetterSqlite3.Database): BackupSettings {
  const stored = storedSettings(sqlite);
  const key = storedKey(sqlite);
  return { ...stored, passphraseSet: key !== null, passphraseSetAt: key?.setAt ?? null };
}

export interface CourtOfFolder {
  code: string;
  name: string;
  id: string | null;
}

/** This installation's court, or null before set-up. */
export function courtOf(sqlite: BetterSqlite3.Database): CourtOfFolder | null {
  const code = setting(sqlite, LOCAL_COURT_KEY);
  if (!code) return null;
  const court = sqlite.prepare('SELECT id, name FROM courts WHERE code = ? AND origin = ?').get(code, code) as
    { id: string; name: string } | undefined;
  return { code, name: court?.name ?? code, id: court?.id ?? null };
}

export function auditHeadOf(sqlite: BetterSqlite3.Database): { seq: number; hash: string } {
  const raw = setting(sqlite, 'audit_head');
  return raw ? (JSON.parse(raw) as { seq: number; hash: string }) : { seq: 0, hash: '0'.repeat(64) };
}

// --- folders -----------------------------------------------------------------------------------

export function localBackupDir(dataDir: string): string {
  return path.join(dataDir, BACKUPS_DIR);
}

/** The court's own folder inside the second folder, so several courts can share one drive. */
export function secondBackupDir(secondFolder: string, courtCode: string): string {
  return path.join(secondFolder, `督导台备份-${courtCode}`);
}

/** The .dtbak files directly in a folder, newest name last. */
export function backupFilesIn(folder: string): string[] {
  try {
    return fs
      .readdirSync(folder)
      .filter((name) => name.endsWith(BACKUP_EXTENSION) && !name.startsWith('.'))
      .sort()
      .map((name) => path.join(folder, name));
  } catch {
    return [];
  }
}

export interface ListedBackup {
  file: string;
  header: BackupHeader;
}

/** Backups in a folder whose header reads, newest first. */
export function listBackups(folder: string): ListedBackup[] {
  const listed: ListedBackup[] = [];
  for (const file of backupFilesIn(folder)) {
    try {
      listed.push({ file, header: readBackupHeaderSync(file) });
    } catch {
      // damaged or foreign: not listed, never deleted by rotation
    }
  }
  return listed.sort((a, b) => (a.header.createdAt < b.header.createdAt ? 1 : -1));
}

export function infosIn(folder: string, place: BackupPlace): BackupInfo[] {
  return listBackups(folder).map(({ file, header }) => backupInfoOf(file, header, place));
}

// --- temporary files -----------------------------------------------------------------------------

/** siblingTemp names: `.<name>.<pid>-<uuid>.part`. */
const TEMP_NAME = /^\..*\.(\d+)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.part$/;

/** Removes temporary files a killed backup left in a backup folder and its evidence store. */
export function removeAbandonedBackupTemps(folder: string): number {
  let removed = 0;
  const sweep = (dir: string) => {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const owner = TEMP_NAME.exec(name);
      if (!owner || processAlive(Number(owner[1]))) continue;
      fs.rmSync(path.join(dir, name), { force: true, recursive: true });
      removed += 1;
    }
  };
  sweep(folder);
  const evidence = path.join(folder, BACKUP_EVIDENCE_DIR);
  let shards: string[] = [];
  try {
    shards = fs.readdirSync(evidence);
  } catch {
    // no evidence store yet
  }
  for (const shard of shards) sweep(path.join(evidence, shard));
  return removed;
}

// --- the evidence a snapshot cites ---------------------------------------------------------------

/** Compiles queries only: the snapshot is read through its own raw connection. */
const compiler = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
  plugins: [new CamelCasePlugin()],
});

function citedEvidence(snapshot: BetterSqlite3.Database): string[] {
  try {
    // The integrity check's own list of live rows citing evidence.
    const query = citingRows(compiler).compile();
    const rows = snapshot.prepare(query.sql).all(...(query.parameters as unknown[])) as { sha256: string }[];
    return [...new Set(rows.map((row) => row.sha256))];
  } catch {
    // A database from before some of those tables existed (a backup before a migration): every
    // column that names an evidence hash, in whatever tables it has.
    const shas = new Set<string>();
    const tables = snapshot.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    for (const { name } of tables) {
      const columns = snapshot.prepare('SELECT name FROM pragma_table_info(?)').all(name) as { name: string }[];
      for (const column of columns) {
        if (column.name !== 'sha256' && column.name !== 'evidence_sha256') continue;
        const rows = snapshot
          .prepare(`SELECT DISTINCT "${column.name}" AS sha FROM "${name}" WHERE "${column.name}" IS NOT NULL`)
          .all() as { sha: unknown }[];
        for (const row of rows) if (typeof row.sha === 'string' && /^[0-9a-f]{64}$/.test(row.sha)) shas.add(row.sha);
      }
    }
    return [...shas];
  }
}

/** Copies one file durably to `dest` (temp, flush, rename) and checks it holds `sha256`. */
function copyChecked(src: string, dest: string, sha256: string | null): boolean {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const temp = siblingTemp(dest);
  try {
    fs.copyFileSync(src, temp);
    if (sha256 !== null && hashFileSync(temp) !== sha256) {
      fs.rmSync(temp, { force: true });
      return false;
    }
    const fd = fs.openSync(temp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    renameDurable(temp, dest);
    return true;
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

function evidenceIntact(file: string, sha256: string, size: number): boolean {
  try {
    return fs.statSync(file).size === size && hashFileSync(file) === sha256;
  } catch {
    return false;
  }
}

// --- taking a backup -----------------------------------------------------------------------------

function fileNameFor(courtName: string, at: Date, trigger: BackupTrigger): string {
  const safeName = courtName.replace(/[\\/:*?"<>|\s]+/g, '');
  return `备份-${safeName}-${dayjs(at).format('YYYY-MM-DD-HHmmss')}-${TRIGGER_WORDS[trigger]}${BACKUP_EXTENSION}`;
}

function freeName(folder: string, name: string): string {
  let candidate = path.join(folder, name);
  for (let n = 2; fs.existsSync(candidate); n += 1)
    candidate = path.join(folder, name.replace(BACKUP_EXTENSION, `-${n}${BACKUP_EXTENSION}`));
  return candidate;
}

function diskFull(): ApiError {
  return new ApiError('E_DISK_FULL', DISK_FULL_BACKUP);
}

export interface BackupOutcome {
  info: BackupInfo;
  header: BackupHeader;
  /** Why the second folder got no copy (null: it did, or none is set). */
  secondFolderProblem: string | null;
}

/**
 * Takes one backup now. Throws ApiError (E_NO_PROFILE before set-up, E_DISK_FULL, E_BACKUP_…);
 * on any fault nothing is left under a final name and earlier backups are untouched.
 */
export function createBackupSync(
  source: BackupSource,
  trigger: BackupTrigger,
  options: BackupOptions = {},
): BackupOutcome {
  const now = options.now ?? new Date();
  const court = courtOf(source.sqlite);
  if (!court) throw new ApiError('E_NO_PROFILE', '还没有设置本院信息，没有可备份的数据。');
  const settings = storedSettings(source.sqlite);
  const stored = storedKey(source.sqlite);
  let key: Buffer | null = null;
  let kdf: BackupKdf | null = null;
  if (options.passphrase !== undefined) {
    const derived = deriveBackupKey(options.passphrase);
    key = derived.key;
    kdf = derived.kdf;
  } else if (stored) {
    key = Buffer.from(stored.key, 'base64');
    kdf = stored.kdf;
  }

  const folder = options.out ? path.dirname(path.resolve(options.out)) : localBackupDir(source.dataDir);
  const final = options.out ? path.resolve(options.out) : null;
  const temps: string[] = [];
  let outcome: BackupOutcome;
  try {
    fs.mkdirSync(folder, { recursive: true });
    // 1. The snapshot: one consistent read of the live database, whatever other writers do.
    const snapshot = siblingTemp(path.join(folder, 'snapshot.sqlite3'));
    temps.push(snapshot, `${snapshot}-journal`, `${snapshot}-wal`, `${snapshot}-shm`);
    source.sqlite.prepare('VACUUM INTO ?').run(snapshot);
    crashPoint('backup.snapshot');
    const copy = new BetterSqlite3(snapshot);
    let auditHead: { seq: number; hash: string };
    let cited: string[];
    try {
      if (!key) {
        // Without a passphrase the backup must not hold the court's private keys: overwrite their
        // bytes (secure_delete), not only unlink the rows.
        copy.pragma('secure_delete = ON');
        copy.prepare('DELETE FROM settings WHERE key IN (?, ?)').run(SYNC_KEYS, KEY_SETTING);
      }
      auditHead = auditHeadOf(copy);
      cited = citedEvidence(copy);
    } finally {
      copy.close();
    }

    // 2. The evidence, each file once in the folder's store, before the backup takes its name.
    const evidence: { sha256: string; size: number }[] = [];
    const missing: string[] = [];
    for (const sha256 of cited.sort()) {
      const src = blobPath(source.dataDir, sha256);
      let size: number;
      try {
        size = fs.statSync(src).size;
      } catch {
        missing.push(sha256);
        continue;
      }
      const dest = path.join(folder, BACKUP_EVIDENCE_DIR, sha256.slice(0, 2), sha256);
      if (!evidenceIntact(dest, sha256, size)) {
        if (!copyChecked(src, dest, sha256)) {
          missing.push(sha256);
          continue;
        }
        crashPoint('backup.evidence');
      }
      evidence.push({ sha256, size });
    }
    fsyncDir(folder);

    // 3. The file, under a temporary name; read back and checked whole; then its final name.
    const target = final ?? freeName(folder, fileNameFor(court.name, now, trigger));
    const temp = siblingTemp(target);
    temps.push(temp);
    const header = writeBackupFileSync(
      temp,
      snapshot,
      {
        format: 'court-backup',
        formatVersion: 1,
        createdAt: now.toISOString(),
        trigger,
        courtCode: court.code,
        courtName: court.name,
        courtId: court.id,
        schemaVersion: source.schemaVersion ?? (source.sqlite.pragma('user_version', { simple: true }) as number),
        appVersion: source.appVersion ?? APP_VERSION,
        keysIncluded: key !== null,
        kdf,
        auditHead,
        evidence,
        ...(missing.length ? { evidenceMissing: missing } : {}),
      },
      key,
    );
    crashPoint('backup.written');
    verifyBackupChecksumSync(temp);
    renameDurable(temp, target);
    crashPoint('backup.renamed');
    recordVerification(target, 'ok', new Date());
    outcome = { info: backupInfoOf(target, header, 'local'), header, secondFolderProblem: null };
  } catch (error) {
    for (const temp of temps) fs.rmSync(temp, { force: true });
    if (isDiskFull(error)) throw diskFull();
    throw error;
  } finally {
    for (const temp of temps) fs.rmSync(temp, { force: true });
  }

  if (!options.out) {
    if (settings.secondFolder) outcome.secondFolderProblem = copyToSecondFolder(source.dataDir, settings, outcome, now);
    rotate(localBackupDir(source.dataDir), settings.keep);
    if (settings.secondFolder && !outcome.secondFolderProblem)
      rotate(secondBackupDir(settings.secondFolder, court.code), settings.keep);
  }
  return outcome;
}

export interface SecondFolderStatus {
  at: string;
  ok: boolean;
  problem: string | null;
}

export function secondFolderStatus(dataDir: string): SecondFolderStatus | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(localBackupDir(dataDir), SECOND_STATUS), 'utf8')) as SecondFolderStatus;
  } catch {
    return null;
  }
}

function copyToSecondFolder(
  dataDir: string,
  settings: StoredSettings,
  outcome: BackupOutcome,
  now: Date,
): string | null {
  const second = settings.secondFolder!;
  let problem: string | null = null;
  try {
    if (!fs.statSync(second).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    const folder = secondBackupDir(second, outcome.header.courtCode);
    fs.mkdirSync(folder, { recursive: true });
    removeAbandonedBackupTemps(folder);
    for (const { sha256, size } of outcome.header.evidence) {
      const dest = path.join(folder, BACKUP_EVIDENCE_DIR, sha256.slice(0, 2), sha256);
      if (!evidenceIntact(dest, sha256, size)) copyChecked(backupEvidencePath(outcome.info.path, sha256), dest, sha256);
    }
    const target = freeName(folder, outcome.info.fileName);
    const temp = siblingTemp(target);
    try {
      copyChecked(outcome.info.path, temp, null);
      verifyBackupChecksumSync(temp);
      renameDurable(temp, target);
    } finally {
      fs.rmSync(temp, { force: true });
    }
    recordVerification(target, 'ok', new Date());
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problem =
      code === 'ENOENT' || code === 'ENOTDIR'
        ? `第二备份位置“${second}”找不到（U 盘或网络共享可能没有接上），这次备份只保存在本机。`
        : code === 'ENOSPC'
          ? `第二备份位置“${second}”磁盘已满，这次备份只保存在本机。`
          : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
            ? `没有权限写入第二备份位置“${second}”，这次备份只保存在本机。`
            : `复制到第二备份位置“${second}”时出错，这次备份只保存在本机。`;
  }
  const status: SecondFolderStatus = { at: now.toISOString(), ok: problem === null, problem };
  try {
    fs.writeFileSync(path.join(localBackupDir(dataDir), SECOND_STATUS), JSON.stringify(status));
  } catch {
    // the status is a courtesy for the overview; the backup itself is done
  }
  return problem;
}

// --- rotation ------------------------------------------------------------------------------------

function isoWeek(day: dayjs.Dayjs): string {
  // ISO 8601: the week belongs to the year of its Thursday.
  const weekday = (day.day() + 6) % 7;
  const thursday = day.subtract(weekday, 'day').add(3, 'day');
  const firstThursday = dayjs(new Date(thursday.year(), 0, 4));
  const firstWeekday = (firstThursday.day() + 6) % 7;
  const week1Monday = firstThursday.subtract(firstWeekday, 'day');
  const week = Math.floor(thursday.startOf('day').diff(week1Monday.startOf('day'), 'day') / 7) + 1;
  return `${thursday.year()}-W${String(week).padStart(2, '0')}`;
}

/** Which backups rotation keeps, from the list of one folder (newest first). */
export function backupsToKeep(
  list: ListedBackup[],
  keep: BackupKeep,
  catalogue = {} as ReturnType<typeof readCatalogue>,
): Set<string> {
  const kept = new Set<string>();
  // The daily backups make the 7-4-12 ladder. A backup someone asked for (手动), or taken before
  // an import, an upgrade or a restore, is kept by its own count per trigger, so neither the next
  // daily backup nor a morning of imports pushes a person's own backup out.
  const periodic = list.filter(({ header }) => header.trigger === 'daily');
  const others = list.filter(({ header }) => header.trigger !== 'daily');
  const keepNewestPer = (limit: number, bucket: (at: dayjs.Dayjs) => string) => {
    const seen = new Set<string>();
    for (const { file, header } of periodic) {
      const key = bucket(dayjs(header.createdAt));
      if (seen.has(key)) continue;
      if (seen.size >= limit) break;
      seen.add(key);
      kept.add(file);
    }
  };
  keepNewestPer(keep.daily, (at) => at.format('YYYY-MM-DD'));
  keepNewestPer(keep.weekly, isoWeek);
  keepNewestPer(keep.monthly, (at) => at.format('YYYY-MM'));
  const perTrigger = new Map<string, number>();
  for (const { file, header } of others) {
    const count = perTrigger.get(header.trigger) ?? 0;
    if (count >= keep.other) continue;
    perTrigger.set(header.trigger, count + 1);
    kept.add(file);
  }
  const newestVerified = list.find(({ file }) => catalogue[path.basename(file)]?.verified === 'ok');
  if (newestVerified) kept.add(newestVerified.file);
  return kept;
}

/** Deletes the backups rotation does not keep, then the evidence no remaining backup lists. */
export function rotate(folder: string, keep: BackupKeep): { removed: string[]; evidenceRemoved: number } {
  const list = listBackups(folder);
  const catalogue = readCatalogue(folder);
  const kept = backupsToKeep(list, keep, catalogue);
  const removed: string[] = [];
  for (const { file } of list) {
    if (kept.has(file)) continue;
    fs.rmSync(file, { force: true });
    delete catalogue[path.basename(file)];
    removed.push(file);
  }
  if (removed.length) {
    fsyncDir(folder);
    writeCatalogue(folder, catalogue);
  }
  // Files that are there but unreadable may list evidence too: then nothing is collected.
  const unreadable = backupFilesIn(folder).length !== list.length - removed.length;
  let evidenceRemoved = 0;
  if (!unreadable) {
    const listed = new Set(
      list.filter(({ file }) => kept.has(file)).flatMap(({ header }) => header.evidence.map((e) => e.sha256)),
    );
    const store = path.join(folder, BACKUP_EVIDENCE_DIR);
    let shards: string[] = [];
    try {
      shards = fs.readdirSync(store);
    } catch {
      // no evidence store
    }
    for (const shard of shards) {
      let names: string[] = [];
      try {
        names = fs.readdirSync(path.join(store, shard));
      } catch {
        continue;
      }
      for (const name of names) {
        if (!/^[0-9a-f]{64}$/.test(name) || listed.has(name)) continue;
        fs.rmSync(path.join(store, shard, name), { force: true });
        evidenceRemoved += 1;
      }
    }
  }
  return { removed, evidenceRemoved };
}
