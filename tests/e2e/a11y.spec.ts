// Keyboard and screen reader (issue 14): an axe-core scan of every main page, tab, drawer and
// dialog finds nothing critical or serious (each view is asserted on its own, softly, so one run
// lists them all); Tab reaches the navigation and the page's first control with a visible focus
// ring; `/` focuses the page's search field; every page names itself in the window title.
// A11Y_RESULTS=<file> appends each view's findings as JSON lines (the before/after tables in
// artifacts/issue14-axe-*.md are written from it). Screenshots: artifacts/issue14-a11y-*.png.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { COURT, seedCampaign, setUpDemoCourt, setUpHighCourt } from './helpers';
import { shot } from './steps';
import { focusedElement, scanView } from './a11yScan';

const TITLE_SUFFIX = ' – 专项活动督导台';

async function openNav(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation').getByText(label, { exact: true }).click();
}

/** Opens the demo campaign whose title contains `title` (or the first one) at its checklist. */
async function openCampaign(page: Page, title: string): Promise<void> {
  await openNav(page, '专项活动');
  const cards = page.getByTestId('campaign-card');
  await expect(cards.first()).toBeVisible();
  const wanted = cards.filter({ hasText: title });
  await ((await wanted.count()) > 0 ? wanted : cards).first().getByTestId('campaign-title').click();
  await expect(page.getByTestId('item-row').first()).toBeVisible();
}

/** Opens each tab of the open drawer in turn and scans the drawer (every tab it has, by its name). */
async function scanDrawerTabs(page: Page, view: string, drawer: string): Promise<void> {
  const tabs = page.locator(drawer).getByRole('tab');
  const count = await tabs.count();
  expect(count, `${view}应有标签页`).toBeGreaterThan(1);
  for (let index = 0; index < count; index++) {
    const tab = tabs.nth(index);
    await tab.click();
    await scanView(page, `${view} · ${(await tab.innerText()).replace(/\s+/g, '')}`, drawer);
  }
}

test('axe：初始设置与登录界面没有严重问题', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByTestId('setup-form')).toBeVisible();
  await scanView(page, '初始设置向导');

  await app.call('court.setup', { profile: COURT, admin: { username: 'wangxm', password: 'Wangxm2026' } });
  await app.call('auth.logout');
  await page.reload();
  await expect(page.getByTestId('login-form')).toBeVisible();
  await scanView(page, '登录');
});

test('axe：基层法院示例数据的各页面、抽屉与对话框没有严重问题', async ({ page, app }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await setUpDemoCourt(app);
  await page.goto(app.url);
  await expect(page.getByTestId('header-user')).toBeVisible();

  await openNav(page, '本院挂图');
  await expect(page.getByTestId('board-card').first()).toBeVisible();
  await scanView(page, '本院挂图');
  await shot(page, 'issue14-a11y-board-lights.png', false);

  await openNav(page, '我的待办');
  await expect(page.getByTestId('work-counts')).toBeVisible();
  await scanView(page, '我的待办');

  await openNav(page, '专项活动');
  await expect(page.getByTestId('campaign-card').first()).toBeVisible();
  await scanView(page, '专项活动');
  await page.getByRole('button', { name: '新建专项活动' }).first().click();
  await expect(page.getByTestId('campaign-form')).toBeVisible();
  await scanView(page, '新建专项活动（对话框）', '[role="dialog"]');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('campaign-form')).toBeHidden();

  // The demo's 能力作风建设年 has the 查摆 reports, 清廉法院建设 the ledger with its measures.
  await openCampaign(page, '能力作风建设年');
  await scanView(page, '推进清单');
  await page.getByTestId('item-table').screenshot({ path: 'artifacts/issue14-a11y-checklist-lights.png' });

  await page.getByTestId('item-row').first().click();
  await expect(page.getByTestId('item-drawer')).toBeVisible();
  await scanDrawerTabs(page, '事项抽屉', '[role="dialog"]');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('item-drawer')).toBeHidden();

  await page.getByTestId('open-template-import').click();
  await expect(page.getByRole('dialog', { name: '导入推进清单模板' })).toBeVisible();
  await scanView(page, '导入推进清单模板（对话框）', '[role="dialog"]');
  await page.keyboard.press('Escape');

  await page.getByTestId('tab-inspection').click();
  await expect(page.getByTestId('inspection-tab')).toBeVisible();
  await scanView(page, '问题查摆');

  await openCampaign(page, '清廉法院');
  await page.getByTestId('tab-ledger').click();
  await expect(page.getByTestId('ledger-tab')).toBeVisible();
  await scanView(page, '整改台账');
  await page.getByTestId('ledger-table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'artifacts/issue14-a11y-ledger-lights.png' });
  await page.getByTestId('measure-row').first().click();
  await expect(page.getByTestId('measure-drawer')).toBeVisible();
  await scanDrawerTabs(page, '整改措施抽屉', '[role="dialog"]');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('measure-drawer')).toBeHidden();

  await page.getByTestId('tab-indicators').click();
  await expect(page.getByTestId('indicators-tab')).toBeVisible();
  await scanView(page, '指标');

  await page.getByTestId('tab-board').click();
  await expect(page.getByTestId('campaign-board')).toBeVisible();
  await scanView(page, '挂图作战');

  await page.getByTestId('tab-reports').click();
  await expect(page.getByTestId('reports-tab')).toBeVisible();
  await scanView(page, '报表打印');

  await openNav(page, '回头看');
  await expect(page.getByTestId('lookback-page')).toBeVisible();
  await scanView(page, '回头看');
  await shot(page, 'issue14-a11y-lookback-lights.png', false);

  await openNav(page, '同步');
  await expect(page.getByTestId('sync-page')).toBeVisible();
  for (const tab of ['export', 'publish', 'import', 'trusted', 'history']) {
    const handle = page.getByTestId(`sync-tab-${tab}`);
    if (!(await handle.isVisible())) continue;
    await handle.click();
    await page.waitForTimeout(300);
    await scanView(page, `同步 · ${(await handle.textContent())?.trim()}`);
  }

  await openNav(page, '审计日志');
  await expect(page.getByTestId('audit-list')).toBeVisible();
  await scanView(page, '审计日志');

  await openNav(page, '用户管理');
  await expect(page.getByTestId('user-table')).toBeVisible();
  await scanView(page, '用户');

  await openNav(page, '设置');
  await expect(page.getByTestId('court-form')).toBeVisible();
  await scanView(page, '设置');
});

test('axe：高级法院的下级法院进度与报送情况没有严重问题', async ({ page, app }) => {
  await setUpHighCourt(app, { username: 'lichu', password: 'Lichu2026ab' });
  for (const [code, name] of [
    ['J2301', '哈尔滨市中级人民法院'],
    ['J2302', '齐齐哈尔市中级人民法院'],
  ])
    await app.call('roster.add', { code, name, level: 'intermediate', parentCode: 'J23', jurisdiction: '' });
  await app.call('campaigns.create', {
    title: '2026年“清廉法院”建设',
    year: 2026,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
  });
  await page.goto(app.url);
  await expect(page.getByTestId('header-user')).toBeVisible();
  await openNav(page, '专项活动');
  await page.getByTestId('campaign-card').first().getByTestId('campaign-title').click();
  await page.getByTestId('tab-courts').click();
  await expect(page.getByTestId('province-tab')).toBeVisible();
  await scanView(page, '下级法院进度');
  await page.getByTestId('tab-reporting').click();
  await expect(page.getByTestId('reporting-tab')).toBeVisible();
  await scanView(page, '报送情况');
});

/** WCAG contrast of two rgb() colours. */
function contrast(rgbA: string, rgbB: string): number {
  const luminance = (rgb: string) => {
    const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [luminance(rgbA), luminance(rgbB)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}

test('键盘：Tab 依次到达导航与页面第一个控件且焦点可见，/ 聚焦清单搜索，每页有自己的窗口标题', async ({
  page,
  app,
}) => {
  await seedCampaign(app, [{ title: '开展廉政警示教育' }, { title: '修订审判管理制度' }]);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await expect(page.getByTestId('header-user')).toBeVisible();
  await expect(page).toHaveTitle(/^\S.* – 专项活动督导台$/);

  // From the top of the page: the account menu, then every navigation entry (a real link with an
  // address), then the page's first control — each with a visible ring of ≥ 3:1 contrast.
  const navLabels = await page.getByRole('navigation').getByRole('link').allTextContents();
  expect(navLabels.length).toBeGreaterThanOrEqual(7);
  await page.locator('body').focus();
  const reached: string[] = [];
  let firstInMain: Awaited<ReturnType<typeof focusedElement>> = null;
  for (let press = 0; press < navLabels.length + 6 && !firstInMain; press++) {
    await page.keyboard.press('Tab');
    const now = await focusedElement(page);
    expect(now, `第 ${press + 1} 次 Tab 后没有焦点`).not.toBeNull();
    expect(now!.ring, `「${now!.text}」获得焦点时没有可见的焦点框`).toBe(true);
    // Against what is around it: the dark blue header (court.9) or the light navigation and page.
    const around = now!.inHeader ? 'rgb(31, 75, 135)' : 'rgb(251, 252, 253)';
    if (now!.outlineColor) expect(contrast(now!.outlineColor, around), now!.text).toBeGreaterThanOrEqual(3);
    if (now!.inNav) {
      expect(now!.tag).toBe('a');
      expect(now!.href).toMatch(/^#\//);
      reached.push(now!.text);
    }
    if (now!.inMain) firstInMain = now;
    if (press === 3) await shot(page, 'issue14-a11y-focus-ring.png', false);
  }
  expect(reached).toEqual(navLabels);
  expect(firstInMain, 'Tab 应在导航之后到达页面的第一个控件').not.toBeNull();

  // Enter on a navigation entry opens that page, and every page names itself in the title.
  for (const label of navLabels) {
    await page.getByRole('navigation').getByRole('link', { name: label }).press('Enter');
    await expect(page).toHaveTitle(`${label.trim()}${TITLE_SUFFIX}`);
  }

  // The campaign's checklist: its title names the tab and the campaign; `/` jumps to its search,
  // but typed inside a field it is just a character.
  await page.getByRole('navigation').getByRole('link', { name: '专项活动' }).click();
  const title = page.getByTestId('campaign-title').first();
  await expect(title).toHaveAttribute('href', /#\/campaign\//);
  await title.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('item-row').first()).toBeVisible();
  await expect(page).toHaveTitle(`推进清单 · 2026年“清廉法院”建设${TITLE_SUFFIX}`);
  await page.getByTestId('item-row').first().focus();
  await page.keyboard.press('/');
  const search = page.getByTestId('item-search');
  await expect(search).toBeFocused();
  await page.keyboard.type('廉政/');
  await expect(search).toHaveValue('廉政/');
  await shot(page, 'issue14-a11y-search-focus.png', false);

  // The key to the lights (亮灯规则, on the court's own campaign): each light's mark, name and rule.
  await page.getByTestId('open-light-rules').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await scanView(page, '亮灯规则（对话框）', '[role="dialog"]');
  await page.getByRole('dialog').screenshot({ path: 'artifacts/issue14-a11y-lights-legend.png' });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  // The 栏目 tree: plain buttons, each with its menu beside it (not inside), reachable by Tab.
  const node = page.getByTestId('section-node').first();
  await expect(node.getByRole('button').first()).toHaveAttribute('aria-pressed', 'false');
  await node.getByRole('button').first().focus();
  await page.keyboard.press('Enter');
  await expect(node.getByRole('button').first()).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Tab');
  await expect(node.getByRole('button', { name: /栏目操作/ })).toBeFocused();
});
