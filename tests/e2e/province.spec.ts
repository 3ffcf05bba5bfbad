// 下级法院进度 at a high court: every court on the roster × 12 sections (rank 1 the best current
// court; stale and silent courts marked and unranked), subtotals, sorting by any column by mouse and
// keyboard (aria-sort), the rank and court columns sticky while scrolling sideways, the 中院辖区
// filter kept in the address across a drill-down and back, 只看后进 equal to the badge, and saving
// the matrix as Excel from 报表打印. The subordinates' rows go straight into the database, as
// imported report-up bundles (direct and relayed) would leave them.
import fs from 'node:fs';
import os from 'node:os';
import ExcelJS from 'exceljs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { test, expect, type PreviewApp } from './fixtures';
import { ADMIN, createCampaign, setUpHighCourt } from './helpers';
import { choose } from './steps';
import { rowSeeder } from './seedRows';

const CAMPAIGN = '2026年能力作风建设年';
const DAY = 86_400_000;
const STAMP = '2026-10-08T09:00:00+08:00';
const SECTIONS = [
  '争先创优',
  '整改落实',
  '审判质效',
  '执行攻坚',
  '诉源治理',
  '队伍建设',
  '司法公开',
  '智慧法院',
  '廉政建设',
  '作风纪律',
  '基层基础',
  '宣传引导',
];

interface Subordinate {
  code: string;
  name: string;
  level: 'intermediate' | 'basic';
  parent: string;
  relation: 'subordinate' | 'relayed';
  /** Days since its last bundle; null: none received yet. */
  age: number | null;
  /** [section index (2 = a section of its own), status, deadline] */
  items: Array<[number, 'completed' | 'signed_off' | 'in_progress' | 'not_started', string]>;
}

const SUBORDINATES: Subordinate[] = [
  {
    code: 'J2301',
    name: '哈尔滨市中级人民法院',
    level: 'intermediate',
    parent: 'J23',
    relation: 'subordinate',
    age: 70,
    items: [
      [0, 'in_progress', '2026-01-31'],
      [1, 'not_started', '2026-02-28'],
    ],
  },
  {
    code: 'J2302',
    name: '齐齐哈尔市中级人民法院',
    level: 'intermediate',
    parent: 'J23',
    relation: 'subordinate',
    age: 3,
    items: [
      [0, 'completed', '2026-03-31'],
      [0, 'in_progress', '2099-12-31'],
      [1, 'in_progress', '2026-01-31'],
      [1, 'not_started', '2099-12-31'],
    ],
  },
  {
    code: 'J230201',
    name: '龙江县人民法院',
    level: 'basic',
    parent: 'J2302',
    relation: 'relayed',
    age: 40,
    items: [
      [0, 'completed', '2026-03-31'],
      [0, 'signed_off', '2026-03-31'],
      [1, 'completed', '2026-05-31'],
      [1, 'completed', '2026-06-30'],
      [2, 'in_progress', '2099-12-31'],
    ],
  },
  {
    code: 'J230202',
    name: '讷河市人民法院',
    level: 'basic',
    parent: 'J2302',
    relation: 'relayed',
    age: 5,
    items: [
      [0, 'completed', '2026-03-31'],
      [1, 'signed_off', '2026-04-30'],
    ],
  },
  {
    code: 'J230203',
    name: '依安县人民法院',
    level: 'basic',
    parent: 'J2302',
    relation: 'relayed',
    age: null,
    items: [],
  },
];

const SILENT = { code: 'J230204', name: '克山县人民法院', level: 'basic' as const, parent: 'J2302' };

/** A high court with one campaign of 12 sections, five subordinates' data and a roster of six. */
async function provinceCourt(app: PreviewApp): Promise<string> {
  await setUpHighCourt(app);
  const campaign = await createCampaign(app, CAMPAIGN, SECTIONS);
  const sections = ['争先创优', '整改落实'].map((title) => campaign.sections.find((s) => s.title === title)!.id);
  const db = new Database(path.join(app.dataDir, 'court.sqlite3'));
  try {
    const { owned, insert, nextId, reportingCourt, rosterCourt } = rowSeeder(db, STAMP, 0xa000);
    for (const court of SUBORDINATES) {
      const bundleAt = court.age === null ? null : new Date(Date.now() - court.age * DAY - 3_600_000).toISOString();
      reportingCourt(court, bundleAt, court.age === null ? 0 : 3);
      let ownSection: string | null = null;
      court.items.forEach(([section, status, deadline], index) => {
        if (section === 2 && !ownSection) {
          ownSection = nextId();
          insert('sections', {
            ...owned(court.code),
            id: ownSection,
            campaign_id: campaign.id,
            title: '本院自选动作',
            sort_order: 9,
          });
        }
        const done = status === 'completed' || status === 'signed_off';
        insert('items', {
          ...owned(court.code),
          campaign_id: campaign.id,
          section_id: section === 2 ? ownSection : sections[section],
          sort_order: (index + 1) * 1024,
          title: `${court.name.slice(0, 2)}：第${index + 1}项工作`,
          kind: section === 2 ? 'own' : 'mandatory',
          deadline,
          status,
          percent: done ? 100 : 30,
          completed_at: done ? STAMP : null,
        });
      });
    }
    // The roster: every court above, and one more that has never reported.
    for (const court of [...SUBORDINATES, SILENT]) rosterCourt(court);
  } finally {
    db.close();
  }
  return campaign.id;
}

const matrixRow = (page: import('@playwright/test').Page, code: string) =>
  page.locator(`[data-testid="province-row"][data-court="${code}"]`);
const order = (page: import('@playwright/test').Page) =>
  page.getByTestId('province-row').evaluateAll((list) => list.map((row) => row.getAttribute('data-court')));

test('高院查看下级法院进度：第 1 名最好，陈旧与未报送不排名，排序、固定列、筛选在下钻后保留', async ({ page, app }) => {
  const campaignId = await provinceCourt(app);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByTestId('campaign-card').filter({ hasText: CAMPAIGN }).getByTestId('campaign-title').click();
  await page.getByTestId('tab-courts').click();
  await expect(page).toHaveURL(new RegExp(`#/campaign/${campaignId}/courts$`));

  const rows = page.getByTestId('province-row');
  await expect(rows).toHaveCount(6);
  // Ranked (current) courts first, best first: 讷河 100 %, 齐齐哈尔中院 25 %; then the stale ones
  // (龙江 40 days, 哈尔滨中院 70 days) and the courts with nothing received, unranked.
  expect(await order(page)).toEqual(['J230202', 'J2302', 'J230201', 'J2301', 'J230203', 'J230204']);
  await expect(matrixRow(page, 'J230202').getByTestId('province-rank')).toHaveText('1');
  await expect(matrixRow(page, 'J2302').getByTestId('province-rank')).toHaveText('2');
  await expect(matrixRow(page, 'J230201').getByTestId('province-rank')).toHaveText('不排名');
  await expect(matrixRow(page, 'J230201').getByTestId('province-standing')).toHaveText('数据陈旧');
  await expect(matrixRow(page, 'J230204').getByTestId('province-standing')).toHaveText('未报送');
  await expect(matrixRow(page, 'J230204').getByTestId('province-age')).toHaveText('未收到');
  await expect(page.getByTestId('province-section')).toHaveCount(13);
  await expect(matrixRow(page, 'J2302').getByTestId('province-cell').nth(1)).toHaveText('0% / 逾期 1');
  await expect(matrixRow(page, 'J230201').getByTestId('province-total')).toHaveText('80% / 逾期 0');
  // The total first, the subtotals per jurisdiction after the courts.
  await expect(page.getByTestId('province-pinned')).toContainText('全省合计');
  await expect(page.getByTestId('province-subtotal')).toHaveText([
    /黑龙江省高级人民法院（本院事项）/,
    /哈尔滨市中级人民法院辖区小计/,
    /齐齐哈尔市中级人民法院辖区小计/,
  ]);
  // 后进: the badge counts the same courts the switch shows (default rule: the bottom 10 ranked, at
  // most half of them: here 齐齐哈尔中院 only, never the best court).
  await expect(page.getByTestId('province-laggard-count')).toHaveText('后进 1');
  await expect(page.getByTestId('province-laggard')).toHaveCount(1);

  // Sort by 合计 with the mouse (best first), again (worst first); then by rank with the keyboard.
  const total = page.getByTestId('province-head-total');
  await expect(total).toHaveAttribute('aria-sort', 'none');
  await total.getByRole('button', { name: '按“合计”排序' }).click();
  await expect(total).toHaveAttribute('aria-sort', 'descending');
  expect((await order(page)).slice(0, 4)).toEqual(['J230202', 'J230201', 'J2302', 'J2301']);
  await total.getByRole('button').click();
  await expect(total).toHaveAttribute('aria-sort', 'ascending');
  expect((await order(page)).slice(0, 4)).toEqual(['J2301', 'J2302', 'J230201', 'J230202']);
  await page.getByRole('button', { name: '按“法院”排序' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('province-head-name')).toHaveAttribute('aria-sort', 'ascending');
  await page.getByRole('button', { name: '按“排名”排序' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('province-head-rank')).toHaveAttribute('aria-sort', 'ascending');
  expect(await order(page)).toEqual(['J230202', 'J2302', 'J230201', 'J2301', 'J230203', 'J230204']);

  // Sticky: scrolled sideways to the last section, the rank, the court and its 合计 stay in place.
  const scroller = page.getByTestId('province-scroll');
  const rankCell = matrixRow(page, 'J2302').getByTestId('province-rank');
  const nameCell = matrixRow(page, 'J2302').getByTestId('province-court-name');
  const before = [(await rankCell.boundingBox())!.x, (await nameCell.boundingBox())!.x];
  await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  expect(await scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(300);
  await expect(page.getByTestId('province-section').last()).toBeInViewport();
  expect([(await rankCell.boundingBox())!.x, (await nameCell.boundingBox())!.x]).toEqual(before);
  await expect(nameCell).toBeInViewport();
  await page.screenshot({ path: path.join(process.cwd(), 'artifacts', 'issue13-m-matrix.png') });
  await scroller.evaluate((el) => (el.scrollLeft = 0));

  // One intermediate court's jurisdiction: kept in the address, and after a drill-down and back.
  await choose(page, page.getByTestId('province-parent'), '齐齐哈尔市中级人民法院辖区');
  await expect(rows).toHaveCount(5);
  await expect(page).toHaveURL(/\/courts\?j=J2302$/);
  await expect(page.getByTestId('province-pinned')).toContainText('齐齐哈尔市中级人民法院辖区小计');
  await matrixRow(page, 'J230201').getByTestId('province-court-name').click();
  await expect(page).toHaveURL(new RegExp(`#/campaign/${campaignId}\\?court=J230201$`));
  await expect(page.getByTestId('viewing-court')).toContainText('龙江县人民法院');
  await page.goBack();
  await expect(page).toHaveURL(/\/courts\?j=J2302$/);
  await expect(rows).toHaveCount(5);
  await expect(page.getByTestId('province-parent')).toHaveValue('齐齐哈尔市中级人民法院辖区');
  // By keyboard, and back by the tab rather than the browser: the session keeps it too.
  await matrixRow(page, 'J2302').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/campaign/${campaignId}\\?court=J2302$`));
  await page.getByTestId('tab-courts').click();
  await expect(rows).toHaveCount(5);

  // 只看后进 shows exactly the courts the badge counts.
  await choose(page, page.getByTestId('province-parent'), '全部辖区');
  await page.getByRole('switch', { name: '只看后进（1 个）' }).click();
  await expect(rows).toHaveCount(1);
  expect(await order(page)).toEqual(['J2302']);
  await expect(page).toHaveURL(/lag=1/);
});

test('下级法院进度表从报表打印保存为 Excel，含辖区小计和全省合计', async ({ page, app }) => {
  await provinceCourt(app);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'court-e2e-province-'));
  try {
    await page.goto(app.url);
    await page.getByTestId('campaign-card').filter({ hasText: CAMPAIGN }).getByTestId('campaign-title').click();
    await page.getByTestId('tab-courts').click();
    await page.getByTestId('province-save').click();
    await expect(page).toHaveURL(/\/reports$/);
    const frame = page.frameLocator('[data-testid="report-frame"]');
    await expect(frame.locator('h1')).toHaveText(`${CAMPAIGN}下级法院进度表`);
    await expect(frame.locator('tr.total')).toContainText('全省合计');
    await page.getByTestId('report-folder').fill(folder);
    await page.getByTestId('report-save-xlsx').click();
    await expect(page.getByTestId('report-saved')).toContainText('已保存为 Excel 文件', { timeout: 30_000 });
    const file = path.join(folder, `黑龙江省高级人民法院${CAMPAIGN}下级法院进度表.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('下级法院进度')!;
    const names: string[] = [];
    sheet.eachRow((row, n) => n > 3 && names.push(String(row.getCell(2).value)));
    expect(names).toEqual([
      '哈尔滨市中级人民法院',
      '哈尔滨市中级人民法院辖区小计',
      '讷河市人民法院',
      '齐齐哈尔市中级人民法院',
      '龙江县人民法院',
      '依安县人民法院',
      '克山县人民法院',
      '齐齐哈尔市中级人民法院辖区小计',
      '黑龙江省高级人民法院（本院事项）',
      '全省合计',
    ]);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('高院的本院挂图和挂图作战先看全省：完成率、逾期、报送率，按辖区和按法院', async ({ page, app }) => {
  const campaignId = await provinceCourt(app);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByRole('link', { name: '本院挂图' }).click();
  const summary = page.getByTestId('province-summary');
  await expect(summary).toHaveCount(1);
  await expect(summary).toContainText('全省推进情况');
  // 6 roster courts, 2 of them current (讷河 5 days, 齐齐哈尔中院 3 days): 33 %.
  await expect(page.getByTestId('province-summary-reporting')).toContainText('33%');
  await expect(page.getByTestId('province-summary-laggards')).toContainText('1');
  const rows = summary.getByTestId('province-summary-row');
  await expect(rows).toHaveText([
    /哈尔滨市中级人民法院辖区小计/,
    /齐齐哈尔市中级人民法院辖区小计/,
    /黑龙江省高级人民法院（本院事项）/,
    /全省合计/,
  ]);
  await page.screenshot({ path: path.join(process.cwd(), 'artifacts', 'issue13-m-court-board.png') });
  // By court: ranked first, this court's own items one row among them, the total last.
  await summary.getByText('各法院（按排名）').click();
  await expect(rows).toHaveCount(6 + 2);
  await expect(rows.first()).toContainText('讷河市人民法院');
  await expect(rows.nth(5)).toContainText('未报送');
  // The campaign's 挂图作战 starts with the same figures, then the court's own charts.
  await page.evaluate((id) => (window.location.hash = `#/campaign/${id}/board`), campaignId);
  await expect(page.getByTestId('province-summary')).toContainText('全省推进情况');
  await expect(page.getByTestId('province-summary-completion')).toBeVisible();
  await expect(page.getByText('本院自身事项')).toBeVisible();
});

test('尚未收到下级法院的同步包时，下级法院进度给出去同步的入口', async ({ page, app }) => {
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
  await page.goto(app.url);
  await page.getByTestId('campaign-card').filter({ hasText: CAMPAIGN }).getByTestId('campaign-title').click();
  await page.getByTestId('tab-courts').click();
  await expect(page.getByTestId('province-empty')).toContainText('尚未收到下级法院的同步包');
  await page.getByRole('button', { name: '前往同步' }).click();
  await expect(page).toHaveURL(/#\/sync\/import$/);
});
