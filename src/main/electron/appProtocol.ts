// Serves the built renderer from app://court/ with the app's Content-Security-Policy on every
// response. Nothing outside the renderer folder can be read; unknown routes get index.html.
import fs from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../app/contentSecurity';
import { APP_SCHEME, APP_SCHEME_DEFINITION, isClientRoute, mimeTypeOf, resolveAppPath } from './security';

/** Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_DEFINITION]);
}

const baseHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });
}

async function readFileOrNull(file: string): Promise<Uint8Array | null> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return null;
    return new Uint8Array(await fs.readFile(file));
  } catch {
    return null;
  }
}

export function serveRenderer(rendererDir: string): void {
  const indexFile = path.join(rendererDir, 'index.html');
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, '请求方式不正确。');
    const file = resolveAppPath(rendererDir, request.url);
    if (!file) return plain(404, '找不到该页面。');
    let body = await readFileOrNull(file);
    let served = file;
    if (!body && isClientRoute(file)) {
      body = await readFileOrNull(indexFile);
      served = indexFile;
    }
    if (!body) return plain(404, '找不到该页面。');
    const isHtml = served.endsWith('.html');
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers: {
        ...baseHeaders,
        'Content-Type': mimeTypeOf(served),
        'Cache-Control': isHtml ? 'no-store' : 'max-age=3600',
      },
    });
  });
}
