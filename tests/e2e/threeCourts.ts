// The three courts of the relay specs (a basic court, its intermediate court, the high court), and
// the set-up they share: the basic court runs on the test's own `app`; the intermediate and high
// courts each get their own data folder and preview server, and `usb` is the folder carried between.
// With `sibling`, a second basic court under the same intermediate court gets its own too. The API
// steps below (publish, report up, import with the fingerprint confirmed) set a round up quickly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, openPreviewApp, type PreviewApp } from './fixtures';

export const HIGH = { name: '黑龙江省高级人民法院', code: 'J23', level: 'high', operatorName: '李处长' } as const;
export const MIDDLE = {
  name: '齐齐哈尔市中级人民法院',
  code: 'J2302',
  level: 'intermediate',
  parentCode: 'J23',
  parentName: HIGH.name,
  operatorName: '赵科长',
} as const;
export const BASIC = {
  name: '龙江县人民法院',
  code: 'J230201',
  level: 'basic',
  parentCode: 'J2302',
  parentName: MIDDLE.name,
  operatorName: '王书记员',
} as const;
/** A second basic court under the same intermediate court (for what a sibling must not read). */
export const SIBLING = {
  name: '甘南县人民法院',
  code: 'J230202',
  level: 'basic',
  parentCode: 'J2302',
  parentName: MIDDLE.name,
  operatorName: '孙书记员',
} as const;
export const admin = (username: string) => ({
  username,
  password: `${username[0].toUpperCase()}${username.slice(1)}2026x`,
});

/**
 * Starts the intermediate and high courts' servers (and the sibling basic court's, with
 * `sibling`). `open` opens a browser page on a court's server; `restartHigh` stops the high
 * court's server and starts it again on the same folder with `env` (e.g. COURT_PREVIEW_NOW);
 * `close` closes every page opened, stops every server and removes the folders.
 */
export async function openUpperCourts(browser: Browser, options: { sibling?: boolean } = {}) {
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'court-usb-'));
  const folders = [
    fs.mkdtempSync(path.join(os.tmpdir(), 'court-e2e-middle-')),
    fs.mkdtempSync(path.join(os.tmpdir(), 'court-e2e-high-')),
  ];
  if (options.sibling) folders.push(fs.mkdtempSync(path.join(os.tmpdir(), 'court-e2e-sibling-')));
  const servers = await Promise.all(folders.map((folder) => openPreviewApp(folder)));
  const [middleApp, highApp] = servers;
  const siblingApp = servers[2] ?? null;
  const pages: Page[] = [];
  const open = async (courtApp: PreviewApp): Promise<Page> => {
    const page = await browser.newPage({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1366, height: 768 },
    });
    pages.push(page);
    await page.goto(courtApp.url);
    return page;
  };
  const restartHigh = async (env: Record<string, string>): Promise<PreviewApp> => {
    const index = servers.findIndex((server) => server.dataDir === folders[1]);
    await servers[index].stop();
    servers[index] = await openPreviewApp(folders[1], env);
    return servers[index];
  };
  const close = async (): Promise<void> => {
    for (const page of pages) await page.close();
    await Promise.all(servers.map((server) => server.stop()));
    for (const folder of [usb, ...folders]) fs.rmSync(folder, { recursive: true, force: true });
  };
  return { usb, middleApp, highApp, siblingApp, open, restartHigh, close };
}

interface ExportedFile {
  filePath: string;
  target: { code: string; name?: string };
  encrypted?: boolean;
}
export interface ExportReport extends ExportedFile {
  packages?: ExportedFile[];
}

/** Waits for a background job (export, publish, import) and returns its report. */
export async function finished<T>(app: PreviewApp, jobId: string): Promise<T> {
  for (let waited = 0; ; waited += 100) {
    const job = await app.call<{ state: string; error: string | null; result?: { report: T } | null }>('jobs.get', {
      jobId,
    });
    if (job.state !== 'running') {
      expect(job.state, job.error ?? '').toBe('done');
      return job.result!.report;
    }
    expect(waited).toBeLessThan(60_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const fingerprintOf = async (app: PreviewApp) =>
  (await app.call<{ fingerprint: string }>('sync.overview')).fingerprint;

/** Uploads a file the way the 导入 tab does and imports it, trusting `trust` (fingerprints confirmed). */
export async function importFile(
  app: PreviewApp,
  file: string,
  trust: string[],
  addToRoster: string[] = [],
): Promise<void> {
  const upload = await app.call<{ uploadId: string }>('sync.upload', {
    uploadId: null,
    fileName: path.basename(file),
    chunkBase64: fs.readFileSync(file).toString('base64'),
    final: true,
  });
  const { jobId } = await app.call<{ jobId: string }>('sync.import', { uploadId: upload.uploadId, trust, addToRoster });
  await finished(app, jobId);
}

/**
 * `from` publishes (or passes down) the campaign; each court in `to` imports the broadcast package
 * and the sealed ones on its path (court codes nest: J230201's passes through J2302).
 */
export async function passDown(
  from: PreviewApp,
  to: Array<{ app: PreviewApp; code: string }>,
  campaignId: string,
  folder: string,
): Promise<ExportReport> {
  const { jobId } = await from.call<{ jobId: string }>('sync.publish', { campaignId, folder });
  const report = await finished<ExportReport>(from, jobId);
  const trust = [await fingerprintOf(from)];
  for (const court of to) {
    const files = [report.filePath];
    for (const pkg of report.packages ?? [])
      if (pkg.target.code.startsWith(court.code) && !files.includes(pkg.filePath)) files.push(pkg.filePath);
    for (const file of files) await importFile(court.app, file, trust);
  }
  return report;
}

/** `from` reports up; `to` imports it, trusting `from`'s fingerprint. */
export async function reportUp(from: PreviewApp, fromCode: string, to: PreviewApp, folder: string): Promise<string> {
  const { jobId } = await from.call<{ jobId: string }>('sync.export', { folder });
  const report = await finished<ExportReport>(from, jobId);
  await importFile(to, report.filePath, [await fingerprintOf(from)], [fromCode]);
  return report.filePath;
}
