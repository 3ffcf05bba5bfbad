// Verifying a backup before anything is replaced (备份与恢复 → 恢复前核对): the file whole, the
// court it belongs to, the program version that wrote it, the passphrase, the database inside it
// (SQLite's full integrity check, then opened the way the program opens any database, so a backup
// from an older version is upgraded — on the staged copy only), its audit chain, and every
// evidence file it needs. The database is staged in <data>/restore-tmp/, noted in a file journal
// first, so a process killed mid-check leaves nothing the next start does not remove.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type {
  BackupCheck,
  BackupInfo,
  BackupInspection,
  BackupPlace,
  DataSummary,
} from '../../shared/backup/backupModel';
import { ApiError } from '../api/errors';
import type { ServiceContext } from '../api/context';
import { DATABASE_FILE, DatabaseOpenError, loadMigrations, openDatabase, type OpenedDatabase } from '../data/database';
import type { Database } from '../data/schema';
import { verifyAuditChain } from '../audit/auditLog';
import { LOCAL_COURT_KEY } from '../court/courtProfile';
import { blobPath, hashFile } from '../evidence/blobStore';
import { FileJournal } from '../durability/fileJournal';
import { readHistory } from '../sync/syncHistory';
import {
  backupEvidencePath,
  backupInfoOf,
  extractBackupDatabase,
  keyForHeader,
  readBackupHeader,
  verifyBackupChecksum,
  type BackupHeader,
} from './backupFile';
import { summarizeData } from './dataSummary';

export const RESTORE_TMP_DIR = 'restore-tmp';
export const BACKUPS_DIR = 'backups';
const KEYS_SETTING = 'sync_keys';

export type ProgressFn = (done: number, total: number, message: string) => void;

export interface RestoreOptions {
  dataDir: string;
  /** The open service context when this process (the app) holds the folder. */
  services?: ServiceContext;
  file: string;
  passphrase?: string;
  onProgress?: ProgressFn;
}

// --- the live data --------------------------------------------------------------------------------

/** The current database: open (by the app, or here), absent, or unreadable. */
export type LiveData =
  | { kind: 'open'; db: Kysely<Database>; sqlite: BetterSqlite3.Database; owned: OpenedDatabase | null }
  | { kind: 'missing' }
  | { kind: 'damaged'; reason: string };

export function liveDatabasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

/** A fault of the file itself (not a database at all, damaged pages) rather than a refusal to open it. */
function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return (typeof code === 'string' && code.startsWith('SQLITE_')) || code === 'E_DB_MIGRATION';
}

/**
 * Opens the current database unless the app already has it open. A database from a newer program,
 * or not ours, is refused as opening it anywhere is (it is not damage: it must not be replaced).
 */
export function openLive(options: Pick<RestoreOptions, 'dataDir' | 'services'>): LiveData {
  if (options.services) return { kind: 'open', db: options.services.db, sqlite: options.services.sqlite, owned: null };
  const file = liveDatabasePath(options.dataDir);
  if (!fs.existsSync(file)) return { kind: 'missing' };
  let opened: OpenedDatabase;
  try {
    opened = openDatabase(file);
  } catch (error) {
    if (isDamage(error)) return { kind: 'damaged', reason: (error as Error).message };
    throw error;
  }
  try {
    const check = opened.sqlite.pragma('quick_check') as { quick_check: string }[];
    if (check.length !== 1 || check[0].quick_check !== 'ok') {
      opened.sqlite.close();
      return { kind: 'damaged', reason: `SQLite 检查发现 ${check.length} 处问题` };
    }
  } catch (error) {
    opened.sqlite.close();
    if (isDamage(error)) return { kind: 'damaged', reason: (error as Error).message };
    throw error;
  }
  return { kind: 'open', db: opened.db, sqlite: opened.sqlite, owned: opened };
}

export async function closeLive(live: LiveData): Promise<void> {
  if (live.kind === 'open' && live.owned) await live.owned.close();
}

async function settingOf(db: Kysely<Database>, key: string): Promise<string | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

// --- staging --------------------------------------------------------------------------------------

/** A staged copy of the backup's database in <data>/restore-tmp/, removed by `discard`. */
export class StagedCopy {
  readonly file: string;
  opened: OpenedDatabase | null = null;
  private readonly journal: FileJournal;

  constructor(dataDir: string) {
    const dir = path.join(dataDir, RESTORE_TMP_DIR);
    fs.mkdirSync(dir, { recursive: true });
    this.file = path.join(dir, `${process.pid}-${uuidv7()}.sqlite3`);
    this.journal = new FileJournal(dataDir);
    // Noted before the files exist: a process killed from here on leaves them to the next start.
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      this.journal.record({ kind: 'temp', path: `${this.file}${suffix}` });
  }

  async close(): Promise<void> {
    if (!this.opened) return;
    const opened = this.opened;
    this.opened = null;
    await opened.close();
  }

  /** Closes and removes the staged files, then the journal that noted them. */
  async discard(): Promise<void> {
    await this.close();
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${this.file}${suffix}`, { force: true });
    try {
      fs.rmdirSync(path.dirname(this.file));
    } catch {
      // another restore's staging is there, or it is already gone
    }
    this.journal.close();
  }

  /** The staged file has taken its final name (or was removed): only the journal is left to settle. */
  forget(): void {
    this.journal.close();
  }
}

// --- checks ---------------------------------------------------------------------------------------

/** A check that failed, with the stable code the command line and the API report. */
interface Failed {
  code: string;
  message: string;
}

export interface Verified {
  header: BackupHeader | null;
  info: BackupInfo;
  checks: BackupCheck[];
  failure: Failed | null;
  warnings: string[];
  holds: DataSummary | null;
  current: DataSummary | null;
  /** The staged database, open, when every check passed (the caller discards it). */
  staged: StagedCopy | null;
  /** Evidence the restore needs to place: where each file is to be copied from. */
  evidenceSources: { sha256: string; size: number; from: string }[];
  /** The backup holds no keys (its settings have none). */
  keyless: boolean;
}

function placeOf(dataDir: string, file: string): BackupPlace {
  return path.resolve(path.dirname(file)) === path.resolve(dataDir, BACKUPS_DIR) ? 'local' : 'other';
}

/** What the listing shows for a file that is not a readable backup at all. */
function unreadableInfo(file: string): BackupInfo {
  let bytes = 0;
  try {
    bytes = fs.statSync(file).size;
  } catch {
    // missing: size 0
  }
  return {
    fileName: path.basename(file),
    path: file,
    place: 'other',
    createdAt: '',
    trigger: 'manual',
    bytes,
    evidenceFiles: 0,
    evidenceBytes: 0,
    courtCode: '',
    courtName: '',
    schemaVersion: 0,
    appVersion: '',
    encrypted: false,
    keysIncluded: false,
    verified: 'failed',
    verifiedAt: null,
  };
}

const codeOf = (error: unknown, fallback: string): string => (error instanceof ApiError ? error.code : fallback);
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function citedEvidence(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db
    .selectFrom('evidenceBlobs')
    .select('sha256')
    .union(db.selectFrom('evidence').select('sha256').where('deletedAt', 'is', null))
    .union(db.selectFrom('ledgerEvidence').select('sha256').where('deletedAt', 'is', null))
    .union(
      db
        .selectFrom('indicatorValues')
        .select(sql<string>`evidence_sha256`.as('sha256'))
        .where('deletedAt', 'is', null)
        .where('evidenceSha256', 'is not', null),
    )
    .execute();
  return new Set(rows.map((row) => row.sha256));
}

async function fileHolds(file: string, sha256: string, size: number): Promise<boolean> {
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile() || stat.size !== size) return false;
    return (await hashFile(file)).sha256 === sha256;
  } catch {
    return false;
  }
}

/** Report numbers sent up by the current data after the backup's snapshot. */
async function reportsSentSince(
  dataDir: string,
  live: LiveData,
  staged: Kysely<Database>,
  header: BackupHeader,
): Promise<number[]> {
  const stagedLast = await staged
    .selectFrom('syncOutbox')
    .select(['targetCode', sql<number>`max(seq)`.as('seq')])
    .where('kind', '=', 'report_up')
    .groupBy('targetCode')
    .execute();
  const lastOf = (target: string) => Number(stagedLast.find((row) => row.targetCode === target)?.seq ?? 0);
  if (live.kind === 'open') {
    const rows = await live.db
      .selectFrom('syncOutbox')
      .select(['targetCode', 'seq'])
      .where('kind', '=', 'report_up')
      .where('state', '=', 'done')
      .orderBy('seq')
      .execute();
    return rows.filter((row) => row.seq > lastOf(row.targetCode)).map((row) => row.seq);
  }
  // No readable database: the sync history file still says what was sent, and when.
  const since = Date.parse(header.createdAt);
  return readHistory(dataDir)
    .filter(
      (entry) =>
        entry.direction === 'export' &&
        entry.kind === 'report_up' &&
        entry.result === 'ok' &&
        entry.seq !== null &&
        Date.parse(entry.at) > since,
    )
    .map((entry) => entry.seq as number)
    .sort((a, b) => a - b);
}

const KIND_LABEL: Record<BackupCheck['kind'], string> = {
  file: '备份文件',
  court: '所属法院',
  version: '程序版本',
  passphrase: '备份口令',
  database: '数据库',
  audit: '审计记录',
  evidence: '佐证材料',
};

export const checkLabel = (kind: BackupCheck['kind']): string => KIND_LABEL[kind];

/**
 * Runs every check in order, stopping at the first that fails. On success the staged copy is left
 * open in the result for a restore to use; otherwise it is already removed.
 */
export async function verifyBackup(options: RestoreOptions, live: LiveData): Promise<Verified> {
  const progress = options.onProgress ?? (() => undefined);
  const checks: BackupCheck[] = [];
  const warnings: string[] = [];
  const result: Verified = {
    header: null,
    info: unreadableInfo(options.file),
    checks,
    failure: null,
    warnings,
    holds: null,
    current: null,
    staged: null,
    evidenceSources: [],
    keyless: false,
  };
  const fail = (kind: BackupCheck['kind'], code: string, message: string): Verified => {
    checks.push({ kind, ok: false, message });
    result.failure = { code, message };
    return result;
  };

  // The current data, to compare with (and to know which court this folder belongs to).
  const liveCode = live.kind === 'open' ? await settingOf(live.db, LOCAL_COURT_KEY) : null;
  if (live.kind === 'open' && liveCode) result.current = await summarizeData(live.db);

  // 1. The file whole.
  progress(0, 0, '校验文件');
  let header: BackupHeader;
  try {
    header = await readBackupHeader(options.file);
    await verifyBackupChecksum(options.file, (done, total) => progress(done, total, '校验文件'));
  } catch (error) {
    if (codeOf(error, '') === 'E_BACKUP_TOO_NEW') return fail('version', 'E_BACKUP_TOO_NEW', messageOf(error));
    return fail('file', codeOf(error, 'E_BACKUP_DAMAGED'), messageOf(error));
  }
  result.header = header;
  result.info = backupInfoOf(options.file, header, placeOf(options.dataDir, options.file));
  checks.push({ kind: 'file', ok: true, message: '文件完整，校验码相符' });

  // 2. The court.
  if (liveCode && liveCode !== header.courtCode) {
    const here = result.current?.courtName ? `${result.current.courtName}（${liveCode}）` : liveCode;
    return fail(
      'court',
      'E_BACKUP_OTHER_COURT',
      `这份备份属于${header.courtName}（${header.courtCode}），不是本院（${here}）的数据，不能恢复到这里。数据没有改动。`,
    );
  }
  checks.push({
    kind: 'court',
    ok: true,
    message: liveCode
      ? `属于本院：${header.courtName}（${header.courtCode}）`
      : `属于${header.courtName}（${header.courtCode}）；本机目前没有本院数据`,
  });

  // 3. The program version.
  const latest = loadMigrations().length;
  if (header.schemaVersion > latest) {
    return fail(
      'version',
      'E_BACKUP_TOO_NEW',
      `此备份由更新版本的督导台写入（数据结构第 ${header.schemaVersion} 版，本程序只支持到第 ${latest} 版）。为保护数据，本程序没有做任何改动，请安装新版本后再恢复。`,
    );
  }
  checks.push({
    kind: 'version',
    ok: true,
    message:
      header.schemaVersion < latest
        ? `由较早版本（${header.appVersion}，数据结构第 ${header.schemaVersion} 版）写入，恢复时升级到第 ${latest} 版`
        : `由督导台 ${header.appVersion} 写入（数据结构第 ${header.schemaVersion} 版）`,
  });

  // 4. The passphrase.
  if (header.encrypted) {
    try {
      keyForHeader(header, options.passphrase);
    } catch (error) {
      return fail('passphrase', codeOf(error, 'E_BACKUP_PASSPHRASE'), messageOf(error));
    }
    checks.push({ kind: 'passphrase', ok: true, message: '备份口令正确' });
  } else {
    checks.push({ kind: 'passphrase', ok: true, message: '备份未加密，不需要口令' });
  }

  // 5. The database: extracted to the staging folder, checked whole, opened (and upgraded) there.
  progress(0, 0, '检查数据库');
  const staged = new StagedCopy(options.dataDir);
  const failStaged = async (kind: BackupCheck['kind'], code: string, message: string) => {
    await staged.discard();
    return fail(kind, code, message);
  };
  try {
    await extractBackupDatabase(options.file, options.passphrase, staged.file);
  } catch (error) {
    const code = codeOf(error, 'E_BACKUP_DAMAGED');
    return failStaged(code === 'E_BACKUP_PASSPHRASE' ? 'passphrase' : 'database', code, messageOf(error));
  }
  try {
    const raw = new BetterSqlite3(staged.file);
    try {
      const rows = raw.pragma('integrity_check') as { integrity_check: string }[];
      if (rows.length !== 1 || rows[0].integrity_check !== 'ok')
        return await failStaged(
          'database',
          'E_BACKUP_DAMAGED',
          `备份中的数据库文件有损坏（SQLite 完整性检查发现 ${rows.length} 处问题），不能使用。请换一份备份。`,
        );
    } finally {
      raw.close();
    }
    staged.opened = openDatabase(staged.file);
  } catch (error) {
    const detail = error instanceof DatabaseOpenError ? error.message : '无法作为数据库打开';
    return failStaged('database', 'E_BACKUP_DAMAGED', `备份中的数据库不能使用：${detail}`);
  }
  const stagedDb = staged.opened.db;
  const stagedCode = await settingOf(stagedDb, LOCAL_COURT_KEY);
  if (stagedCode !== header.courtCode) {
    return failStaged('database', 'E_BACKUP_DAMAGED', '备份中的数据库与文件头记录的法院不符，不能使用。请换一份备份。');
  }
  result.holds = await summarizeData(stagedDb);
  checks.push({
    kind: 'database',
    ok: true,
    message: `数据库完整（${result.holds.campaigns.length} 项专项活动，${result.holds.auditEntries} 条审计记录）`,
  });

  // 6. The audit chain.
  progress(0, 0, '核对审计链');
  const chain = await verifyAuditChain(stagedDb);
  if (!chain.ok) {
    const shown = chain.problems.slice(0, 3).map((problem) => problem.message);
    const more = chain.problems.length > 3 ? `等 ${chain.problems.length} 处` : '';
    return failStaged(
      'audit',
      'E_BACKUP_DAMAGED',
      `备份中的审计记录链不完整：${shown.join('；')}${more}。这份备份可能被改动过，不能使用。`,
    );
  }
  checks.push({ kind: 'audit', ok: true, message: `审计链完整（${chain.checked} 条）` });

  // 7. Every evidence file: listed files intact in the backup's store (or already in this folder),
  // and every file the staged database cites listed.
  const listed = new Map(header.evidence.map((entry) => [entry.sha256, entry.size]));
  const knownMissing = new Set(header.evidenceMissing ?? []);
  const total = listed.size;
  let done = 0;
  const bad: string[] = [];
  for (const [sha256, size] of listed) {
    done += 1;
    progress(done, total, `核对佐证材料 ${done}/${total}`);
    const inBackup = backupEvidencePath(options.file, sha256);
    if (await fileHolds(inBackup, sha256, size)) {
      result.evidenceSources.push({ sha256, size, from: inBackup });
    } else if (await fileHolds(blobPath(options.dataDir, sha256), sha256, size)) {
      // This folder still holds an intact copy: nothing to copy.
    } else {
      bad.push(sha256);
    }
  }
  const unlisted = [...(await citedEvidence(stagedDb))].filter((sha) => !listed.has(sha) && !knownMissing.has(sha));
  if (bad.length > 0 || unlisted.length > 0) {
    const parts: string[] = [];
    if (bad.length > 0)
      parts.push(`${bad.length} 个佐证材料文件在备份文件夹的 evidence 中缺失或已损坏（${bad[0].slice(0, 12)}…）`);
    if (unlisted.length > 0) parts.push(`数据库引用的 ${unlisted.length} 个佐证材料文件没有随备份保存`);
    return failStaged(
      'evidence',
      'E_BACKUP_DAMAGED',
      `${parts.join('；')}。请把备份文件连同它旁边的 evidence 文件夹一起复制过来，或换一份备份。`,
    );
  }
  checks.push({ kind: 'evidence', ok: true, message: `佐证材料 ${total} 个文件齐全，内容与记录相符` });
  if (knownMissing.size > 0)
    warnings.push(
      `备份时本院已有 ${knownMissing.size} 个佐证材料文件缺失，恢复后这些文件仍然缺失，可从同步包重新导入补回。`,
    );

  // Things to know before restoring.
  result.keyless = (await settingOf(stagedDb, KEYS_SETTING)) === null;
  const liveHasKeys = live.kind === 'open' && (await settingOf(live.db, KEYS_SETTING)) !== null;
  if (result.keyless && !liveHasKeys)
    warnings.push('此备份不含本院密钥，恢复后本院使用新密钥，上级法院需要重新核对指纹。');
  const sent = await reportsSentSince(options.dataDir, live, stagedDb, header);
  if (sent.length > 0)
    warnings.push(
      `备份之后本院又报送过第 ${sent.join('、')} 号同步包，这些报送之后的修改恢复后会丢失；如需找回，请向上级法院申请恢复包。`,
    );
  if (live.kind === 'damaged')
    warnings.push('本院当前的数据库已损坏，无法读取；恢复时会把它改名保留在数据文件夹中，供技术人员查看。');

  result.staged = staged;
  return result;
}

/** The inspection the screens show, from a verification. */
export function inspectionOf(verified: Verified): BackupInspection {
  return {
    backup: verified.info,
    ok: verified.failure === null,
    checks: verified.checks,
    holds: verified.holds,
    current: verified.current,
    warnings: verified.warnings,
  };
}

/** Refusals as errors, for the command line and for a restore. */
export function failureError(verified: Verified): ApiError | null {
  return verified.failure ? new ApiError(verified.failure.code, verified.failure.message) : null;
}

/**
 * Checks a backup whole and sets what it holds against the current data. Never changes the data
 * folder: the staged copy is removed before returning, pass or fail.
 */
export async function inspectBackup(options: RestoreOptions): Promise<BackupInspection> {
  const live = openLive(options);
  try {
    const verified = await verifyBackup(options, live);
    await verified.staged?.discard();
    return inspectionOf(verified);
  } finally {
    await closeLive(live);
  }
}
