// The demo data option of the setup wizard: a background job with a progress bar, then the demo
// campaigns in the list.
import { test, expect } from './fixtures';
import { ADMIN, COURT, field } from './helpers';

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

  // A demo campaign opens with its items and figures.
  await cards.first().getByTestId('campaign-title').click();
  await expect(page.getByTestId('item-row').first()).toBeVisible();
  await expect(page.getByTestId('fig-total-value')).not.toHaveText('0');
});
