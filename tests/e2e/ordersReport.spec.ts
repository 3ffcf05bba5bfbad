// The 督办台账 in 报表打印 at a high court: offered beside 下级法院进度表 (and the 通报 kind is not
// offered there: a 通报 is printed from the notice itself); the preview shows the courts with the
// jurisdiction subtotal and the total, the orders in words (颜色 红色, 状态 待签收), and it saves as
// Excel. Orders are issued through the API as the 督办单 dialog would.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { test, expect, ARTIFACTS_DIR } from './fixtures';
import { createCampaign, setUpHighCourt } from './helpers';

const CAMPAIGN = '2026年能力作风建设年';

test('督办台账从报表打印预览并保存为 Excel，通报不在报表种类中', async ({ page, app }) => {
  await setUpHighCourt(app);
  const campaign = await createCampaign(app, CAMPAIGN);
  await app.call('roster.add', {
    code: 'J2302',
    name: '齐齐哈尔市中级人民法院',
    level: 'intermediate',
    parentCode: 'J23',
  });
  await app.call('roster.add', { code: 'J230201', name: '龙江县人民法院', level: 'basic', parentCode: 'J2302' });
  await app.call('roster.add', { code: 'J230202', name: '讷河市人民法院', level: 'basic', parentCode: 'J2302' });
  const due = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  await app.call('orders.issue', {
    campaignId: campaign.id,
    courtCodes: ['J230201', 'J230202'],
    kind: 'supervise',
    colour: 'red',
    requirement: '请报送逾期事项的整改情况，说明未按期完成的原因和下一步措施。',
    replyDue: due,
    docPrefix: '黑高法',
  });

  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'court-e2e-orders-report-'));
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(app.url);
    await page.getByTestId('campaign-card').filter({ hasText: CAMPAIGN }).getByTestId('campaign-title').click();
    await page.getByTestId('tab-reports').click();
    const kinds = page.getByTestId('report-kind');
    await expect(kinds.getByText('督办台账', { exact: true })).toBeVisible();
    await expect(kinds.getByText('通报', { exact: true })).toHaveCount(0);
    await kinds.getByText('督办台账', { exact: true }).click();
    const frame = page.frameLocator('[data-testid="report-frame"]');
    await expect(frame.locator('h1')).toHaveText(`${CAMPAIGN}督办台账`);
    await expect(frame.locator('tr.subtotal')).toContainText('齐齐哈尔市中级人民法院辖区小计');
    await expect(frame.locator('tr.total')).toContainText('全省合计');
    await expect(frame.locator('table.orders tbody tr')).toHaveCount(2);
    await expect(frame.locator('table.orders tbody tr').first()).toContainText('红色');
    await expect(frame.locator('table.orders tbody tr').first()).toContainText('待签收');
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'issue15-h3-orders-reports-tab.png') });

    await page.getByTestId('report-folder').fill(folder);
    await page.getByTestId('report-save-xlsx').click();
    await expect(page.getByTestId('report-saved')).toContainText('已保存为 Excel 文件', { timeout: 30_000 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(folder, `黑龙江省高级人民法院${CAMPAIGN}督办台账.xlsx`));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['各法院', '督办单明细']);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
