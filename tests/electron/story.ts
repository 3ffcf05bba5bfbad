// The smoke test's story, on whichever window shows the app: the setup wizard, a campaign with one
// item (through the page's own bridge), progress with an evidence file on screen, the 推进清单 saved
// as PDF, the report-up bundle exported — each result checked on disk. smoke.spec.ts runs it in the
// Electron window; it only uses what both transports offer (window.courtApi, typed folders), so it
// can be tried against the local preview too.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { ADMIN, COURT, field, row } from '../e2e/helpers';

export const CAMPAIGN = '2026年“清廉法院”建设';
const ITEM = '开展廉洁文化进机关活动';
const REPORT_NAME = `${COURT.name}${CAMPAIGN}推进清单`;

export interface StoryFolders {
  /** The app's data folder. */
  dataDir: string;
  /** Where the PDF report is saved. */
  reportFolder: string;
  /** Where the sync bundle is exported (a USB stick). */
  usbFolder: string;
  /** A small PDF to upload as evidence. */
  evidenceFile: string;
}

type Outcome = { ok: true; value: unknown } | { ok: false; code: string; message: string };
type Bridge = Record<string, (input?: unknown) => Promise<Outcome>>;

/** Calls the API through the window's own bridge (preload → IPC → main), as the screens do. */
async function call<T>(page: Page, operation: string, input?: unknown): Promise<T> {
  const outcome = await page.evaluate(
    ([name, value]) => (window as unknown as { courtApi: Bridge }).courtApi[name](value),
    [operation, input] as const,
  );
  if (!outcome.ok) throw new Error(`${operation}: ${outcome.message}`);
  return outcome.value as T;
}

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

async function setUpCourtInWizard(page: Page): Promise<void> {
  await expect(page.getByText('欢迎使用专项活动督导台')).toBeVisible();
  await field(page, '法院名称').fill(COURT.name);
  await field(page, '法院代码').fill(COURT.code);
  await field(page, '经办人姓名').fill(COURT.operatorName);
  await page.getByRole('radio', { name: '基层人民法院' }).check();
  await field(page, '上级法院代码').fill(COURT.parentCode);
  await field(page, '上级法院名称').fill(COURT.parentName);
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByTestId('setup-admin-identity')).toContainText(COURT.operatorName);
  await field(page, '用户名').fill(ADMIN.username);
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(ADMIN.password);
  await page.getByRole('textbox', { name: '确认密码', exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: '完成设置，开始使用' }).click();
  await expect(page.getByTestId('header-court')).toHaveText(COURT.name);
}

/** From the app's first screen (the setup wizard) on a fresh data folder. */
export async function desktopStory(
  page: Page,
  { dataDir, reportFolder, usbFolder, evidenceFile }: StoryFolders,
): Promise<void> {
  const evidence = fs.readFileSync(evidenceFile);
  // ── The court, through the setup wizard.
  await setUpCourtInWizard(page);
  expect(fs.existsSync(path.join(dataDir, 'court.sqlite3'))).toBe(true);

  // ── A campaign with one item, through the window's bridge; then progress and evidence on screen.
  const campaign = await call<{ id: string }>(page, 'campaigns.create', {
    title: CAMPAIGN,
    year: 2026,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
  });
  const detail = await call<{ sections: Array<{ id: string }> }>(page, 'sections.create', {
    campaignId: campaign.id,
    title: '廉洁文化工程',
  });
  await call(page, 'items.create', {
    campaignId: campaign.id,
    sectionId: detail.sections[0].id,
    title: ITEM,
    owner: '刘洋',
    kind: 'mandatory',
    deadline: '2099-12-31',
  });
  await page.reload();
  await expect(page.getByTestId('header-user')).toBeVisible();
  await page.getByTestId('campaign-card').filter({ hasText: CAMPAIGN }).getByTestId('campaign-title').click();
  await row(page, ITEM).click();
  const drawer = page.getByTestId('item-drawer');
  await drawer.getByRole('tab', { name: /进展情况/ }).click();
  await drawer.getByTestId('note-text').fill('已制定警示教育方案，召开动员会。');
  await drawer.getByRole('textbox', { name: '进度（可不填）' }).fill('60');
  await drawer.getByRole('button', { name: '添加进展' }).click();
  await expect(drawer.getByTestId('note-entry')).toHaveCount(1);
  await expect(drawer.getByTestId('item-status')).toHaveText('推进中');
  await drawer.getByRole('tab', { name: /佐证材料/ }).click();
  await drawer.getByTestId('evidence-input').setInputFiles(evidenceFile);
  await expect(drawer.getByTestId('evidence-row')).toHaveCount(1);
  await expect(drawer.getByTestId('evidence-row')).toContainText('警示教育会议记录.pdf');
  const digest = sha256(evidence);
  expect(sha256(fs.readFileSync(path.join(dataDir, 'evidence', digest.slice(0, 2), digest)))).toBe(digest);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // ── The 推进清单 saved as PDF (in the desktop app by Electron's printToPDF).
  await page.getByTestId('tab-reports').click();
  await expect(page.frameLocator('[data-testid="report-frame"]').locator('h1')).toHaveText(`${CAMPAIGN}推进清单`);
  await page.getByTestId('report-folder').fill(reportFolder);
  await page.getByTestId('report-save-pdf').click();
  await expect(page.getByTestId('report-saved')).toContainText('已保存为 PDF 文件', { timeout: 60_000 });
  const pdfFile = path.join(reportFolder, `${REPORT_NAME}.pdf`);
  await expect(page.getByTestId('report-saved-path')).toHaveText(`已保存：${pdfFile}（1 页）`);
  const pdf = fs.readFileSync(pdfFile);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(5_000);

  // ── The report-up bundle, exported by a worker thread into a folder (a USB stick).
  await page.getByRole('navigation').getByText('同步', { exact: true }).click();
  await expect(page.getByTestId('sync-page')).toBeVisible();
  await page.getByRole('tab', { name: '上报' }).click();
  const exportPanel = page.getByTestId('sync-export');
  await exportPanel.getByTestId('sync-folder').fill(usbFolder);
  await exportPanel.getByTestId('sync-export-button').click();
  const exported = page.getByTestId('sync-export-result');
  await expect(exported).toBeVisible({ timeout: 60_000 });
  await expect(exported.getByTestId('sync-export-seq')).toHaveText('第 1 号');
  const bundleFile = (await exported.getByTestId('sync-export-path').textContent()) ?? '';
  expect(path.dirname(bundleFile)).toBe(usbFolder);
  expect(fs.statSync(bundleFile).size).toBeGreaterThan(0);
}
