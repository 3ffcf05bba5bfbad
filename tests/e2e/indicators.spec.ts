// 指标 end to end: from the empty state the administrator adds 当场立案率 (%, 正向, target 95,
// 月度) in the dialog, records 2026年10月 = 96.2 (达标) and 2026年9月 = 93.5 (接近; October reads
// 好转 against September), sees 120 refused as a percentage, opens the history (with 录入人), sees 同比 against
// a value of 2025年10月, and keeps a screenshot of the tab as an artifact.
import { expect, test } from './fixtures';
import { seedCampaign } from './helpers';
import { choose, field, shot } from './steps';

const CAMPAIGN = '2026年“清廉法院”建设';

test('新增指标 → 录入两期数值 → 达标、好转 → 百分比超过 100 被拒 → 历史数值', async ({ page, app }) => {
  const { campaignId } = await seedCampaign(app, []);
  await page.goto(app.url);
  // A 审核人 (the administrator here also is) lands on 我的待办.
  await page.getByRole('navigation').getByRole('link', { name: '专项活动', exact: true }).click();
  await expect(page.getByTestId('header-user')).toBeVisible();
  await page.getByTestId('campaign-card').filter({ hasText: CAMPAIGN }).getByTestId('campaign-title').click();
  await page.getByTestId('tab-indicators').click();
  await expect(page).toHaveURL(/#\/campaign\/[^/]+\/indicators$/);
  await expect(page.getByTestId('indicators-empty')).toContainText('本活动尚未设置指标');

  // ── A new indicator: a missing name is pointed out at the field, then the whole definition.
  await page.getByTestId('add-indicator').click();
  const form = page.getByTestId('indicator-form');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('请填写指标名称')).toBeVisible();
  await field(form, '指标名称').fill('当场立案率');
  await choose(page, field(form, '条线'), '立案');
  await choose(page, field(form, '单位'), '百分比（%）');
  await expect(field(form, '指标方向')).toHaveValue('正向指标（越高越好）');
  await expect(field(form, '报送周期')).toHaveValue('月度');
  await field(form, '目标值').fill('95');
  await field(form, '争先目标').fill('争第一');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();

  const row = page.getByTestId('indicator-row').filter({ hasText: '当场立案率' });
  await expect(page.getByTestId('indicator-line').first()).toContainText('立案');
  await expect(row).toContainText('正向↑');
  await expect(row).toContainText('争第一');
  await expect(row).toContainText('95%');
  await expect(row.getByTestId('indicator-latest')).toHaveText('尚未录入');

  // ── 2026年10月 = 96.2 → 达标.
  await row.getByTestId('record-value').click();
  const valueForm = page.getByTestId('record-value-form');
  await choose(page, valueForm.getByTestId('value-period'), '2026年10月');
  await field(valueForm, '数值').fill('96.2');
  await field(valueForm, '说明').fill('系统导出口径');
  await valueForm.getByRole('button', { name: '保存' }).click();
  await expect(valueForm).toBeHidden();
  await expect(row.getByTestId('indicator-latest')).toContainText('2026年10月');
  await expect(row.getByTestId('indicator-latest')).toContainText('96.2%');
  await expect(row.getByTestId('indicator-attainment')).toHaveText('达标');

  // ── 2026年9月 = 93.5: October stays the latest and reads 好转 against it.
  await row.getByTestId('record-value').click();
  await choose(page, valueForm.getByTestId('value-period'), '2026年9月');
  await field(valueForm, '数值').fill('93.5');
  await valueForm.getByRole('button', { name: '保存' }).click();
  await expect(valueForm).toBeHidden();
  await expect(row.getByTestId('indicator-latest')).toContainText('2026年10月');
  await expect(row.getByTestId('indicator-attainment')).toHaveText('达标');
  await expect(row.getByTestId('indicator-trend')).toHaveText('好转');
  await expect(row.getByTestId('indicator-sparkline')).toBeVisible();

  // ── A recorded period is prefilled; 120 is no percentage, and what was typed stays.
  await row.getByTestId('record-value').click();
  await choose(page, valueForm.getByTestId('value-period'), '2026年10月（已录入 96.2%）');
  await expect(valueForm.getByTestId('value-replacing')).toContainText('2026年10月已录入数值');
  await expect(field(valueForm, '数值')).toHaveValue('96.2');
  await field(valueForm, '数值').fill('120');
  await valueForm.getByRole('button', { name: '保存' }).click();
  await expect(valueForm.getByText('百分比应在 0 到 100 之间')).toBeVisible();
  await expect(field(valueForm, '数值')).toHaveValue('120');
  await valueForm.getByRole('button', { name: '取消' }).click();
  // What was typed is not thrown away without asking.
  await page.getByRole('dialog').getByRole('button', { name: '放弃', exact: true }).click();
  await expect(valueForm).toBeHidden();
  await expect(row.getByTestId('indicator-latest')).toContainText('96.2%');

  // ── The history: newest period first, with attainment and note.
  await row.getByTestId('indicator-history-open').click();
  const history = page.getByTestId('history-row');
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText('2026年10月');
  await expect(history.nth(0)).toContainText('达标');
  await expect(history.nth(0)).toContainText('系统导出口径');
  await expect(history.nth(1)).toContainText('2026年9月');
  await expect(history.nth(1)).toContainText('接近');
  // 录入人: the logged-in administrator (named after the operator) on both values.
  await expect(page.getByTestId('indicator-history').getByRole('columnheader', { name: '录入人' })).toBeVisible();
  await expect(history.getByTestId('history-entered-by')).toHaveText(['王晓梅', '王晓梅']);
  await page.keyboard.press('Escape');
  await expect(history.first()).toBeHidden();

  // ── A value for the same month last year (entered through the API) gives 同比 in points.
  const [indicator] = await app.call<Array<{ id: string }>>('indicators.list', { campaignId });
  await app.call('indicators.recordValue', { indicatorId: indicator.id, period: '2025-10', value: 93.4, note: '' });
  await page.reload();
  await expect(row.getByTestId('indicator-yoy')).toHaveText('同比 +2.8 个百分点');

  await page.mouse.move(0, 0);
  await shot(page, 'indicators-tab.png');
});
