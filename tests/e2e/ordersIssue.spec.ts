// 发督办单 at a high court: two basic courts ticked in 下级法院进度, the dialog lists each court's
// suggested colour with its reason, a reply deadline in the past is refused under its field with
// everything typed kept, the orders go out under one 文号 (the notification says so), the 督办通报
// tab lists both and the 督办台账 counts them, and the matrix's 督办 column shows one each. The
// subordinates' rows go straight into the database, as imported report-up bundles would leave them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { test, expect, type PreviewApp } from './fixtures';
import { createCampaign, setUpHighCourt } from './helpers';
import { field, shot } from './steps';
import { focusedElement, scanView } from './a11yScan';
import { rowSeeder } from './seedRows';

const CAMPAIGN = '2026年执行攻坚专项活动';
const STAMP = '2026-10-08T09:00:00+08:00';
const COURTS = [
  { code: 'J2311', name: '哈尔滨市道里区人民法院', done: 1, late: 3 },
  { code: 'J2312', name: '哈尔滨市南岗区人民法院', done: 3, late: 1 },
] as const;

/** A high court with one campaign, a roster of two basic courts and their reported items. */
async function highCourt(app: PreviewApp): Promise<string> {
  await setUpHighCourt(app);
  const campaign = await createCampaign(app, CAMPAIGN, ['执行攻坚'], '2027-06-30');
  const section = campaign.sections[0].id;
  const db = new Database(path.join(app.dataDir, 'court.sqlite3'));
  try {
    const { owned, insert, reportingCourt, rosterCourt } = rowSeeder(db, STAMP, 0xc000);
    for (const court of COURTS) {
      const bundleAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
      reportingCourt({ ...court, level: 'basic', parent: 'J23', relation: 'subordinate' }, bundleAt);
      const rows = [
        ...Array.from({ length: court.done }, () => ['completed', '2026-03-31'] as const),
        ...Array.from({ length: court.late }, () => ['in_progress', '2026-02-28'] as const),
      ];
      rows.forEach(([status, deadline], index) =>
        insert('items', {
          ...owned(court.code),
          campaign_id: campaign.id,
          section_id: section,
          sort_order: (index + 1) * 1024,
          title: `${court.name.slice(3, 5)}：第${index + 1}项执行工作`,
          kind: 'mandatory',
          deadline,
          status,
          percent: status === 'completed' ? 100 : 30,
          completed_at: status === 'completed' ? STAMP : null,
        }),
      );
      rosterCourt({ ...court, level: 'basic', parent: 'J23' });
    }
  } finally {
    db.close();
  }
  return campaign.id;
}

test('从下级法院进度勾选两个法院发督办单：建议颜色、期限错误留在字段下、同一文号、台账与矩阵计数', async ({
  page,
  app,
}) => {
  const campaignId = await highCourt(app);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await expect(page.getByTestId('header-user')).toBeVisible();
  await page.evaluate((id) => (window.location.hash = `#/campaign/${id}/courts`), campaignId);
  const rows = page.getByTestId('province-row');
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('province-orders')).toHaveText(['0', '0']);

  // Tick both courts: the bar counts them.
  for (const court of COURTS) await page.getByRole('checkbox', { name: `选择${court.name}` }).check();
  await expect(page.getByTestId('province-picked-count')).toHaveText('已选 2 个法院');
  // The matrix stays within the window: no sideways scroll of the page itself.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
  await shot(page, 'issue15-h4-matrix.png', false);
  await scanView(page, '下级法院进度（已选法院）');
  await page.getByTestId('province-issue-order').click();

  const dialog = page.getByRole('dialog', { name: '发督办单' });
  await expect(dialog).toBeVisible();
  // Each court's suggestion, in words, with its reason.
  const suggestions = dialog.getByTestId('issue-order-suggestion');
  await expect(suggestions).toHaveCount(2);
  for (const court of COURTS)
    await expect(suggestions.filter({ hasText: court.name })).toContainText(/建议(红|黄|蓝)色，/);
  // The colour preselected is the highest suggested one.
  const colours = await suggestions.evaluateAll((list) => list.map((item) => item.getAttribute('data-colour')));
  const highest = colours.includes('red') ? '红色' : colours.includes('yellow') ? '黄色' : '蓝色';
  await expect(dialog.getByRole('radio', { name: highest })).toBeChecked();
  // The requirement starts as a sentence naming the campaign; the next 文号 shows live.
  const requirement = field(dialog, '督办要求');
  await expect(requirement).toHaveValue(new RegExp(CAMPAIGN));
  await expect(dialog.getByTestId('issue-order-prefix')).toHaveValue('黑高法');
  await expect(dialog).toContainText(/下一个文号：黑高法督〔\d{4}〕1号/);
  await dialog.getByRole('radio', { name: '督办', exact: true }).check();
  // A lighter colour than suggested, chosen by hand (it rises by itself once overdue).
  await dialog.getByRole('radio', { name: '黄色' }).check();
  const typed = '请你院于一周内清理逾期未结执行案件，逐案说明原因。';
  await requirement.fill(typed);

  // A reply deadline in the past: refused under the field, nothing typed lost.
  const due = field(dialog, '回复期限');
  await due.fill('2026-01-05');
  await due.press('Tab');
  await dialog.getByRole('button', { name: '发出督办单' }).click();
  await expect(dialog.getByText(/期限不能早于今天/)).toBeVisible();
  await expect(requirement).toHaveValue(typed);
  await expect(dialog.getByRole('radio', { name: '黄色' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: '督办', exact: true })).toBeChecked();
  await shot(page, 'issue15-h4-dialog.png', false);
  await scanView(page, '发督办单对话框', '[role="dialog"]');

  // A good deadline: issued, one 文号 for both courts.
  const good = await page.evaluate(() => {
    const d = new Date(Date.now() + 10 * 86_400_000);
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
  });
  await due.fill(good);
  await due.press('Tab');
  await dialog.getByRole('button', { name: '发出督办单' }).click();
  await expect(dialog).toBeHidden();
  const notice = page.locator('.mantine-Notification-root').filter({ hasText: '已发出督办单' });
  await expect(notice).toContainText(/已发出督办单 黑高法督〔\d{4}〕1号（2 个法院）/);
  await expect(notice).toContainText('下发');
  const docNumber = (await notice.textContent())!.match(/黑高法督〔\d{4}〕1号/)![0];
  // The selection is cleared once the orders went out; the matrix counts one order each.
  await expect(page.getByTestId('province-picked-count')).toBeHidden();
  await expect(page.getByTestId('province-orders')).toHaveText(['1', '1']);

  // The 督办通报 tab: both orders under the same 文号, and the ledger counts 2.
  await page.getByTestId('tab-orders').click();
  const issued = page.getByTestId('issued-row');
  await expect(issued).toHaveCount(2);
  await expect(issued.getByTestId('issued-link')).toHaveText([docNumber, docNumber]);
  await expect(issued.getByTestId('order-colour')).toHaveText(['黄色', '黄色']);
  await expect(issued.getByTestId('order-state').first()).toHaveText('待签收');
  expect((await page.getByTestId('issued-court').allTextContents()).sort()).toEqual(
    COURTS.map((court) => court.name).sort(),
  );
  const total = page.getByTestId('orders-ledger-total');
  await expect(total.locator('[data-figure="issued"]')).toHaveText('2');
  await expect(total.locator('[data-figure="signed"]')).toHaveText('0');
  for (const court of COURTS)
    await expect(
      page.locator(`[data-testid="orders-ledger-row"][data-court="${court.code}"] [data-figure="issued"]`),
    ).toHaveText('1');
  // The 状态 filter: none closed yet.
  await page.getByTestId('issued-filter-state').click();
  await page.getByRole('option', { name: '已办结', exact: true }).click();
  await expect(page.getByTestId('issued-empty')).toHaveText('没有符合筛选条件的督办单。');
  await page.getByTestId('issued-filter-state').click();
  await page.getByRole('option', { name: '待签收', exact: true }).click();
  await expect(issued).toHaveCount(2);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
  await shot(page, 'issue15-h4-orders-tab.png', false);
  await scanView(page, '督办通报（发文法院）');

  // A row opens the order's address (the drawer shows it); by the keyboard too.
  await issued.first().getByTestId('issued-link').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/campaign/${campaignId}/orders\\?order=`));
  // The order drawer (the receiving side's screens build it) shows the 文号; Esc closes it again.
  const drawer = page.getByRole('dialog');
  await expect(drawer).toContainText(docNumber);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`#/campaign/${campaignId}/orders$`));

  // #/orders: the ledger of every campaign, the orders with their campaign.
  await page.getByRole('navigation').getByRole('link', { name: '督办台账', exact: true }).click();
  await expect(page.getByTestId('orders-page')).toBeVisible();
  await expect(page.getByTestId('orders-page-ledger-total').locator('[data-figure="issued"]')).toHaveText('2');
  await expect(page.getByTestId('issued-row')).toHaveCount(2);
  await expect(page.getByTestId('issued-row').first()).toContainText(CAMPAIGN);
  await shot(page, 'issue15-h4-orders-page.png', false);

  // 本院挂图: an order past its reply deadline without a reply (moved back three days in the
  // database, as time passing would) shows on the issuer's board with its colour in words.
  const db = new Database(path.join(app.dataDir, 'court.sqlite3'));
  try {
    db.prepare(`UPDATE supervision_orders SET reply_due = date('now', '+8 hours', '-3 days') WHERE court_code = ?`).run(
      COURTS[0].code,
    );
  } finally {
    db.close();
  }
  await page.getByRole('navigation').getByRole('link', { name: '本院挂图', exact: true }).click();
  const card = page.getByTestId('issued-tasks');
  await expect(card).toBeVisible();
  const task = card.getByTestId('issued-task');
  await expect(task).toHaveCount(1);
  await expect(task).toHaveAttribute('data-task', 'overdue');
  await expect(task).toContainText(`${docNumber} ${COURTS[0].name}`);
  await expect(task.getByTestId('order-colour')).toHaveText('红色（由黄色升级）');
  await expect(task).toContainText('逾期 3 天');
  await shot(page, 'issue15-h4-board-card.png', false);
  await scanView(page, '本院挂图（督办单待处理）');
  await task.getByTestId('issued-task-link').click();
  await expect(page).toHaveURL(new RegExp(`#/campaign/${campaignId}/orders\\?order=`));
  await expect(page.getByRole('dialog')).toContainText(docNumber);
  await page.keyboard.press('Escape');
  // The tab and the ledger say it too: escalated colour in words, 逾期, 逾期未回复 1.
  const late = page.locator(`[data-testid="issued-row"][data-court="${COURTS[0].code}"]`);
  await expect(late.getByTestId('order-colour')).toHaveText('红色（由黄色升级）');
  await expect(late.getByTestId('order-overdue')).toHaveText('逾期');
  await expect(page.getByTestId('orders-ledger-total').locator('[data-figure="overdue"]')).toHaveText('1');
  await shot(page, 'issue15-h4-orders-tab-overdue.png', false);
  // And the matrix's 督办 column: “1（逾期 1）” beside the other court's “1”.
  await page.getByTestId('tab-courts').click();
  await expect(
    page.locator(`[data-testid="province-row"][data-court="${COURTS[0].code}"] [data-testid="province-orders"]`),
  ).toHaveText('1（逾期 1）');
  await expect(
    page.locator(`[data-testid="province-row"][data-court="${COURTS[1].code}"] [data-testid="province-orders"]`),
  ).toHaveText('1');

  // 导出 Excel of the ledger: the reports' save flow (folder, job, where the file went).
  await page.getByTestId('tab-orders').click();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'court-e2e-orders-'));
  try {
    await page.getByTestId('orders-export-xlsx').click();
    const exportDialog = page.getByRole('dialog', { name: '导出督办台账（Excel）' });
    await exportDialog.getByTestId('report-folder').fill(folder);
    await exportDialog.getByTestId('report-save-xlsx').click();
    await expect(exportDialog.getByTestId('report-saved-path')).toContainText(folder, { timeout: 30_000 });
    expect(fs.readdirSync(folder).filter((name) => name.endsWith('.xlsx'))).toHaveLength(1);
    await page.keyboard.press('Escape');
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }

  // From a court below's item (the court view): 发督办单 with that court and that item chosen.
  const reader = new Database(path.join(app.dataDir, 'court.sqlite3'), { readonly: true });
  const item = reader
    .prepare(`SELECT id, title FROM items WHERE origin = ? ORDER BY sort_order LIMIT 1`)
    .get(COURTS[1].code) as { id: string; title: string };
  reader.close();
  await page.evaluate(
    ([id, court, itemId]) => (window.location.hash = `#/campaign/${id}?court=${court}&item=${itemId}`),
    [campaignId, COURTS[1].code, item.id],
  );
  await expect(page.getByTestId('item-read-only')).toBeVisible();
  await page.getByTestId('item-issue-order').click();
  const fromItem = page.getByRole('dialog', { name: '发督办单' });
  await expect(fromItem.getByTestId('issue-order-courts')).toBeVisible();
  await expect(fromItem).toContainText(COURTS[1].name);
  await expect(fromItem.getByTestId('issue-order-items')).toBeVisible();
  await expect(fromItem).toContainText(item.title);
  await expect(fromItem).toContainText(/下一个文号：黑高法督〔\d{4}〕2号/);
  // Nothing typed: Esc closes it without asking, the item drawer stays.
  await page.keyboard.press('Escape');
  await expect(fromItem).toBeHidden();
  await expect(page.getByTestId('item-drawer')).toBeVisible();
});

test('键盘：在下级法院进度用空格勾选法院，Tab 到“发督办单”回车打开对话框，逐项 Tab 焦点可见，Esc 关闭', async ({
  page,
  app,
}) => {
  const campaignId = await highCourt(app);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await expect(page.getByTestId('header-user')).toBeVisible();
  await page.evaluate((id) => (window.location.hash = `#/campaign/${id}/courts`), campaignId);
  await expect(page.getByTestId('province-row')).toHaveCount(2);

  // Space on a court's checkbox ticks it; its focus ring shows.
  const box = page.getByRole('checkbox', { name: `选择${COURTS[0].name}` });
  await box.focus();
  expect((await focusedElement(page))!.ring).toBe(true);
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
  await expect(page.getByTestId('province-picked-count')).toHaveText('已选 1 个法院');

  // Back with Shift+Tab to 发督办单（1）, each stop with a visible ring; Enter opens the dialog.
  let reached = false;
  const passed: string[] = [];
  for (let press = 0; press < 30 && !reached; press++) {
    await page.keyboard.press('Shift+Tab');
    const now = await focusedElement(page);
    expect(now, `第 ${press + 1} 次 Shift+Tab 后没有焦点`).not.toBeNull();
    expect(now!.ring, `「${now!.text}」获得焦点时没有可见的焦点框`).toBe(true);
    passed.push(now!.text);
    reached = now!.text.includes('发督办单');
  }
  expect(reached, `Shift+Tab 应到达“发督办单”，经过：${passed.join(' | ')}`).toBe(true);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '发督办单' });
  await expect(dialog).toBeVisible();

  // Every field of the dialog is reached by Tab with a visible ring, up to 发出督办单.
  const seen: string[] = [];
  for (let press = 0; press < 30 && !seen.includes('发出督办单'); press++) {
    await page.keyboard.press('Tab');
    const now = await focusedElement(page);
    expect(now, `对话框中第 ${press + 1} 次 Tab 后没有焦点`).not.toBeNull();
    expect(now!.ring, `「${now!.text}」获得焦点时没有可见的焦点框`).toBe(true);
    seen.push(now!.text);
    if (now!.tag === 'textarea') await shot(page, 'issue15-keyboard-dialog-field.png', false);
  }
  expect(seen).toContain('发出督办单');
  expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
