// 挂图作战 end to end with the demo data: 本院挂图 shows a card per active campaign whose figures
// agree with the checklist's own progress (stats.campaignProgress), this week's due items and my
// work; a card leads to the campaign's 挂图作战 tab, which draws its charts (recharts SVG: bars by
// section, department and light, the burn-down line, indicator trends). Screenshots of both are
// kept as artifacts.
import { test, expect } from './fixtures';
import { COURT, setUpDemoCourt, setupCourt } from './helpers';
import { shot } from './steps';

interface Figures {
  total: number;
  done: number;
  overdue: number;
  percentDone: number;
}
interface Board {
  campaigns: Array<{
    id: string;
    title: string;
    dueThisWeek: number;
    items: { red: number; yellow: number; green: number };
    inspection: { total: number; draft: number; submitted: number; returned: number; accepted: number };
  }>;
  dueThisWeek: Array<{ id: string; campaignId: string }>;
  myWork: unknown[];
}

test('本院挂图：每个进行中的活动一张卡片，数字与推进清单一致 → 挂图作战的图表', async ({ page, app }) => {
  await setUpDemoCourt(app);
  const board = await app.call<Board>('boards.court');
  expect(board.campaigns.length).toBeGreaterThan(0);

  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(app.url);
  await expect(page.getByTestId('header-court')).toHaveText(COURT.name);
  await page.evaluate(() => (window.location.hash = '#/board'));
  await expect(page.getByRole('heading', { name: '本院挂图' })).toBeVisible();
  const cards = page.getByTestId('board-card');
  await expect(cards).toHaveCount(board.campaigns.length);

  for (const campaign of board.campaigns) {
    const progress = await app.call<{ overall: Figures }>('stats.campaignProgress', { campaignId: campaign.id });
    const o = progress.overall;
    const card = page.locator(`[data-testid="board-card"][data-campaign-id="${campaign.id}"]`);
    await expect(card.getByTestId('board-card-title')).toHaveText(campaign.title);
    await expect(card.getByTestId('board-card-completion')).toHaveText(
      `完成 ${o.done}/${o.total}（${o.percentDone}%）`,
    );
    await expect(card.getByTestId('card-overdue-value')).toHaveText(String(o.overdue));
    await expect(card.getByTestId('card-red-value')).toHaveText(String(o.overdue));
    await expect(card.getByTestId('card-due-value')).toHaveText(String(campaign.dueThisWeek));
    await expect(card.getByTestId('card-yellow-value')).toHaveText(String(campaign.items.yellow));
    const reports = campaign.inspection;
    if (reports.total > 0)
      await expect(card.getByTestId('card-inspection')).toContainText(
        `已提交 ${reports.submitted} · 已审核 ${reports.accepted} · 退回 ${reports.returned} · 草稿 ${reports.draft}`,
      );
  }
  if (board.dueThisWeek.length > 0)
    await expect(page.getByTestId('board-due-row')).toHaveCount(board.dueThisWeek.length);
  else await expect(page.getByTestId('board-due-empty')).toBeVisible();
  await expect(page.getByTestId('board-work-row')).toHaveCount(Math.min(8, board.myWork.length));
  await shot(page, 'court-board.png');

  // A due item opens the item itself (its 记录进展 tab) in its campaign's checklist.
  if (board.dueThisWeek.length > 0) {
    const due = board.dueThisWeek[0];
    await page.getByTestId('board-due-row').first().click();
    await expect(page).toHaveURL(new RegExp(`#/campaign/${due.campaignId}\\?item=${due.id}&tab=progress$`));
    await expect(page.getByTestId('item-drawer')).toBeVisible();
    await expect(page.getByRole('tab', { name: '记录进展' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('item-row').first()).toBeVisible();
    await page.evaluate(() => (window.location.hash = '#/board'));
  }

  // The card with the most items opens its 挂图作战 tab.
  const first = board.campaigns[0];
  await page
    .locator(`[data-testid="board-card"][data-campaign-id="${first.id}"]`)
    .getByTestId('board-card-title')
    .click();
  await expect(page).toHaveURL(new RegExp(`#/campaign/${first.id}/board$`));
  const tab = page.getByTestId('campaign-board');
  const progress = await app.call<{ overall: Figures }>('stats.campaignProgress', { campaignId: first.id });
  await expect(tab.getByTestId('board-fig-total-value')).toHaveText(String(progress.overall.total));
  await expect(tab.getByTestId('board-fig-done-value')).toHaveText(String(progress.overall.done));
  await expect(tab.getByTestId('board-fig-rate-value')).toHaveText(String(progress.overall.percentDone));
  await expect(tab.getByTestId('board-fig-overdue-value')).toHaveText(String(progress.overall.overdue));
  for (const chart of ['board-chart-sections', 'board-chart-departments', 'board-chart-lights']) {
    await expect(tab.getByTestId(chart).locator('svg.recharts-surface').first()).toBeVisible();
    expect(await tab.getByTestId(chart).locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
  }
  await expect(tab.getByTestId('board-chart-burndown').locator('.recharts-line').first()).toBeVisible();
  await expect(tab.getByTestId('board-chart-burndown')).toContainText('实际未完成');
  const indicators = tab.getByTestId('board-indicator');
  if ((await indicators.count()) > 0)
    await expect(tab.getByTestId('board-indicators').locator('svg.recharts-surface').first()).toBeVisible();
  // Recharts animates in; let it settle before the picture.
  await page.waitForTimeout(1500);
  await shot(page, 'campaign-board.png');
});

test('本院挂图：没有进行中的专项活动时给出提示和去处', async ({ page, app }) => {
  await setupCourt(app);
  await page.goto(app.url);
  await expect(page.getByTestId('header-court')).toHaveText(COURT.name);
  await page.evaluate(() => (window.location.hash = '#/board'));
  const empty = page.getByTestId('board-empty');
  await expect(empty).toContainText('目前没有进行中的专项活动');
  await empty.getByRole('link', { name: '前往专项活动' }).click();
  await expect(page).toHaveURL(/#\/campaigns$/);
});
