// The preview transport: 127.0.0.1 only, a per-launch token on every call, no other origins or
// host names, no files outside the renderer folder; the same operation table behind it.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startPreviewServer, type PreviewServer } from '../../src/main/preview/previewServer';
import { UPLOAD_CHUNK_BYTES } from '../../src/shared/api';
import { ADMIN, basicCourt, openHarness, tempDir, type Harness } from './harness';

let h: Harness;
let server: PreviewServer;
let origin: string;

beforeAll(async () => {
  h = await openHarness();
  const rendererDir = tempDir('court-renderer-');
  fs.writeFileSync(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>督导台</title></head><body></body></html>',
  );
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const bridgeFile = path.join(tempDir('court-bridge-'), 'bridge.js');
  fs.writeFileSync(bridgeFile, '/* bridge */');
  server = await startPreviewServer({ ctx: h.services.ctx, rendererDir, bridgeFile });
  origin = new URL(server.url).origin;
});

afterAll(async () => {
  await server.close();
  await h.close();
});

function post(operation: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${origin}/api/${operation}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}`, ...headers },
    body: JSON.stringify(body),
  });
}

/** Raw request so the Host header can be forged (fetch does not allow it). */
function rawGet(pathname: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: pathname, headers: { Host: host } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

interface RawOutcome {
  /** Everything the server sent back (status line, headers, body). */
  response: string;
  /** Body bytes the client managed to hand to its socket before the answer came. */
  written: number;
  /** The server closed the connection (the client never ends its side). */
  closed: boolean;
}

/**
 * A client that sends `head` and then as much of a body as the connection takes, as fast as it
 * takes it, until the server answers; it then stops and waits for the server to hang up. Bytes
 * the server never reads cannot be written past the sockets' buffers (a few MiB), so `written`
 * bounds what the server read, with no timing involved.
 */
function rawRequest(head: string, body: { total: number; chunked?: boolean } | null): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const socket = net.connect(server.port, '127.0.0.1');
    const piece = Buffer.alloc(MiB, 0x61);
    const frame = Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]);
    let response = '';
    let written = 0;
    let answered = false;
    socket.on('data', (data: Buffer) => {
      answered = true;
      response += data.toString('utf8');
    });
    // EPIPE / ECONNRESET when the server hangs up mid-body: expected.
    socket.on('error', () => {});
    // Only a server that never hangs up meets this (the test then fails on `closed`, not on a timeout).
    const giveUp = setTimeout(() => {
      socket.destroy();
      resolve({ response, written, closed: false });
    }, 20_000);
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve({ response, written, closed: true });
    });
    const pump = () => {
      while (body && !answered && !socket.destroyed && written < body.total) {
        written += piece.length;
        if (!socket.write(body.chunked ? frame : piece)) return void socket.once('drain', pump);
      }
    };
    socket.on('connect', () => {
      socket.write(head);
      pump();
    });
  });
}

const requestHead = (operation: string, headers: Record<string, string | number>) =>
  `POST /api/${operation} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;

const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);

describe('preview server', () => {
  it('listens on 127.0.0.1 with a 64-hex-digit token in the address fragment', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}$/);
  });

  it('runs operations for the token holder', async () => {
    const setup = await (await post('court.setup', { profile: basicCourt, admin: ADMIN })).json();
    expect(setup).toMatchObject({ ok: true, value: { profile: { code: 'J2301' } } });
    const invalid = await (await post('campaigns.create', { title: '', year: 2026 })).json();
    expect(invalid).toMatchObject({ ok: false, code: 'E_INVALID' });
  });

  it('refuses calls without the token, with a wrong token, or from another origin', async () => {
    const none = await fetch(`${origin}/api/court.get`, { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ ok: false, code: 'E_TOKEN' });
    const wrong = await post('court.get', {}, { Authorization: `Bearer ${'0'.repeat(64)}` });
    expect(wrong.status).toBe(401);
    const foreign = await post('court.get', {}, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const get = await fetch(`${origin}/api/court.get?x=1`);
    expect(get.status).toBe(405);
  });

  it('refuses a forged Host header (DNS rebinding)', async () => {
    expect(await rawGet('/', 'evil.example:80')).toBe(421);
    expect(await rawGet('/', `127.0.0.1:${server.port}`)).toBe(200);
  });

  it('serves the renderer with the bridge injected and a CSP, and nothing outside its folder', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<script src="/preview-bridge.js"></script>');
    expect(await (await fetch(`${origin}/assets/app.js`)).text()).toBe('console.log(1)');
    expect(await (await fetch(`${origin}/preview-bridge.js`)).text()).toBe('/* bridge */');
    const traversal = await fetch(`${origin}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(await traversal.text()).not.toContain('root:');
  });

  it('refuses malformed JSON with a Chinese message', async () => {
    const response = await fetch(`${origin}/api/court.get`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}` },
      body: '{oops',
    });
    expect(await response.json()).toMatchObject({ ok: false, code: 'E_INVALID', message: '提交的内容格式不正确。' });
  });

  it('answers 401 to a huge body without the token, or with a wrong one, and reads none of it', async () => {
    for (const authorization of [null, `Bearer ${'0'.repeat(64)}`]) {
      const head = requestHead('court.get', {
        'Content-Type': 'application/json',
        'Content-Length': GiB,
        ...(authorization ? { Authorization: authorization } : {}),
      });
      const outcome = await rawRequest(head, { total: GiB });
      expect(statusOf(outcome.response)).toBe(401);
      expect(outcome.response).toMatch(/connection: close/i);
      expect(outcome.response).toContain('E_TOKEN');
      expect(outcome.closed).toBe(true);
      // 1 GiB announced; the answer came and the server hung up after at most the sockets' buffers.
      expect(outcome.written).toBeLessThan(64 * MiB);
    }
    // The same for a chunked body, which announces no length.
    const chunked = await rawRequest(requestHead('court.get', { 'Transfer-Encoding': 'chunked' }), {
      total: GiB,
      chunked: true,
    });
    expect(statusOf(chunked.response)).toBe(401);
    expect(chunked.written).toBeLessThan(64 * MiB);
  });

  it('refuses an unknown operation, another origin and a GET with a body before reading it', async () => {
    const auth = { Authorization: `Bearer ${server.token}` };
    const unknown = await rawRequest(requestHead('items.dropTable', { ...auth, 'Content-Length': 5 * MiB }), null);
    expect(statusOf(unknown.response)).toBe(404);
    expect(unknown.response).toContain('E_UNKNOWN_OPERATION');
    expect(unknown.closed).toBe(true);
    const foreign = await rawRequest(
      requestHead('court.get', { ...auth, Origin: 'https://evil.example', 'Content-Length': GiB }),
      { total: GiB },
    );
    expect(statusOf(foreign.response)).toBe(403);
    expect(foreign.written).toBeLessThan(64 * MiB);
    const page = await rawRequest(
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Length: ${GiB}\r\n\r\n`,
      { total: GiB },
    );
    expect(statusOf(page.response)).toBe(200);
    expect(page.closed).toBe(true);
    expect(page.written).toBeLessThan(64 * MiB);
  });

  it('answers 413 at once to a declared length over the cap, before any of the body is sent', async () => {
    const head = requestHead('court.get', {
      Authorization: `Bearer ${server.token}`,
      'Content-Type': 'application/json',
      'Content-Length': MAX_BODY_BYTES + 1,
    });
    // Not one byte of body: the answer can only come from the headers.
    const outcome = await rawRequest(head, null);
    expect(statusOf(outcome.response)).toBe(413);
    expect(outcome.response).toMatch(/"code":"E_TOO_LARGE","message":"[^"]*[\u4e00-\u9fa5]/);
    expect(outcome.response).toMatch(/connection: close/i);
    expect(outcome.closed).toBe(true);
    const huge = await fetch(`${origin}/api/court.get`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}` },
      body: Buffer.alloc(MAX_BODY_BYTES + 1, 0x20),
    });
    expect(huge.status).toBe(413);
  });

  it('waits for the checks before inviting a body (Expect: 100-continue)', async () => {
    const refused = await rawRequest(requestHead('court.get', { 'Content-Length': 2, Expect: '100-continue' }), null);
    expect(refused.response).not.toContain('100 Continue');
    expect(statusOf(refused.response)).toBe(401);
    const accepted = await new Promise<number>((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: '/api/court.get',
        headers: { Authorization: `Bearer ${server.token}`, Expect: '100-continue', 'Content-Length': 2 },
      });
      req.on('continue', () => req.end('{}'));
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
    });
    expect(accepted).toBe(200);
  });

  it('cuts off a chunked body at the cap and answers 413', async () => {
    const outcome = await rawRequest(
      requestHead('court.get', { Authorization: `Bearer ${server.token}`, 'Transfer-Encoding': 'chunked' }),
      { total: GiB, chunked: true },
    );
    expect(statusOf(outcome.response)).toBe(413);
    expect(outcome.closed).toBe(true);
    expect(outcome.written).toBeGreaterThanOrEqual(MAX_BODY_BYTES);
    expect(outcome.written).toBeLessThan(MAX_BODY_BYTES + 64 * MiB);
  });

  it('keeps its memory when a 200 MB body arrives with the token', async () => {
    const auth = { Authorization: `Bearer ${server.token}` };
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      const chunked = await rawRequest(requestHead('files.upload', { ...auth, 'Transfer-Encoding': 'chunked' }), {
        total: 200 * MiB,
        chunked: true,
      });
      expect(statusOf(chunked.response)).toBe(413);
      const declared = await rawRequest(requestHead('files.upload', { ...auth, 'Content-Length': 200 * MiB }), {
        total: 200 * MiB,
      });
      expect(statusOf(declared.response)).toBe(413);
    } finally {
      clearInterval(sample);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    // Reading the 200 MB body whole would add several hundred MiB (chunks, their copy, the text).
    expect(peak - before).toBeLessThan(120 * MiB);
  });

  it('still takes the largest legitimate requests: a whole upload piece, a full 查摆 draft', async () => {
    const piece = Buffer.alloc(UPLOAD_CHUNK_BYTES, 7).toString('base64');
    const sent = await (
      await post('files.upload', { uploadId: null, fileName: '扫描件.pdf', chunkBase64: piece, final: true })
    ).json();
    expect(sent).toMatchObject({ ok: true, value: { bytes: UPLOAD_CHUNK_BYTES } });
    await post('files.discardUpload', { uploadId: sent.value.uploadId });
    // 200 claims, every text field at its longest, in Chinese (3 bytes a character in UTF-8).
    const words = (n: number) => '查'.repeat(n);
    const claim = {
      id: '0190f0e4-0000-7000-8000-000000000000',
      problemId: null,
      ownProblem: words(200),
      facts: words(4000),
      cause: words(4000),
      measures: words(4000),
      deadline: '2026-12-31',
    };
    const draft = {
      id: '0190f0e4-0000-7000-8000-000000000000',
      version: 1,
      noProblem: false,
      noProblemReason: words(2000),
      claims: Array.from({ length: 200 }, () => claim),
    };
    const bytes = Buffer.byteLength(JSON.stringify(draft));
    expect(bytes).toBeGreaterThan(7 * MiB);
    expect(bytes).toBeLessThan(MAX_BODY_BYTES);
    const response = await post('inspection.saveDraft', draft);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: false, code: 'E_NOT_FOUND' });
  });
});
