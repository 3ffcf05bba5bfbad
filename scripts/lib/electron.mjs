// Where the Electron executable is, without ever triggering its download. Electron 45 fetches its
// binary lazily: `require('electron')` starts a download when the binary is missing (and throws
// without internet), so start.mjs and the Electron smoke test look on disk the way
// node_modules/electron/index.js does instead.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from './processes.mjs';

export const electronDir = path.join(projectRoot, 'node_modules', 'electron');

/** The Electron executable if it is already on disk, else null. */
export function installedElectron() {
  let relative = '';
  try {
    relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    // not downloaded yet
  }
  // As node_modules/electron/index.js does: an override folder may stand in for the download.
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!relative && override) relative = process.platform === 'win32' ? 'electron.exe' : 'electron';
  if (!relative) return null;
  const executable = path.join(override || path.join(electronDir, 'dist'), relative);
  return fs.existsSync(executable) ? executable : null;
}

/** Why there is no Electron executable, in one sentence for the test summary. */
export function missingElectronReason() {
  if (!fs.existsSync(path.join(electronDir, 'package.json')))
    return '没有安装 electron 开发包（node_modules/electron）';
  return '本机没有 Electron 程序文件（Electron 45 首次使用时才联网下载：node node_modules/electron/install.js）';
}
