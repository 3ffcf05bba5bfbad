#!/usr/bin/env node
// `npm run dev`: the development loop. Vite serves the renderer from src/renderer with hot reload —
// a change to a screen shows in the open page at once, without a build — against the local preview
// server (the same API, the same data folder kind) built from src/main by esbuild in watch mode. A
// change to main-process code rebuilds the preview and restarts it (log in again); the page's
// address stays valid across restarts (see vite.config.mts for how the proxy keeps the preview's
// guards).
//
//   node scripts/dev.mjs [--data DIR] [--port N]
//     --data  the data folder (default .tmp/dev-data: never your real court data)
//     --port  Vite's port (default 5173, or the next free one)
//
// Prints `DEV_URL=<address>` once ready: open it in Chromium or Chrome. Ctrl+C stops everything.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { context } from 'esbuild';
import { createServer } from 'vite';
import { projectRoot } from './lib/processes.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const dataDir = path.resolve(projectRoot, option('--data') ?? path.join('.tmp', 'dev-data'));
const outDir = path.join(projectRoot, '.tmp', 'dev');

/** A port free right now on 127.0.0.1, kept for the preview across its restarts. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const previewPort = await freePort();
process.env.COURT_DEV_PREVIEW_PORT = String(previewPort);
process.env.COURT_DEV_KEY = crypto.randomBytes(32).toString('hex');
process.env.COURT_DEV_BRIDGE_FILE = path.join(outDir, 'preload', 'previewBridge.js');

// ── The preview server, restarted after every successful main-process build ─────────────────────

let preview = null;
let restarting = Promise.resolve();
let previewReady;
const firstPreview = new Promise((resolve) => (previewReady = resolve));

function stopPreview() {
  const child = preview;
  preview = null;
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

function startPreview() {
  const child = spawn(
    process.execPath,
    [path.join(outDir, 'main', 'preview.js'), '--data', dataDir, '--port', String(previewPort)],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  preview = child;
  let pending = '';
  child.stdout.on('data', (chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop();
    for (const line of lines) {
      const match = /^PREVIEW_URL=.*#token=([0-9a-f]{64})/.exec(line);
      // The preview's own address is not for opening: the page goes through Vite (DEV_URL).
      if (match) {
        process.env.COURT_DEV_PREVIEW_TOKEN = match[1];
        previewReady();
      } else if (!line.startsWith('请在浏览器中打开')) console.log(`[预览服务] ${line}`);
    }
  });
  child.stderr.on('data', (chunk) => process.stderr.write(`[预览服务] ${chunk}`));
  child.once('exit', (code, signal) => {
    if (preview === child && signal === null)
      console.error(`[预览服务] 已退出（${code}），修改主进程代码后会自动重启。`);
    previewReady();
  });
}

const restartOnBuild = {
  name: 'restart-preview',
  setup(build) {
    let first = true;
    build.onEnd((result) => {
      if (result.errors.length) {
        console.error('[主进程] 构建有错误（见上），预览服务继续运行上一版。');
        return;
      }
      if (!first) console.log('[主进程] 代码已更新，正在重启预览服务（请重新登录）……');
      first = false;
      restarting = restarting.then(stopPreview).then(startPreview);
    });
  },
};

// As scripts/build.mjs builds them, into .tmp/dev/ (main/preview.js, main/jobWorker.js, main/rowReader.js,
// preload/previewBridge.js).
const external = ['electron', 'better-sqlite3', 'playwright-core'];
const mainBuild = await context({
  entryPoints: {
    preview: path.join(projectRoot, 'src', 'main', 'preview.ts'),
    jobWorker: path.join(projectRoot, 'src', 'main', 'workers', 'jobWorker.ts'),
    rowReader: path.join(projectRoot, 'src', 'main', 'sync', 'rowReaderWorker.ts'),
  },
  outdir: path.join(outDir, 'main'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external,
  logLevel: 'warning',
  plugins: [restartOnBuild],
});
const bridgeBuild = await context({
  entryPoints: [path.join(projectRoot, 'src', 'preload', 'previewBridge.ts')],
  outfile: process.env.COURT_DEV_BRIDGE_FILE,
  bundle: true,
  platform: 'browser',
  target: 'chrome120',
  format: 'iife',
  logLevel: 'warning',
});
fs.mkdirSync(dataDir, { recursive: true });
await bridgeBuild.watch();
await mainBuild.watch();

// ── Vite, with the proxy and page set-up of vite.config.mts ───────────────────────────────────────

const vite = await createServer({
  configFile: path.join(projectRoot, 'vite.config.mts'),
  server: option('--port') ? { port: Number(option('--port')) } : {},
});
await vite.listen();
await firstPreview;
const address = `${vite.resolvedUrls.local[0]}#token=${process.env.COURT_DEV_KEY}`;

console.log('');
console.log('专项活动督导台开发服务已启动：界面改动即时生效；主进程改动会自动重启预览服务。');
console.log(`数据文件夹：${dataDir}`);
console.log('请在 Chromium 或 Chrome 中打开（地址含本次的访问凭证，请勿外传），按 Ctrl+C 结束：');
console.log(`DEV_URL=${address}`);

let closing = false;
async function shutDown() {
  if (closing) return;
  closing = true;
  // The preview first: it closes the database cleanly on SIGTERM.
  await restarting;
  await stopPreview();
  await Promise.allSettled([mainBuild.dispose(), bridgeBuild.dispose(), vite.close()]);
  process.exit(0);
}
process.on('SIGINT', shutDown);
process.on('SIGTERM', shutDown);
// Vite ends the process on SIGTERM by itself (and on its own `q` shortcut) — the preview must not outlive it.
process.on('exit', () => preview?.kill('SIGTERM'));
