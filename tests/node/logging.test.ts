// The program's log files: written into <data folder>/logs by a real dispatch, a real sync worker
// thread and the real file transport; rotated by size with three archives kept; and never holding
// a password, a key, file content or an identity number.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN, basicSetup, openHarness, tempDir } from './harness';
import {
  archiveLogFile,
  createLog,
  LOG_ARCHIVES,
  LOG_MAX_BYTES,
  logFilePath,
  logsFolder,
} from '../../src/main/logging/log';
import { errorText, redact, redactText } from '../../src/main/logging/redact';
import { generateCourtKeys } from '../../src/main/sync/format/keys';

const folders: string[] = [];
function freshFolder(): string {
  const dir = tempDir('court-logs-');
  folders.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');

describe('log files in the data folder', () => {
  it('an operation that fails unexpectedly is written to logs/main.log with its name and stack, not its input', async () => {
    const h = await openHarness({ dataDir: freshFolder() });
    try {
      await h.ok('court.setup', basicSetup);
      const log = logFilePath(h.dataDir, 'main');
      expect(path.dirname(log)).toBe(path.join(h.dataDir, 'logs'));
      // Start-up: version, schema, platform and the folder.
      expect(read(log)).toMatch(/data folder opened .*"appVersion":"\d+\.\d+\.\d+".*"schemaVersion":\d+.*"platform"/);

      // A table gone from under the program: not a refusal, a fault for support.
      h.services.ctx.sqlite.exec('ALTER TABLE users RENAME TO users_gone');
      const secret = 'Geheim-2026-Pass';
      const result = await h.call('auth.changePassword', { currentPassword: ADMIN.password, newPassword: secret });
      expect(result).toMatchObject({ ok: false, code: 'E_INTERNAL' });
      const text = read(log);
      expect(text).toMatch(/\[error\] .*operation failed unexpectedly \{"operation":"auth\.changePassword"/);
      expect(text).toMatch(/SqliteError: no such table: users/);
      expect(text).toMatch(/\n\s+at /); // the stack
      expect(text).toContain('"inputFields":["currentPassword","newPassword"]');
      expect(text).not.toContain(secret);
      expect(text).not.toContain(ADMIN.password);
    } finally {
      await h.close();
    }
  });

  it('a sync export in the worker thread writes its kind, court, number and result to logs/worker.log', async () => {
    const h = await openHarness({ dataDir: freshFolder() });
    try {
      await h.ok('court.setup', basicSetup);
      const out = freshFolder();
      const { jobId } = await h.ok('sync.export', { folder: out, full: true });
      const status = await h.services.ctx.jobs.waitFor(jobId);
      expect(status?.state).toBe('done');
      const text = read(logFilePath(h.dataDir, 'worker'));
      expect(text).toMatch(/sync task started \{"op":"export"/);
      expect(text).toMatch(
        /sync task finished \{"op":"export","result":"exported","kind":"[a-z_]+","full":true,"target":"J23","seq":1,/,
      );
      // The worker opened the folder itself and said so, as the sync worker.
      expect(text).toMatch(/data folder opened \{"process":"worker"/);
    } finally {
      await h.close();
    }
  });

  it('rotates at LOG_MAX_BYTES and keeps LOG_ARCHIVES archives, newest first', () => {
    const dataDir = freshFolder();
    const log = createLog(dataDir, 'cli');
    const filler = '审'.repeat(3000); // 9 000 bytes of UTF-8 per line
    const lines = Math.ceil(((LOG_ARCHIVES + 2) * LOG_MAX_BYTES) / 9000);
    for (let n = 1; n <= lines; n += 1) log.info(`line ${n}`, { filler });

    const names = fs.readdirSync(logsFolder(dataDir)).sort();
    expect(names).toEqual(['cli.1.log', 'cli.2.log', 'cli.3.log', 'cli.log']);
    const lineNumbers = (name: string) =>
      [...read(path.join(logsFolder(dataDir), name)).matchAll(/line (\d+) /g)].map((m) => Number(m[1]));
    for (const name of names) {
      expect(fs.statSync(path.join(logsFolder(dataDir), name)).size).toBeLessThanOrEqual(LOG_MAX_BYTES + 10_000);
    }
    // Continuous and in order: cli.3.log (oldest kept) … cli.1.log, then cli.log ending with the last line.
    const sequence = ['cli.3.log', 'cli.2.log', 'cli.1.log', 'cli.log'].flatMap(lineNumbers);
    expect(sequence.at(-1)).toBe(lines);
    expect(sequence).toEqual(sequence.map((_, i) => sequence[0] + i));
    // The oldest lines were dropped, not kept in a fourth archive.
    expect(sequence[0]).toBeGreaterThan(1);
  });

  it('archiveLogFile shifts the archives and drops the oldest', () => {
    const dir = freshFolder();
    const file = path.join(dir, 'main.log');
    for (const [name, text] of [
      ['main.log', 'now'],
      ['main.1.log', 'one'],
      ['main.2.log', 'two'],
      ['main.3.log', 'three'],
    ])
      fs.writeFileSync(path.join(dir, name), text);
    archiveLogFile(file, 3);
    expect(fs.readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.3.log']);
    expect(['main.1.log', 'main.2.log', 'main.3.log'].map((n) => read(path.join(dir, n)))).toEqual([
      'now',
      'one',
      'two',
    ]);
  });

  it('a folder that cannot hold logs does not make logging throw', () => {
    const dir = freshFolder();
    // "logs" is a file here: the directory can never be created.
    fs.writeFileSync(path.join(dir, 'logs'), 'not a folder');
    const log = createLog(dir, 'preview');
    expect(() => log.error('still fine', new Error('x'))).not.toThrow();
  });
});

describe('redaction', () => {
  const keys = generateCourtKeys();

  it('hides secrets by field name and content by shape, keeping what support needs', () => {
    const out = redact({
      operation: 'auth.changePassword',
      currentPassword: 'Old-Secret-1',
      newPassword: 'New-Secret-2',
      nested: { token: 'abc', signPrivate: keys.signPrivate, boxPrivate: keys.boxPrivate, apiKey: 'k' },
      chunkBase64: 'aGVsbG8gd29ybGQ=',
      content: Buffer.from('evidence bytes'),
      bytes: 1234,
      sha256: 'a'.repeat(64),
      file: '/tmp/court/evidence/ab/' + 'ab12'.repeat(16),
      seq: 3,
    }) as Record<string, unknown>;
    const text = JSON.stringify(out);
    for (const secret of ['Old-Secret-1', 'New-Secret-2', 'abc"', keys.signPrivate, keys.boxPrivate, 'aGVsbG8'])
      expect(text).not.toContain(secret);
    expect(text).not.toContain('evidence bytes');
    expect(out).toMatchObject({
      operation: 'auth.changePassword',
      currentPassword: '[已隐去]',
      chunkBase64: '[内容已略去，16 字符]',
      content: '[内容已略去，14 字节]',
      bytes: 1234,
      sha256: 'a'.repeat(64),
      file: '/tmp/court/evidence/ab/' + 'ab12'.repeat(16),
      seq: 3,
    });
  });

  it('finds keys, base64 content, identity-card and mobile numbers inside free text', () => {
    const pem = `-----BEGIN PRIVATE KEY-----\n${keys.signPrivate}\n-----END PRIVATE KEY-----`;
    const content = Buffer.from('x'.repeat(300)).toString('base64');
    const text = redactText(
      `key ${keys.boxPrivate} pem ${pem} file ${content} 身份证 23020419800101123X 手机 13912345678 案号（2026）黑0221执123号`,
    );
    expect(text).not.toContain(keys.boxPrivate);
    expect(text).not.toContain(keys.signPrivate);
    expect(text).not.toContain(content.slice(0, 40));
    expect(text).toContain('[密钥已隐去]');
    expect(text).toContain('230204********123X');
    expect(text).toContain('139****5678');
    expect(text).toContain('案号（2026）黑0221执123号');
  });

  it('an error keeps its stack and code but not a key in its message', () => {
    const error = Object.assign(new Error(`bad key ${keys.signPrivate}`), { code: 'E_TEST' });
    const text = errorText(error);
    expect(text).toMatch(/^Error: bad key \[编码内容已略去，\d+ 字符\]/);
    expect(text).toContain('code: E_TEST');
    expect(text).toMatch(/\n\s+at /);
    expect(text).not.toContain(keys.signPrivate);
  });

  it('cuts very long text and very long lists', () => {
    expect(redactText('字'.repeat(10_000)).length).toBeLessThan(4100);
    expect((redact(Array.from({ length: 500 }, (_, i) => i)) as unknown[]).length).toBe(51);
  });

  it('everything written goes through it', () => {
    const dataDir = freshFolder();
    const log = createLog(dataDir, 'preview');
    log.info('saved', { password: 'Visible-If-Broken-1', note: `k=${keys.signPrivate}` });
    log.error('failed', new Error(`with ${keys.boxPrivate}`), { newPassword: 'Visible-If-Broken-2' });
    const text = read(logFilePath(dataDir, 'preview'));
    expect(text).toContain('saved');
    expect(text).toContain('failed');
    for (const secret of ['Visible-If-Broken-1', 'Visible-If-Broken-2', keys.signPrivate, keys.boxPrivate])
      expect(text).not.toContain(secret);
  });
});
