// 我的待办: a court with the demo data, set up through the API (the page session is then logged in
// as the administrator, who is also a reviewer). The list shows what waits on them, soonest first,
// the counts per kind filter it, and a row leads to the campaign where the work is done.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, ARTIFACTS_DIR } from './fixtures';
import { COURT, setUpDemoCourt } from './helpers';

interface WorkEntry {
  kind: string;
  id: string;
  campaignId: string;
  campaignTitle: string;
  title: string;
  deadline: string | null;
  action: string;
}

test('我的待办：按期限排列，按类别筛选，点击进入办理的页面', async ({ page, app }) => {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await setUpDemoCourt(app);
  const entries = await app.call<WorkEntry[]>('work.mine');
  expect(entries.length).toBeGreaterThan(0);

  await page.goto(app.url);
  await expect(page.getByTestId('header-court')).toHaveText(COURT.name);
  await page.evaluate(() => (window.location.hash = '#/work'));
  await expect(page.getByRole('heading', { name: '我的待办' })).toBeVisible();
  await expect(page.getByTestId('work-count-all-value')).toHaveText(String(entries.length));
  const rows = page.getByTestId('work-row');
  await expect(rows.first()).toBeVisible();
  // Soonest deadline first, as the API orders them.
  await expect(rows.first().getByTestId('work-title')).toHaveText(entries[0].title);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'mywork-reviewer.png'), fullPage: false });

  // Each kind's count filters the list to that kind.
  const itemCount = entries.filter((e) => e.kind === 'item').length;
  await expect(page.getByTestId('work-count-item-value')).toHaveText(String(itemCount));
  await page.getByTestId('work-count-item').click();
  await expect(page.getByTestId('work-shown')).toHaveText(
    itemCount === entries.length
      ? `共 ${itemCount} 项`
      : `显示 ${Math.min(itemCount, entries.length)} / ${entries.length} 项`,
  );
  for (const kind of await rows.evaluateAll((els) => els.slice(0, 20).map((el) => el.getAttribute('data-kind'))))
    expect(kind).toBe('item');

  // Overdue only.
  await page.getByTestId('work-count-item').click();
  await page.getByTestId('work-count-red').click();
  const redCount = entries.length ? Number(await page.getByTestId('work-count-red-value').textContent()) : 0;
  if (redCount > 0) {
    await expect(rows.first().locator('[data-light]')).toHaveAttribute('data-light', 'red');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'mywork-overdue.png') });
  }
  await page.getByTestId('work-count-red').click();

  // A checklist item leads to its campaign's checklist.
  await page.getByTestId('work-count-item').click();
  const firstItem = rows.first();
  const itemId = await firstItem.getAttribute('data-id');
  const target = entries.find((e) => e.kind === 'item' && e.id === itemId)!;
  // The row is a link to the item itself: its drawer, over its campaign's checklist.
  await firstItem.getByTestId('work-title').click();
  await expect(page).toHaveURL(new RegExp(`#/campaign/${target.campaignId}\\?item=${target.id}&tab=`));
  await expect(page.getByTestId('item-drawer')).toBeVisible();
  await expect(page.getByTestId('campaign-heading')).toHaveText(target.campaignTitle);
  // Closing it leaves the checklist, at the campaign's own address.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('item-drawer')).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`#/campaign/${target.campaignId}$`));

  // An issued campaign's light rules are its issuer's (not offered here); the court's own campaign's
  // light rules open from its header.
  let rulesCampaignId = target.campaignId;
  if (!target.campaignTitle.includes('清廉法院')) {
    await expect(page.getByTestId('campaign-issued')).toHaveText('上级下发');
    await expect(page.getByTestId('open-light-rules')).toHaveCount(0);
    await page.getByRole('navigation').getByRole('link', { name: '专项活动', exact: true }).click();
    await page.getByTestId('campaign-card').filter({ hasText: '清廉法院' }).getByTestId('campaign-title').click();
    await expect(page.getByTestId('item-table')).toBeVisible();
    rulesCampaignId = /#\/campaign\/([^/?]+)/.exec(page.url())![1];
  }
  await expect(page.getByTestId('campaign-issued')).toHaveCount(0);
  await page.getByTestId('open-light-rules').click();
  await expect(page.getByTestId('light-rules-form')).toBeVisible();
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'mywork-light-rules.png') });
  await page.getByTestId('rules-yellow-days').fill('10');
  await page.getByTestId('rules-escalateRed').getByText('责任人', { exact: true }).click();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('预警规则已保存')).toBeVisible();
  const campaign = await app.call<{ campaign: { yellowDays: number; escalateRed: string } }>('campaigns.get', {
    id: rulesCampaignId,
  });
  expect(campaign.campaign).toMatchObject({ yellowDays: 10, escalateRed: 'owner' });

  // An overdue item's drawer names whom the red light is escalated to (now its owner) and shows
  // its colour history.
  await page.getByTestId('filter-light').click();
  await page.getByRole('option', { name: '红灯（逾期）' }).click();
  const redRow = page.getByTestId('item-row').first();
  const owner = (await redRow.locator('div').nth(6).textContent())!.trim();
  await redRow.click();
  await expect(page.getByTestId('item-escalate-to')).toHaveText(`提醒：${owner}`);
  await expect(page.getByTestId('light-history')).toContainText('起 红灯');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'mywork-item-drawer-red.png') });
});

test('我的待办：填报人看到本部门待填报的事项；没有待办时显示提示', async ({ page, app }) => {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await app.call('court.setup', { profile: COURT, admin: { username: 'admin', password: 'Admin2026' } });
  const department = await app.call<{ id: string }>('departments.create', { name: '立案庭', headName: '赵庭长' });
  const today = (await app.call<{ today: string }>('app.info')).today;
  const day = (offset: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  const campaign = await app.call<{ id: string }>('campaigns.create', {
    title: '能力作风建设年',
    year: Number(today.slice(0, 4)),
    startDate: day(-60),
    endDate: day(30),
  });

  // Nothing yet: the empty state.
  await page.goto(app.url);
  await page.evaluate(() => (window.location.hash = '#/work'));
  await expect(page.getByTestId('work-empty')).toContainText('暂无待办事项');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'mywork-empty.png') });

  await app.call('items.create', {
    campaignId: campaign.id,
    title: '落实当场立案制度',
    departmentId: department.id,
    deadline: day(-3),
    deadlineReason: '补录已逾期的事项',
    owner: '孙法官',
    leadLeader: '李副院长',
  });
  await app.call('items.create', {
    campaignId: campaign.id,
    title: '完善网上立案指引',
    departmentId: department.id,
    deadline: day(2),
    owner: '孙法官',
  });
  await app.call('items.create', {
    campaignId: campaign.id,
    title: '开展诉源治理调研',
    departmentId: department.id,
    deadline: null,
  });

  // A department report to fill in (due at the campaign's end) and a ledger measure.
  await app.call('inspection.create', { campaignId: campaign.id, scope: 'department', departmentId: department.id });
  const finding = await app.call<{ id: string }>('ledger.createFinding', {
    campaignId: campaign.id,
    source: 'inspection_feedback',
    title: '立案窗口服务不规范',
    departmentId: department.id,
  });
  await app.call('ledger.createMeasure', {
    findingId: finding.id,
    text: '制定窗口服务规范并培训',
    owner: '孙法官',
    departmentId: department.id,
    deadline: day(5),
  });

  // Log the page's session in as a filer of 立案庭.
  await app.call('users.create', {
    username: 'tianfa',
    displayName: '田填报',
    roles: ['filer'],
    departmentId: department.id,
    password: 'Temp2026start',
  });
  await app.call('auth.logout');
  await app.call('auth.login', { username: 'tianfa', password: 'Temp2026start' });
  await app.call('auth.changePassword', { currentPassword: 'Temp2026start', newPassword: 'Passw0rd2026' });
  await page.reload();
  await page.evaluate(() => (window.location.hash = '#/work'));
  await expect(page.getByTestId('header-user')).toHaveText('田填报');
  const rows = page.getByTestId('work-row');
  await expect(rows).toHaveCount(5);
  await expect(rows.getByTestId('work-title')).toHaveText([
    '落实当场立案制度',
    '完善网上立案指引',
    '立案窗口服务不规范：制定窗口服务规范并培训',
    '立案庭的查摆报告表',
    '开展诉源治理调研',
  ]);
  await expect(page.getByTestId('work-count-item-value')).toHaveText('3');
  await expect(page.getByTestId('work-count-report-value')).toHaveText('1');
  await expect(page.getByTestId('work-count-measure-value')).toHaveText('1');
  await expect(page.getByTestId('work-count-lookback-value')).toHaveText('0');
  await expect(rows.nth(0)).toContainText('已逾期 3 天');
  await expect(rows.nth(1)).toContainText('还剩 2 天');
  await expect(rows.getByTestId('work-action').first()).toHaveText('待填报');
  await expect(page.getByTestId('work-count-red-value')).toHaveText('1');
  await expect(page.getByTestId('work-count-yellow-value')).toHaveText('2');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'mywork-filer.png') });

  // A report leads to itself in the campaign's self-inspection tab, a measure to itself in the ledger.
  await rows.filter({ hasText: '查摆报告表' }).click();
  await expect(page).toHaveURL(new RegExp(`#/campaign/${campaign.id}/inspection\\?report=`));
  await page.goBack();
  await rows.filter({ hasText: '制定窗口服务规范' }).click();
  await expect(page).toHaveURL(new RegExp(`#/campaign/${campaign.id}/ledger\\?measure=`));
  await page.goBack();
  await expect(rows).toHaveCount(5);

  // The overdue item gets a later deadline: no longer red, but the table and the drawer say it was.
  const listed = await app.call<Array<{ id: string; title: string; version: number }>>('items.list', {
    campaignId: campaign.id,
  });
  const late = listed.find((i) => i.title === '落实当场立案制度')!;
  // Moving it is a 延期, which a filer may not do: the administrator extends it with a reason.
  await app.call('auth.logout');
  await app.call('auth.login', { username: 'admin', password: 'Admin2026' });
  await app.call('items.extendDeadline', {
    id: late.id,
    version: late.version,
    deadline: day(20),
    reason: '工作量大，延期办理',
  });
  await app.call('auth.logout');
  await app.call('auth.login', { username: 'tianfa', password: 'Passw0rd2026' });
  await rows.first().click();
  await expect(page.getByTestId('campaign-heading')).toHaveText('能力作风建设年');
  await expect(page.getByTestId('item-drawer')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('item-drawer')).toBeHidden();
  const row = page.getByTestId('item-row').filter({ hasText: '落实当场立案制度' });
  await expect(row.getByTestId('row-was-red')).toHaveText('曾亮红灯');
  await page.getByTestId('item-table').screenshot({ path: path.join(ARTIFACTS_DIR, 'mywork-was-red-row.png') });
  await row.click();
  await expect(page.getByTestId('item-was-red')).toHaveText('曾亮红灯');
  await expect(page.getByTestId('light-span')).toHaveCount(2);
  await expect(page.getByTestId('light-span').first()).toHaveAttribute('data-light', 'red');
  await expect(page.getByTestId('light-history')).toContainText(`${today} 起 红灯`);
  await expect(page.getByTestId('item-escalate-to')).toHaveText('提醒：孙法官');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'mywork-was-red.png') });
});

test('设置：部门负责人随部门一起填写和修改', async ({ page, app }) => {
  await app.call('court.setup', { profile: COURT, admin: { username: 'admin', password: 'Admin2026' } });
  await page.goto(app.url);
  await expect(page.getByTestId('header-court')).toHaveText(COURT.name);
  await page.evaluate(() => (window.location.hash = '#/settings'));
  await page.getByRole('tab', { name: '部门' }).click();
  await page.getByTestId('department-name').fill('执行局');
  await page.getByTestId('department-head').fill('钱局长');
  await page.getByRole('button', { name: '添加部门' }).click();
  const row = page.getByTestId('department-row').filter({ hasText: '执行局' });
  await expect(row).toContainText('钱局长');
  await row.getByRole('button', { name: '重命名、修改负责人' }).click();
  await page.getByTestId('department-edit-head').fill('孙局长');
  await page.getByTestId('department-edit-head').press('Enter');
  await expect(page.getByTestId('department-row').filter({ hasText: '执行局' })).toContainText('孙局长');
  const departments = await app.call<Array<{ name: string; headName: string }>>('departments.list');
  expect(departments).toEqual([expect.objectContaining({ name: '执行局', headName: '孙局长' })]);
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'mywork-departments.png') });
});
