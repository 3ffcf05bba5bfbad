// The three courts of the relay specs (a basic court, its intermediate court, the high court), and
// the set-up they share: the basic court runs on the test's own `app`; the intermediate and high
// courts each get their own data folder and preview server, and `usb` is the folder carried between.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { openPreviewApp, type PreviewApp } from './fixtures';

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
export const admin = (username: string) => ({
  username,
  password: `${username[0].toUpperCase()}${username.slice(1)}2026x`,
});

/**
 * Starts the intermediate and high courts' servers. `open` opens a browser page on a court's
 * server; `close` closes every page opened, stops both servers and removes the folders.
 */
export async function openUpperCourts(browser: Browser) {
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'court-usb-'));
  const folders = [
    fs.mkdtempSync(path.join(os.tmpdir(), 'court-e2e-middle-')),
    fs.mkdtempSync(path.join(os.tmpdir(), 'court-e2e-high-')),
  ];
  const middleApp = await openPreviewApp(folders[0]);
  const highApp = await openPreviewApp(folders[1]);
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
  const close = async (): Promise<void> => {
    for (const page of pages) await page.close();
    middleApp.stop();
    highApp.stop();
    for (const folder of [usb, ...folders]) fs.rmSync(folder, { recursive: true, force: true });
  };
  return { usb, middleApp, highApp, open, close };
}
