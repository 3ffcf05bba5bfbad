// 从备份恢复 and 校验完整性 from the command line, on real data folders: a basic court set up and
// loaded with the demo (three campaigns, evidence files) through the real command line, backed up
// with `cli backup` (H1's writer), then damaged, changed or held open in every way the issue names.
//
// Every refusal is checked to leave the data folder exactly as it was: the database's content
// (every table, every row, as JSON), the evidence folder's listing and the backups folder's
// listing (no copy of the current data is taken for a restore that does not happen), and no
// staging files. A kill -9 at each of the restore's crash points (the real command line with
// COURT_TEST_CRASH_AT) leaves a court that opens, passes the integrity check and holds either the
// old data or the restored data, whole.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/main/app/services';
import { verifyCourtIntegrity } from '../../src/main/audit/integrityCheck';
import { ApiError } from '../../src/main/api/errors';
import { summarizeData } from '../../src/main/backup/dataSummary';
import { folderUsers } from '../../src/main/backup/folderUse';
import { restoreBackup } from '../../src/main/backup/restore';
import { inspectBackup } from '../../src/main/backup/restoreChecks';
import type { DataSummary } from '../../src/shared/backup/backupModel';
import { BASIC, ROOT, runCli, type CliRun } from './cliProcess';
import { tempDir } from './harness';

const work = tempDir('court-restore-');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
let counter = 0;

async function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCli(args, { env: { COURT_TEST_CRASH_AT: '', ...env } });
}

async function cliOk(args: string[]): Promise<CliRun> {
  const run = await cli(args);
  expect(run.code, `${args.join(' ')}\n${run.stdout}\n${run.stderr}`).toBe(0);
  return run;
}

function copyFolder(source: string, label: string): string {
  const dir = path.join(work, `${label}-${(counter += 1)}`);
  fs.cpSync(source, dir, { recursive: true });
  return dir;
}

/** The one backup file in a folder of backups (the newest when there are several). */
function backupIn(folder: string): string {
  const files = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.dtbak'))
    .sort();
  return path.join(folder, files[files.length - 1]);
}

function listing(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map((name) => name.split(path.sep).join('/')).sort();
}

/** Every table's rows as JSON, hashed: the database's content, whatever its file layout. */
function databaseContent(dir: string): string {
  const sqlite = new BetterSqlite3(path.join(dir, 'court.sqlite3'), { fileMustExist: true });
  try {
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[];
    const hash = crypto.createHash('sha256');
    for (const { name } of tables) {
      hash.update(name);
      // Sorted as JSON: some tables have no rowid to order by.
      const rows = sqlite
        .prepare(`SELECT * FROM "${name}"`)
        .all()
        .map((row) => JSON.stringify(row))
        .sort();
      for (const row of rows) hash.update(row);
    }
    return hash.digest('hex');
  } finally {
    sqlite.close();
  }
}

/** What a refused restore must leave exactly as it was. */
function folderState(dir: string) {
  return {
    database: fs.existsSync(path.join(dir, 'court.sqlite3')) ? databaseContent(dir) : null,
    evidence: listing(path.join(dir, 'evidence')),
    backups: listing(path.join(dir, 'backups')),
    staging: listing(path.join(dir, 'restore-tmp')),
  };
}

async function opened<T>(dir: string, task: (ctx: ReturnType<typeof createServices>['ctx']) => Promise<T>) {
  const services = createServices({ dataDir: dir });
  try {
    return await task(services.ctx);
  } finally {
    await services.close();
  }
}

const summaryOf = (dir: string) => opened(dir, (ctx) => summarizeData(ctx.db));

function withoutTimes(summary: DataSummary) {
  const { lastChangeAt: _last, auditEntries: _audit, ...rest } = summary;
  return rest;
}

async function expectRefused(promise: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error, 'the restore was expected to be refused').toBeInstanceOf(ApiError);
  expect((error as ApiError).code).toBe(code);
  expect((error as ApiError).message).toMatch(message);
  expect((error as ApiError).message).toMatch(/[\u4e00-\u9fa5]/);
}

/** Rewrites a backup's header (and its checksum, so the file is whole again): an unencrypted one only. */
function rewriteHeader(file: string, out: string, change: (header: Record<string, unknown>) => void): void {
  const bytes = fs.readFileSync(file);
  const headerLength = bytes.readUInt32BE(8);
  const header = JSON.parse(bytes.subarray(12, 12 + headerLength).toString('utf8')) as Record<string, unknown>;
  change(header);
  const newHeader = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(newHeader.length);
  const body = Buffer.concat([
    bytes.subarray(0, 8),
    length,
    newHeader,
    bytes.subarray(12 + headerLength, bytes.length - 32),
  ]);
  fs.writeFileSync(out, Buffer.concat([body, crypto.createHash('sha256').update(body).digest()]));
}

// --- fixtures --------------------------------------------------------------------------------------

/** A court with the demo, and a backup of it in its own backups/ folder. */
let base: string;
/** The same court with a campaign added after the backup (the "current data" a restore replaces). */
let changed: string;
let baseSummary: DataSummary;
/** Another court's backup, an encrypted backup of the base court. */
let otherCourtBackup: string;
let encryptedBackup: string;
const PASSPHRASE = '备份口令-2026-正确';

beforeAll(async () => {
  base = path.join(work, 'base');
  await cliOk(['init', '--data', base, ...BASIC]);
  await cliOk(['demo', '--data', base]);
  await cliOk(['backup', '--data', base]);
  baseSummary = await summaryOf(base);
  changed = copyFolder(base, 'changed');
  await cliOk([
    'call',
    '--data',
    changed,
    'campaigns.create',
    JSON.stringify({ title: '备份之后新建的活动', year: 2026 }),
  ]);

  const other = path.join(work, 'other');
  await cliOk([
    'init',
    '--data',
    other,
    '--code',
    'J2302',
    '--name',
    '泰来县人民法院',
    '--level',
    'basic',
    '--parent',
    'J23',
    '--parent-name',
    '齐齐哈尔市中级人民法院',
  ]);
  await cliOk(['backup', '--data', other]);
  otherCourtBackup = backupIn(path.join(other, 'backups'));

  const passphraseFile = path.join(work, 'passphrase.txt');
  fs.writeFileSync(passphraseFile, `${PASSPHRASE}\n`);
  encryptedBackup = path.join(work, 'encrypted', '加密备份.dtbak');
  fs.mkdirSync(path.dirname(encryptedBackup), { recursive: true });
  await cliOk(['backup', '--data', base, '--out', encryptedBackup, '--passphrase-file', passphraseFile]);
}, 180_000);

// --- restore ---------------------------------------------------------------------------------------

describe('restore', () => {
  it('brings back the backup: the same counts per campaign, the same evidence bytes, the audit chain whole with the restore recorded', async () => {
    const dir = copyFolder(changed, 'round-trip');
    const file = backupIn(path.join(dir, 'backups'));
    const before = await summaryOf(dir);
    expect(before.campaigns).toHaveLength(baseSummary.campaigns.length + 1);

    const inspection = await inspectBackup({ dataDir: dir, file });
    expect(inspection.ok).toBe(true);
    expect(withoutTimes(inspection.current!)).toEqual(withoutTimes(before));

    const result = await restoreBackup({ dataDir: dir, file, actor: '测试管理员' });
    expect(withoutTimes(result.holds)).toEqual(withoutTimes(baseSummary));
    const after = await summaryOf(dir);
    expect(withoutTimes(after)).toEqual(withoutTimes(baseSummary));
    expect(after.campaigns.map((c) => c.items)).toEqual(baseSummary.campaigns.map((c) => c.items));

    // The current data was kept as a backup of its own, and it holds the campaign made after.
    expect(result.safetyBackup?.trigger).toBe('restore');
    const kept = await inspectBackup({ dataDir: copyFolder(changed, 'kept'), file: result.safetyBackup!.path });
    expect(kept.ok).toBe(true);
    expect(kept.holds?.campaigns.map((c) => c.title)).toContain('备份之后新建的活动');

    // Evidence: every file byte for byte as in the backed-up folder.
    for (const name of listing(path.join(base, 'evidence')).filter((n) => /[0-9a-f]{64}$/.test(n)))
      expect(
        fs.readFileSync(path.join(dir, 'evidence', name)).equals(fs.readFileSync(path.join(base, 'evidence', name))),
      ).toBe(true);

    await opened(dir, async (ctx) => {
      const integrity = await verifyCourtIntegrity(ctx);
      expect(integrity.problems).toEqual([]);
      const last = await ctx.db
        .selectFrom('auditLog')
        .selectAll()
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      expect(last.operation).toBe('backup-restore');
      expect(last.actor).toBe('测试管理员');
      expect(last.afterJson).toContain('从备份恢复');
      expect(last.afterJson).toContain(path.basename(file));
      expect(last.seq).toBe(baseSummary.auditEntries + 1);
    });
    expect(listing(path.join(dir, 'restore-tmp'))).toEqual([]);
  });

  it('works after the database was deleted (a reinstalled computer keeps only the backups)', async () => {
    const dir = copyFolder(changed, 'deleted');
    for (const name of fs.readdirSync(dir))
      if (name !== 'backups') fs.rmSync(path.join(dir, name), { recursive: true });
    const file = backupIn(path.join(dir, 'backups'));
    const run = await cliOk(['restore', '--data', dir, file]);
    expect(run.stdout).toMatch(/✓ 佐证材料：佐证材料 \d+ 个文件齐全/);
    expect(run.stdout).toMatch(/本机原先没有本院数据/);
    expect(run.stdout).toMatch(/恢复前本机没有可读的本院数据/);
    expect(withoutTimes(await summaryOf(dir))).toEqual(withoutTimes(baseSummary));
    const verify = await cli(['verify', '--data', dir]);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, 'court.sqlite3-wal'))).toBe(false);
  });

  it('works over a damaged database, keeping the damaged files aside', async () => {
    const dir = copyFolder(changed, 'damaged');
    const live = path.join(dir, 'court.sqlite3');
    const garbage = crypto.randomBytes(fs.statSync(live).size);
    fs.writeFileSync(live, garbage);
    const file = backupIn(path.join(dir, 'backups'));
    const run = await cliOk(['restore', '--data', dir, file]);
    expect(run.stdout).toMatch(/当前的数据库已损坏/);
    const aside = fs.readdirSync(dir).filter((name) => /^court\.sqlite3\.损坏-\d{8}-\d{6}$/.test(name));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0])).equals(garbage)).toBe(true);
    expect(withoutTimes(await summaryOf(dir))).toEqual(withoutTimes(baseSummary));
    expect((await cli(['verify', '--data', dir])).code).toBe(0);
  });

  it('restores an encrypted backup with its passphrase (the command line reads it from a file)', async () => {
    const dir = copyFolder(changed, 'encrypted');
    const passphraseFile = path.join(work, 'passphrase.txt');
    const run = await cliOk(['restore', '--data', dir, encryptedBackup, '--passphrase-file', passphraseFile, '--json']);
    const document = JSON.parse(run.stdout) as { ok: boolean; checks: { kind: string; ok: boolean }[] };
    expect(document.ok).toBe(true);
    expect(document.checks.find((c) => c.kind === 'passphrase')?.ok).toBe(true);
    expect(withoutTimes(await summaryOf(dir))).toEqual(withoutTimes(baseSummary));
  });
});

// --- refusals ----------------------------------------------------------------------------------------

describe('a backup that must not be restored is refused with a Chinese reason, and nothing changes', () => {
  const cases: {
    name: string;
    code: string;
    message: RegExp;
    kind: string;
    make: (dir: string) => string;
    passphrase?: string;
  }[] = [
    {
      name: 'truncated',
      code: 'E_BACKUP_DAMAGED',
      message: /不完整/,
      kind: 'file',
      make: (dir) => {
        const file = backupIn(path.join(dir, 'backups'));
        const out = path.join(path.dirname(file), '截断.dtbak');
        const bytes = fs.readFileSync(file);
        fs.writeFileSync(out, bytes.subarray(0, Math.floor(bytes.length / 2)));
        return out;
      },
    },
    {
      name: 'one byte changed',
      code: 'E_BACKUP_DAMAGED',
      message: /已损坏或被改动/,
      kind: 'file',
      make: (dir) => {
        const file = backupIn(path.join(dir, 'backups'));
        const out = path.join(path.dirname(file), '改一个字节.dtbak');
        const bytes = fs.readFileSync(file);
        bytes[Math.floor(bytes.length * 0.6)] ^= 0x01;
        fs.writeFileSync(out, bytes);
        return out;
      },
    },
    {
      name: "another court's",
      code: 'E_BACKUP_OTHER_COURT',
      message: /泰来县人民法院（J2302）.*不是本院/,
      kind: 'court',
      make: () => otherCourtBackup,
    },
    {
      name: 'from a newer program version',
      code: 'E_BACKUP_TOO_NEW',
      message: /更新版本的督导台.*第 \d+ 版.*没有做任何改动/,
      kind: 'version',
      make: (dir) => {
        const file = backupIn(path.join(dir, 'backups'));
        const out = path.join(path.dirname(file), '新版本.dtbak');
        rewriteHeader(file, out, (header) => {
          header.schemaVersion = (header.schemaVersion as number) + 1;
        });
        return out;
      },
    },
    {
      name: 'with the wrong passphrase',
      code: 'E_BACKUP_PASSPHRASE',
      message: /备份口令不正确/,
      kind: 'passphrase',
      make: () => encryptedBackup,
      passphrase: '不对的口令-2026',
    },
    {
      name: 'encrypted, with no passphrase',
      code: 'E_BACKUP_PASSPHRASE',
      message: /请输入设置备份时的备份口令/,
      kind: 'passphrase',
      make: () => encryptedBackup,
    },
    {
      name: 'with an evidence file of its store changed',
      code: 'E_BACKUP_DAMAGED',
      message: /佐证材料文件.*缺失或已损坏/,
      kind: 'evidence',
      make: (dir) => {
        const file = backupIn(path.join(dir, 'backups'));
        const store = path.join(dir, 'backups', 'evidence');
        const first = listing(store).find((name) => /[0-9a-f]{64}$/.test(name))!;
        fs.appendFileSync(path.join(store, first), 'x');
        // …and the data folder's own copy is gone, so nothing can stand in for it.
        fs.rmSync(path.join(dir, 'evidence', first));
        return file;
      },
    },
  ];

  it.each(cases)('$name → $code', async ({ code, message, kind, make, passphrase }) => {
    const dir = copyFolder(changed, 'refused');
    const file = make(dir);
    const before = folderState(dir);

    const inspection = await inspectBackup({ dataDir: dir, file, passphrase });
    expect(inspection.ok).toBe(false);
    const failed = inspection.checks[inspection.checks.length - 1];
    expect(failed).toMatchObject({ kind, ok: false });
    expect(failed.message).toMatch(message);
    expect(folderState(dir)).toEqual(before);

    await expectRefused(restoreBackup({ dataDir: dir, file, passphrase }), code, message);
    expect(folderState(dir)).toEqual(before);
  });

  it('the command line prints the checks and the reason, exit code 1', async () => {
    const dir = copyFolder(changed, 'refused-cli');
    const before = folderState(dir);
    const run = await cli(['restore', '--data', dir, otherCourtBackup]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✓ 备份文件/);
    expect(run.stdout).toMatch(/✗ 所属法院/);
    expect(run.stderr).toMatch(/未能完成（E_BACKUP_OTHER_COURT）/);
    const json = await cli(['restore', '--data', dir, path.join(dir, '没有这个文件.dtbak'), '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, code: 'E_NOT_FOUND' });
    expect(folderState(dir)).toEqual(before);
  });
});

// --- the folder in use ---------------------------------------------------------------------------

/** A real process that opens the data folder as every face of the program does, and waits. */
function holdFolder(dir: string): Promise<ChildProcess> {
  const script = [
    `import { createServices } from ${JSON.stringify(path.join(ROOT, 'src/main/app/services.ts'))};`,
    `const services = createServices({ dataDir: ${JSON.stringify(dir)} });`,
    "process.stdout.write('ready\\n');",
    'process.stdin.resume();',
    "process.stdin.on('end', async () => { await services.close(); process.exit(0); });",
  ].join('\n');
  const file = path.join(work, `hold-${(counter += 1)}.mts`);
  fs.writeFileSync(file, script);
  const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      if (chunk.includes('ready')) resolve(child);
    });
  });
}

describe('a folder another process holds open', () => {
  it('is not restored into (E_IN_USE), in this process or from the command line; once closed it is', async () => {
    const dir = copyFolder(changed, 'in-use');
    const file = backupIn(path.join(dir, 'backups'));
    const before = folderState(dir);
    const holder = await holdFolder(dir);
    try {
      expect(folderUsers(dir).map((user) => user.pid)).toEqual([holder.pid]);
      await expectRefused(
        restoreBackup({ dataDir: dir, file }),
        'E_IN_USE',
        /数据文件夹正被另一个窗口或命令行使用（.*进程 \d+.*），请先关闭它再恢复，数据没有改动/,
      );
      const run = await cli(['restore', '--data', dir, file]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/E_IN_USE/);
      expect(folderState(dir)).toEqual(before);
    } finally {
      const ended = new Promise((resolve) => holder.on('exit', resolve));
      holder.stdin!.end();
      await ended;
    }
    expect(folderUsers(dir)).toEqual([]);
    await restoreBackup({ dataDir: dir, file });
    expect(withoutTimes(await summaryOf(dir))).toEqual(withoutTimes(baseSummary));
  });

  it('a holder killed without closing does not count', async () => {
    const dir = copyFolder(changed, 'dead-holder');
    const holder = await holdFolder(dir);
    const ended = new Promise((resolve) => holder.on('exit', resolve));
    holder.kill('SIGKILL');
    await ended;
    expect(fs.readdirSync(path.join(dir, 'in-use')).some((name) => name.startsWith(`${holder.pid}-`))).toBe(true);
    expect(folderUsers(dir)).toEqual([]);
  });
});

// --- inspection --------------------------------------------------------------------------------

describe('inspecting a backup', () => {
  it('never changes the data folder, and warns of reports sent after the backup and of missing keys', async () => {
    const dir = copyFolder(changed, 'inspect');
    const file = backupIn(path.join(dir, 'backups'));
    // The current data sent report 1 after this backup was taken.
    const out = path.join(work, `report-${(counter += 1)}.zip`);
    await cliOk(['export', '--data', dir, '--out', out]);
    const before = folderState(dir);
    const inspection = await inspectBackup({ dataDir: dir, file });
    expect(inspection.ok).toBe(true);
    expect(inspection.warnings).toContain(
      '备份之后本院又报送过第 1 号同步包，这些报送之后的修改恢复后会丢失；如需找回，请向上级法院申请恢复包。',
    );
    // The current folder has its keys: a keyless backup gets them on restore, so no warning.
    expect(inspection.warnings.some((w) => w.includes('不含本院密钥'))).toBe(false);
    expect(folderState(dir)).toEqual(before);

    // A reinstalled computer (no database): the keyless backup means new keys.
    const empty = path.join(work, `empty-${(counter += 1)}`);
    fs.mkdirSync(empty);
    const fresh = await inspectBackup({ dataDir: empty, file });
    expect(fresh.ok).toBe(true);
    expect(fresh.current).toBeNull();
    expect(fresh.warnings).toContain('此备份不含本院密钥，恢复后本院使用新密钥，上级法院需要重新核对指纹。');
    expect(listing(empty).filter((name) => !name.startsWith('journal'))).toEqual([]);
  });

  it("a keyless backup restored over a court with keys keeps the court's keys", async () => {
    const dir = copyFolder(changed, 'keys');
    const fingerprint = async () =>
      JSON.parse((await cliOk(['fingerprint', '--data', dir, '--json'])).stdout) as unknown;
    const before = await fingerprint();
    await restoreBackup({ dataDir: dir, file: backupIn(path.join(dir, 'backups')) });
    expect(await fingerprint()).toEqual(before);
  });
});

// --- cli verify ----------------------------------------------------------------------------------

describe('cli verify', () => {
  it('exit 0 on good data; 1 with each fault listed after an evidence file is deleted and an audit row edited', async () => {
    const dir = copyFolder(base, 'verify');
    const good = await cli(['verify', '--data', dir]);
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/校验通过/);

    const evidence = listing(path.join(dir, 'evidence')).find((name) => /[0-9a-f]{64}$/.test(name))!;
    fs.rmSync(path.join(dir, 'evidence', evidence));
    const missing = await cli(['verify', '--data', dir]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/校验发现 1 处问题/);
    expect(missing.stdout).toMatch(/1\. .*文件缺失/);

    const sqlite = new BetterSqlite3(path.join(dir, 'court.sqlite3'));
    sqlite.prepare("UPDATE audit_log SET actor = '别人' WHERE seq = 5").run();
    sqlite.close();
    const both = await cli(['verify', '--data', dir, '--json']);
    expect(both.code).toBe(1);
    const result = JSON.parse(both.stdout) as { ok: boolean; problems: { kind: string; message: string }[] };
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.kind).sort()).toEqual(['edited', 'evidence-missing']);
    expect(result.problems.every((p) => /[\u4e00-\u9fa5]/.test(p.message))).toBe(true);
  });
});

// --- kill -9 during a restore ---------------------------------------------------------------------

describe('kill -9 during a restore', () => {
  const POINTS = ['restore.staged', 'restore.evidence', 'restore.copy', 'restore.copy#2', 'restore.swap'];

  async function crashAt(point: string, dir: string, file: string): Promise<void> {
    const run = await cli(['restore', '--data', dir, file], { COURT_TEST_CRASH_AT: point });
    expect(run.signal, `${point}: ${run.stdout}\n${run.stderr}`).toBe('SIGKILL');
  }

  async function landedOn(dir: string): Promise<'before' | 'after'> {
    return opened(dir, async (ctx) => {
      const integrity = await verifyCourtIntegrity(ctx);
      expect(integrity.problems).toEqual([]);
      const summary = withoutTimes(await summarizeData(ctx.db));
      const last = await ctx.db.selectFrom('auditLog').select('operation').orderBy('seq', 'desc').executeTakeFirst();
      if (last?.operation === 'backup-restore') {
        expect(summary).toEqual(withoutTimes(baseSummary));
        return 'after';
      }
      expect(summary.campaigns.map((c) => c.title)).toContain('备份之后新建的活动');
      return 'before';
    });
  }

  it.each(POINTS)('over the current data, at %s: the old data or the restored, whole', async (point) => {
    const dir = copyFolder(changed, `crash-${point}`);
    const file = backupIn(path.join(dir, 'backups'));
    await crashAt(point, dir, file);
    const side = await landedOn(dir);
    expect(side).toBe(point === 'restore.swap' ? 'after' : 'before');
    // Whatever the crash left is settled by opening the folder: no staging files, no journal.
    expect(listing(path.join(dir, 'restore-tmp'))).toEqual([]);
    expect(listing(path.join(dir, 'journal'))).toEqual([]);
    // And the restore can simply be run again.
    await cliOk(['restore', '--data', dir, file]);
    expect(await landedOn(dir)).toBe('after');
  });

  it.each(['restore.evidence', 'restore.copy', 'restore.swap'])(
    'onto a reinstalled computer, at %s: no court or the restored one, and no evidence without its rows',
    async (point) => {
      const dir = copyFolder(base, `crash-empty-${point}`);
      for (const name of fs.readdirSync(dir))
        if (name !== 'backups') fs.rmSync(path.join(dir, name), { recursive: true });
      const file = backupIn(path.join(dir, 'backups'));
      await crashAt(point, dir, file);
      const restored = fs.existsSync(path.join(dir, 'court.sqlite3'));
      expect(restored).toBe(point === 'restore.swap');
      const summary = await opened(dir, async (ctx) => {
        expect((await verifyCourtIntegrity(ctx)).problems).toEqual([]);
        return summarizeData(ctx.db);
      });
      if (restored) expect(withoutTimes(summary)).toEqual(withoutTimes(baseSummary));
      else {
        expect(summary.courtCode).toBeNull();
        // Evidence placed for a swap that never happened was removed at the next start.
        expect(listing(path.join(dir, 'evidence')).filter((name) => /[0-9a-f]{64}$/.test(name))).toEqual([]);
      }
      expect(listing(path.join(dir, 'restore-tmp'))).toEqual([]);
    },
  );
});
