// The renderer's data layer: a page whose data cannot be drawn fails alone (a Chinese message and
// 重新加载 in its place, the navigation still working), and an answer to an older question never
// replaces the answer to a newer one.
import { test, expect } from './fixtures';
import { COURT, openCampaign, seedCampaign, setupCourt } from './helpers';

test('一页出错只影响这一页：中文说明、其他页面照常、重新加载后恢复', async ({ page, app }) => {
  await setupCourt(app);
  // An answer of the wrong shape, as a damaged or mismatched back end might give: drawing the
  // board from it throws inside React.
  await page.route('**/api/boards.court', (route) => route.fulfill({ json: { ok: true, value: {} } }));
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await page.goto(app.url);
  await expect(page.getByTestId('header-court')).toHaveText(COURT.name);
  await page.evaluate(() => (window.location.hash = '#/board'));
  const failed = page.getByTestId('page-failed');
  await expect(failed).toBeVisible();
  await expect(failed).toContainText('这一页没能显示出来');
  await expect(failed).not.toContainText(/TypeError|undefined|E_[A-Z]/);
  // The frame survives: header and navigation, and another page opens normally.
  await expect(page.getByTestId('header-court')).toHaveText(COURT.name);
  await page.getByRole('navigation').getByRole('link', { name: '专项活动' }).click();
  await expect(failed).toBeHidden();
  await expect(page.getByRole('heading', { name: '专项活动', exact: false }).first()).toBeVisible();

  // Back on the board while the answer is still wrong: the same message; once the back end
  // answers properly, 重新加载 draws the page.
  await page.evaluate(() => (window.location.hash = '#/board'));
  await expect(failed).toBeVisible();
  await page.unroute('**/api/boards.court');
  await failed.getByRole('button', { name: '重新加载' }).click();
  await expect(failed).toBeHidden();
  await expect(page.getByRole('heading', { name: '本院挂图' })).toBeVisible();
  // The window itself never went blank: React's error did not escape the page.
  expect(pageErrors).toEqual([]);
});

test('晚到的旧回答不会覆盖新的：先搜“廉政”（回答被拖住），再搜“警示教育”', async ({ page, app }) => {
  await seedCampaign(app, [
    { title: '开展“以案促改”警示教育', content: '组织观看廉政警示教育片' },
    { title: '召开党风廉政建设形势分析会' },
    { title: '建立廉政风险防控台账' },
    { title: '推进执行案款专项清理' },
  ]);
  // The answer for the first words is held back until the second words have been answered.
  let releaseFirst!: () => void;
  const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
  let firstDelivered!: () => void;
  const firstDone = new Promise<void>((resolve) => (firstDelivered = resolve));
  // The page searches through the window it reads (items.window with the words as a filter).
  await page.route('**/api/items.window', async (route) => {
    const body = route.request().postDataJSON() as { filters?: { query?: string } };
    if (body.filters?.query !== '廉政') return route.continue();
    const response = await route.fetch();
    await firstHeld;
    await route.fulfill({ response });
    firstDelivered();
  });

  await openCampaign(page, app, '2026年“清廉法院”建设');
  const titles = page.getByTestId('item-row').locator('.it-title');
  await expect(titles).toHaveCount(4);
  const search = page.getByTestId('item-search');
  const firstAsked = page.waitForRequest((request) => request.url().endsWith('/api/items.window'));
  await search.fill('廉政');
  await firstAsked;
  await search.fill('警示教育');
  await expect(titles).toHaveText(['开展“以案促改”警示教育']);

  releaseFirst();
  await firstDone;
  // Give the page time to draw whatever the late answer would make it draw.
  await page.waitForTimeout(500);
  await expect(titles).toHaveText(['开展“以案促改”警示教育']);
  await expect(page.getByTestId('shown-count')).toContainText('显示 1 / 4 项');
  await expect(search).toHaveValue('警示教育');
});
