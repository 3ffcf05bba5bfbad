// 应报法院 and 报送情况 at a high court: the roster page grouped by jurisdiction with each court's
// sync state, a court added by hand, a roster Excel with bad rows (row-by-row verdicts, nothing
// written until confirmed, then the good rows), and the campaign tab 报送情况 with a relayed court
// on time, a stale one and one that never reported (in red, with words), subtotals and a total,
// and the rules editor. Received report-up bundles go straight into the database as an import
// leaves them (sync_received with the bundle's own time; relayed ones with relayed_by).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Database from 'better-sqlite3';
import { test, expect, type PreviewApp } from './fixtures';
import { ADMIN, setUpHighCourt } from './helpers';
import { choose, shot } from './steps';

const CAMPAIGN = '2026年能力作风建设年';
const DAY = 86_400_000;

async function highCourt(app: PreviewApp): Promise<string> {
  await setUpHighCourt(app);
  const campaign = await app.call<{ id: string }>('campaigns.create', { title: CAMPAIGN, year: 2026 });
  const add = (code: string, name: string, level: string, parentCode: string, jurisdiction: string) =>
    app.call('roster.add', { code, name, level, parentCode, jurisdiction });
  await add('J2301', '哈尔滨市中级人民法院', 'intermediate', 'J23', '哈尔滨市');
  await add('J230101', '道里区人民法院', 'basic', 'J2301', '道里区');
  await add('J2302', '齐齐哈尔市中级人民法院', 'intermediate', 'J23', '齐齐哈尔市');
  await add('J230201', '龙江县人民法院', 'basic', 'J2302', '龙江县');
  await add('J230202', '讷河市人民法院', 'basic', 'J2302', '讷河市');
  // Reports up: the intermediate courts directly (an hour ago), 龙江县 relayed by 齐齐哈尔 (two
  // hours ago), 道里区 40 days ago (stale); 讷河市 never.
  const db = new Database(path.join(app.dataDir, 'court.sqlite3'));
  try {
    let n = 0;
    const received = (code: string, ago: number, relayedBy: string | null) => {
      const at = new Date(Date.now() - ago).toISOString();
      n += 1;
      db.prepare(
        "INSERT INTO sync_received (id, source_code, target_code, kind, seq, full, sha256, size, file_path, relayed_by, received_at, bundle_created_at) VALUES (?, ?, 'J23', 'report_up', 1, 1, ?, 100, 'x.court', ?, ?, ?)",
      ).run(`0190f0e4-0000-7000-8000-${String(n).padStart(12, '0')}`, code, '0'.repeat(64), relayedBy, at, at);
    };
    received('J2301', 3_600_000, null);
    received('J2302', 3_600_000, null);
    received('J230201', 7_200_000, 'J2302');
    received('J230101', 40 * DAY, 'J2301');
  } finally {
    db.close();
  }
  return campaign.id;
}

async function rosterSheet(): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('应报法院名单');
  sheet.addRow(['法院代码', '法院名称', '层级', '上级法院代码', '辖区']);
  sheet.addRow(['J2303', '牡丹江市中级人民法院', '中级法院', 'J23', '牡丹江市']);
  sheet.addRow(['J230301', '宁安市人民法院', '基层法院', 'J2303', '宁安市']);
  sheet.addRow(['J230302', '海林市人民法院', '县级法院', 'J2303', '海林市']);
  sheet.addRow(['J230101', '道里区人民法院', '基层法院', 'J2301', '道里区']);
  sheet.addRow(['J239901', '某县人民法院', '基层法院', 'J2399', '']);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'roster-xlsx-')), '应报法院名单.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

test('应报法院: add a court by hand, import a roster Excel with bad rows, and see 报送情况', async ({ app, page }) => {
  await highCourt(app);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByRole('navigation').getByText('应报法院', { exact: true }).click();
  const roster = page.getByTestId('roster-table');
  await expect(roster).toBeVisible();
  await expect(page.getByTestId('roster-group')).toHaveText([
    '哈尔滨市中级人民法院辖区（2 家）',
    '齐齐哈尔市中级人民法院辖区（3 家）',
  ]);
  const never = page.getByTestId('subordinate-row').filter({ hasText: 'J230202' });
  await expect(never.getByTestId('roster-never')).toHaveText('从未报送');
  await expect(
    page.getByTestId('subordinate-row').filter({ hasText: 'J230101' }).getByTestId('subordinate-age'),
  ).toHaveAttribute('data-color', 'yellow');

  // By hand: a basic court under 齐齐哈尔; a bad code is refused in Chinese, beside the field.
  await page.getByTestId('roster-add').click();
  const form = page.getByTestId('roster-court-modal');
  await form.getByTestId('roster-code').fill('J230203');
  await form.getByTestId('roster-name').fill('依安县人民法院');
  await choose(page, form.getByTestId('roster-level'), '基层法院');
  await choose(page, form.getByTestId('roster-parent'), '齐齐哈尔市中级人民法院（J2302）');
  await form.getByTestId('roster-jurisdiction').fill('依安县');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('subordinate-row').filter({ hasText: 'J230203' })).toContainText('依安县人民法院');
  await expect(page.getByTestId('roster-group').nth(1)).toHaveText('齐齐哈尔市中级人民法院辖区（4 家）');
  await page.getByTestId('roster-add').click();
  await form.getByTestId('roster-code').fill('J230201');
  await form.getByTestId('roster-name').fill('龙江县人民法院');
  await choose(page, form.getByTestId('roster-level'), '基层法院');
  await choose(page, form.getByTestId('roster-parent'), '齐齐哈尔市中级人民法院（J2302）');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByTestId('roster-form-error')).toHaveText('法院代码 J230201 已在应报法院名单中');
  await form.getByRole('button', { name: '取消' }).click();
  // What was typed is not thrown away without asking.
  await page.getByRole('dialog', { name: '放弃未保存的内容？' }).getByRole('button', { name: '放弃' }).click();
  await expect(form).toBeHidden();
  await page.waitForTimeout(400); // the dialog's fade-out, for the screenshot only
  await shot(page, 'issue13-r-roster.png', false);

  // Excel: two good rows, three with verdicts; nothing written before 确认导入.
  await page.getByTestId('roster-import').click();
  const modal = page.getByTestId('roster-import-modal');
  await modal.getByTestId('import-file-input').setInputFiles(await rosterSheet());
  const preview = modal.getByTestId('roster-import-preview');
  await expect(preview.getByTestId('import-counts')).toHaveText('可导入 2 行，有问题 3 行');
  const check = (row: number) =>
    preview.locator(`[data-testid="import-row"][data-row="${row}"]`).getByTestId('import-row-check');
  await expect(check(4)).toHaveText('层级“县级法院”无法识别，应为“中级法院”或“基层法院”');
  await expect(check(5)).toHaveText('法院代码 J230101 已在应报法院名单中');
  await expect(check(6)).toHaveText('上级法院 J2399 既不是本院，也不在应报法院名单中，也不在本文件中');
  expect(await app.call<{ courts: unknown[] }>('roster.list').then((v) => v.courts.length)).toBe(6);
  await shot(page, 'issue13-r-roster-import-preview.png', false);
  await preview.getByTestId('import-skip').check();
  await preview.getByTestId('import-confirm').click();
  await expect(modal).toBeHidden();
  await expect(page.getByTestId('roster-group')).toHaveText([
    '哈尔滨市中级人民法院辖区（2 家）',
    '齐齐哈尔市中级人民法院辖区（4 家）',
    '牡丹江市中级人民法院辖区（2 家）',
  ]);

  // 报送情况: on time (directly and relayed), stale, never, not yet reported.
  await page.getByRole('navigation').getByText('专项活动', { exact: true }).click();
  await page.getByTestId('campaign-card').filter({ hasText: CAMPAIGN }).getByTestId('campaign-title').click();
  await page.getByTestId('tab-reporting').click();
  const table = page.getByTestId('reporting-table');
  await expect(table).toBeVisible();
  const state = (code: string) => table.locator(`[data-testid="reporting-row"][data-court="${code}"]`);
  await expect(state('J230201').getByTestId('reporting-state')).toHaveText('按时报');
  await expect(state('J230201')).toContainText('经齐齐哈尔市中级人民法院转报');
  await expect(state('J2301').getByTestId('reporting-state')).toHaveText('按时报');
  await expect(state('J230101').getByTestId('reporting-stale')).toHaveText('数据陈旧');
  await expect(state('J230202').getByTestId('reporting-never')).toHaveText('从未报送');
  await expect(state('J230202').getByTestId('reporting-state')).toHaveText(/未到期|未报/);
  await expect(page.getByTestId('reporting-total')).toContainText('应报 8　已报 3　按时报 3');
  await expect(page.getByTestId('reporting-subtotal')).toHaveCount(3);
  await page.waitForTimeout(400); // the import dialog's fade-out, for the screenshot only
  await shot(page, 'issue13-r-reporting.png', false);

  // Two periods back (long due): the recent bundles came after its due date (逾期报), 讷河市 never (未报).
  const periods = page.getByTestId('reporting-period');
  await periods.click();
  await page.getByRole('option').nth(2).click();
  await expect(page.getByTestId('reporting-not-due')).toHaveCount(0);
  await expect(state('J230202').getByTestId('reporting-state')).toHaveText('未报');
  await expect(state('J2301').getByTestId('reporting-state')).toHaveText('逾期报');

  // Rules: stale after 60 days; 道里区 is no longer stale.
  await page.getByTestId('reporting-edit-rules').click();
  const rules = page.getByTestId('reporting-rules-modal');
  await rules.getByTestId('rules-stale-days').fill('60');
  await rules.getByRole('button', { name: '保存规则' }).click();
  await expect(rules).toBeHidden();
  await expect(page.getByTestId('reporting-rules')).toContainText('超过 60 天为数据陈旧');
  await expect(state('J230101').getByTestId('reporting-stale')).toHaveCount(0);

  // 已撤并: 依安县 merged into 龙江县 today, greyed with its date on the roster and left out of 应报.
  await page.getByRole('navigation').getByText('应报法院', { exact: true }).click();
  await page.getByRole('button', { name: '把依安县人民法院标记为已撤并' }).click();
  const merge = page.getByTestId('roster-merge-modal');
  await choose(page, merge.getByTestId('roster-merged-into'), '龙江县人民法院（J230201）');
  await merge.getByRole('button', { name: '标记已撤并' }).click();
  await expect(merge).toBeHidden();
  const merged = page.locator('[data-testid="subordinate-row"][data-court="J230203"]');
  await expect(merged.getByTestId('roster-merged')).toContainText('并入龙江县人民法院');
  await expect(page.getByTestId('roster-count')).toHaveText('共 8 家法院（其中 1 家已撤并）');
  await page.getByRole('navigation').getByText('专项活动', { exact: true }).click();
  await page.getByTestId('campaign-card').filter({ hasText: CAMPAIGN }).getByTestId('campaign-title').click();
  await page.getByTestId('tab-reporting').click();
  await expect(page.getByTestId('reporting-merged')).toContainText('依安县人民法院');
  await expect(page.getByTestId('reporting-total')).toContainText('应报 7');
  // Undone from the roster: expected again.
  await page.getByRole('navigation').getByText('应报法院', { exact: true }).click();
  await page.getByRole('button', { name: '撤销依安县人民法院的撤并标记' }).click();
  await expect(merged.getByTestId('roster-merged')).toHaveCount(0);
});

test('应报法院 at an intermediate court: the empty roster explains itself, and 报送情况 sends there', async ({
  app,
  page,
}) => {
  await app.call('court.setup', {
    profile: {
      name: '齐齐哈尔市中级人民法院',
      code: 'J2302',
      level: 'intermediate',
      parentCode: 'J23',
      parentName: '黑龙江省高级人民法院',
      operatorName: '赵科长',
    },
    admin: ADMIN,
  });
  await app.call('campaigns.create', { title: CAMPAIGN, year: 2026 });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByRole('navigation').getByText('应报法院', { exact: true }).click();
  await expect(page.getByTestId('roster-empty')).toContainText('还没有应报法院名单');
  await page.getByRole('navigation').getByText('专项活动', { exact: true }).click();
  await page.getByTestId('campaign-card').filter({ hasText: CAMPAIGN }).getByTestId('campaign-title').click();
  await page.getByTestId('tab-reporting').click();
  await expect(page.getByTestId('reporting-empty')).toContainText('先在“应报法院”页面建立');
  await page.getByTestId('reporting-empty').getByRole('button', { name: '前往应报法院' }).click();
  // An intermediate court lists basic courts only, directly under it.
  await page.getByTestId('roster-add').click();
  const form = page.getByTestId('roster-court-modal');
  await form.getByTestId('roster-code').fill('J230201');
  await form.getByTestId('roster-name').fill('龙江县人民法院');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('roster-group')).toHaveText('齐齐哈尔市中级人民法院直辖（1 家）');
});
