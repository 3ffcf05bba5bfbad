// Backups (备份): the file's contents round-trip, encryption and the court's keys, damage of every
// kind refused, evidence kept once across backups, rotation over a simulated year and its evidence
// clean-up, the second folder (copied to, or unreachable), a kill -9 at every point of a backup by
// the real command line, a full disk, and the automatic triggers: before a migration, before an
// import (worker and command line), daily on first use; the health light by age.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/main/api/errors';
import { createServices } from '../../src/main/app/services';
import {
  BACKUP_MAGIC,
  backupEvidencePath,
  extractBackupDatabase,
  readBackupHeader,
  verifyBackupChecksum,
} from '../../src/main/backup/backupFile';
import { forgetDailyBackups } from '../../src/main/backup/backupJobs';
import {
  createBackupSync,
  listBackups,
  localBackupDir,
  secondBackupDir,
  type BackupSource,
} from '../../src/main/backup/backupService';
import { DATABASE_FILE, loadMigrations, openDatabase } from '../../src/main/data/database';
import { ensureCourtKeys } from '../../src/main/sync/courtKeys';
import { BASIC, runCli } from './cliProcess';
import { openCourt, tempDir, type Harness } from './harness';
import { uploadFile, withItem, type Fixture } from './apiCases/shared';

const open: Harness[] = [];
const folders: string[] = [];

beforeEach(() => forgetDailyBackups());
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});
afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

function folder(prefix = 'court-backup-'): string {
  const dir = tempDir(prefix);
  folders.push(dir);
  return dir;
}

async function court(now?: string): Promise<Fixture> {
  const fx = await openCourt(now ? { now } : {});
  open.push(fx.h);
  folders.push(fx.h.dataDir);
  return fx;
}

/** An item with one evidence file of the given content. */
async function withEvidence(fx: Fixture, content: string) {
  const item = await withItem(fx, { title: `事项 ${content.slice(0, 8)}` });
  const uploadId = await uploadFile(fx.h, Buffer.from(`%PDF-1.4 ${content}`));
  return fx.h.ok('evidence.add', { itemId: item.id, name: '签到表.pdf', mimeType: 'application/pdf', uploadId });
}

const source = (fx: Fixture): BackupSource => ({
  dataDir: fx.h.dataDir,
  sqlite: fx.h.services.ctx.sqlite,
  schemaVersion: fx.h.services.ctx.schemaVersion,
});

async function refusal(work: () => Promise<unknown> | unknown): Promise<ApiError> {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toMatch(/[\u4e00-\u9fa5]/);
    return error as ApiError;
  }
  throw new Error('expected a refusal');
}

function count(sqlite: BetterSqlite3.Database, table: string): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

function extracted(file: string): BetterSqlite3.Database {
  const db = new BetterSqlite3(file, { readonly: true });
  return db;
}

const dtbaks = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('.dtbak')) : []);
const parts = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((n) => n.endsWith('.part') || /snapshot\.sqlite3/.test(n))
    : [];

describe('the backup file', () => {
  it('holds the data and the evidence it cites; a keyless backup holds no private key', async () => {
    const fx = await court();
    const evidence = await withEvidence(fx, '第一份');
    const keys = await ensureCourtKeys(fx.h.services.ctx);
    const { info, header } = createBackupSync(source(fx), 'manual');
    expect(info.fileName).toMatch(/^备份-龙江县人民法院-\d{4}-\d{2}-\d{2}-\d{6}-手动\.dtbak$/);
    expect(path.dirname(info.path)).toBe(localBackupDir(fx.h.dataDir));
    expect(info).toMatchObject({ verified: 'ok', keysIncluded: false, encrypted: false, evidenceFiles: 1 });
    expect(header.auditHead.seq).toBeGreaterThan(0);
    const bytes = fs.readFileSync(info.path);
    expect(bytes.subarray(0, 8).equals(BACKUP_MAGIC)).toBe(true);
    // The key bytes are really gone from the file, not only unlinked.
    for (const secret of [keys.signPrivate, keys.boxPrivate]) expect(bytes.includes(Buffer.from(secret))).toBe(false);
    // The evidence file is stored by hash beside the backups.
    const stored = backupEvidencePath(info.path, evidence.sha256);
    expect(fs.readFileSync(stored).toString()).toBe('%PDF-1.4 第一份');

    const out = path.join(folder(), 'court.sqlite3');
    await extractBackupDatabase(info.path, undefined, out);
    const copy = extracted(out);
    const live = fx.h.services.ctx.sqlite;
    for (const table of ['items', 'evidence', 'campaigns', 'audit_log', 'users'])
      expect(count(copy, table), table).toBe(count(live, table));
    expect(copy.prepare("SELECT 1 FROM settings WHERE key = 'sync_keys'").get()).toBeUndefined();
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });

  it('is encrypted with the passphrase and then holds the keys; a wrong or missing passphrase is named', async () => {
    const fx = await court();
    const keys = await ensureCourtKeys(fx.h.services.ctx);
    await fx.h.ok('backup.setPassphrase', { passphrase: '龙江法院备份口令2026' });
    const { info } = createBackupSync(source(fx), 'manual');
    expect(info).toMatchObject({ encrypted: true, keysIncluded: true });
    const bytes = fs.readFileSync(info.path);
    for (const secret of [keys.signPrivate, keys.boxPrivate]) expect(bytes.includes(Buffer.from(secret))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    const out = path.join(folder(), 'court.sqlite3');
    const missing = await refusal(() => extractBackupDatabase(info.path, undefined, out));
    expect(missing.code).toBe('E_BACKUP_PASSPHRASE');
    expect(missing.message).toMatch(/请输入/);
    const wrong = await refusal(() => extractBackupDatabase(info.path, '另一个备份口令', out));
    expect(wrong.code).toBe('E_BACKUP_PASSPHRASE');
    expect(wrong.message).toMatch(/备份口令不正确/);
    expect(fs.existsSync(out)).toBe(false);
    await extractBackupDatabase(info.path, '龙江法院备份口令2026', out);
    const copy = extracted(out);
    const row = copy.prepare("SELECT value FROM settings WHERE key = 'sync_keys'").get() as { value: string };
    expect(JSON.parse(row.value).signPrivate).toBe(keys.signPrivate);
    copy.close();

    // Changed: new backups use the new passphrase; the old one still opens with its own.
    await fx.h.ok('backup.setPassphrase', { passphrase: '新的备份口令新的备份口令' });
    // (A day later: rotation keeps one manual backup a day.)
    const second = createBackupSync(source(fx), 'manual', { now: new Date(Date.now() + 86_400_000) }).info;
    const out2 = path.join(folder(), 'court.sqlite3');
    expect((await refusal(() => extractBackupDatabase(second.path, '龙江法院备份口令2026', out2))).code).toBe(
      'E_BACKUP_PASSPHRASE',
    );
    await extractBackupDatabase(second.path, '新的备份口令新的备份口令', out2);
    await extractBackupDatabase(info.path, '龙江法院备份口令2026', path.join(folder(), 'old.sqlite3'));
  });

  it('refuses a file with one byte changed (header, payload, trailer), a truncated one and a stranger', async () => {
    const fx = await court();
    await withEvidence(fx, '篡改');
    await fx.h.ok('backup.setPassphrase', { passphrase: '龙江法院备份口令2026' });
    const { info } = createBackupSync(source(fx), 'manual');
    const good = fs.readFileSync(info.path);
    const work = folder();
    const headerLength = good.readUInt32BE(8);
    const positions = {
      header: 12 + Math.floor(headerLength / 2),
      payload: 12 + headerLength + 5000,
      trailer: good.length - 1,
    };
    for (const [where, at] of Object.entries(positions)) {
      const bad = Buffer.from(good);
      bad[at] ^= 0x01;
      const file = path.join(work, `${where}.dtbak`);
      fs.writeFileSync(file, bad);
      const checked = await refusal(async () => {
        await readBackupHeader(file);
        await verifyBackupChecksum(file);
      });
      expect(checked.code, where).toBe('E_BACKUP_DAMAGED');
      expect(checked.message).toMatch(/已损坏或被改动/);
      const out = path.join(work, `${where}.sqlite3`);
      expect((await refusal(() => extractBackupDatabase(file, '龙江法院备份口令2026', out))).code).toBe(
        'E_BACKUP_DAMAGED',
      );
      expect(fs.existsSync(out)).toBe(false);
    }
    // A header forged to say "not encrypted"-style lies, with the checksum recomputed to match:
    // the GCM tag still refuses it.
    const forged = Buffer.from(good);
    const headerText = forged
      .subarray(12, 12 + headerLength)
      .toString('utf8')
      .replace('"manual"', '"import"');
    Buffer.from(headerText, 'utf8').copy(forged, 12);
    const crypto = await import('node:crypto');
    crypto
      .createHash('sha256')
      .update(forged.subarray(0, forged.length - 32))
      .digest()
      .copy(forged, forged.length - 32);
    const forgedFile = path.join(work, 'forged.dtbak');
    fs.writeFileSync(forgedFile, forged);
    await verifyBackupChecksum(forgedFile);
    expect(
      (await refusal(() => extractBackupDatabase(forgedFile, '龙江法院备份口令2026', path.join(work, 'f.db')))).code,
    ).toBe('E_BACKUP_DAMAGED');

    const truncated = path.join(work, 'truncated.dtbak');
    fs.writeFileSync(truncated, good.subarray(0, good.length - 1000));
    const cut = await refusal(() => readBackupHeader(truncated));
    expect(cut.code).toBe('E_BACKUP_DAMAGED');
    expect(cut.message).toMatch(/不完整/);
    const stranger = path.join(work, 'stranger.dtbak');
    fs.writeFileSync(stranger, 'PK\u0003\u0004 not a backup at all');
    expect((await refusal(() => readBackupHeader(stranger))).code).toBe('E_NOT_BACKUP');
    // The good file still verifies.
    await verifyBackupChecksum(info.path);
  });

  it('stores each evidence file once across backups', async () => {
    const fx = await court();
    const first = await withEvidence(fx, '只存一次');
    const a = createBackupSync(source(fx), 'manual', { now: new Date('2026-11-24T09:00:00+08:00') }).info;
    const storedFile = backupEvidencePath(a.path, first.sha256);
    const inode = fs.statSync(storedFile).ino;
    await withEvidence(fx, '第二份材料');
    const b = createBackupSync(source(fx), 'manual', { now: new Date('2026-11-24T10:00:00+08:00') }).info;
    expect(b.evidenceFiles).toBe(2);
    expect(fs.statSync(storedFile).ino).toBe(inode);
    const store = path.join(localBackupDir(fx.h.dataDir), 'evidence');
    const files = fs.readdirSync(store, { recursive: true, encoding: 'utf8' }).filter((n) => /[0-9a-f]{64}$/.test(n));
    expect(files).toHaveLength(2);
  });
});

describe('rotation', () => {
  it('keeps 7 daily, 4 weekly, 12 monthly and 10 others over 400 days, and the evidence only they list', async () => {
    const fx = await court('2025-10-01T09:00:00+08:00');
    const gone = await withEvidence(fx, '早已删除的材料');
    const kept = await withEvidence(fx, '一直都在的材料');
    const start = new Date('2025-10-01T09:00:00+08:00').getTime();
    const day = 24 * 60 * 60 * 1000;
    for (let n = 0; n < 400; n += 1) {
      if (n === 20) await fx.h.ok('evidence.remove', { id: gone.id, version: gone.version });
      createBackupSync(source(fx), 'daily', { now: new Date(start + n * day) });
      if (n % 30 === 0) createBackupSync(source(fx), 'import', { now: new Date(start + n * day + 3600_000) });
    }
    const list = listBackups(localBackupDir(fx.h.dataDir));
    const periodic = list.filter((b) => b.header.trigger === 'daily');
    const others = list.filter((b) => b.header.trigger === 'import');
    expect(others).toHaveLength(10);
    const days = periodic.map((b) => b.header.createdAt);
    const last = start + 399 * day;
    // The newest 7 days, each present.
    for (let n = 0; n < 7; n += 1) expect(days).toContain(new Date(last - n * day).toISOString());
    // 12 distinct months, and no more than 7 + 4 + 12 periodic backups in all.
    const months = new Set(periodic.map((b) => b.header.createdAt.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(12);
    expect(periodic.length).toBeLessThanOrEqual(23);
    expect(periodic.length).toBeGreaterThanOrEqual(7 + 12 - 1);
    // The evidence removed on day 20 is listed by no remaining backup, so its stored copy is gone.
    const store = (sha: string) => backupEvidencePath(list[0].file, sha);
    expect(fs.existsSync(store(gone.sha256))).toBe(false);
    expect(fs.existsSync(store(kept.sha256))).toBe(true);
  }, 180_000);
});

describe('rotation of backups people asked for', () => {
  it('keeps a 手动 backup when the daily one of the same day follows it, and its own newest 10', async () => {
    const fx = await court('2026-11-24T08:00:00+08:00');
    const mine = createBackupSync(source(fx), 'manual', { now: new Date('2026-11-24T09:00:00+08:00') }).info;
    createBackupSync(source(fx), 'daily', { now: new Date('2026-11-24T10:00:00+08:00') });
    let list = listBackups(localBackupDir(fx.h.dataDir));
    expect(list.map((b) => b.file)).toContain(mine.path);
    for (let n = 1; n <= 11; n += 1)
      createBackupSync(source(fx), 'manual', { now: new Date(Date.parse('2026-11-24T10:00:00+08:00') + n * 60_000) });
    list = listBackups(localBackupDir(fx.h.dataDir));
    expect(list.filter((b) => b.header.trigger === 'manual')).toHaveLength(10);
    expect(list.filter((b) => b.header.trigger === 'daily')).toHaveLength(1);
  }, 60_000);
});

describe('the second folder', () => {
  it('gets a copy of every backup with its own evidence store; an unreachable one does not fail the backup', async () => {
    const fx = await court();
    const evidence = await withEvidence(fx, '第二位置');
    const second = folder('court-backup-usb-');
    await fx.h.ok('backup.updateSettings', {
      secondFolder: second,
      keep: { daily: 7, weekly: 4, monthly: 12, other: 10 },
      offsiteReminderDays: 7,
    });
    const { info, secondFolderProblem } = createBackupSync(source(fx), 'manual');
    expect(secondFolderProblem).toBeNull();
    const copyDir = secondBackupDir(second, 'J2301');
    expect(dtbaks(copyDir)).toEqual([info.fileName]);
    expect(fs.readFileSync(path.join(copyDir, info.fileName)).equals(fs.readFileSync(info.path))).toBe(true);
    expect(fs.existsSync(backupEvidencePath(path.join(copyDir, info.fileName), evidence.sha256))).toBe(true);
    let overview = await fx.h.ok('backup.overview');
    expect(overview.backups.map((b) => b.place).sort()).toEqual(['local', 'second']);
    expect(overview.secondFolderReachable).toBe(true);
    expect(overview.health.offsiteReminder).toBe(false);
    // A USB drive brought to another computer: backup.find sees the court's folder in it.
    expect((await fx.h.ok('backup.find', { folder: second })).map((b) => b.fileName)).toEqual([info.fileName]);

    fs.rmSync(second, { recursive: true, force: true });
    const later = createBackupSync(source(fx), 'manual', { now: new Date(Date.now() + 5000) });
    expect(later.secondFolderProblem).toMatch(/找不到/);
    expect(fs.existsSync(later.info.path)).toBe(true);
    overview = await fx.h.ok('backup.overview');
    expect(overview.secondFolderReachable).toBe(false);
    expect(overview.health.summary).toMatch(/只保存在本机/);
  });
});

describe('health', () => {
  it('is green under 2 days, yellow to 6, red from 7 or with none', async () => {
    const fx = await court('2026-11-24T10:00:00+08:00');
    expect((await fx.h.ok('backup.health')).light).toBe('red');
    createBackupSync(source(fx), 'manual', { now: new Date('2026-11-24T10:00:00+08:00') });
    const at = async (iso: string) => {
      fx.h.setNow(iso);
      return fx.h.ok('backup.health');
    };
    expect(await at('2026-11-25T18:00:00+08:00')).toMatchObject({ light: 'green', ageDays: 1 });
    expect((await at('2026-11-24T12:00:00+08:00')).summary).toMatch(/最近一次备份：今天 \d\d:\d\d，已校验/);
    expect(await at('2026-11-26T11:00:00+08:00')).toMatchObject({ light: 'yellow', ageDays: 2 });
    expect(await at('2026-11-30T11:00:00+08:00')).toMatchObject({ light: 'yellow', ageDays: 6 });
    const red = await at('2026-12-01T11:00:00+08:00');
    expect(red).toMatchObject({ light: 'red', ageDays: 7, offsiteReminder: true });
    expect(red.summary).toMatch(/第二备份位置/);
  });
});

describe('automatic backups', () => {
  it('before a migration: a backup of the old version, or no migration', async () => {
    const dataDir = folder('court-backup-migrate-');
    const old = openDatabase(path.join(dataDir, DATABASE_FILE), { migrations: loadMigrations().slice(0, 8) });
    const now = new Date().toISOString();
    old.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('local_court_code', 'J2301')").run();
    old.sqlite
      .prepare(
        "INSERT INTO courts (id, origin, change_seq, created_at, updated_at, code, name, level) VALUES ('c1', 'J2301', 1, ?, ?, 'J2301', '龙江县人民法院', 'basic')",
      )
      .run(now, now);
    await old.close();
    old.sqlite.close();

    // The backup cannot be written (backups/ is a file): the upgrade is refused, the file untouched.
    const blocker = path.join(dataDir, 'backups');
    fs.writeFileSync(blocker, '');
    expect(() => createServices({ dataDir })).toThrow(/升级数据库前的自动备份没有完成.*没有升级/);
    const check = new BetterSqlite3(path.join(dataDir, DATABASE_FILE), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(8);
    check.close();
    fs.rmSync(blocker);

    const services = createServices({ dataDir });
    try {
      const [backup] = listBackups(localBackupDir(dataDir));
      expect(backup.header).toMatchObject({ trigger: 'migration', schemaVersion: 8, courtCode: 'J2301' });
      expect(path.basename(backup.file)).toMatch(/-升级前\.dtbak$/);
      const out = path.join(dataDir, 'old.sqlite3');
      await extractBackupDatabase(backup.file, undefined, out);
      const copy = new BetterSqlite3(out, { readonly: true });
      expect(copy.pragma('user_version', { simple: true })).toBe(8);
      copy.close();
    } finally {
      await services.close();
    }
  });

  it('before an import in the worker (not a dry run), skipped when nothing changed', async () => {
    const fx = await court();
    const upload = async (text: string) =>
      (
        await fx.h.ok('sync.upload', {
          uploadId: null,
          fileName: '上报包.dtsync',
          chunkBase64: Buffer.from(text).toString('base64'),
          final: true,
        })
      ).uploadId;
    const uploadId = await upload('这不是同步包');
    const { jobId } = await fx.h.ok('sync.import', { uploadId });
    const status = await fx.h.services.ctx.jobs.waitFor(jobId);
    expect(status?.state).not.toBe('done');
    const taken = listBackups(localBackupDir(fx.h.dataDir));
    expect(taken.map((b) => b.header.trigger)).toEqual(['import']);
    // Nothing changed since: the next import takes none.
    const again = await upload('这也不是同步包');
    await fx.h.services.ctx.jobs.waitFor((await fx.h.ok('sync.import', { uploadId: again })).jobId);
    expect(listBackups(localBackupDir(fx.h.dataDir))).toHaveLength(1);
  });

  it('before an import by the command line; refused when the backup cannot be taken', async () => {
    const dataDir = folder('court-backup-cli-');
    expect((await runCli(['init', '--data', dataDir, ...BASIC])).code).toBe(0);
    const bundle = path.join(folder(), '上报包.dtsync');
    fs.writeFileSync(bundle, '这不是同步包');
    await runCli(['import', '--data', dataDir, bundle, '--dry-run']);
    expect(dtbaks(localBackupDir(dataDir))).toEqual([]);
    await runCli(['import', '--data', dataDir, bundle]);
    expect(dtbaks(localBackupDir(dataDir))).toEqual([expect.stringMatching(/-导入前\.dtbak$/)]);
    // Something changed (a log-in is audited); the backup folder cannot be written: no import.
    await runCli(['call', '--data', dataDir, 'departments.create', JSON.stringify({ name: '立案庭' })]);
    fs.rmSync(localBackupDir(dataDir), { recursive: true });
    fs.writeFileSync(localBackupDir(dataDir), '');
    const refused = await runCli(['import', '--data', dataDir, bundle]);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toMatch(/导入前的自动备份没有完成：.*为保护数据没有导入/);
  }, 180_000);

  it('daily on the first log-in of the day, once', async () => {
    const fx = await court();
    await fx.h.ok('auth.login', { username: 'admin', password: 'Admin2026' });
    await fx.h.services.ctx.jobs.waitForAll();
    const daily = () => listBackups(localBackupDir(fx.h.dataDir)).filter((b) => b.header.trigger === 'daily');
    expect(daily()).toHaveLength(1);
    expect(path.basename(daily()[0].file)).toMatch(/-每日\.dtbak$/);
    forgetDailyBackups();
    await fx.h.ok('auth.login', { username: 'admin', password: 'Admin2026' });
    await fx.h.services.ctx.jobs.waitForAll();
    expect(daily()).toHaveLength(1);
    fx.h.setNow('2026-11-25T08:00:00+08:00');
    await fx.h.ok('auth.login', { username: 'admin', password: 'Admin2026' });
    await fx.h.services.ctx.jobs.waitForAll();
    expect(daily()).toHaveLength(2);
  });
});

describe('the command line', () => {
  it('backup --out with --passphrase-file writes an encrypted file with the evidence beside it; --json too', async () => {
    const fx = await court();
    const evidence = await withEvidence(fx, '命令行');
    const dataDir = fx.h.dataDir;
    await fx.h.close();
    open.splice(open.indexOf(fx.h), 1);
    const out = path.join(folder('court-backup-out-'), '本院备份.dtbak');
    const passphraseFile = path.join(folder(), '口令.txt');
    fs.writeFileSync(passphraseFile, '命令行备份口令2026\n第二行不算\n');
    const run = await runCli(['backup', '--data', dataDir, '--out', out, '--passphrase-file', passphraseFile]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(out);
    expect(run.stdout).toMatch(/佐证材料 1 个/);
    expect(run.stdout).toMatch(/已用备份口令加密，含本院密钥/);
    expect(fs.existsSync(backupEvidencePath(out, evidence.sha256))).toBe(true);
    await extractBackupDatabase(out, '命令行备份口令2026', path.join(folder(), 'x.sqlite3'));
    // --out writes only that file: nothing in the data folder's backups/.
    expect(dtbaks(localBackupDir(dataDir))).toEqual([]);

    const json = await runCli(['backup', '--data', dataDir, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const document = JSON.parse(json.stdout) as {
      backup: { trigger: string; keysIncluded: boolean; verified: string };
    };
    expect(document.backup).toMatchObject({ trigger: 'manual', keysIncluded: false, verified: 'ok' });

    const short = path.join(folder(), '短口令.txt');
    fs.writeFileSync(short, '123\n');
    const refused = await runCli(['backup', '--data', dataDir, '--passphrase-file', short]);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toMatch(/至少 8 个字符/);
  }, 180_000);
});

describe('faults', () => {
  it('kill -9 at every point of a command-line backup: no partial backup, data intact, temps cleaned', async () => {
    const fx = await court();
    await withEvidence(fx, '断电');
    const items = count(fx.h.services.ctx.sqlite, 'items');
    const dataDir = fx.h.dataDir;
    await fx.h.close();
    open.splice(open.indexOf(fx.h), 1);
    for (const point of ['backup.snapshot', 'backup.evidence', 'backup.written', 'backup.renamed']) {
      const run = await runCli(['backup', '--data', dataDir], { env: { COURT_TEST_CRASH_AT: point } });
      expect(run.signal, `${point}\n${run.stderr}`).toBe('SIGKILL');
      const dir = localBackupDir(dataDir);
      for (const name of dtbaks(dir)) await verifyBackupChecksum(path.join(dir, name));
      if (point !== 'backup.renamed') expect(dtbaks(dir), point).toEqual([]);
      expect(parts(dir).length, point).toBeGreaterThan(0);
      const services = createServices({ dataDir });
      try {
        expect(parts(dir), point).toEqual([]);
        expect(count(services.ctx.sqlite, 'items')).toBe(items);
        expect(services.ctx.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
      } finally {
        await services.close();
      }
      for (const name of dtbaks(dir)) fs.rmSync(path.join(dir, name));
    }
    const done = await runCli(['backup', '--data', dataDir]);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/备份完成，已校验/);
    expect(done.stdout).toMatch(/不含本院密钥/);
  }, 180_000);

  it('disk full: a clear message, temps removed, older backups kept; a full second folder does not fail the backup', async () => {
    const fx = await court();
    await withEvidence(fx, '磁盘已满');
    const mountPoint = folder('court-backup-tmpfs-');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint]);
    try {
      const older = createBackupSync(source(fx), 'manual', { out: path.join(mountPoint, '较早的备份.dtbak') }).info;
      fs.writeFileSync(path.join(mountPoint, 'filler'), Buffer.alloc(8 * 1024 * 1024 - older.bytes - 64 * 1024));
      const full = await refusal(() =>
        createBackupSync(source(fx), 'manual', { out: path.join(mountPoint, '新的备份.dtbak') }),
      );
      expect(full.code).toBe('E_DISK_FULL');
      expect(full.message).toMatch(/磁盘已满，备份没有完成，以前的备份都还在/);
      expect(fs.readdirSync(mountPoint).sort()).toEqual([
        '.backup-catalogue.json',
        'evidence',
        'filler',
        '较早的备份.dtbak',
      ]);
      await verifyBackupChecksum(older.path);

      // The same full drive as the second folder: the local backup is done, the problem recorded.
      fs.rmSync(path.join(mountPoint, 'filler'));
      fs.writeFileSync(path.join(mountPoint, 'filler'), Buffer.alloc(8 * 1024 * 1024 - older.bytes - 64 * 1024));
      await fx.h.ok('backup.updateSettings', {
        secondFolder: mountPoint,
        keep: { daily: 7, weekly: 4, monthly: 12, other: 10 },
        offsiteReminderDays: 7,
      });
      const local = createBackupSync(source(fx), 'manual');
      expect(local.secondFolderProblem).toMatch(/磁盘已满/);
      await verifyBackupChecksum(local.info.path);
      expect(parts(mountPoint)).toEqual([]);
    } finally {
      execFileSync('umount', [mountPoint]);
    }
  });
});
