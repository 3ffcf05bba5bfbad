// Excel imports end to end. 导入模板: the administrator picks a checklist template written by
// exceljs into a temp folder (title rows, merged section rows, deadlines as a date cell, 2026年…日
// and 12月底, one row naming a department the court does not have), sees the preview with the
// guessed columns and the bad row in red, cannot confirm until 跳过有问题的行 is ticked, confirms,
// and finds the new items and the new section in the checklist; the preview is kept as
// artifacts/template-import-preview.png. A .xls file is refused in Chinese before it is sent.
// 导入数值: a sheet of values goes into the 指标 tab the same way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { openCampaign, row, seedCampaign } from './helpers';
import { shot } from './steps';

const CAMPAIGN = '2026年“清廉法院”建设';

function tempFile(name: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'court-import-')), name);
}

async function writeTemplate(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('推进清单');
  sheet.getCell('A1').value = '龙江县人民法院“清廉法院”建设推进清单';
  sheet.mergeCells('A1:H1');
  sheet.getCell('A2').value = '（2026年3月印发）';
  sheet.mergeCells('A2:H2');
  sheet.getRow(3).values = ['序号', '重点任务', '具体内容', '牵头院领导', '责任部门', '责任人', '完成时限', '类别'];
  const rows: Array<[string] | ExcelJS.CellValue[]> = [
    ['一、廉洁文化工程'],
    [
      1,
      '建设廉政文化长廊',
      '在审判楼一层设置廉政文化展示区',
      '张院长',
      '政治部',
      '刘洋',
      new Date(Date.UTC(2026, 11, 31)),
      '规定动作',
    ],
    [2, '开展廉政警示教育', '组织旁听职务犯罪案件庭审', '张院长', '纪检组', '刘洋', '2026年12月31日', '规定动作'],
    [3, '签订廉政承诺书', '全体干警逐人签订', '王副院长', '政治部', '刘洋', '12月底', '规定动作'],
    ['二、队伍建设工程'],
    [4, '开展执行干警业务培训', '每季度一次集中培训', '王副院长', '执行局', '吴局长', '2026.12.15', '自选动作'],
    [5, '落实执行案件流程节点管控', '节点超期自动提醒', '王副院长', '执行局', '吴局长', '12月底', '自选动作'],
  ];
  rows.forEach((values, index) => {
    const number = index + 4;
    sheet.getRow(number).values = values as ExcelJS.CellValue[];
    if (values.length === 1) sheet.mergeCells(`A${number}:H${number}`);
  });
  sheet.getCell('G5').numFmt = 'yyyy"年"m"月"d"日"';
  sheet.columns.forEach((column, index) => (column.width = [6, 28, 30, 12, 12, 10, 16, 10][index]));
  await workbook.xlsx.writeFile(file);
}

test('导入模板：预览列对应和有问题的行 → 勾选跳过 → 确认导入 → 清单出现新事项和新栏目', async ({ page, app }) => {
  await seedCampaign(app, [{ title: '完善廉政风险防控制度', section: 1 }]);
  const file = tempFile('推进清单模板.xlsx');
  await writeTemplate(file);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openCampaign(page, app, CAMPAIGN);

  await page.getByTestId('open-template-import').click();
  const modal = page.getByRole('dialog', { name: '导入推进清单模板' });
  await expect(modal).toBeVisible();

  // Not an .xlsx: refused here, in Chinese.
  const xls = tempFile('旧格式清单.xls');
  fs.writeFileSync(xls, 'old');
  await modal.getByTestId('import-file-input').setInputFiles(xls);
  await expect(modal.getByTestId('import-file-error')).toContainText('“旧格式清单.xls”不是 .xlsx 格式的 Excel 文件');

  await modal.getByTestId('import-file-input').setInputFiles(file);
  const preview = modal.getByTestId('template-import-preview');
  await expect(preview).toBeVisible();
  await expect(preview).toContainText('表头在第 3 行');
  await expect(preview.getByTestId('mapping-title')).toHaveValue('B 列：重点任务');
  await expect(preview.getByTestId('mapping-department')).toHaveValue('E 列：责任部门');
  await expect(preview.getByTestId('mapping-deadline')).toHaveValue('G 列：完成时限');
  await expect(preview.getByTestId('import-counts')).toHaveText('可导入 4 行，有问题 1 行');
  await expect(preview.getByTestId('import-new-sections')).toHaveText('将新建栏目：队伍建设工程');
  const rows = preview.getByTestId('import-row');
  await expect(rows).toHaveCount(5);
  const bad = preview.locator('[data-testid="import-row"][data-row="6"]');
  await expect(bad.getByTestId('import-row-check')).toContainText(
    '责任部门“纪检组”不存在，本院的部门有：政治部、执行局',
  );
  await expect(preview.locator('[data-testid="import-row"][data-row="5"]')).toContainText('2026-12-31');
  await expect(preview.locator('[data-testid="import-row"][data-row="7"]')).toContainText('2026-12-31');
  await expect(preview.locator('[data-testid="import-row"][data-row="9"]')).toContainText('2026-12-15');
  await expect(preview.locator('[data-testid="import-row"][data-row="5"]').getByTestId('import-row-check')).toHaveText(
    '✓ 可导入',
  );
  const confirm = preview.getByTestId('import-confirm');
  await expect(confirm).toBeDisabled();
  await shot(page, 'template-import-preview.png', false);

  // Changing a column re-previews: with 责任部门 not imported, no row has a problem.
  await preview.getByTestId('mapping-department').click();
  await page.getByRole('option', { name: '（不导入）', exact: true }).click();
  await expect(preview.getByTestId('import-counts')).toHaveText('可导入 5 行，有问题 0 行');
  await preview.getByTestId('mapping-department').click();
  await page.getByRole('option', { name: 'E 列：责任部门', exact: true }).click();
  await expect(preview.getByTestId('import-counts')).toHaveText('可导入 4 行，有问题 1 行');

  await preview.getByTestId('import-skip').check();
  await expect(confirm).toBeEnabled();
  await expect(confirm).toHaveText('确认导入 4 行');
  await confirm.click();
  await expect(modal).toBeHidden();
  await expect(page.getByText('已导入 4 项事项，新建 1 个栏目')).toBeVisible();

  for (const title of ['建设廉政文化长廊', '签订廉政承诺书', '开展执行干警业务培训', '落实执行案件流程节点管控'])
    await expect(row(page, title)).toBeVisible();
  await expect(row(page, '开展廉政警示教育')).toHaveCount(0);
  await expect(page.getByTestId('shown-count')).toContainText('5');
  await expect(page.getByText('队伍建设工程').first()).toBeVisible();
  await expect(row(page, '建设廉政文化长廊')).toContainText('政治部');
  await shot(page, 'template-import-done.png', false);
});

test('导入数值：预览 → 确认 → 指标表显示最新数值；取消不写入', async ({ page, app }) => {
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
  const file = tempFile('指标数值.xlsx');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('数值');
  sheet.getRow(1).values = ['指标名称', '期间', '数值', '说明'];
  sheet.getRow(2).values = ['当场立案率', '2026年9月', 93.5, '系统导出'];
  sheet.getRow(3).values = ['当场立案率', '2026-10', 96.2, '系统导出'];
  sheet.getRow(4).values = ['结案率', '2026-10', 90, ''];
  await workbook.xlsx.writeFile(file);

  await page.goto(app.url);
  // A 审核人 (the administrator here also is) lands on 我的待办.
  await page.getByRole('navigation').getByRole('link', { name: '专项活动', exact: true }).click();
  await page.getByTestId('campaign-card').filter({ hasText: CAMPAIGN }).getByTestId('campaign-title').click();
  await page.getByTestId('tab-indicators').click();
  const indicator = page.getByTestId('indicator-row').filter({ hasText: '当场立案率' });
  await expect(indicator.getByTestId('indicator-latest')).toHaveText('尚未录入');

  // Cancel after the preview: nothing is written.
  await page.getByTestId('open-value-import').click();
  let modal = page.getByRole('dialog', { name: '从 Excel 导入指标数值' });
  await modal.getByTestId('import-file-input').setInputFiles(file);
  await expect(modal.getByTestId('import-counts')).toHaveText('可导入 2 行，有问题 1 行');
  await expect(modal.locator('[data-testid="import-row"][data-row="4"]')).toContainText('本活动没有名为“结案率”的指标');
  await expect(modal.locator('[data-testid="import-row"][data-row="2"]')).toContainText('2026年9月');
  await shot(page, 'value-import-preview.png', false);
  await modal.getByRole('button', { name: '取消' }).click();
  await expect(modal).toBeHidden();
  await expect(indicator.getByTestId('indicator-latest')).toHaveText('尚未录入');

  await page.getByTestId('open-value-import').click();
  modal = page.getByRole('dialog', { name: '从 Excel 导入指标数值' });
  await modal.getByTestId('import-file-input').setInputFiles(file);
  await modal.getByTestId('import-skip').check();
  await modal.getByTestId('import-confirm').click();
  await expect(modal).toBeHidden();
  await expect(page.getByText('已导入 2 条指标数值')).toBeVisible();
  await expect(indicator.getByTestId('indicator-latest')).toContainText('2026年10月');
  await expect(indicator.getByTestId('indicator-latest')).toContainText('96.2%');
  await expect(indicator.getByTestId('indicator-trend')).toHaveText('好转');
});

test('导入模板：“每季度”记为频次，未知部门在预览中对应已有部门或新建，不导入的“备注”列写明', async ({ page, app }) => {
  await seedCampaign(app, [{ title: '完善廉政风险防控制度', section: 1 }]);
  const file = tempFile('季度清单.xlsx');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('推进清单');
  sheet.getRow(1).values = ['序号', '重点任务', '责任部门', '责任人', '完成时限', '备注'];
  sheet.getRow(2).values = ['一、廉洁文化工程'];
  sheet.mergeCells('A2:F2');
  sheet.getRow(3).values = [1, '开展廉政谈话', '纪检组', '刘洋', '每季度', '党组书记参加'];
  sheet.getRow(4).values = [2, '通报违纪违法典型案例', '纪检组', '刘洋', '每月底前', ''];
  sheet.getRow(5).values = [3, '设立廉政监督岗', '监察室', '刘洋', '2026年10月31日', ''];
  sheet.getRow(6).values = [4, '签订廉政承诺书', '政治部', '刘洋', '12月底', '全体干警'];
  await workbook.xlsx.writeFile(file);

  await page.setViewportSize({ width: 1366, height: 768 });
  await openCampaign(page, app, CAMPAIGN);
  await page.getByTestId('open-template-import').click();
  const modal = page.getByRole('dialog', { name: '导入推进清单模板' });
  await modal.getByTestId('import-file-input').setInputFiles(file);
  const preview = modal.getByTestId('template-import-preview');
  await expect(preview.getByTestId('import-ignored-columns')).toHaveText('以下列不会导入：备注');
  await expect(preview.getByTestId('import-frequency-words')).toContainText('“每季度”');
  const rowAt = (n: number) => preview.locator(`[data-testid="import-row"][data-row="${n}"]`);
  await expect(rowAt(3).getByTestId('import-row-deadline')).toContainText('每季度');
  await expect(rowAt(3).getByTestId('import-row-deadline')).toContainText('2026-12-31');
  await expect(rowAt(4).getByTestId('import-row-deadline')).toContainText('每月');
  await expect(preview.getByTestId('import-counts')).toHaveText('可导入 1 行，有问题 3 行');

  // One select per unknown name: 纪检组 is our 政治部; 监察室 is created.
  const unknown = preview.getByTestId('import-unknown-departments');
  await expect(unknown.getByTestId('department-map')).toHaveCount(2);
  const mapSelect = (name: string) => unknown.getByRole('combobox', { name: `文件中的“${name}”` });
  await mapSelect('纪检组').click();
  await page.getByRole('option', { name: '政治部', exact: true }).click();
  await expect(preview.getByTestId('import-counts')).toHaveText('可导入 3 行，有问题 1 行');
  await mapSelect('监察室').click();
  await page.getByRole('option', { name: '新建部门（使用文件中的名称）' }).click();
  await expect(preview.getByTestId('import-counts')).toHaveText('可导入 4 行，有问题 0 行');
  await expect(mapSelect('纪检组')).toHaveValue('政治部');
  await expect(rowAt(3).getByTestId('import-row-check')).toHaveText('✓ 可导入');
  await expect(rowAt(3)).toContainText('纪检组 → 政治部');
  await expect(rowAt(5)).toContainText('监察室（新建）');
  await shot(page, 'issue14-chk-template-import-preview.png', false);

  await preview.getByTestId('import-confirm').click();
  await expect(modal).toBeHidden();
  await expect(page.getByText('已导入 4 项事项，新建 1 个部门')).toBeVisible();
  await expect(row(page, '开展廉政谈话')).toContainText('政治部');
  await expect(row(page, '设立廉政监督岗')).toContainText('监察室');
  const items = await app.call<Array<{ title: string; frequency: string; deadline: string | null }>>('items.list', {
    campaignId: (await app.call<Array<{ id: string; title: string }>>('campaigns.list', {})).find(
      (c) => c.title === CAMPAIGN,
    )!.id,
  });
  expect(items.filter((i) => i.frequency !== 'once').map((i) => [i.title, i.frequency, i.deadline])).toEqual([
    ['开展廉政谈话', 'quarterly', '2026-12-31'],
    ['通报违纪违法典型案例', 'monthly', '2026-12-31'],
  ]);
});
