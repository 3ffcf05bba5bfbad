import crypto from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev` (scripts/dev.mjs) serves the renderer with Vite's hot reload against the local
// preview server it runs beside it, and tells this config where that server is through the
// environment: COURT_DEV_PREVIEW_PORT (fixed for the session), COURT_DEV_KEY (the key in the address
// dev.mjs prints), COURT_DEV_BRIDGE_FILE (the preview bridge it builds) and COURT_DEV_PREVIEW_TOKEN
// (the preview's own token, new each time dev.mjs restarts the preview after a main-process
// change, hence read per request).
//
// The preview's guards stay in force: every API call must carry the printed key, which the proxy
// exchanges for the preview's token, and a call from another page keeps its own Origin, which the
// preview refuses. The page keeps the app's Content-Security-Policy, with the one inline script
// React's hot reload needs allowed by its hash.
const DEV_ENV = [
  'COURT_DEV_PREVIEW_PORT',
  'COURT_DEV_KEY',
  'COURT_DEV_BRIDGE_FILE',
  'COURT_DEV_PREVIEW_TOKEN',
] as const;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** Forwards the page's API calls to the preview as if the page were the preview's own. */
function previewProxy(): Record<string, ProxyOptions> {
  const target = `http://127.0.0.1:${process.env.COURT_DEV_PREVIEW_PORT}`;
  const forward = (proxyReq: { setHeader(name: string, value: string): void }, req: IncomingMessage) => {
    const key = process.env.COURT_DEV_KEY ?? '';
    const token = process.env.COURT_DEV_PREVIEW_TOKEN ?? '';
    if (key && token && sameSecret(req.headers.authorization ?? '', `Bearer ${key}`))
      proxyReq.setHeader('authorization', `Bearer ${token}`);
    const port = req.socket.localPort;
    const ownOrigins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
    if (req.headers.origin && ownOrigins.includes(req.headers.origin)) proxyReq.setHeader('origin', target);
  };
  return {
    // changeOrigin: the preview answers only requests naming its own address in Host. API calls are
    // POSTs; a GET under /api/ is one of the renderer's own modules (src/renderer/api/…), Vite's to serve.
    '/api/': {
      target,
      changeOrigin: true,
      bypass: (req) => (req.method === 'POST' ? undefined : req.url),
      configure: (proxy) => proxy.on('proxyReq', forward),
    },
  };
}

/** The preview's bridge script in the page (as the preview injects it), and the CSP hash for React's preamble. */
function previewPage(): Plugin {
  return {
    name: 'court-preview-page',
    apply: 'serve',
    configureServer(server) {
      const missing = DEV_ENV.filter((name) => name !== 'COURT_DEV_PREVIEW_TOKEN' && !process.env[name]);
      if (missing.length) throw new Error(`开发服务器须由 npm run dev 启动（缺少 ${missing.join('、')}）。`);
      // The bridge as dev.mjs builds it, served here so the page loads while the preview restarts.
      server.middlewares.use('/preview-bridge.js', (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(fs.readFileSync(process.env.COURT_DEV_BRIDGE_FILE!));
      });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const hashes = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]+?)<\/script>/g)].map(
          ([, code]) => `'sha256-${crypto.createHash('sha256').update(code).digest('base64')}'`,
        );
        const withHashes = html.replace(/script-src 'self'/, `script-src 'self' ${hashes.join(' ')}`);
        return { html: withHashes, tags: [{ tag: 'script', attrs: { src: '/preview-bridge.js' }, injectTo: 'head' }] };
      },
    },
  };
}

// The renderer is loaded from file:// in Electron and from the preview server, so paths are relative.
export default defineConfig(({ command }) => ({
  root: 'src/renderer',
  base: './',
  plugins: [react(), previewPage()],
  server: command === 'serve' ? { host: '127.0.0.1', port: 5173, proxy: previewProxy() } : undefined,
  build: {
    outDir: `../../${process.env.COURT_DIST ?? 'dist'}/renderer`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
}));
