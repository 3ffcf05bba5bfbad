// Electron main process: one window, one database, one IPC channel. The pieces live next door —
// security.ts (pure rules), hardening.ts (applies them), appProtocol.ts (serves the renderer),
// ipc.ts (the API channel), menu.ts, preferences.ts — this file only wires them up.
import path from 'node:path';
import { app, BrowserWindow, dialog, screen, shell } from 'electron';
import { createServices, type Services } from '../app/services';
import { PRODUCT_NAME } from '../app/dataDir';
import { DatabaseOpenError } from '../data/database';
import { ensureDailyBackup } from '../backup/backupJobs';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { hardenSession, installGlobalGuards } from './hardening';
import { registerApi } from './ipc';
import { installApplicationMenu, installContextMenu } from './menu';
import { electronNativeBinding } from './nativeBinding';
import { closePrintingWindow, printPdf } from './pdfPrinter';
import { Preferences } from './preferences';
import { APP_START_URL, createWindowOptions } from './security';
import { restoreBounds } from './windowState';
import { logFor, setLogProcess, watchCrashes } from '../logging/log';

const APP_USER_MODEL_ID = 'cn.court.campaign-supervisor';
/** How long after the first screen is shown the day's backup starts (the log-in screen's queries go first). */
const DAILY_BACKUP_AFTER_FIRST_SCREEN_MS = 3000;
// dist/main/electron.js → the project (or app.asar) root.
const appRoot = path.resolve(__dirname, '..', '..');
const rendererDir = path.join(appRoot, 'dist', 'renderer');
const preloadPath = path.join(appRoot, 'dist', 'preload', 'preload.js');

let mainWindow: BrowserWindow | null = null;
let services: Services | null = null;

// main.log in the data folder: a packaged Windows app has no console to read.
setLogProcess('main');
const appLog = () => logFor(app.getPath('userData'));
watchCrashes(appLog());

// Before `ready`: sandbox every renderer, Chinese for Chromium's own strings, our scheme.
app.enableSandbox();
app.commandLine.appendSwitch('lang', 'zh-CN');
registerAppScheme();
installGlobalGuards();

function fail(title: string, message: string): void {
  dialog.showErrorBox(title, message);
  app.exit(1);
}

function openDataStore(): Services | null {
  const dataDir = app.getPath('userData');
  const nativeBinding = app.isPackaged ? undefined : electronNativeBinding(appRoot, process.versions.electron);
  try {
    return createServices({
      dataDir,
      host: {
        openPath: (file) => shell.openPath(file).then((error) => error === ''),
        chooseFolder: async () => {
          const choice = await dialog.showOpenDialog({
            title: '选择保存文件的文件夹（可选 U 盘）',
            properties: ['openDirectory', 'createDirectory'],
          });
          return choice.canceled ? null : (choice.filePaths[0] ?? null);
        },
        printPdf,
      },
      nativeBinding,
    });
  } catch (error) {
    if (error instanceof DatabaseOpenError) {
      // Too new, foreign, or a failed upgrade: nothing was changed; say so and leave.
      fail('无法打开数据库', error.message);
    } else if (
      /NODE_MODULE_VERSION|compiled against a different|not a valid Win32|invalid ELF|wrong ELF/i.test(
        String((error as Error)?.message),
      )
    ) {
      appLog().error('database component does not match this Electron', error);
      fail(
        '无法启动督导台',
        '数据库组件与当前桌面程序版本不匹配，无法打开数据，数据没有任何改动。\n开发环境请重新运行 npm start（会自动准备匹配的组件）；安装版请重新安装督导台。',
      );
    } else {
      appLog().error('data folder could not be opened', error);
      fail(
        '无法启动督导台',
        `打开数据文件夹时出错，数据没有任何改动。\n数据文件夹：${dataDir}\n请确认该文件夹可以写入、磁盘空间充足后重试；如仍不行，请联系技术人员。`,
      );
    }
    return null;
  }
}

function createMainWindow(preferences: Preferences): BrowserWindow {
  const bounds = restoreBounds(
    preferences.windowBounds(),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow(
    createWindowOptions(preloadPath, { bounds, allowDevTools: !app.isPackaged, title: PRODUCT_NAME }),
  );
  installContextMenu(win.webContents);
  win.once('ready-to-show', () => {
    if (preferences.windowMaximized()) win.maximize();
    win.show();
  });
  win.on('close', () => preferences.saveWindow(win.getNormalBounds(), win.isMaximized()));
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
    // The hidden window kept for printing PDFs would keep the app from quitting.
    closePrintingWindow();
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    appLog().error('window content process ended unexpectedly; reloading', undefined, {
      reason: details.reason,
      exitCode: details.exitCode,
    });
    dialog.showErrorBox('界面意外退出', '督导台界面意外退出，将重新载入。已保存的数据不受影响。');
    void win.loadURL(APP_START_URL);
  });
  void win.loadURL(APP_START_URL);
  return win;
}

async function start(): Promise<void> {
  hardenSession();
  services = openDataStore();
  if (!services) return;
  const preferences = new Preferences(logFor(services.ctx.dataDir));
  installApplicationMenu(services.ctx.dataDir);
  serveRenderer(rendererDir);
  registerApi(
    services.ctx,
    (contents) => mainWindow !== null && !mainWindow.isDestroyed() && contents.id === mainWindow.webContents.id,
  );
  mainWindow = createMainWindow(preferences);
  // The day's backup, if none yet today (a background job), once the log-in screen is up: its
  // worker thread and file copy would otherwise take the CPU the first screen needs. Logging in
  // starts it too (accessHandlers), so it is never left out for the day.
  const opened = services;
  mainWindow.once('ready-to-show', () =>
    setTimeout(() => {
      if (services === opened) ensureDailyBackup(opened.ctx);
    }, DAILY_BACKUP_AFTER_FIRST_SCREEN_MS),
  );
}

if (!app.requestSingleInstanceLock()) {
  // Another window of the app is already open on this data folder: hand over to it.
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  let closing = false;
  app.on('before-quit', (event) => {
    if (!services || closing) return;
    // Let running jobs finish and the database close cleanly before the process ends.
    event.preventDefault();
    closing = true;
    const open = services;
    services = null;
    void open
      .close()
      .catch((error: unknown) => appLog().error('data folder could not be closed cleanly', error))
      .finally(() => app.quit());
  });
  app.whenReady().then(start, (error: unknown) => {
    appLog().error('desktop app could not start', error);
    fail('无法启动督导台', '桌面程序初始化失败，数据没有任何改动。请重新打开督导台；如仍不行，请联系技术人员。');
  });
}
