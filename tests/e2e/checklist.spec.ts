// The main path a clerk takes: set up the court and its administrator, create a campaign, build
// its checklist, record progress with evidence, finish the item, have another reviewer sign it
// off (two people), and see the figures move.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, ARTIFACTS_DIR } from './fixtures';
import { addReadyUser, field, row, setUpDemoCourt, switchUser } from './helpers';
import { shot } from './steps';

test('设置向导（本院信息 + 管理员账户） → 新建活动 → 栏目与事项 → 进展与佐证 → 完成 → 销号 → 统计变化', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await expect(page.getByText('欢迎使用专项活动督导台')).toBeVisible();

  // Bad code and a missing parent court: messages at the fields, typed values kept.
  await field(page, '法院名称').fill('枝江市人民法院');
  await field(page, '法院代码').fill('23法院');
  await field(page, '经办人姓名').fill('王晓梅');
  await page.getByRole('button', { name: '下一步' }).click();
  const code = field(page, '法院代码');
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('法院代码应以大写字母开头，由 2-16 位大写字母或数字组成，如 J23')).toBeVisible();
  await expect(field(page, '上级法院代码')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('请填写上级法院代码（高级人民法院可不填）')).toBeVisible();
  await expect(page.getByText('请填写上级法院名称（高级人民法院可不填）')).toBeVisible();
  await expect(field(page, '法院名称')).toHaveValue('枝江市人民法院');
  await expect(code).toHaveValue('23法院');
  await expect(field(page, '经办人姓名')).toHaveValue('王晓梅');
  await expect(field(page, '法院名称')).not.toHaveAttribute('aria-invalid', 'true');

  // A high court needs no parent court.
  await page.getByRole('radio', { name: '高级人民法院' }).check();
  await code.fill('E0583');
  await page.getByRole('radio', { name: '基层人民法院' }).check();
  await field(page, '上级法院代码').fill('E05');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('请填写上级法院名称（高级人民法院可不填）')).toBeVisible();
  await expect(field(page, '上级法院代码')).toHaveValue('E05');
  await field(page, '上级法院名称').fill('宜昌市中级人民法院');
  await field(page, '上级法院名称').press('Enter');

  // Step 2: the administrator's account, named after the operator. Weak or mismatched passwords
  // are refused at the field; going back keeps what was typed.
  await expect(page.getByTestId('setup-admin-identity')).toContainText('王晓梅');
  await expect(page.getByTestId('setup-admin-identity')).toContainText('管理员');
  await field(page, '用户名').fill('wangxm');
  await page.getByRole('textbox', { name: '密码', exact: true }).fill('12345678');
  await page.getByRole('button', { name: '完成设置，开始使用' }).click();
  await expect(page.getByText('密码须同时包含字母和数字')).toBeVisible();
  await expect(page.getByText('请填写确认密码')).toBeVisible();
  await page.getByRole('textbox', { name: '密码', exact: true }).fill('Wangxm2026');
  await page.getByRole('textbox', { name: '确认密码', exact: true }).fill('Wangxm2027');
  await page.getByRole('button', { name: '完成设置，开始使用' }).click();
  await expect(page.getByText('两次输入的密码不一致')).toBeVisible();
  await page.getByRole('button', { name: '上一步' }).click();
  await expect(field(page, '上级法院名称')).toHaveValue('宜昌市中级人民法院');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(field(page, '用户名')).toHaveValue('wangxm');
  await page.getByRole('textbox', { name: '确认密码', exact: true }).fill('Wangxm2026');
  await page.getByRole('textbox', { name: '确认密码', exact: true }).press('Enter');

  // The app shell with the court and the logged-in administrator.
  await expect(page.getByTestId('header-court')).toHaveText('枝江市人民法院');
  await expect(page.getByTestId('header-user')).toHaveText('王晓梅');
  await expect(page.getByTestId('user-menu')).toContainText('管理员');
  // An administrator who is also 审核人 lands on 我的待办; the campaign list is one click away.
  await page.getByRole('navigation').getByRole('link', { name: '专项活动', exact: true }).click();
  await expect(page.getByTestId('campaigns-empty')).toBeVisible();

  // Create a campaign (required title checked at the field first).
  await page.getByTestId('campaigns-empty').getByRole('button', { name: '新建专项活动' }).click();
  const campaignForm = page.getByTestId('campaign-form');
  await campaignForm.getByRole('button', { name: '保存' }).click();
  await expect(campaignForm.getByText('请填写活动名称')).toBeVisible();
  await field(page, '活动名称').fill('2026年“清廉法院”建设专项活动');
  await field(page, '开始日期').fill('2026-01-01');
  await field(page, '结束日期').fill('2026年12月31日');
  await field(page, '活动名称').click();
  await campaignForm.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('campaign-heading')).toHaveText('2026年“清廉法院”建设专项活动');
  await expect(page.getByText('起止日期：2026-01-01 至 2026-12-31')).toBeVisible();

  // Sections: two top-level ones and a child, numbered as in official documents.
  for (const title of ['廉洁文化工程', '制度建设工程']) {
    await page.getByRole('button', { name: '添加栏目' }).click();
    await field(page, '栏目名称').fill(title);
    await field(page, '栏目名称').press('Enter');
    await expect(page.getByTestId('section-node').filter({ hasText: title })).toBeVisible();
  }
  const second = page.getByTestId('section-node').filter({ hasText: '制度建设工程' });
  await second.hover();
  await second.getByRole('button', { name: '栏目操作' }).click();
  await page.getByRole('menuitem', { name: '添加下级栏目' }).click();
  await field(page, '栏目名称').fill('审判权力运行监督');
  await page.getByTestId('section-form').getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('section-node')).toHaveText([
    /一、廉洁文化工程/,
    /二、制度建设工程/,
    /（一）审判权力运行监督/,
  ]);

  // Items: click a section so the new item goes there.
  await page.getByTestId('section-node').filter({ hasText: '廉洁文化工程' }).click();
  const items = [
    { title: '开展“以案促改”警示教育', owner: '刘洋', deadline: '2099-06-30' },
    { title: '组织廉洁家访活动', owner: '陈静', deadline: '2099-09-30' },
  ];
  for (const item of items) {
    await page.getByRole('button', { name: '新增事项' }).click();
    const form = page.getByTestId('item-create-form');
    await expect(form.getByRole('combobox', { name: '所属栏目' })).toHaveValue('一、廉洁文化工程');
    await field(page, '任务名称').fill(item.title);
    await field(page, '责任人').fill(item.owner);
    await field(page, '完成时限').fill(item.deadline);
    await field(page, '任务名称').click();
    await form.getByRole('button', { name: '保存' }).click();
    await expect(row(page, item.title)).toBeVisible();
  }
  await expect(page.getByTestId('fig-total-value')).toHaveText('2');
  await expect(page.getByTestId('fig-signed-value')).toHaveText('0');
  await expect(page.getByTestId('fig-percent-value')).toHaveText('0');

  // Open the first item: a progress note.
  await row(page, items[0].title).click();
  const drawer = page.getByTestId('item-drawer');
  await expect(drawer.getByTestId('item-title')).toHaveText(items[0].title);
  await drawer.getByRole('tab', { name: /记录进展/ }).click();
  await expect(field(page, '填报人')).toHaveValue('王晓梅');
  await drawer.getByTestId('note-text').fill('已制定警示教育方案，召开动员会。');
  await drawer.getByRole('textbox', { name: '进度（可不填）' }).fill('60');
  await drawer.getByRole('button', { name: '保存', exact: true }).click();
  await expect(drawer.getByTestId('note-entry')).toHaveCount(1);
  await expect(drawer.getByTestId('note-entry')).toContainText('已制定警示教育方案，召开动员会。');
  await expect(drawer.getByTestId('note-entry')).toContainText('60%');
  await expect(drawer.getByTestId('item-status')).toHaveText('推进中');

  // Evidence: two real files through the dropzone's input.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-evidence-'));
  const pdf = path.join(dir, '警示教育会议记录.pdf');
  const photo = path.join(dir, '动员会现场照片.png');
  fs.writeFileSync(pdf, '%PDF-1.4\n% 会议记录\n');
  fs.writeFileSync(photo, Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'));
  await drawer.getByRole('tab', { name: /佐证材料/ }).click();
  await drawer.getByTestId('evidence-input').setInputFiles([pdf, photo]);
  await expect(drawer.getByTestId('evidence-row')).toHaveCount(2);
  await expect(drawer.getByTestId('evidence-row').filter({ hasText: '警示教育会议记录.pdf' })).toContainText(
    'PDF 文档',
  );
  await expect(drawer.getByTestId('upload-entry').filter({ hasText: '动员会现场照片.png' })).toContainText('已上传');
  await expect(drawer.getByRole('tab', { name: /佐证材料/ })).toHaveText('佐证材料（2）');
  fs.rmSync(dir, { recursive: true, force: true });

  // Mark complete, then sign off.
  await drawer.getByTestId('action-complete').click();
  await page.getByTestId('decision-form').getByRole('textbox').fill('警示教育已全部完成。');
  await page.getByTestId('decision-form').getByRole('button', { name: '提交销号' }).click();
  await expect(drawer.getByTestId('item-status')).toHaveText('已完成待销号');
  await expect(page.getByTestId('fig-done-value')).toHaveText('1');
  await expect(page.getByTestId('fig-signed-value')).toHaveText('0');

  // Whoever finished it may not sign it off: the button says why. Another reviewer signs it off.
  await expect(drawer.getByTestId('action-signoff')).toBeDisabled();
  await drawer.getByTestId('action-signoff').hover();
  await expect(page.getByText('须由另一位审核人销号')).toBeVisible();
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'signoff-own-work.png') });
  await addReadyUser(app, { username: 'lihong', displayName: '李红', roles: ['reviewer'] }, 'Lihong2026');
  await page.keyboard.press('Escape');
  await switchUser(page, 'lihong', 'Lihong2026');
  await page.getByRole('navigation').getByRole('link', { name: '专项活动', exact: true }).click();
  await page.getByTestId('campaign-card').getByTestId('campaign-title').click();
  await row(page, items[0].title).click();
  await expect(drawer.getByTestId('item-status')).toHaveText('已完成待销号');
  await drawer.getByTestId('action-signoff').click();
  const signForm = page.getByTestId('decision-form');
  await expect(signForm.getByTestId('decision-reviewer')).toHaveText('审核人：李红');
  await signForm.getByRole('textbox', { name: '审核意见' }).fill('佐证材料齐全，同意销号');
  await signForm.getByRole('button', { name: '销号' }).click();
  await expect(drawer.getByTestId('item-status')).toHaveText('已销号');
  await drawer.getByRole('tab', { name: /销号记录/ }).click();
  await expect(drawer.getByTestId('signoff-row')).toContainText('佐证材料齐全，同意销号');
  await expect(drawer.getByTestId('signoff-row')).toContainText('李红');

  // The item's own audit trail reads in Chinese.
  await drawer.getByRole('tab', { name: '操作日志' }).click();
  await expect(drawer.getByTestId('audit-entry').first()).toContainText('销号');
  await expect(drawer.getByTestId('audit-entry').first()).toContainText('已完成待销号 → 已销号');

  // The figures moved: 1 of 2 done and signed off = 50%.
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(page.getByTestId('fig-signed-value')).toHaveText('1');
  await expect(page.getByTestId('fig-done-value')).toHaveText('1');
  await expect(page.getByTestId('fig-percent-value')).toHaveText('50');
  await expect(page.getByTestId('progress-by-section')).toContainText('一、廉洁文化工程');
  await expect(row(page, items[0].title)).toContainText('已销号');
  await expect(row(page, items[0].title).locator('.it-num').last()).toHaveText('2');

  // Let the "已销号" notice fade so the screenshot shows the page itself.
  await expect(page.getByRole('alert')).toHaveCount(0);
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'campaign-page.png'), fullPage: true });

  // The campaign list shows the same figures.
  await page
    .getByRole('button', { name: '专项活动' })
    .or(page.getByText('专项活动', { exact: true }))
    .first()
    .click();
  const card = page.getByTestId('campaign-card').filter({ hasText: '2026年“清廉法院”建设专项活动' });
  await expect(card).toContainText('50%');
  await expect(card).toContainText('进行中');

  // The whole audit log verifies.
  await page.getByText('审计日志', { exact: true }).first().click();
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('完整');
});

test('1366×768：收起统计后推进清单至少完整显示 10 行，选择被记住', async ({ page, app }) => {
  await setUpDemoCourt(app);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: '专项活动', exact: true }).click();
  await page.getByTestId('campaign-card').filter({ hasText: '能力作风建设年' }).getByTestId('campaign-title').click();
  await expect(page.getByTestId('item-row').first()).toBeVisible();
  await expect(page.getByTestId('fig-total')).toBeVisible();

  // Rows wholly inside both the window and the table's scroll box, the page not scrolled.
  const fullyVisibleRows = () =>
    page.evaluate(() => {
      window.scrollTo(0, 0);
      document.querySelector('main')?.scrollTo?.(0, 0);
      const box = document.querySelector('[data-testid="item-table"]')!.getBoundingClientRect();
      const bottom = Math.min(window.innerHeight, box.bottom);
      return [...document.querySelectorAll('[data-testid="item-row"]')].filter((row) => {
        const r = row.getBoundingClientRect();
        return r.height > 0 && r.top >= Math.max(0, box.top) && r.bottom <= bottom + 0.5;
      }).length;
    });

  const toggle = page.getByTestId('toggle-stats');
  await expect(toggle).toHaveText('收起统计');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const expandedRows = await fullyVisibleRows();
  await shot(page, 'issue14-chk-checklist-stats-expanded.png', false);

  await toggle.click();
  await expect(toggle).toHaveText('展开统计');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('fig-total')).toBeHidden();
  await expect(page.getByTestId('stats-summary')).toContainText('总体完成率');
  await shot(page, 'issue14-chk-checklist-stats-collapsed.png', false);
  const collapsedRows = await fullyVisibleRows();
  expect(collapsedRows).toBeGreaterThanOrEqual(10);
  expect(collapsedRows).toBeGreaterThan(expandedRows);

  // Remembered: a fresh load of the page keeps the statistics folded.
  await page.reload();
  await expect(page.getByTestId('item-row').first()).toBeVisible();
  await expect(page.getByTestId('toggle-stats')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('fig-total')).toBeHidden();
  expect(await fullyVisibleRows()).toBeGreaterThanOrEqual(10);
  console.log(`fully visible rows at 1366×768: ${expandedRows} with statistics, ${collapsedRows} without`);

  // And back.
  await page.getByTestId('toggle-stats').click();
  await expect(page.getByTestId('fig-total')).toBeVisible();
  await expect(page.getByTestId('toggle-stats')).toHaveAttribute('aria-expanded', 'true');
});
