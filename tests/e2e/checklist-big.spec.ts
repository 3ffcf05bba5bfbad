// A checklist of 3,000 items: the table reads windows as it scrolls (the last row's 序号 is
// right), sorts, filters and searches in the main process, selects all rows the filter shows and
// changes their owner at once.
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { test, expect, ARTIFACTS_DIR } from './fixtures';
import { field, openCampaign, seedCampaign } from './helpers';

const TOTAL = 3000;

test('3000 项推进清单：滚动到末尾、排序、筛选、搜索、全选筛选出的事项并批量修改责任人', async ({ page, app }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const seeded = await seedCampaign(app, [
    { title: '批量事项第1项', owner: '王强' },
    { title: '批量事项第2项', owner: '张敏' },
  ]);
  // The rest planted in one statement beside the running app (items.create 3,000 times would be
  // the slow part of the test): copies of the first item, numbered, alternating section,
  // department and owner; the full-text index follows through its triggers.
  const db = new BetterSqlite3(path.join(app.dataDir, 'court.sqlite3'));
  try {
    db.prepare(
      `WITH RECURSIVE k(x) AS (SELECT 3 UNION ALL SELECT x + 1 FROM k WHERE x < ${TOTAL})
       INSERT INTO items (id, origin, change_seq, created_at, updated_at, campaign_id, section_id, sort_order, title,
                          content, kind, lead_leader, department_id, owner, deadline, frequency, status, percent)
       SELECT lower(printf('%s-%s-%s-%s-%s', hex(randomblob(4)), hex(randomblob(2)), hex(randomblob(2)),
                                 hex(randomblob(2)), hex(randomblob(6)))), i.origin, i.change_seq, i.created_at, i.updated_at, i.campaign_id,
              CASE x % 2 WHEN 1 THEN @first ELSE @second END, x * 1024, '批量事项第' || x || '项', '',
              i.kind, i.lead_leader, CASE x % 2 WHEN 1 THEN @deptA ELSE @deptB END,
              CASE x % 3 WHEN 0 THEN '刘洋' WHEN 1 THEN '王强' ELSE '张敏' END,
              i.deadline, i.frequency, i.status, i.percent
       FROM items i, k WHERE i.id = @template`,
    ).run({
      first: seeded.sectionIds[0],
      second: seeded.sectionIds[1],
      deptA: seeded.departmentIds[0],
      deptB: seeded.departmentIds[1],
      template: seeded.itemIds[0],
    });
  } finally {
    db.close();
  }

  await openCampaign(page, app, '2026年“清廉法院”建设');
  await page.getByTestId('toggle-stats').click();
  await expect(page.getByTestId('shown-count')).toContainText(`共 ${TOTAL} 项`);
  const rows = page.getByTestId('item-row');
  const numbers = rows.locator('.it-seq');
  await expect(numbers.first()).toHaveText('1');

  // Scrolled to the end: the windows there are read, and the last row is number 3,000.
  const scroller = page.getByTestId('item-table').locator('.it-scroll');
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(numbers.last()).toHaveText(String(TOTAL));
  await expect(page.getByTestId('item-row-loading')).toHaveCount(0);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'checklist-big-end.png') });

  // Sorted by owner (zh-CN order: 刘 liú < 王 wáng < 张 zhāng), ties in checklist order.
  await scroller.evaluate((el) => (el.scrollTop = 0));
  await page.getByTestId('sort-owner').click();
  await expect(page.getByTestId('sort-owner')).toContainText('▲');
  await expect(rows.first()).toContainText('刘洋');
  await expect(numbers.first()).toHaveText('2');
  await page.getByTestId('sort-owner').click();
  await expect(rows.first()).toContainText('张敏');
  await expect(numbers.first()).toHaveText('3');
  await page.getByTestId('sort-owner').click();
  await expect(numbers.first()).toHaveText('1');

  // Searched: five characters go through the full-text index.
  const search = page.getByTestId('item-search');
  await search.fill('第2999项');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('批量事项第2999项');
  await expect(page.getByTestId('shown-count')).toContainText(`显示 1 / ${TOTAL} 项`);
  await search.fill('');

  // Filtered by department: half the list.
  await page.getByTestId('filter-department').click();
  await page.getByRole('option', { name: '执行局' }).click();
  await expect(page.getByTestId('shown-count')).toContainText(`显示 ${TOTAL / 2} / ${TOTAL} 项`);

  // All the filter shows, selected with one click, get a new owner.
  await page.getByTestId('select-all').check();
  await expect(page.getByTestId('selected-count')).toHaveText(`已选 ${TOTAL / 2} 项`);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'checklist-big-selected.png') });
  await page.getByTestId('bulk-bar').getByRole('button', { name: '修改责任人' }).click();
  await field(page, '责任人').fill('周明');
  await page.getByTestId('bulk-form').getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('bulk-form')).toBeHidden();
  await expect(rows.first()).toContainText('周明');
  const changed = await app.call<{ ids: string[] }>('items.ids', {
    campaignId: seeded.campaignId,
    filters: { department: seeded.departmentIds[1] },
  });
  const list = await app.call<Array<{ id: string; owner: string; departmentId: string | null }>>('items.list', {
    campaignId: seeded.campaignId,
  });
  const owners = new Map(list.map((item) => [item.id, item.owner]));
  expect(changed.ids).toHaveLength(TOTAL / 2);
  expect(changed.ids.every((id) => owners.get(id) === '周明')).toBe(true);
  expect(list.filter((item) => item.owner === '周明')).toHaveLength(TOTAL / 2);
});

test('从活动列表打开推进清单：首次画出时事项行已在，不先画占位；键盘回车同样打开', async ({ page, app }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await seedCampaign(app, [
    { title: '打开即见第1项', owner: '王强' },
    { title: '打开即见第2项', owner: '张敏' },
  ]);
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: '专项活动', exact: true }).click();
  const title = page
    .getByTestId('campaign-card')
    .filter({ hasText: '2026年“清廉法院”建设' })
    .getByTestId('campaign-title');
  await expect(title).toBeVisible();

  // Watches every change of the page from before the click: the first time the checklist's page
  // is in the document (its search field), the rows must be there with it.
  const watchFirstDrawing = () =>
    page.evaluate(() => {
      const seen = { pageWithoutRows: false, pageDrawn: false };
      (window as unknown as { firstDrawing: typeof seen }).firstDrawing = seen;
      const observer = new MutationObserver(() => {
        if (seen.pageDrawn || !document.querySelector('[data-testid="item-search"]')) return;
        seen.pageDrawn = true;
        seen.pageWithoutRows = !document.querySelector('[data-testid="item-row"]');
        observer.disconnect();
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
  const firstDrawing = () =>
    page.evaluate(
      () => (window as unknown as { firstDrawing: { pageWithoutRows: boolean; pageDrawn: boolean } }).firstDrawing,
    );

  await watchFirstDrawing();
  await title.click();
  await expect(page.getByTestId('item-row')).toHaveCount(2);
  expect(await firstDrawing()).toEqual({ pageDrawn: true, pageWithoutRows: false });
  await expect(page).toHaveURL(/#\/campaign\//);

  // Back to the list, and the title followed with the keyboard.
  await page.goBack();
  await expect(title).toBeVisible();
  await watchFirstDrawing();
  await title.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('item-row')).toHaveCount(2);
  expect(await firstDrawing()).toEqual({ pageDrawn: true, pageWithoutRows: false });
});
