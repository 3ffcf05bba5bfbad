// Evidence larger than one upload piece (4 MB) goes from the browser in pieces (files.upload) with
// a progress bar per file, and arrives whole: the stored file is byte for byte the original. A
// person can cancel a file mid-way; what was sent is discarded and nothing is stored. A program
// renamed .pdf is refused with the Chinese reason (the type is decided from the bytes).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { openCampaign, row, seedCampaign } from './helpers';
import { shot } from './steps';
import { docxFile, MP4, pdfFile, peFile, PNG, zipOf } from '../node/evidenceSamples';

const MiB = 1024 * 1024;
const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

function pickedFile(name: string, bytes: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'court-evidence-')), name);
  fs.writeFileSync(file, bytes);
  return file;
}

const staged = (dataDir: string) =>
  fs.existsSync(path.join(dataDir, 'uploads')) ? fs.readdirSync(path.join(dataDir, 'uploads')) : [];

test('大于 4 MB 的佐证材料分段上传：进度条、可取消，保存的文件与原件一致', async ({ page, app }) => {
  await seedCampaign(app, [{ title: '开展作风纪律专项检查' }]);
  await openCampaign(page, app, '2026年“清廉法院”建设');
  await row(page, '开展作风纪律专项检查').click();
  const drawer = page.getByTestId('item-drawer');
  await drawer.getByRole('tab', { name: /佐证材料/ }).click();

  // Hold the second piece of each file until the test lets it go, to see the progress and cancel.
  let release: () => void = () => {};
  let pieces = 0;
  await page.route('**/api/files.upload', async (route) => {
    pieces += 1;
    if (pieces === 2) await new Promise<void>((resolve) => (release = resolve));
    await route.continue();
  });

  // 9 MB: three pieces. Cancelled after the first: nothing stored, the staged pieces discarded.
  const video = Buffer.concat([MP4, crypto.randomBytes(9 * MiB - MP4.length)]);
  await drawer.getByTestId('evidence-input').setInputFiles(pickedFile('专项检查录像.mp4', video));
  const entry = drawer.getByTestId('upload-entry').filter({ hasText: '专项检查录像.mp4' });
  const bar = drawer.getByRole('progressbar', { name: '“专项检查录像.mp4”的上传进度' });
  await expect(bar).toHaveAttribute('aria-valuenow', '44');
  await expect(entry).toContainText('正在上传 44%');
  await shot(page, 'evidence-upload-progress.png', false);
  await entry.getByRole('button', { name: '取消上传“专项检查录像.mp4”' }).click();
  release();
  await expect(entry).toContainText('已取消');
  await expect(drawer.getByTestId('evidence-row')).toHaveCount(0);
  await expect.poll(() => staged(app.dataDir)).toEqual([]);

  // 9 MB + a little, sent to the end: stored byte for byte, the staged copy gone.
  await page.unroute('**/api/files.upload');
  const scan = Buffer.concat([pdfFile('扫描件'), crypto.randomBytes(9 * MiB + 12_345)]);
  await drawer.getByTestId('evidence-input').setInputFiles(pickedFile('检查记录扫描件.pdf', scan));
  const done = drawer.getByTestId('upload-entry').filter({ hasText: '检查记录扫描件.pdf' });
  await expect(done).toContainText('已上传');
  await expect(drawer.getByTestId('evidence-row')).toHaveCount(1);
  await expect(drawer.getByTestId('evidence-row')).toContainText('检查记录扫描件.pdf');
  const digest = sha256(scan);
  expect(sha256(fs.readFileSync(path.join(app.dataDir, 'evidence', digest.slice(0, 2), digest)))).toBe(digest);
  expect(staged(app.dataDir)).toEqual([]);
});

test('指标数值的佐证材料（大于 4 MB）分段上传后随数值保存，文件与原件一致', async ({ page, app }) => {
  const { campaignId } = await seedCampaign(app, []);
  await app.call('indicators.create', {
    campaignId,
    name: '当场立案率',
    line: 'filing',
    unit: 'percent',
    direction: 'up',
    target: 95,
    period: 'monthly',
  });
  await page.goto(app.url);
  await page
    .getByTestId('campaign-card')
    .filter({ hasText: '2026年“清廉法院”建设' })
    .getByTestId('campaign-title')
    .click();
  await page.getByTestId('tab-indicators').click();
  const indicator = page.getByTestId('indicator-row').filter({ hasText: '当场立案率' });
  await indicator.getByTestId('record-value').click();
  const form = page.getByTestId('record-value-form');
  await form.getByRole('textbox', { name: '数值' }).fill('96.2');
  // A real workbook (zip form) with a large picture stored in it, so it goes in two pieces.
  const sheet = await zipOf([
    [
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ],
    ['xl/workbook.xml', '<workbook/>'],
    ['xl/media/image1.png', Buffer.concat([PNG, crypto.randomBytes(5 * MiB + 99)])],
  ]);
  await form.locator('input[type="file"]').setInputFiles(pickedFile('立案统计台账.xlsx', sheet));
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(indicator.getByTestId('indicator-latest')).toContainText('96.2%');
  const digest = sha256(sheet);
  expect(sha256(fs.readFileSync(path.join(app.dataDir, 'evidence', digest.slice(0, 2), digest)))).toBe(digest);
  expect(staged(app.dataDir)).toEqual([]);
});

test('改名为 .pdf 的可执行程序被拒绝，并说明原因；真正的 Word 文档按内容显示类型', async ({ page, app }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await seedCampaign(app, [{ title: '开展作风纪律专项检查' }]);
  await openCampaign(page, app, '2026年“清廉法院”建设');
  await row(page, '开展作风纪律专项检查').click();
  const drawer = page.getByTestId('item-drawer');
  await drawer.getByRole('tab', { name: /佐证材料/ }).click();

  await drawer.getByTestId('evidence-input').setInputFiles([
    pickedFile('整改报告.pdf', peFile()),
    pickedFile('setup.exe', peFile()),
    pickedFile(
      '材料汇总.zip',
      await zipOf([
        ['说明.pdf', pdfFile()],
        ['安装.exe', peFile()],
      ]),
    ),
    pickedFile('整改方案.docx', await docxFile('整改方案')),
  ]);
  const entry = (name: string) => drawer.getByTestId('upload-entry').filter({ hasText: name });
  await expect(entry('整改报告.pdf')).toContainText('「整改报告.pdf」实为可执行程序，不能作为佐证材料');
  await expect(entry('setup.exe')).toContainText('不支持的文件类型：「setup.exe」是可执行程序或脚本');
  await expect(entry('材料汇总.zip')).toContainText('压缩包「材料汇总.zip」里有可执行程序或脚本「安装.exe」');
  await expect(entry('整改方案.docx')).toContainText('已上传');
  // Only the real document is kept, labelled by what its bytes are.
  await expect(drawer.getByTestId('evidence-row')).toHaveCount(1);
  await expect(drawer.getByTestId('evidence-row')).toContainText('Word 文档');
  await expect.poll(() => staged(app.dataDir)).toEqual([]);
  await page.screenshot({ path: path.join('artifacts', 'issue14-evid-refused.png') });
});
