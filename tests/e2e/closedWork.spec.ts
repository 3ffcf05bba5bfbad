// Closed work stays closed: a signed-off item is read-only in the drawer (for the reviewer too),
// a reviewer reopens it with a reason and its history keeps the signed-off version; 延期 by a
// reviewer with a reason, shown in the history; a 填报人 sees the deadline locked.
import path from 'node:path';
import { test, expect, ARTIFACTS_DIR } from './fixtures';
import { addReadyUser, field, openCampaign, row, seedCampaign, switchUser } from './helpers';

const CAMPAIGN = '2026年“清廉法院”建设';
const TITLE = '完善审判执行权力运行监督机制';
const shot = (page: import('@playwright/test').Page, name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS_DIR, `issue14-integ-${name}.png`) });

test('已销号事项只读 → 审核人重新打开（须写理由）→ 历史保留销号版本 → 延期（须写理由）', async ({ page, app }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const seeded = await seedCampaign(app, [{ title: TITLE, deadline: '2026-12-20' }, { title: '开展作风纪律专项检查' }]);
  const [itemId] = seeded.itemIds;
  await addReadyUser(app, { username: 'lihong', displayName: '李红', roles: ['reviewer'] }, 'Lihong2026');
  await addReadyUser(
    app,
    { username: 'zhaomin', displayName: '赵敏', roles: ['filer'], departmentId: seeded.departmentIds[0] },
    'Zhaomin2026',
  );
  // Finished by the administrator, signed off by 李红 (two people), through the API.
  const item = await app.call<{ version: number }>('items.get', { id: itemId });
  const done = await app.call<{ version: number }>('items.markComplete', { id: itemId, version: item.version });
  await app.call('auth.logout');
  await app.call('auth.login', { username: 'lihong', password: 'Lihong2026' });
  await app.call('items.signOff', { id: itemId, version: done.version, opinion: '材料齐全，同意销号' });

  await openCampaign(page, app, CAMPAIGN);
  await row(page, TITLE).click();
  const drawer = page.getByTestId('item-drawer');
  await expect(drawer.getByTestId('item-status')).toHaveText('已销号');
  await drawer.getByRole('tab', { name: '基本信息' }).click();
  const form = drawer.getByTestId('item-edit-form');
  await expect(form.getByTestId('item-closed-hint')).toContainText('已销号，如需修改请由审核人重新打开');
  await expect(field(page, '任务名称')).toBeDisabled();
  await expect(field(page, '完成时限')).toBeDisabled();
  await expect(form.getByRole('button', { name: '保存' })).toHaveCount(0);
  await shot(page, 'signed-off-readonly');

  // 重新打开: reason required, then the item is back at work and the history shows what was signed off.
  await form.getByTestId('item-reopen-inline').click();
  const dialog = page.getByTestId('decision-form');
  await dialog.getByRole('button', { name: '重新打开' }).click();
  await expect(dialog.getByText('请填写重新打开的理由')).toBeVisible();
  await field(page, '重新打开的理由').fill('材料缺少签字页');
  await dialog.getByRole('button', { name: '重新打开' }).click();
  await expect(drawer.getByTestId('item-status')).toHaveText('推进中');
  await expect(form.getByTestId('item-closed-hint')).toHaveCount(0);
  await expect(field(page, '任务名称')).toBeEnabled();
  const history = form.getByTestId('item-history');
  const reopened = history.getByTestId('history-signoff').first();
  await expect(reopened).toHaveAttribute('data-decision', 'reopened');
  await expect(reopened).toContainText('材料缺少签字页');
  await expect(reopened.getByTestId('history-snapshot')).toContainText(TITLE);
  await expect(reopened.getByTestId('history-snapshot')).toContainText('由 李红 销号');
  await expect(reopened.getByTestId('history-snapshot')).toContainText('2026-12-20');

  // The title changes now; the snapshot keeps the signed-off title.
  await field(page, '任务名称').fill(`${TITLE}（补充签字页）`);
  await form.getByRole('button', { name: '保存' }).click();
  await expect(drawer.getByTestId('item-title')).toHaveText(`${TITLE}（补充签字页）`);
  await expect(history.getByTestId('history-snapshot-title')).toHaveText(`任务名称：${TITLE}`);
  await history.scrollIntoViewIfNeeded();
  await shot(page, 'reopened-history');

  // 延期 by the reviewer: the deadline field is locked, the 延期 dialog wants a date and a reason.
  await expect(field(page, '完成时限')).toBeDisabled();
  await form.getByTestId('item-extend').click();
  const extend = page.getByTestId('extend-form');
  await extend.getByRole('button', { name: '确认延期' }).click();
  await expect(extend.getByText('请填写新的完成时限')).toBeVisible();
  await expect(extend.getByText('请填写延期理由')).toBeVisible();
  await extend.getByRole('textbox', { name: '新的完成时限' }).fill('2026-12-28');
  await extend.getByRole('textbox', { name: '延期理由' }).fill('需待上级法院统一部署');
  await shot(page, 'extend-dialog');
  await extend.getByRole('button', { name: '确认延期' }).click();
  await expect(extend).toBeHidden();
  await expect(field(page, '完成时限')).toHaveValue('2026-12-28');
  const change = history.getByTestId('history-deadline-change');
  await expect(change).toContainText('完成时限 2026-12-20 → 2026-12-28');
  await expect(change).toContainText('需待上级法院统一部署');
  await expect(change).toContainText('李红');
  await change.scrollIntoViewIfNeeded();
  await shot(page, 'extended');

  // A 填报人 of the item's department sees the deadline locked, with whom to ask.
  await page.keyboard.press('Escape');
  await switchUser(page, 'zhaomin', 'Zhaomin2026');
  await openCampaign(page, app, CAMPAIGN);
  await row(page, TITLE).click();
  await drawer.getByRole('tab', { name: '基本信息' }).click();
  await expect(field(page, '完成时限')).toBeDisabled();
  await expect(form).toContainText('如需延期，请审核人办理');
  await expect(form.getByTestId('item-extend')).toHaveCount(0);
  // 标记完成 on the other department's item is offered disabled, with the reason.
  await page.keyboard.press('Escape');
  await row(page, '开展作风纪律专项检查').click();
  await expect(drawer.getByTestId('action-complete')).toHaveAttribute('aria-disabled', 'true');
  await drawer.getByTestId('action-complete').hover();
  await expect(page.getByRole('tooltip')).toContainText('只能由该部门的填报人或审核人提交销号');
  await shot(page, 'filer-view');
});

test('已销号的整改措施只读 → 审核人重新打开（须写理由）', async ({ page, app }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const seeded = await seedCampaign(app, [{ title: TITLE }]);
  await addReadyUser(app, { username: 'lihong', displayName: '李红', roles: ['reviewer'] }, 'Lihong2026');
  const finding = await app.call<{ id: string }>('ledger.createFinding', {
    campaignId: seeded.campaignId,
    source: 'inspection_feedback',
    title: '诉讼服务中心窗口接待不规范',
    departmentId: seeded.departmentIds[0],
  });
  const measure = await app.call<{ id: string; version: number }>('ledger.createMeasure', {
    findingId: finding.id,
    text: '制定窗口接待规范',
    owner: '张丽',
    deadline: '2026-12-28',
  });
  const submitted = await app.call<{ version: number }>('ledger.submit', {
    id: measure.id,
    version: measure.version,
    note: '规范已印发',
  });
  await app.call('auth.logout');
  await app.call('auth.login', { username: 'lihong', password: 'Lihong2026' });
  await app.call('ledger.signOff', { id: measure.id, version: submitted.version, opinion: '同意' });

  await page.goto(app.url);
  await expect(page.getByTestId('header-user')).toBeVisible();
  // A reviewer may land on 我的待办: go to the campaign list first.
  await page.getByRole('navigation').getByText('专项活动', { exact: true }).click();
  await page.getByTestId('campaign-card').filter({ hasText: CAMPAIGN }).getByTestId('campaign-title').click();
  await page.getByTestId('tab-ledger').click();
  await page.getByTestId('measure-row').filter({ hasText: '制定窗口接待规范' }).click();
  const drawer = page.getByTestId('measure-drawer');
  await expect(drawer.getByTestId('measure-status')).toHaveText('已销号');
  await drawer.getByTestId('measure-tab-info').click();
  await expect(drawer.getByTestId('measure-edit-form')).toContainText('已销号，如需修改请由审核人重新打开');
  await shot(page, 'measure-signed-off');

  await drawer.getByTestId('action-reopen').click();
  const form = page.getByTestId('measure-action-form');
  await form.getByTestId('measure-action-confirm').click();
  await expect(form.getByText(/重新打开的理由/).first()).toBeVisible();
  await form.getByTestId('measure-action-text').fill('整改后材料缺少印发文件');
  await form.getByTestId('measure-action-confirm').click();
  await expect(form).toBeHidden();
  await expect(drawer.getByTestId('measure-status')).not.toHaveText('已销号');
  await expect(drawer.getByTestId('action-submit')).toBeVisible();
  await drawer.getByTestId('measure-tab-events').click();
  await expect(drawer).toContainText('重新打开：整改后材料缺少印发文件');
  await shot(page, 'measure-reopened');
});
