// The item table: Chinese search (2 and 4 characters), filters, sorting, and a bulk change of
// the owner for selected items.
import { test, expect } from './fixtures';
import { field, openCampaign, row, seedCampaign } from './helpers';

const items = [
  { title: '开展“以案促改”警示教育', content: '组织观看廉政警示教育片' },
  { title: '召开党风廉政建设形势分析会', content: '' },
  { title: '组织廉洁家访活动', content: '' },
  { title: '推进执行案款专项清理', content: '' },
  { title: '开展作风纪律专项检查', content: '' },
  { title: '完善审判执行权力运行监督机制', content: '' },
  { title: '落实“三个规定”填报制度', content: '' },
  { title: '建立廉政风险防控台账', content: '' },
];

test('中文搜索（2 字、4 字）与批量修改责任人', async ({ page, app }) => {
  const seeded = await seedCampaign(
    app,
    items.map((item) => ({ ...item, owner: '刘洋' })),
  );
  await openCampaign(page, app, '2026年“清廉法院”建设');
  await expect(page.getByTestId('item-row')).toHaveCount(8);
  await expect(page.getByTestId('shown-count')).toContainText('共 8 项');

  // Two characters: the substring fallback (title or content), in checklist order.
  const titles = page.getByTestId('item-row').locator('.it-title');
  const search = page.getByTestId('item-search');
  await search.fill('廉政');
  await expect(titles).toHaveText(['开展“以案促改”警示教育', '召开党风廉政建设形势分析会', '建立廉政风险防控台账']);
  await expect(page.getByTestId('shown-count')).toContainText('显示 3 / 8 项');

  // Four characters: full-text (trigram) search.
  await search.fill('专项清理');
  await expect(titles).toHaveText(['推进执行案款专项清理']);
  await search.fill('警示教育');
  await expect(titles).toHaveText(['开展“以案促改”警示教育']);
  await expect(page.getByTestId('shown-count')).toContainText('显示 1 / 8 项');

  // Nothing found, then cleared.
  await search.fill('知识产权');
  await expect(page.getByText('没有符合条件的事项')).toBeVisible();
  await search.fill('');
  await expect(page.getByTestId('item-row')).toHaveCount(8);

  // A section filter from the tree, combined with search.
  await page.getByTestId('section-node').filter({ hasText: '制度建设工程' }).click();
  await expect(titles).toHaveText([
    '召开党风廉政建设形势分析会',
    '推进执行案款专项清理',
    '完善审判执行权力运行监督机制',
    '建立廉政风险防控台账',
  ]);
  await search.fill('专项');
  await expect(titles).toHaveText(['推进执行案款专项清理']);
  await page.getByText('清除筛选').click();
  await expect(page.getByTestId('item-row')).toHaveCount(8);
  await expect(search).toHaveValue('');

  // Sorting by a column header: descending on the second click, checklist order on the third.
  const numbers = page.getByTestId('item-row').locator('.it-seq');
  await page.getByTestId('sort-number').click();
  await page.getByTestId('sort-number').click();
  await expect(numbers.first()).toHaveText('8');
  await expect(titles.first()).toHaveText('建立廉政风险防控台账');
  await page.getByTestId('sort-number').click();
  await expect(numbers.first()).toHaveText('1');
  await page.getByTestId('sort-title').click();
  await expect(page.getByTestId('sort-title')).toContainText('▲');

  // Bulk change of owner for three selected items.
  const chosen = ['组织廉洁家访活动', '推进执行案款专项清理', '落实“三个规定”填报制度'];
  for (const title of chosen) await row(page, title).getByTestId('row-check').check();
  await expect(page.getByTestId('selected-count')).toHaveText('已选 3 项');
  await page.getByTestId('bulk-bar').getByRole('button', { name: '修改责任人' }).click();
  const bulk = page.getByTestId('bulk-form');
  await bulk.getByRole('button', { name: '保存' }).click();
  await expect(bulk.getByText('请填写责任人')).toBeVisible();
  await field(page, '责任人').fill('周明');
  await bulk.getByRole('button', { name: '保存' }).click();
  await expect(bulk).toBeHidden();
  for (const title of chosen) await expect(row(page, title)).toContainText('周明');
  await expect(row(page, '开展作风纪律专项检查')).toContainText('刘洋');
  await expect(row(page, '开展作风纪律专项检查')).not.toContainText('周明');

  // The change is real: the API agrees, and it can be searched by the new owner.
  const list = await app.call<Array<{ id: string; title: string; owner: string }>>('items.list', {
    campaignId: seeded.campaignId,
  });
  expect(
    list
      .filter((item) => item.owner === '周明')
      .map((item) => item.title)
      .sort(),
  ).toEqual([...chosen].sort());
  await page.getByTestId('bulk-bar').getByRole('button', { name: '取消选择' }).click();
  await search.fill('周明');
  await expect(titles).toHaveCount(3);
  await expect(page.getByTestId('shown-count')).toContainText('显示 3 / 8 项');

  // Select all (filtered) and bulk change the deadline.
  await page.getByTestId('select-all').check();
  await expect(page.getByTestId('selected-count')).toHaveText('已选 3 项');
  await page.getByTestId('bulk-bar').getByRole('button', { name: '修改完成时限' }).click();
  await field(page, '完成时限').fill('2099-03-31');
  await field(page, '完成时限').press('Enter');
  // Moving deadlines already set is a 延期: the reason is asked for in the same form, nothing typed lost.
  const reason = page.getByTestId('bulk-deadline-reason');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(field(page, '完成时限')).toHaveValue('2099-03-31');
  await reason.fill('市院调整了专项工作安排');
  await page.getByTestId('bulk-form').getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('bulk-form')).toBeHidden();
  for (const title of chosen) await expect(row(page, title)).toContainText('2099-03-31');
});
