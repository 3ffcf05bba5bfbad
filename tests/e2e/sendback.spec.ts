// A reviewer sends finished work back with a reason; it is finished again, signed off by a second
// reviewer, and later reopened ("回头看"). Every decision is kept in the sign-off history and the
// audit trail, under the name of whoever was logged in.
import { test, expect } from './fixtures';
import { addReadyUser, field, openCampaign, row, seedCampaign, switchUser } from './helpers';

test('退回（须写理由）→ 再次完成 → 另一审核人销号 → 重新打开', async ({ page, app }) => {
  await seedCampaign(app, [{ title: '完善审判执行权力运行监督机制' }, { title: '开展作风纪律专项检查' }]);
  await addReadyUser(app, { username: 'lihong', displayName: '李红', roles: ['reviewer'] }, 'Lihong2026');
  await openCampaign(page, app, '2026年“清廉法院”建设');

  await row(page, '完善审判执行权力运行监督机制').click();
  const drawer = page.getByTestId('item-drawer');
  await expect(drawer.getByTestId('item-status')).toHaveText('未开始');
  await expect(drawer.getByTestId('action-sendback')).toHaveCount(0);

  await drawer.getByTestId('action-complete').click();
  await page.getByTestId('decision-form').getByRole('button', { name: '提交销号' }).click();
  await expect(drawer.getByTestId('item-status')).toHaveText('已完成待销号');
  await expect(page.getByTestId('fig-done-value')).toHaveText('1');

  // Esc closes only the dialog, not the drawer behind it.
  await drawer.getByTestId('action-sendback').click();
  await expect(page.getByTestId('decision-form')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('decision-form')).toBeHidden();
  await expect(drawer).toBeVisible();

  // Sending back needs a reason; the reviewer is whoever is logged in.
  await drawer.getByTestId('action-sendback').click();
  const form = page.getByTestId('decision-form');
  await expect(form.getByTestId('decision-reviewer')).toHaveText('审核人：王晓梅');
  await form.getByRole('button', { name: '退回' }).click();
  await expect(form.getByText('请填写退回理由')).toBeVisible();
  await field(page, '退回理由').fill('佐证材料不全，缺少会议记录');
  await field(page, '退回理由').press('Enter');
  await expect(drawer.getByTestId('item-status')).toHaveText('已退回');
  // The reason shows in the drawer's header until the item is handed in again.
  await expect(drawer.getByTestId('item-return-reason')).toContainText('退回理由：佐证材料不全，缺少会议记录');
  await expect(page.getByTestId('fig-done-value')).toHaveText('0');
  await expect(row(page, '完善审判执行权力运行监督机制')).toContainText('已退回');

  await drawer.getByRole('tab', { name: /销号记录/ }).click();
  await expect(drawer.getByTestId('signoff-row')).toHaveCount(1);
  await expect(drawer.getByTestId('signoff-row')).toContainText('退回');
  await expect(drawer.getByTestId('signoff-row')).toContainText('王晓梅');
  await expect(drawer.getByTestId('signoff-row')).toContainText('佐证材料不全，缺少会议记录');

  // Finished again; the one who finished it cannot sign it off, so 李红 does.
  await drawer.getByTestId('action-complete').click();
  await field(page, '完成说明（可不填）').fill('已补充会议记录');
  await page.getByTestId('decision-form').getByRole('button', { name: '提交销号' }).click();
  await expect(drawer.getByTestId('item-status')).toHaveText('已完成待销号');
  await expect(drawer.getByTestId('action-signoff')).toBeDisabled();
  await page.keyboard.press('Escape');
  await switchUser(page, 'lihong', 'Lihong2026');
  await openCampaign(page, app, '2026年“清廉法院”建设');
  await row(page, '完善审判执行权力运行监督机制').click();
  await drawer.getByTestId('action-signoff').click();
  await page.getByTestId('decision-form').getByRole('button', { name: '销号' }).click();
  await expect(drawer.getByTestId('item-status')).toHaveText('已销号');
  await expect(page.getByTestId('fig-signed-value')).toHaveText('1');
  await expect(page.getByTestId('fig-percent-value')).toHaveText('50');

  // Look-back finds a problem: reopen, reason required.
  await drawer.getByTestId('action-reopen').click();
  const reopen = page.getByTestId('decision-form');
  await reopen.getByRole('button', { name: '重新打开' }).click();
  await expect(reopen.getByText('请填写重新打开的理由')).toBeVisible();
  await field(page, '重新打开的理由').fill('回头看发现整改不到位');
  await reopen.getByRole('button', { name: '重新打开' }).click();
  await expect(drawer.getByTestId('item-status')).toHaveText('推进中');
  await expect(drawer.getByTestId('action-complete')).toBeVisible();
  await expect(page.getByTestId('fig-signed-value')).toHaveText('0');
  await expect(page.getByTestId('fig-percent-value')).toHaveText('0');

  await drawer.getByRole('tab', { name: /销号记录/ }).click();
  await expect(drawer.getByTestId('signoff-row')).toHaveCount(3);
  await expect(drawer.getByTestId('signoff-row').first()).toContainText('重新打开');
  await expect(drawer.getByTestId('signoff-row').first()).toContainText('回头看发现整改不到位');
  await expect(drawer.getByTestId('signoff-row').first()).toContainText('李红');

  await drawer.getByRole('tab', { name: '操作日志' }).click();
  const audit = drawer.getByTestId('audit-entry');
  await expect(audit.first()).toContainText('重新打开');
  await expect(audit.first()).toContainText('已销号 → 推进中');
  await expect(audit.filter({ hasText: '已完成待销号 → 已退回' })).toHaveCount(1);
  await expect(audit.filter({ hasText: '已完成待销号 → 已退回' })).toContainText('退回');

  // The progress notes kept the completion note.
  await drawer.getByRole('tab', { name: /记录进展/ }).click();
  await expect(drawer.getByTestId('note-entry').filter({ hasText: '已补充会议记录' })).toHaveCount(1);
});
