// Transport 2: the same operation table served on 127.0.0.1 only, on a random port, with a random
// per-launch token required on every call, plus the built renderer. Used where Electron cannot run
// and to test the real renderer in a real browser.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Failure } from '../../shared/api';
import type { ServiceContext } from '../api/context';
import { dispatch } from '../api/dispatch';
import { CONTENT_SECURITY_POLICY } from '../app/contentSecurity';

/** Evidence travels as base64 in JSON; 200 MB of file is about 270 MB of text. */
const MAX_BODY_BYTES = 280 * 1024 * 1024;
export const BRIDGE_SCRIPT = 'preview-bridge.js';
/** The preview serves one page per launch (its token is the key), so it has one session. */
const PREVIEW_CALLER = 'preview';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface PreviewServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface PreviewOptions {
  ctx: ServiceContext;
  /** Folder with the built renderer (index.html and assets). */
  rendererDir: string;
  /** The built preview bridge script. */
  bridgeFile: string;
  port?: number;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}

const refuse = (res: http.ServerResponse, status: number, code: string, message: string) =>
  sendJson(res, status, { ok: false, code, message } satisfies Failure);

function tokensMatch(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

async function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const token = crypto.randomBytes(32).toString('hex');
  const rendererRoot = path.resolve(options.rendererDir);
  let origin = '';
  let hosts = new Set<string>();

  const indexHtml = () =>
    fs
      .readFileSync(path.join(rendererRoot, 'index.html'), 'utf8')
      .replace('<head>', `<head>\n    <script src="/${BRIDGE_SCRIPT}"></script>`);

  const server = http.createServer(async (req, res) => {
    try {
      // DNS rebinding: only our own address may be named in the Host header.
      if (!req.headers.host || !hosts.has(req.headers.host)) return refuse(res, 421, 'E_HOST', '请求地址不正确。');
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return refuse(res, 405, 'E_METHOD', '请求方式不正确。');
        if (req.headers.origin && req.headers.origin !== origin) return refuse(res, 403, 'E_ORIGIN', '拒绝来自其他网页的请求。');
        const auth = req.headers.authorization ?? '';
        if (!auth.startsWith('Bearer ') || !tokensMatch(auth.slice(7), token)) {
          return refuse(res, 401, 'E_TOKEN', '访问凭证无效，请用启动时给出的完整地址重新打开督导台。');
        }
        const body = await readBody(req);
        if (!body) return refuse(res, 413, 'E_TOO_LARGE', '提交的内容太大（单个文件不能超过 200 MB）。');
        let input: unknown;
        try {
          input = body.length ? JSON.parse(body.toString('utf8')) : undefined;
        } catch {
          return refuse(res, 400, 'E_INVALID', '提交的内容格式不正确。');
        }
        const name = decodeURIComponent(url.pathname.slice('/api/'.length));
        return sendJson(res, 200, await dispatch(options.ctx, name, input, PREVIEW_CALLER));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'E_METHOD', '请求方式不正确。');
      const headers = {
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'X-Frame-Options': 'DENY',
        'Referrer-Policy': 'no-referrer',
      };
      if (url.pathname === `/${BRIDGE_SCRIPT}`) {
        res.writeHead(200, { ...headers, 'Content-Type': MIME['.js'], 'Cache-Control': 'no-store' });
        return res.end(fs.readFileSync(options.bridgeFile));
      }
      const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '');
      const file = path.resolve(rendererRoot, relative || 'index.html');
      const inside = file === rendererRoot || file.startsWith(rendererRoot + path.sep);
      if (!inside || !fs.existsSync(file) || !fs.statSync(file).isFile() || path.basename(file) === 'index.html') {
        // Unknown paths get the app (client-side routes); outside paths never leave the folder.
        res.writeHead(200, { ...headers, 'Content-Type': MIME['.html'], 'Cache-Control': 'no-store' });
        return res.end(indexHtml());
      }
      res.writeHead(200, { ...headers, 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'max-age=3600' });
      return fs.createReadStream(file).pipe(res);
    } catch (error) {
      console.error('[preview]', error);
      if (!res.headersSent) refuse(res, 500, 'E_INTERNAL', '后台服务遇到意外问题，请重试。');
      else res.end();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `${origin}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
