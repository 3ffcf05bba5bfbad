// Small helpers shared by start.mjs, electron-native.mjs and dist.mjs: run a command with a time
// limit that also ends its children (compilers, downloaders), and read versions from node_modules.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export function packageVersion(name) {
  return readJson(path.join(projectRoot, 'node_modules', name, 'package.json')).version;
}

function killTree(child) {
  if (child.exitCode !== null || child.pid === undefined) return;
  try {
    if (process.platform === 'win32') {
      spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    } else {
      process.kill(-child.pid, 'SIGKILL');
    }
  } catch {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

/**
 * Runs a command; resolves { code, signal, timedOut } and never rejects. `timeoutMs` ends the
 * whole process group. `quiet` keeps the output and hands it back instead of printing it.
 */
export function run(command, args, { cwd = projectRoot, env = process.env, timeoutMs = 0, quiet = false } = {}) {
  return new Promise((resolve) => {
    let output = '';
    let child;
    try {
      child = spawn(command, args, {
        cwd,
        env,
        stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
        detached: process.platform !== 'win32',
        windowsHide: true,
      });
    } catch (error) {
      resolve({ code: null, signal: null, timedOut: false, output: String(error) });
      return;
    }
    if (quiet) {
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
    }
    let timedOut = false;
    const timer = timeoutMs > 0 ? setTimeout(() => ((timedOut = true), killTree(child)), timeoutMs) : null;
    // Ctrl+C or the process ending must not leave a download or a compiler running on its own.
    const stopChild = () => killTree(child);
    const interrupt = () => {
      killTree(child);
      process.exit(130);
    };
    process.once('exit', stopChild);
    process.once('SIGINT', interrupt);
    process.once('SIGTERM', interrupt);
    child.once('error', (error) => {
      output += String(error);
    });
    child.once('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      process.removeListener('exit', stopChild);
      process.removeListener('SIGINT', interrupt);
      process.removeListener('SIGTERM', interrupt);
      resolve({ code, signal, timedOut, output });
    });
  });
}

/** Environment for building against Electron: without npm's settings that point at Node's headers. */
export function electronBuildEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch|build_from_source)$/i.test(key))
      delete env[key];
  }
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}
