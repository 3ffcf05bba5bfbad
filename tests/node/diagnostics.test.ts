// 导出诊断信息: the zip holds the logs, the versions, the integrity check and the row counts of a
// court with real data — and nothing of the database, the keys, the evidence or the passwords,
// checked byte by byte on the zip file and on every entry unpacked.
import fs from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import { readZipEntries } from './zipEntries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, openCourt, tempDir, type Harness } from './harness';
import { ensureCourtKeys } from '../../src/main/sync/courtKeys';
import { DATABASE_FILE } from '../../src/main/data/database';
import { logFor, logsFolder } from '../../src/main/logging/log';
import { BASIC, runCli } from './cliProcess';
import type { DiagnosticsFile } from '../../src/shared/api';

const folders: string[] = [];
function freshFolder(): string {
  const dir = tempDir('court-diagnostics-');
  folders.push(dir);
  return dir;
}

const EVIDENCE_MARKER = 'EVIDENCE-CONTENT-7f3a9c-不应出现在诊断信息中';
/** What the zip may hold, and nothing else. */
const ALLOWED_ENTRY =
  /^(README\.txt|versions\.json|integrity\.json|integrity\.txt|table-counts\.json|logs\/[a-z-]+(\.\d+)?\.log)$/;

let h: Harness;
let out: string;
let saved: DiagnosticsFile;
let entries: { name: string; bytes: Buffer }[];
let secrets: { label: string; bytes: Buffer }[];

beforeAll(async () => {
  const court = await openCourt();
  h = court.h;
  const item = await h.ok('items.create', { campaignId: court.campaign.id, title: '廉政教育' });
  await h.ok('evidence.add', {
    itemId: item.id,
    name: '培训签到表.pdf',
    mimeType: 'application/pdf',
    dataBase64: Buffer.from(EVIDENCE_MARKER).toString('base64'),
  });
  // An unexpected failure of an operation that carries a password, so the logs hold a stack.
  h.services.ctx.sqlite.exec('ALTER TABLE users RENAME TO users_gone');
  expect(
    await h.call('auth.changePassword', { currentPassword: ADMIN.password, newPassword: 'Brand-New-2026' }),
  ).toMatchObject({ ok: false, code: 'E_INTERNAL' });
  h.services.ctx.sqlite.exec('ALTER TABLE users_gone RENAME TO users');
  // A link dressed as a log file, pointing at the database: it must not be followed.
  fs.symlinkSync(path.join(h.dataDir, DATABASE_FILE), path.join(logsFolder(h.dataDir), 'court.log'));

  const keys = await ensureCourtKeys(h.services.ctx);
  const hash = (
    h.services.ctx.sqlite.prepare('SELECT password_hash FROM users WHERE username = ?').get('admin') as {
      password_hash: string;
    }
  ).password_hash;
  secrets = [
    { label: 'admin password', bytes: Buffer.from(ADMIN.password) },
    { label: 'new password', bytes: Buffer.from('Brand-New-2026') },
    { label: 'password hash', bytes: Buffer.from(hash) },
    { label: 'evidence content', bytes: Buffer.from(EVIDENCE_MARKER) },
    { label: 'SQLite file header', bytes: Buffer.from('SQLite format 3\u0000', 'latin1') },
    ...(['signPrivate', 'boxPrivate'] as const).flatMap((name) => {
      const der = Buffer.from(keys[name], 'base64');
      return [
        { label: `${name} (base64)`, bytes: Buffer.from(keys[name]) },
        { label: `${name} (DER)`, bytes: der },
        // The raw 32-byte key at the end of the PKCS#8 structure.
        { label: `${name} (raw)`, bytes: der.subarray(der.length - 32) },
      ];
    }),
  ];
  // A careless line with a key in it: redaction must still keep it out of the zip.
  logFor(h.dataDir).warn('a detail that should never be logged', { note: `key ${keys.signPrivate}` });

  out = freshFolder();
  saved = await h.ok('diagnostics.export', { folder: out });
  entries = await readZipEntries(saved.path);
});

afterAll(async () => {
  await h?.close();
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
  if (h) fs.rmSync(h.dataDir, { recursive: true, force: true });
});

describe('the diagnostics zip', () => {
  it('is named 诊断信息-<court code>-<date and time>.zip and lies whole in the chosen folder', () => {
    const stamp = dayjs(h.services.ctx.now()).format('YYYY-MM-DD-HHmm');
    expect(saved.fileName).toBe(`诊断信息-J2301-${stamp}.zip`);
    expect(fs.readdirSync(out)).toEqual([saved.fileName]);
    expect(fs.statSync(saved.path).size).toBe(saved.bytes);
    expect(entries.map((e) => e.name)).toEqual(saved.entries);
  });

  it('holds only logs, versions, the integrity check and row counts', () => {
    for (const { name } of entries) expect(name).toMatch(ALLOWED_ENTRY);
    const names = entries.map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining(['README.txt', 'versions.json', 'integrity.json', 'integrity.txt', 'table-counts.json']),
    );
    expect(names).toContain('logs/main.log');
    expect(names).not.toContain('logs/court.log');
    for (const { name, bytes } of entries) {
      expect(name, name).not.toMatch(/\.(db|sqlite|db-wal|db-shm|dtsync)$|evidence|uploads|journal|key/i);
      expect(bytes.subarray(0, 16).toString('latin1'), name).not.toBe('SQLite format 3\u0000');
    }
  });

  it('holds no byte of the private keys, the passwords, the evidence or the database, packed or unpacked', () => {
    const zip = fs.readFileSync(saved.path);
    for (const secret of secrets) {
      expect(zip.includes(secret.bytes), `${secret.label} in the zip file`).toBe(false);
      for (const entry of entries)
        expect(entry.bytes.includes(secret.bytes), `${secret.label} in ${entry.name}`).toBe(false);
    }
  });

  it('versions.json names the program, the schema with its migrations, the runtime and the time', () => {
    const versions = JSON.parse(entries.find((e) => e.name === 'versions.json')!.bytes.toString('utf8'));
    expect(versions).toMatchObject({
      appVersion: h.services.ctx.appVersion,
      schemaVersion: h.services.ctx.schemaVersion,
      node: process.versions.node,
      platform: process.platform,
      arch: process.arch,
      court: 'J2301',
    });
    expect(versions.migrations).toHaveLength(h.services.ctx.schemaVersion);
    expect(versions.migrations[0]).toMatchObject({
      version: 1,
      name: expect.any(String),
      appliedAt: expect.any(String),
    });
    expect(versions.generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  });

  it('holds the integrity check as data and as Chinese sentences', () => {
    const integrity = JSON.parse(entries.find((e) => e.name === 'integrity.json')!.bytes.toString('utf8'));
    expect(integrity).toMatchObject({ ok: true, problems: [], evidenceChecked: 1 });
    expect(integrity.checked).toBeGreaterThan(0);
    const text = entries.find((e) => e.name === 'integrity.txt')!.bytes.toString('utf8');
    expect(text).toContain('法院：龙江县人民法院（J2301）');
    expect(text).toContain('结论：未发现问题');
    expect(text).toContain(`已检查审计记录 ${integrity.checked} 条，佐证材料文件 1 个。`);
  });

  it('counts the rows of every table, and holds nothing but numbers there', () => {
    const counts = JSON.parse(entries.find((e) => e.name === 'table-counts.json')!.bytes.toString('utf8'));
    expect(counts).toMatchObject({ items: 1, evidence: 1, campaigns: 1, users: 1 });
    for (const value of Object.values(counts)) expect(typeof value).toBe('number');
  });

  it('carries the logs, with the failure and the export itself, redacted as written', () => {
    const main = entries.find((e) => e.name === 'logs/main.log')!.bytes.toString('utf8');
    expect(main).toMatch(/operation failed unexpectedly \{"operation":"auth\.changePassword"/);
    expect(main).toContain('diagnostics export started');
    expect(main).toMatch(/a detail that should never be logged \{"note":"key \[编码内容已略去，\d+ 字符\]"\}/);
  });

  it('never replaces an earlier file: a second export the same minute gets （2）', async () => {
    const again = await h.ok('diagnostics.export', { folder: out });
    expect(again.fileName).toBe(saved.fileName.replace(/\.zip$/, '（2）.zip'));
    expect(fs.readdirSync(out).sort()).toEqual([saved.fileName, again.fileName].sort());
  });
});

describe('a court whose integrity check finds a problem', () => {
  it('says so in integrity.txt in plain words', async () => {
    const court = await openCourt();
    const x = court.h;
    try {
      const item = await x.ok('items.create', { campaignId: court.campaign.id, title: '警示教育' });
      await x.ok('evidence.add', {
        itemId: item.id,
        name: '会议记录.pdf',
        mimeType: 'application/pdf',
        dataBase64: Buffer.from('会议记录').toString('base64'),
      });
      fs.rmSync(path.join(x.dataDir, 'evidence'), { recursive: true, force: true });
      const file = await x.ok('diagnostics.export', { folder: freshFolder() });
      const text = (await readZipEntries(file.path)).find((e) => e.name === 'integrity.txt')!.bytes.toString('utf8');
      expect(text).toContain('结论：发现 1 处问题');
      expect(text).toMatch(/1\. 【佐证材料缺失】事项“警示教育”的佐证材料“会议记录\.pdf”的文件缺失/);
    } finally {
      await x.close();
    }
  });
});

describe('the command line', () => {
  it('diagnostics export --data --to saves the same zip, with the command line’s own log', async () => {
    const dir = path.join(freshFolder(), 'data');
    const init = await runCli(['init', '--data', dir, ...BASIC, '--json']);
    expect(init.code, init.stderr).toBe(0);
    const temporaryPassword = JSON.parse(init.stdout).admin.temporaryPassword as string;
    const to = freshFolder();
    const run = await runCli(['diagnostics', 'export', '--data', dir, '--to', to]);
    expect(run.code, run.stderr).toBe(0);
    const [name] = fs.readdirSync(to);
    expect(name).toMatch(/^诊断信息-J2301-\d{4}-\d{2}-\d{2}-\d{4}\.zip$/);
    expect(run.stdout).toBe(`已导出诊断信息：${path.join(to, name)}（6 个文件）\n`); // five of ours and cli.log
    expect(run.stderr).toContain('其中没有数据库、本院密钥和佐证材料');
    const unpacked = await readZipEntries(path.join(to, name));
    const cliLog = unpacked.find((e) => e.name === 'logs/cli.log')!.bytes.toString('utf8');
    expect(cliLog).toMatch(
      /command finished \{"command":"init","options":\["data","code","name","level","parent","parent-name","json"\],"exitCode":0/,
    );
    expect(cliLog).toContain('diagnostics export started');
    for (const entry of unpacked) expect(entry.bytes.includes(Buffer.from(temporaryPassword)), entry.name).toBe(false);
  });

  it('names a missing or unknown action as a usage error, and leaves a mistyped folder untouched', async () => {
    const missing = await runCli(['diagnostics', '--data', freshFolder(), '--to', freshFolder()]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('缺少要做的事，应为 export。');
    const unknown = await runCli(['diagnostics', 'send', '--data', freshFolder(), '--to', freshFolder()]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('不认识“send”，应为 export。');

    const wrong = freshFolder();
    const refused = await runCli(['diagnostics', 'export', '--data', wrong, '--to', freshFolder()]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('E_NO_DATA');
    expect(fs.readdirSync(wrong)).toEqual([]);
  });
});
