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
import { dispatch, isOperationName } from '../api/dispatch';
import { CONTENT_SECURITY_POLICY } from '../app/contentSecurity';
import { logFor } from '../logging/log';

/**
 * The largest API request body. Files travel in pieces (files.upload, sync.upload) of at most
 * UPLOAD_CHUNK_BYTES, 4 MiB as 5.6 MB of base64, as do Excel workbooks and small whole files; the
 * largest request of words is a 查摆 draft of 200 claims of 12 200 characters each, about 7.4 MB of
 * UTF-8. Nothing legitimate comes near 8 MiB; a body over it is refused (413) unread.
 */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
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
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

/**
 * Ends the connection once the answer is flushed, without reading what is left of the request
 * body: `Connection: close` tells the client, Node then half-closes the socket after the answer
 * and destroys it (instead of draining the body to keep the connection alive, as it would
 * otherwise — a 1 GiB body would be read to the end). Must be called before the answer is sent.
 */
function closeAfterAnswer(req: http.IncomingMessage, res: http.ServerResponse): void {
  const socket = req.socket;
  res.setHeader('Connection', 'close');
  // Take nothing more off the wire for this request.
  req.pause();
  res.once('finish', () => {
    if (!socket.destroyed) socket.destroySoon();
  });
}

/** A refusal that ends the connection: the request body, if any, is never read. */
function refuse(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  status: number,
  code: string,
  message: string,
): void {
  closeAfterAnswer(req, res);
  sendJson(res, status, { ok: false, code, message } satisfies Failure);
}

/** The request says it carries a body (the static files and the app page never need one). */
function hasBody(req: http.IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function tokensMatch(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

const TOO_LARGE = Symbol('too large');
const CUT_OFF = Symbol('cut off');

/**
 * Reads the body up to `limit` bytes, counting as it goes (a chunked body announces no length).
 * Past the limit it stops at once: the bytes so far are dropped and nothing more is read.
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | typeof TOO_LARGE | typeof CUT_OFF> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Buffer | typeof TOO_LARGE | typeof CUT_OFF) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onFail);
      req.off('close', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        chunks.length = 0;
        return finish(TOO_LARGE);
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish(Buffer.concat(chunks, size));
    const onFail = () => finish(CUT_OFF);
    const onClose = () => {
      if (!req.complete) finish(CUT_OFF);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onFail);
    req.on('close', onClose);
  });
}

const TOO_LARGE_MESSAGE = '提交的内容太大，没有被接收。文件会自动分段上传，如仍出现此提示，请重新打开督导台后再试。';

export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const token = crypto.randomBytes(32).toString('hex');
  const rendererRoot = path.resolve(options.rendererDir);
  let origin = '';
  let hosts = new Set<string>();

  const indexHtml = () =>
    fs
      .readFileSync(path.join(rendererRoot, 'index.html'), 'utf8')
      .replace('<head>', `<head>\n    <script src="/${BRIDGE_SCRIPT}"></script>`);

  /**
   * Every refusal (host, method, origin, token, unknown operation, declared length over the cap)
   * is decided from the request line and headers alone, before any of the body is read; the
   * answer then ends the connection. `expectsContinue`: the client waits for "100 Continue" before
   * sending the body, which it gets only when the request passed every check.
   */
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse, expectsContinue: boolean) => {
    try {
      // DNS rebinding: only our own address may be named in the Host header.
      if (!req.headers.host || !hosts.has(req.headers.host)) return refuse(req, res, 421, 'E_HOST', '请求地址不正确。');
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return refuse(req, res, 405, 'E_METHOD', '请求方式不正确。');
        if (req.headers.origin && req.headers.origin !== origin)
          return refuse(req, res, 403, 'E_ORIGIN', '拒绝来自其他网页的请求。');
        const auth = req.headers.authorization ?? '';
        if (!auth.startsWith('Bearer ') || !tokensMatch(auth.slice(7), token)) {
          return refuse(req, res, 401, 'E_TOKEN', '访问凭证无效，请用启动时给出的完整地址重新打开督导台。');
        }
        let name: string;
        try {
          name = decodeURIComponent(url.pathname.slice('/api/'.length));
        } catch {
          name = '';
        }
        if (!isOperationName(name)) return refuse(req, res, 404, 'E_UNKNOWN_OPERATION', '没有这项操作。');
        const declared = Number(req.headers['content-length'] ?? 0);
        if (!(declared <= MAX_BODY_BYTES)) return refuse(req, res, 413, 'E_TOO_LARGE', TOO_LARGE_MESSAGE);
        if (expectsContinue) res.writeContinue();
        const body = await readBody(req, MAX_BODY_BYTES);
        if (body === TOO_LARGE) return refuse(req, res, 413, 'E_TOO_LARGE', TOO_LARGE_MESSAGE);
        if (body === CUT_OFF) {
          // The client went away mid-body: nobody is left to answer.
          req.socket.destroy();
          return;
        }
        let input: unknown;
        try {
          input = body.length ? JSON.parse(body.toString('utf8')) : undefined;
        } catch {
          return sendJson(res, 400, {
            ok: false,
            code: 'E_INVALID',
            message: '提交的内容格式不正确。',
          } satisfies Failure);
        }
        return sendJson(res, 200, await dispatch(options.ctx, name, input, PREVIEW_CALLER));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(req, res, 405, 'E_METHOD', '请求方式不正确。');
      // A page or a file is served whatever the request carries, but a body is never read.
      if (hasBody(req)) closeAfterAnswer(req, res);
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
      res.writeHead(200, {
        ...headers,
        'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'max-age=3600',
      });
      return fs.createReadStream(file).pipe(res);
    } catch (error) {
      // The path only: the query and the fragment may carry the page's token.
      logFor(options.ctx.dataDir).error('preview request failed', error, {
        method: req.method,
        path: (req.url ?? '').split(/[?#]/)[0],
      });
      if (!res.headersSent) refuse(req, res, 500, 'E_INTERNAL', '后台服务遇到意外问题，请重试。');
      else res.end();
    }
  };

  const server = http.createServer((req, res) => void handle(req, res, false));
  // Without this listener Node would answer "100 Continue" itself, before the checks.
  server.on('checkContinue', (req, res) => void handle(req, res, true));

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
