// The demo data option of the setup wizard: a background job with a progress bar, then the demo
// campaigns in the list.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, startPreview } from './fixtures';
import { addReadyUser, ADMIN, COURT, field, logIn, setupCourt, switchUser, setUpHighCourt } from './helpers';
import { shot } from './steps';

test('设置向导载入示例数据：进度条 → 专项活动列表出现示例活动', async ({ page, app }) => {
  await page.goto(app.url);
  await field(page, '法院名称').fill(COURT.name);
  await field(page, '法院代码').fill(COURT.code);
  await field(page, '上级法院代码').fill(COURT.parentCode);
  await field(page, '上级法院名称').fill(COURT.parentName);
  await field(page, '经办人姓名').fill(COURT.operatorName);
  await page.getByRole('button', { name: '下一步' }).click();
  await field(page, '用户名').fill(ADMIN.username);
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(ADMIN.password);
  await page.getByRole('textbox', { name: '确认密码', exact: true }).fill(ADMIN.password);
  await page.getByRole('checkbox', { name: /载入示例数据/ }).check();
  await page.getByRole('button', { name: '完成设置，开始使用' }).click();

  await expect(page.getByText('正在载入示例数据')).toBeVisible();
  await expect(page.getByTestId('job-progress').getByRole('progressbar')).toBeVisible();

  await expect(page.getByTestId('header-court')).toHaveText(COURT.name, { timeout: 60_000 });
  const cards = page.getByTestId('campaign-card');
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBeGreaterThanOrEqual(1);
  const titles = (await cards.getByTestId('campaign-title').allTextContents()).join('；');
  expect(titles).toMatch(/能力作风建设年|清廉法院/);
  // The campaigns a higher court issued say so; once the demo is here it is not offered again.
  await expect(cards.filter({ hasText: '黑龙江省高级人民法院' }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: '载入示例数据' })).toHaveCount(0);
  await page.setViewportSize({ width: 1366, height: 768 });
  await shot(page, 'issue14-demo-campaigns.png', false);

  // A demo campaign opens with its items and figures.
  await cards.first().getByTestId('campaign-title').click();
  await expect(page.getByTestId('item-row').first()).toBeVisible();
  await expect(page.getByTestId('fig-total-value')).not.toHaveText('0');
});

test('载入示例数据只给管理员，且示例数据载入后不再出现；用户页显示关联人员', async ({ page, app }) => {
  await setupCourt(app);
  const department = await app.call<{ id: string }>('departments.create', { name: '立案庭' });
  await addReadyUser(
    app,
    { username: 'shenhe', displayName: '李审核', roles: ['reviewer'], departmentId: department.id },
    'Shenhe2026',
  );
  // A reviewer may create campaigns but not load the demo: the empty list does not offer it.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await switchUser(page, 'shenhe', 'Shenhe2026');
  await page.getByRole('link', { name: '专项活动' }).click();
  await expect(page.getByTestId('campaigns-empty')).toBeVisible();
  await expect(page.getByRole('button', { name: '载入示例数据' })).toHaveCount(0);
  await expect(page.getByTestId('campaigns-empty')).not.toContainText('示例数据');

  // The administrator is offered it, loads it, and then it is gone.
  await switchUser(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: '专项活动' }).click();
  const load = page.getByRole('button', { name: '载入示例数据' });
  await expect(load.first()).toBeVisible();
  await load.first().click();
  await expect(page.getByTestId('campaign-card').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('job-progress')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByRole('button', { name: '载入示例数据' })).toHaveCount(0);

  // Every account is linked to its 人员 (the new one by its name and department).
  await page.getByRole('link', { name: '用户管理' }).click();
  const rows = page.getByTestId('user-row');
  await expect(rows.filter({ hasText: '李审核' }).getByTestId('user-person')).toHaveText('关联人员：李审核');
  await expect(rows.filter({ hasText: COURT.operatorName }).getByTestId('user-person')).toContainText('关联人员');
  await shot(page, 'issue14-demo-users.png', false);
});

test('高院新增事项默认为规定动作，并说明它会下发；基层法院默认为自选动作', async ({ page, app }) => {
  await setUpHighCourt(app);
  const campaign = await app.call<{ id: string }>('campaigns.create', { title: '2026年能力作风建设年', year: 2026 });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByTestId('campaign-card').getByTestId('campaign-title').click();
  await page.getByRole('button', { name: '新增事项' }).click();
  const form = page.getByTestId('item-create-form');
  const kind = form.getByRole('radiogroup', { name: '类别' });
  await expect(form.getByRole('radio', { name: '规定动作' })).toBeChecked();
  await expect(kind).toHaveAccessibleDescription(/随本院的下发包发给各下级法院/);
  await expect(form.getByText('规定动作：随本院的下发包发给各下级法院，由下级法院逐项落实。')).toBeVisible();
  await shot(page, 'issue13-d-item-kind-high.png', false);

  // Choosing 自选动作 says plainly that the item stays here.
  await form.getByText('自选动作', { exact: true }).click();
  await expect(form.getByRole('radio', { name: '自选动作' })).toBeChecked();
  await expect(form.getByText('自选动作：只留在本院，不发给下级法院。')).toBeVisible();
  await form.getByText('规定动作', { exact: true }).click();
  await field(page, '任务名称').fill('开展庭审观摩活动');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('item-row').filter({ hasText: '开展庭审观摩活动' })).toBeVisible();
  const items = await app.call<Array<{ title: string; kind: string }>>('items.list', { campaignId: campaign.id });
  expect(items.map((item) => [item.title, item.kind])).toEqual([['开展庭审观摩活动', 'mandatory']]);
});

test('基层法院新增事项默认为自选动作，并说明本院没有下级法院', async ({ page, app }) => {
  await setupCourt(app);
  await app.call('campaigns.create', { title: '2026年“清廉法院”建设', year: 2026 });
  await page.goto(app.url);
  await page.getByTestId('campaign-card').getByTestId('campaign-title').click();
  await page.getByRole('button', { name: '新增事项' }).click();
  const form = page.getByTestId('item-create-form');
  await expect(form.getByRole('radio', { name: '自选动作' })).toBeChecked();
  await expect(form.getByText('本院没有下级法院，规定动作和自选动作都只在本院推进。')).toBeVisible();
});

test('示例省份：cli demo --province 建好后，用预览打开高院，下级法院进度列出各法院', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'court-e2e-province-')), '示例省份');
  const built = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'demo', '--province', dir, '--json'],
    {
      encoding: 'utf8',
      env: { ...process.env, TZ: 'Asia/Shanghai' },
      timeout: 150_000,
    },
  );
  expect(built.status, built.stderr).toBe(0);
  const province = JSON.parse(built.stdout) as { courts: Array<{ code: string; username: string; password: string }> };
  const high = province.courts[0];
  const { url, child } = await startPreview(path.join(dir, high.code));
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(url);
    await logIn(page, high.username, high.password);
    await expect(page.getByTestId('header-court')).toHaveText('黑龙江省高级人民法院');
    await page.getByTestId('campaign-card').filter({ hasText: '能力作风建设年' }).getByTestId('campaign-title').click();
    await page.getByTestId('tab-courts').click();
    const rows = page.getByTestId('province-row');
    await expect(rows.filter({ hasText: '龙江县人民法院' })).toHaveCount(1);
    await expect(rows.filter({ hasText: '哈尔滨市中级人民法院' })).toHaveCount(1);
    expect(await rows.count()).toBeGreaterThanOrEqual(14);
    await shot(page, 'issue13-d-province-courts.png', false);
    // The court that never reported and the stale one are listed too, below the ranked courts.
    const silent = rows.filter({ hasText: '五常市人民法院' });
    await expect(silent).toHaveCount(1);
    await expect(rows.filter({ hasText: '海林市人民法院' })).toHaveCount(1);
    await silent.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join('artifacts', 'issue13-d-province-courts-bottom.png') });
  } finally {
    child.kill('SIGTERM');
  }
});
