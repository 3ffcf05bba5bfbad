// Smoke test of the desktop app itself: Electron's main process, the IPC bridge, better-sqlite3
// built for Electron's ABI, Electron's printToPDF and the job worker thread — what the browser
// suites (which drive the local preview) never touch. One start on a fresh data folder runs the
// story in story.ts: the setup wizard, progress with an evidence file on an item, the 推进清单
// saved as PDF, the report-up bundle exported; each result is checked on disk.
//
// Run it with `npm run test:electron` (scripts/test-electron.mjs): it finds the Electron binary
// and the app first, and where either is missing says so in one line instead of running this.
// COURT_ELECTRON_APP names the app: the project folder (default; dist/ and .electron-native/) or a
// packaged release/…-unpacked/resources/app.asar, started by the stock Electron of the same
// version, because the packaged executable has the Node inspector fuse off (Playwright needs it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type Page } from '@playwright/test';
import { desktopStory } from './story';

const repoRoot = path.resolve(__dirname, '..', '..');
const appPath = path.resolve(process.env.COURT_ELECTRON_APP ?? repoRoot);

test('桌面程序：设置向导 → 进展与佐证材料 → 推进清单保存为 PDF → 导出上报包', async ({}, testInfo) => {
  expect(fs.existsSync(appPath), `找不到要启动的程序：${appPath}`).toBe(true);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'court-electron-'));
  const folders = {
    dataDir: path.join(work, 'data'),
    reportFolder: path.join(work, 'reports'),
    usbFolder: path.join(work, 'usb'),
    evidenceFile: path.join(work, '警示教育会议记录.pdf'),
  };
  for (const folder of [folders.dataDir, folders.reportFolder, folders.usbFolder]) fs.mkdirSync(folder);
  fs.writeFileSync(folders.evidenceFile, '%PDF-1.4\n% 警示教育会议记录\n');

  // The court's clock; and never ELECTRON_RUN_AS_NODE (some tool chains set it), which would start
  // Electron as plain Node.
  const env = Object.fromEntries(
    Object.entries({ ...process.env, TZ: 'Asia/Shanghai' }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'ELECTRON_RUN_AS_NODE',
    ),
  );
  // --user-data-dir is Chromium's switch; Electron takes app.getPath('userData') from it, so the
  // app opens a fresh data folder with no hook of our own.
  const app = await electron.launch({
    args: [appPath, `--user-data-dir=${folders.dataDir}`],
    env,
    timeout: 90_000,
  });
  let output = '';
  app.process().stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  app.process().stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await app.context().tracing.start({ screenshots: true, snapshots: true, title: 'Electron 冒烟测试' });
  let page: Page | null = null;
  try {
    page = await app.firstWindow();
    const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'));
    expect(fs.realpathSync.native(userData)).toBe(fs.realpathSync.native(folders.dataDir));
    await desktopStory(page, folders);
    await page.screenshot({ path: testInfo.outputPath('desktop-window.png') });
  } catch (error) {
    // What the app wrote about it: its own logs in the data folder.
    const logs = path.join(folders.dataDir, 'logs');
    if (fs.existsSync(logs)) fs.cpSync(logs, testInfo.outputPath('logs'), { recursive: true });
    if (page && !page.isClosed())
      await page.screenshot({ path: testInfo.outputPath('failure.png') }).catch(() => undefined);
    throw error;
  } finally {
    await app
      .context()
      .tracing.stop({ path: testInfo.outputPath('trace.zip') })
      .catch(() => undefined);
    await app.close();
    fs.writeFileSync(testInfo.outputPath('electron-output.txt'), output);
    fs.rmSync(work, { recursive: true, force: true });
  }
});
