// 报表打印 end to end: the 推进清单 of a seeded campaign shows in the print preview (its heading read
// from inside the sandboxed frame), 打印 and Ctrl+P print that frame, a missing folder is pointed out at the folder box, the report
// is saved as PDF into a temp folder typed into the box (the result card says where and how many
// pages; pdftotext finds the campaign title and "第 1 页"), then as Excel (read back with exceljs),
// and a second PDF of the same name becomes 名称（2）.pdf. The tab is kept as a screenshot.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { seedCampaign, COURT } from './helpers';
import { shot } from './steps';

const CAMPAIGN = '2026年“清廉法院”建设';
const BASE_NAME = `${COURT.name}${CAMPAIGN}推进清单`;

test('推进清单：预览 → 保存为 PDF（页码）→ 保存为 Excel → 同名不覆盖', async ({ page, app }) => {
  await seedCampaign(app, [
    { title: '开展廉洁文化进机关活动', content: '每季度组织一次专题学习', deadline: '2026-12-31' },
    { title: '修订审判执行权力运行监督制度', deadline: '2026-10-31' },
    { title: '建立廉政风险防控台账', owner: '陈明' },
  ]);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'court-e2e-reports-'));
  try {
    await page.goto(app.url);
    await expect(page.getByTestId('header-user')).toBeVisible();
    await page.getByTestId('campaign-card').filter({ hasText: CAMPAIGN }).getByTestId('campaign-title').click();
    await page.getByTestId('tab-reports').click();
    await expect(page).toHaveURL(/#\/campaign\/[^/]+\/reports$/);
    await expect(page.getByTestId('reports-tab')).toBeVisible();

    // ── The preview: the report's own document in the frame, on paper.
    const frame = page.frameLocator('[data-testid="report-frame"]');
    await expect(frame.locator('h1')).toHaveText(`${CAMPAIGN}推进清单`);
    await expect(frame.locator('.heading .court')).toHaveText(COURT.name);
    await expect(frame.locator('tr.item')).toHaveCount(3);
    await expect(frame.locator('thead th').first()).toHaveText('序号');
    await expect(page.getByTestId('report-file-name')).toContainText(BASE_NAME);
    // The frame runs no scripts, and the sheet grew to the report's height.
    await expect(page.getByTestId('report-frame')).toHaveAttribute('sandbox', 'allow-same-origin allow-modals');
    expect((await page.getByTestId('report-frame').boundingBox())!.height).toBeGreaterThan(200);
    await expect(page.getByTestId('report-save-docx')).toHaveCount(0);

    // ── 打印 and Ctrl+P print the frame (its print() stood in for: headless has no dialog), not the app.
    await page.evaluate(() => {
      const frameWindow = (document.querySelector('[data-testid="report-frame"]') as HTMLIFrameElement)
        .contentWindow as Window & { printed?: number };
      frameWindow.print = () => {
        frameWindow.printed = (frameWindow.printed ?? 0) + 1;
      };
    });
    const printed = () =>
      page.evaluate(
        () =>
          (
            (document.querySelector('[data-testid="report-frame"]') as HTMLIFrameElement).contentWindow as Window & {
              printed?: number;
            }
          ).printed ?? 0,
      );
    await page.getByTestId('report-print').click();
    expect(await printed()).toBe(1);
    await page.getByTestId('report-folder').focus();
    await page.keyboard.press('Control+P');
    expect(await printed()).toBe(2);

    // ── No folder yet: said at the folder box, nothing started.
    await page.getByTestId('report-folder').fill('');
    await page.getByTestId('report-save-pdf').click();
    await expect(page.getByTestId('report-folder-error')).toHaveText('请先填写或选择保存报表的文件夹。');
    // A folder that is not there.
    await page.getByTestId('report-folder').fill(path.join(folder, '没有这个文件夹'));
    await page.getByTestId('report-save-pdf').click();
    await expect(page.getByTestId('report-folder-error')).toContainText('找不到文件夹');

    // ── Save as PDF.
    await page.getByTestId('report-folder').fill(folder);
    await page.getByTestId('report-save-pdf').click();
    const saved = page.getByTestId('report-saved');
    await expect(saved).toContainText('已保存为 PDF 文件', { timeout: 30_000 });
    const pdfFile = path.join(folder, `${BASE_NAME}.pdf`);
    await expect(page.getByTestId('report-saved-path')).toHaveText(`已保存：${pdfFile}（1 页）`);
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain(`${CAMPAIGN}推进清单`);
    expect(text).toContain('修订审判执行权力运行监督制度');
    expect(text).toMatch(/第\s*1\s*页\s*共\s*1\s*页/);
    await shot(page, 'reports-tab.png');

    // ── Save as Excel, read back.
    await page.getByTestId('report-save-xlsx').click();
    await expect(saved).toContainText('已保存为 Excel 文件', { timeout: 30_000 });
    const xlsxFile = path.join(folder, `${BASE_NAME}.xlsx`);
    await expect(page.getByTestId('report-saved-path')).toHaveText(`已保存：${xlsxFile}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxFile);
    const cells: string[] = [];
    workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? ''))));
    expect(cells).toContain('序号');
    expect(cells).toContain('建立廉政风险防控台账');
    expect(cells.some((value) => value.includes(CAMPAIGN))).toBe(true);

    // ── The same PDF again: a new file beside the first, never over it; the folder was remembered.
    await page.reload();
    await expect(page.getByTestId('report-folder')).toHaveValue(folder);
    await expect(frame.locator('h1')).toHaveText(`${CAMPAIGN}推进清单`);
    await page.getByTestId('report-save-pdf').click();
    await expect(page.getByTestId('report-saved-path')).toHaveText(
      `已保存：${path.join(folder, `${BASE_NAME}（2）.pdf`)}（1 页）`,
      { timeout: 30_000 },
    );
    expect(fs.readdirSync(folder).sort()).toEqual(
      [`${BASE_NAME}.pdf`, `${BASE_NAME}.xlsx`, `${BASE_NAME}（2）.pdf`].sort(),
    );
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
