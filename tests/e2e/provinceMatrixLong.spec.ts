// 下级法院进度 at a province's scale (issue 18): a high court with 300 courts on its roster draws
// only the court rows in view, yet the whole matrix is reachable: scrolled to the end it shows the
// last court and the subtotals, screen readers learn each row's place (aria-rowcount,
// aria-rowindex), the keyboard moves from court to court (arrows, Home, End, Tab) scrolling the
// next one in, and printing draws every row. The subordinates' rows go straight into the database,
// as imported report-up bundles would leave them.
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ProvinceBoard } from '../../src/shared/model';
import type { Locator, Page } from '@playwright/test';
import { test, expect, type PreviewApp } from './fixtures';
import { createCampaign, setUpHighCourt } from './helpers';
import { rowSeeder } from './seedRows';

const CAMPAIGN = '2026年全省法院能力作风建设年';
const STAMP = '2026-10-08T09:00:00+08:00';
const SECTIONS = ['争先创优', '整改落实', '审判质效', '执行攻坚', '诉源治理', '队伍建设'];
const INTERMEDIATES = 15;
const COURTS = 300;
const DAY = 86_400_000;

/** A high court whose roster holds 15 intermediate courts and 285 basic ones, each with 4 items. */
async function longProvince(app: PreviewApp): Promise<string> {
  await setUpHighCourt(app);
  const campaign = await createCampaign(app, CAMPAIGN, SECTIONS);
  const sectionIds = campaign.sections.map((s) => s.id);
  const courts: Array<{ code: string; name: string; level: 'intermediate' | 'basic'; parent: string }> = [];
  for (let i = 1; i <= INTERMEDIATES; i += 1)
    courts.push({
      code: `J23${String(i).padStart(2, '0')}`,
      name: `第${i}中级人民法院`,
      level: 'intermediate',
      parent: 'J23',
    });
  for (let n = 0; courts.length < COURTS; n += 1) {
    const parent = courts[n % INTERMEDIATES];
    const code = `${parent.code}${String(Math.floor(n / INTERMEDIATES) + 1).padStart(2, '0')}`;
    courts.push({
      code,
      name: `${parent.name.slice(0, -6)}辖区第${Math.floor(n / INTERMEDIATES) + 1}基层人民法院`,
      level: 'basic',
      parent: parent.code,
    });
  }
  const db = new Database(path.join(app.dataDir, 'court.sqlite3'));
  try {
    const { owned, insert, reportingCourt, rosterCourt } = rowSeeder(db, STAMP, 0xb000);
    db.transaction(() => {
      courts.forEach((court, index) => {
        const bundleAt = new Date(Date.now() - 2 * DAY).toISOString();
        reportingCourt({ ...court, relation: court.level === 'intermediate' ? 'subordinate' : 'relayed' }, bundleAt);
        rosterCourt(court);
        // 0 to 4 of its 4 items completed: the courts spread over the ranking.
        for (let item = 0; item < 4; item += 1) {
          const done = item < index % 5;
          insert('items', {
            ...owned(court.code),
            campaign_id: campaign.id,
            section_id: sectionIds[(index + item) % sectionIds.length],
            sort_order: (item + 1) * 1024,
            title: `第${item + 1}项工作`,
            kind: 'mandatory',
            deadline: '2099-12-31',
            status: done ? 'completed' : 'in_progress',
            percent: done ? 100 : 30,
            completed_at: done ? STAMP : null,
          });
        }
      });
    })();
  } finally {
    db.close();
  }
  return campaign.id;
}

/** The row's whole height is in the window and in the matrix's box, below its sticky header. */
async function shownWhole(page: Page, row: Locator): Promise<boolean> {
  const box = (await page.getByTestId('province-scroll').boundingBox())!;
  const head = (await page.getByTestId('province-table').locator('thead').boundingBox())!;
  const shown = (await row.boundingBox())!;
  const bottom = Math.min(box.y + box.height, page.viewportSize()!.height);
  return shown.y >= head.y + head.height - 1 && shown.y + shown.height <= bottom + 1;
}

test('三百个法院的下级法院进度：只绘制可见行，滚到底见最后一个法院与小计，键盘逐行移动，打印绘制全部行', async ({
  page,
  app,
}) => {
  const campaignId = await longProvince(app);
  const board = await app.call<ProvinceBoard>('boards.province', { campaignId });
  expect(board.courts).toHaveLength(COURTS);
  const first = board.courts[0];
  const last = board.courts[COURTS - 1];

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByTestId('campaign-card').filter({ hasText: CAMPAIGN }).getByTestId('campaign-title').click();
  await page.getByTestId('tab-courts').click();
  const rows = page.getByTestId('province-row');
  await expect(rows.first()).toHaveAttribute('data-court', first.code);
  await page.screenshot({ path: path.join(process.cwd(), 'artifacts', 'issue18-matrix-300-top.png') });

  // Drawn: the rows in view and a few more, not all 300; the table tells how many rows there are
  // (header, pinned total, 300 courts, the subtotals' heading, this court's row and 15 subtotals).
  const drawn = await rows.count();
  expect(drawn).toBeGreaterThan(10);
  expect(drawn).toBeLessThan(80);
  const table = page.getByTestId('province-table');
  await expect(table).toHaveAttribute('aria-rowcount', String(2 + COURTS + 1 + 1 + INTERMEDIATES));
  await expect(table).toHaveAttribute('data-rows', String(COURTS));
  await expect(rows.first()).toHaveAttribute('aria-rowindex', '3');
  await expect(page.getByTestId('province-pinned')).toHaveAttribute('aria-rowindex', '2');
  await expect(rows.first().getByRole('rowheader')).toContainText(first.name);

  // Scrolled to the end: the last court, its place among all rows, and the subtotals after it.
  const scroller = page.getByTestId('province-scroll');
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  const lastRow = page.locator(`[data-testid="province-row"][data-court="${last.code}"]`);
  await expect(lastRow).toBeVisible();
  await expect(lastRow).toHaveAttribute('aria-rowindex', String(2 + COURTS));
  await expect(lastRow.getByTestId('province-court-name')).toHaveText(last.name);
  await page.screenshot({ path: path.join(process.cwd(), 'artifacts', 'issue18-matrix-300-end.png') });
  // The last subtotal ends the scrolled box (whose foot may sit below the window's).
  await expect
    .poll(async () => {
      const box = (await scroller.boundingBox())!;
      const subtotal = (await page.getByTestId('province-subtotal').last().boundingBox())!;
      return subtotal.y > box.y && subtotal.y + subtotal.height <= box.y + box.height + 1;
    })
    .toBe(true);
  await expect(page.getByTestId('province-row').first()).not.toHaveAttribute('data-court', first.code);

  // The keyboard: Home goes back to the first court, the arrows step and scroll, End reaches the last.
  await lastRow.focus();
  await page.keyboard.press('ArrowUp');
  await expect(
    page.locator(`[data-testid="province-row"][data-court="${board.courts[COURTS - 2].code}"]`),
  ).toBeFocused();
  await page.keyboard.press('Home');
  const firstRow = page.locator(`[data-testid="province-row"][data-court="${first.code}"]`);
  await expect(firstRow).toBeFocused();
  await expect.poll(() => shownWhole(page, firstRow)).toBe(true);
  for (let step = 1; step <= 25; step += 1) await page.keyboard.press('ArrowDown');
  const twentySixth = page.locator(`[data-testid="province-row"][data-court="${board.courts[25].code}"]`);
  await expect(twentySixth).toBeFocused();
  await expect.poll(() => shownWhole(page, twentySixth)).toBe(true);
  // Tab: the row's own checkbox, then the next court's row.
  await page.keyboard.press('Tab');
  await expect(twentySixth.getByTestId('province-pick')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator(`[data-testid="province-row"][data-court="${board.courts[26].code}"]`)).toBeFocused();
  await page.keyboard.press('End');
  await expect(lastRow).toBeFocused();
  await expect.poll(() => shownWhole(page, lastRow)).toBe(true);
  await page.waitForTimeout(300);
  expect(await shownWhole(page, lastRow)).toBe(true);
  await page.screenshot({ path: path.join(process.cwd(), 'artifacts', 'issue18-matrix-300-last-court.png') });
  // Enter still opens the court's checklist.
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/campaign/${campaignId}\\?court=${last.code}$`));
  await page.goBack();

  // Printing draws every court row, and the drawn window again afterwards.
  await expect(rows.first()).toBeVisible();
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(rows).toHaveCount(COURTS);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect.poll(() => rows.count()).toBeLessThan(80);
});
