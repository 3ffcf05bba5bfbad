// The preview transport: 127.0.0.1 only, a per-launch token on every call, no other origins or
// host names, no files outside the renderer folder; the same operation table behind it.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../src/main/preview/previewServer';
import { ADMIN, basicCourt, openHarness, tempDir, type Harness } from './harness';

let h: Harness;
let server: PreviewServer;
let origin: string;

beforeAll(async () => {
  h = await openHarness();
  const rendererDir = tempDir('court-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>督导台</title></head><body></body></html>');
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
    const req = http.request({ host: '127.0.0.1', port: server.port, path: pathname, headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

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
    const response = await fetch(`${origin}/api/court.get`, { method: 'POST', headers: { Authorization: `Bearer ${server.token}` }, body: '{oops' });
    expect(await response.json()).toMatchObject({ ok: false, code: 'E_INVALID', message: '提交的内容格式不正确。' });
  });
});
