// Opens a file or address with the operating system's default program, for the preview face
// (the Electron face uses shell.openPath / the guarded openExternal helper instead).
import { spawn } from 'node:child_process';

export function openWithSystem(target: string): Promise<boolean> {
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', target]]
      : process.platform === 'darwin'
        ? ['open', [target]]
        : ['xdg-open', [target]];
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
