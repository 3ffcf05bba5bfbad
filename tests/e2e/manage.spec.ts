// Keeping the checklist in shape: edit and close campaigns, rename/move/delete sections, edit an
// item (including a conflicting edit that must not lose what was typed), reorder and delete
// items; departments and people in 设置; paging through the audit log.
import { test, expect } from './fixtures';
import { addReadyUser, field, openCampaign, row, seedCampaign } from './helpers';
import { actAs } from './steps';

test('活动、栏目、事项的维护，以及并发修改时保留已填写内容', async ({ page, app }) => {
  const seeded = await seedCampaign(app, [
    { title: '开展“以案促改”警示教育', section: 0 },
    { title: '组织廉洁家访活动', section: 0 },
    { title: '建立廉政风险防控台账', section: 0 },
  ]);
  await openCampaign(page, app, '2026年“清廉法院”建设');

  // Edit the campaign.
  await page.getByRole('button', { name: '编辑活动' }).click();
  await field(page, '活动名称').fill('2026年“清廉法院”建设专项活动');
  await field(page, '预警天数').fill('10');
  await page.getByTestId('campaign-form').getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('campaign-heading')).toHaveText('2026年“清廉法院”建设专项活动');

  // Sections: rename, move down, and a refused delete of a section that still has items.
  const first = page.getByTestId('section-node').filter({ hasText: '廉洁文化工程' });
  await first.hover();
  await first.getByRole('button', { name: '栏目操作' }).click();
  await page.getByRole('menuitem', { name: '重命名' }).click();
  await field(page, '栏目名称').fill('廉洁文化建设工程');
  await field(page, '栏目名称').press('Enter');
  await expect(page.getByTestId('section-node').first()).toHaveText(/一、廉洁文化建设工程/);
  const renamed = page.getByTestId('section-node').filter({ hasText: '廉洁文化建设工程' });
  await renamed.hover();
  await renamed.getByRole('button', { name: '栏目操作' }).click();
  await expect(page.getByRole('menuitem', { name: '上移' })).toBeDisabled();
  await page.keyboard.press('Escape');
  const second = page.getByTestId('section-node').filter({ hasText: '制度建设工程' });
  await second.hover();
  await second.getByRole('button', { name: '栏目操作' }).click();
  await page.getByRole('menuitem', { name: '上移' }).click();
  await expect(page.getByTestId('section-node')).toHaveText([/一、制度建设工程/, /二、廉洁文化建设工程/]);
  await renamed.hover();
  await renamed.getByRole('button', { name: '栏目操作' }).click();
  await page.getByRole('menuitem', { name: '删除栏目' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('栏目“廉洁文化建设工程”下还有3 项事项，请先移走或删除后再删除栏目。')).toBeVisible();
  await expect(page.getByTestId('section-node')).toHaveCount(2);
  // The empty one can go.
  const empty = page.getByTestId('section-node').filter({ hasText: '制度建设工程' });
  await empty.hover();
  await empty.getByRole('button', { name: '栏目操作' }).click();
  await page.getByRole('menuitem', { name: '删除栏目' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  await expect(page.getByTestId('section-node')).toHaveCount(1);
  await expect(page.getByTestId('section-node')).toHaveText(/一、廉洁文化建设工程/);

  // Edit an item; meanwhile someone else changes it: the typed text stays, then saves.
  await row(page, '组织廉洁家访活动').click();
  const drawer = page.getByTestId('item-drawer');
  await expect(drawer.getByTestId('item-title')).toHaveText('组织廉洁家访活动');
  // The drawer opens on 记录进展; the item's own fields are under 基本信息.
  await drawer.getByRole('tab', { name: '基本信息' }).click();
  await field(page, '任务名称').fill('组织廉洁家访活动（覆盖全体干警）');
  await field(page, '牵头院领导').fill('李红');
  const current = await app.call<{ version: number }>('items.get', { id: seeded.itemIds[1] });
  await app.call('items.update', {
    id: seeded.itemIds[1],
    version: current.version,
    title: '组织廉洁家访活动',
    owner: '陈静',
    sectionId: seeded.sectionIds[0],
    deadline: '2099-12-31',
    kind: 'mandatory',
    departmentId: seeded.departmentIds[1],
  });
  await drawer.getByTestId('item-edit-form').getByRole('button', { name: '保存' }).click();
  await expect(drawer.getByTestId('item-edit-error')).toContainText('刚被修改过');
  await expect(field(page, '任务名称')).toHaveValue('组织廉洁家访活动（覆盖全体干警）');
  await expect(field(page, '牵头院领导')).toHaveValue('李红');
  await drawer.getByRole('button', { name: '保留我的修改并覆盖保存' }).click();
  await expect(drawer.getByTestId('item-edit-error')).toBeHidden();
  // Untouched fields followed the other change; typed ones stayed.
  await expect(field(page, '责任人')).toHaveValue('陈静');
  await expect(field(page, '任务名称')).toHaveValue('组织廉洁家访活动（覆盖全体干警）');
  await drawer.getByTestId('item-edit-form').getByRole('button', { name: '保存' }).click();
  await expect(drawer.getByTestId('item-title')).toHaveText('组织廉洁家访活动（覆盖全体干警）');
  await expect(row(page, '组织廉洁家访活动（覆盖全体干警）')).toContainText('李红');
  await expect(row(page, '组织廉洁家访活动（覆盖全体干警）')).toContainText('陈静');

  // A bad value is refused at the field and nothing typed is lost.
  await field(page, '任务名称').fill('');
  await drawer.getByTestId('item-edit-form').getByRole('button', { name: '保存' }).click();
  await expect(drawer.getByText('请填写任务名称')).toBeVisible();
  await expect(field(page, '牵头院领导')).toHaveValue('李红');
  await field(page, '任务名称').fill('组织廉洁家访活动（覆盖全体干警）');

  // Reorder: move it up to the top of its section.
  await drawer.getByRole('button', { name: '上移' }).click();
  await expect(page.getByTestId('item-row').locator('.it-title')).toHaveText([
    '组织廉洁家访活动（覆盖全体干警）',
    '开展“以案促改”警示教育',
    '建立廉政风险防控台账',
  ]);
  await expect(drawer.getByRole('button', { name: '上移' })).toBeDisabled();
  await drawer.getByRole('button', { name: '下移' }).click();
  await expect(page.getByTestId('item-row').locator('.it-title')).toHaveText([
    '开展“以案促改”警示教育',
    '组织廉洁家访活动（覆盖全体干警）',
    '建立廉政风险防控台账',
  ]);

  // Delete it (confirmed). Esc in the confirmation cancels it and leaves the drawer open.
  await drawer.getByRole('button', { name: '删除事项' }).click();
  await expect(page.getByRole('dialog').filter({ hasText: '请确认' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog').filter({ hasText: '请确认' })).toBeHidden();
  await expect(drawer).toBeVisible();
  await expect(page.getByTestId('item-row')).toHaveCount(3);
  await drawer.getByRole('button', { name: '删除事项' }).click();
  await page.getByRole('dialog').filter({ hasText: '请确认' }).getByRole('button', { name: '删除事项' }).click();
  await expect(page.getByTestId('item-row')).toHaveCount(2);
  await expect(page.getByTestId('fig-total-value')).toHaveText('2');

  // Close the campaign from the list, then reopen it.
  await page.getByText('返回专项活动').click();
  const card = page.getByTestId('campaign-card').filter({ hasText: '2026年“清廉法院”建设专项活动' });
  await card.getByRole('button', { name: '更多操作' }).click();
  await page.getByRole('menuitem', { name: '结束活动' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '结束活动' }).click();
  await expect(card).toContainText('已结束');
  await card.getByRole('button', { name: '更多操作' }).click();
  await page.getByRole('menuitem', { name: '重新启用' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '重新启用' }).click();
  await expect(card).toContainText('进行中');

  // Delete it (confirmed): the empty state comes back.
  await card.getByRole('button', { name: '更多操作' }).click();
  await page.getByRole('menuitem', { name: '删除' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  await expect(page.getByTestId('campaigns-empty')).toBeVisible();
});

test('设置：本院信息、部门、人员；审计日志分页与校验', async ({ page, app }) => {
  await seedCampaign(app, [{ title: '开展“以案促改”警示教育' }]);
  await page.goto(app.url);
  await page.getByText('设置', { exact: true }).first().click();

  // Court profile: code read-only; the operator's name is saved (the header names the account).
  await expect(field(page, '法院代码')).toHaveAttribute('readonly', '');
  await field(page, '经办人姓名').fill('赵敏');
  await page.getByTestId('court-form').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('本院信息已保存')).toBeVisible();
  await expect(page.getByTestId('header-user')).toHaveText('王晓梅');
  await field(page, '上级法院名称').fill('');
  await page.getByTestId('court-form').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('请填写上级法院名称（高级人民法院可不填）')).toBeVisible();
  await expect(field(page, '经办人姓名')).toHaveValue('赵敏');

  // Departments: add, duplicate refused at the field, rename, delete one in use refused.
  await page.getByRole('tab', { name: '部门' }).click();
  const name = page.getByTestId('department-form').getByRole('textbox');
  await name.fill('立案庭');
  await name.press('Enter');
  await expect(page.getByTestId('department-list')).toContainText('立案庭');
  await name.fill('立案庭');
  await name.press('Enter');
  await expect(page.getByTestId('department-form').getByText('已有同名部门')).toBeVisible();
  await expect(name).toHaveValue('立案庭');
  const rowOf = (text: string) => page.getByTestId('department-list').getByRole('row').filter({ hasText: text });
  await rowOf('立案庭').getByRole('button', { name: '重命名' }).click();
  await page.getByTestId('department-list').getByRole('textbox').fill('立案信访庭');
  await page.getByTestId('department-list').getByRole('textbox').press('Enter');
  await expect(page.getByTestId('department-list')).toContainText('立案信访庭');
  await rowOf('政治部').getByRole('button', { name: '删除' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  await expect(page.getByText(/该部门还负责 1 项事项/)).toBeVisible();
  await rowOf('立案信访庭').getByRole('button', { name: '删除' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  await expect(page.getByTestId('department-list')).not.toContainText('立案信访庭');

  // People.
  await page.getByRole('tab', { name: '人员' }).click();
  await page.getByRole('button', { name: '添加人员' }).click();
  await page.getByTestId('person-form').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('请填写姓名')).toBeVisible();
  await field(page, '姓名').fill('李红');
  await field(page, '职务').fill('副院长');
  await field(page, '职务').press('Enter');
  await expect(page.getByTestId('people-list')).toContainText('李红');
  await expect(page.getByTestId('people-list')).toContainText('副院长');

  // Audit log: 50 at a time, older ones on request, and the chain verifies.
  for (let i = 0; i < 60; i++) await app.call('departments.create', { name: `测试部门${i + 1}` });
  await page.getByText('审计日志', { exact: true }).first().click();
  await expect(page.getByTestId('audit-entry')).toHaveCount(50);
  await expect(page.getByTestId('audit-entry').first()).toContainText('测试部门60');
  await page.getByTestId('audit-more').click();
  await expect(page.getByTestId('audit-entry').last()).toContainText('法院');
  await expect(page.getByText(/共 \d+ 条，已全部显示/)).toBeVisible();
  await expect(
    page.getByTestId('audit-entry').filter({ hasText: '修改' }).filter({ hasText: '王晓梅（wangxm）' }).first(),
  ).toBeVisible();
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('完整');
  // One check covers the database file, the audit chain and every evidence file a record cites.
  await expect(page.getByTestId('audit-verify-result')).toContainText(
    /已校验数据库文件、\d+ 条审计记录和 \d+ 个佐证材料文件/,
  );
});

test('按角色提供按钮：填报人看不到新建活动、编辑活动、导入模板、栏目维护和批量修改', async ({ page, app }) => {
  const seeded = await seedCampaign(app, [
    { title: '开展“以案促改”警示教育', section: 0 },
    { title: '组织廉洁家访活动', section: 0 },
  ]);
  await addReadyUser(
    app,
    { username: 'zhangmin', displayName: '张敏', roles: ['filer'], departmentId: seeded.departmentIds[0] },
    'Zhangmin2026',
  );

  // A fresh load of the address, as the account now logged in.
  const visit = async (hash: string) => {
    await page.goto(app.url);
    await page.reload();
    await expect(page.getByTestId('header-user')).toBeVisible();
    await page.evaluate((to) => (window.location.hash = to), hash);
  };

  // The administrator has them all.
  await visit('#/campaigns');
  await expect(page.getByRole('button', { name: '新建专项活动' })).toBeVisible();
  await visit(`#/campaign/${seeded.campaignId}`);
  await expect(page.getByTestId('item-row').first()).toBeVisible();
  for (const name of ['编辑活动', '导入模板', '预警规则', '新增事项'])
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '添加栏目' })).toBeVisible();

  // A 填报人 of 政治部: no 新建专项活动, no card menu, no campaign or section settings, no bulk changes.
  await actAs(app, { username: 'zhangmin', password: 'Zhangmin2026' });
  await visit('#/campaigns');
  await expect(page.getByTestId('header-user')).toContainText('张敏');
  await expect(page.getByTestId('campaign-card')).toHaveCount(1);
  await expect(page.getByRole('button', { name: '新建专项活动' })).toHaveCount(0);
  await expect(page.getByTestId('campaign-card').getByRole('button', { name: '更多操作' })).toHaveCount(0);
  await visit(`#/campaign/${seeded.campaignId}`);
  await expect(page.getByTestId('item-row').first()).toBeVisible();
  for (const name of ['编辑活动', '导入模板', '预警规则'])
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '添加栏目' })).toHaveCount(0);
  await expect(page.getByTestId('add-item')).toBeEnabled();
  await row(page, '组织廉洁家访活动').getByTestId('row-check').click();
  const bulk = page.getByTestId('bulk-bar');
  await expect(bulk).toContainText('已选 1 项');
  for (const name of ['修改责任人', '修改完成时限', '修改责任部门'])
    await expect(bulk.getByRole('button', { name })).toHaveCount(0);
  await expect(bulk.getByRole('button', { name: '删除' })).toBeVisible();
});
