// Entry of the local preview: `node dist/main/preview.js [--data DIR] [--port N] [--open]`.
// Prints the address (with the per-launch token) on one line starting with PREVIEW_URL=.
import path from 'node:path';
import { createServices } from './app/services';
import { defaultDataDir } from './app/dataDir';
import { openWithSystem } from './app/systemOpener';
import { startPreviewServer } from './preview/previewServer';
import { DatabaseOpenError } from './data/database';
import { ensureDailyBackup } from './backup/backupJobs';
import { logFor, setLogProcess, watchCrashes } from './logging/log';

/**
 * For tests only: COURT_PREVIEW_NOW (an ISO time, e.g. 2026-12-20T10:00:00+08:00) starts this
 * preview server's clock there and lets it run on, so a browser test can see what a later day
 * shows (a reply deadline passed). Read here, by the preview server, never by Electron's main.
 */
function previewClock(): (() => Date) | undefined {
  const start = process.env.COURT_PREVIEW_NOW;
  if (!start) return undefined;
  const at = Date.parse(start);
  if (Number.isNaN(at)) {
    console.error(`COURT_PREVIEW_NOW 不是有效的时间：${start}`);
    process.exit(1);
  }
  const offset = at - Date.now();
  return () => new Date(Date.now() + offset);
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const dataDir = path.resolve(argument('--data') ?? defaultDataDir());
  setLogProcess('preview');
  const log = logFor(dataDir);
  watchCrashes(log);
  const appRoot = path.resolve(__dirname, '..');
  let services;
  try {
    services = createServices({ dataDir, host: { openPath: openWithSystem }, now: previewClock() });
  } catch (error) {
    if (error instanceof DatabaseOpenError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const server = await startPreviewServer({
    ctx: services.ctx,
    rendererDir: path.join(appRoot, 'renderer'),
    bridgeFile: path.join(appRoot, 'preload', 'previewBridge.js'),
    port: argument('--port') ? Number(argument('--port')) : 0,
  });
  // The day's backup, if none yet today (a background job).
  ensureDailyBackup(services.ctx);
  // The address is left out: its token is the key to the page.
  log.info('preview started', { port: server.port });
  console.log(`专项活动督导台本地预览已启动，数据文件夹：${dataDir}`);
  console.log(`请在浏览器中打开（地址含一次性访问凭证，请勿外传）：`);
  console.log(`PREVIEW_URL=${server.url}`);
  if (process.argv.includes('--open') && !(await openWithSystem(server.url))) {
    console.log('未能自动打开浏览器，请手动复制上面的地址。');
  }
  const stop = async () => {
    await server.close();
    await services.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
