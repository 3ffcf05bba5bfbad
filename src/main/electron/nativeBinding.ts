// Development only: where the Electron-ABI copy of better-sqlite3's native module lives
// (.electron-native/, made by scripts/electron-native.mjs), used only when it was built for the
// very Electron version that is running. Plain Node keeps using node_modules' own build; packaged
// apps get the module rebuilt by electron-builder and need nothing from here.
import fs from 'node:fs';
import path from 'node:path';

export const ELECTRON_NATIVE_DIR = '.electron-native';
export const ELECTRON_NATIVE_FILE = 'better_sqlite3.node';
export const ELECTRON_NATIVE_INFO = 'build-info.json';

export interface NativeBuildInfo {
  electron: string;
  platform: string;
  arch: string;
  betterSqlite3: string;
}

export function electronNativeBinding(
  projectRoot: string,
  electronVersion: string,
  platform = process.platform,
  arch = process.arch,
): string | undefined {
  const dir = path.join(projectRoot, ELECTRON_NATIVE_DIR);
  const file = path.join(dir, ELECTRON_NATIVE_FILE);
  try {
    const info = JSON.parse(fs.readFileSync(path.join(dir, ELECTRON_NATIVE_INFO), 'utf8')) as Partial<NativeBuildInfo>;
    if (info.electron !== electronVersion || info.platform !== platform || info.arch !== arch) return undefined;
    const installed = JSON.parse(
      fs.readFileSync(path.join(projectRoot, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8'),
    ) as { version?: string };
    if (info.betterSqlite3 !== installed.version) return undefined;
    return fs.statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}
