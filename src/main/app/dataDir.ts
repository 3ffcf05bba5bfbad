// The default data folder, the same one Electron's app.getPath('userData') gives for this app's
// product name, so the desktop window and the local preview read the same court database.
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = '专项活动督导台';

export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32')
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}
