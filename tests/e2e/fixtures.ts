// Each test gets a fresh data folder and its own preview server (the built app: run
// `npm run build` first; `npm test` does). `app.url` carries the per-launch token.
import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PreviewApp {
  url: string;
  dataDir: string;
  /** Calls the API as the page would, for setting up data quickly. */
  call<T = unknown>(operation: string, input?: unknown): Promise<T>;
}

/** `env` adds to the server's environment (e.g. COURT_PREVIEW_NOW, the test clock). */
export async function startPreview(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [`${process.env.COURT_DIST ?? 'dist'}/main/preview.js`, '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // The court's clock, as on a clerk's PC in China, so "today" agrees with the browser's.
    env: { ...process.env, TZ: 'Asia/Shanghai', ...env },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`预览服务未启动：${output}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /PREVIEW_URL=(\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`预览服务退出（${code}）：${output}`)));
  });
  return { url, child };
}

/** A court's preview server on `dataDir` with its API client; `stop` ends the server. */
export async function openPreviewApp(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<PreviewApp & { stop(): Promise<void> }> {
  const { url, child } = await startPreview(dataDir, env);
  const origin = new URL(url).origin;
  const token = new URL(url).hash.replace('#token=', '');
  return {
    url,
    dataDir,
    async call(operation, input) {
      const response = await fetch(`${origin}/api/${operation}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
      const result = (await response.json()) as { ok: boolean; value?: unknown; message?: string };
      if (!result.ok) throw new Error(`${operation}: ${result.message}`);
      return result.value as never;
    },
    // Resolves once the server has exited (its database closed), so the folder can be reopened.
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export const test = base.extend<{ app: PreviewApp }>({
  app: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-e2e-'));
    const { stop, ...app } = await openPreviewApp(dataDir);
    await use(app);
    stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** Screenshots kept as CI artifacts. */
export const ARTIFACTS_DIR = path.resolve('artifacts');
