// The 督办 loop across three levels and a sibling (issue 15's Done-when), each court with its own
// data folder and preview server: the high court J23, the intermediate court J2302 relaying, and
// two basic courts below it, 龙江县 (A) and 甘南县 (B). The round that makes both basic courts
// known (campaign down, reports up, fingerprints confirmed) is set up through the API; the loop
// itself goes through the screens. The high court issues a red 催办 督办单 from 下级法院进度 to the
// two lagging basic courts; it travels down sealed; A signs for it, its 填报人 drafts a reply
// linking an item, its 审核人 approves, and the reply travels up through the relay; the high court
// 办结s it. B stays silent: with the high court's clock past the reply deadline (its server
// restarted with COURT_PREVIEW_NOW) B's order is overdue (escalated: issued red, the top colour, it
// stays 红色, 逾期 N 天) and on the high court's 本院挂图. The high court drafts a 批评 通报 from the
// matrix naming B, edits it, saves its PDF (page 1 rendered with pdftoppm into artifacts/ to be
// looked at), issues and publishes it; B sees the criticism on its board, A sees the notice; B
// holds only its own order and cannot open A's sealed package. B's own imports go through the API
// (its steps are A's); log-ins too. Every click, typed field and file choice is counted per step
// and printed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, ARTIFACTS_DIR, type PreviewApp } from './fixtures';
import { BASIC, HIGH, MIDDLE, SIBLING, admin, importFile, openUpperCourts, passDown, reportUp } from './threeCourts';
import { actAs, type Account } from './steps';
import { ActionCount, syncPageSteps } from './actionCount';

const CAMPAIGN = '2026年“能力作风建设年”活动';
const LATE_ITEM = '组织全员政治轮训';
const OPEN_ITEM = '开展审判质效专项评查';
const REPLY = '我院已于本周完成全员政治轮训，共 86 人参训，签到表和课件已上传。';
const FILER = { username: 'liutb', password: 'Liutb2026x', displayName: '刘填报' } as const;
const REVIEWER = { username: 'chensh', password: 'Chensh2026x', displayName: '陈审核' } as const;
const EDITED = '甘南县人民法院逾期未回复督办单，予以通报批评。';

/** Today and a day `days` away, in the courts' time zone, as YYYY-MM-DD. */
function day(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86400000));
}
/** `days` after the date `date` (YYYY-MM-DD). */
function dayAfter(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
}

interface Order {
  id: string;
  version: number;
  courtCode: string;
  colour: string;
  displayColour: string;
  state: string;
  status: string;
  overdue: boolean;
  docNumber: string;
  replyDue: string;
  kind: string;
  responses: Array<{ id: string; version: number; kind: string; status: string }>;
}
interface Notice {
  id: string;
  version: number;
  title: string;
  body: string;
  status: string;
  kind: string;
  docNumber: string;
  namedCourts: Array<{ code: string; stance: string }>;
}

/** An account ready to log in (its temporary password changed); `by` logs in again after. */
async function addAccount(
  app: PreviewApp,
  account: Account & { displayName: string; roles: Array<'filer' | 'reviewer'>; departmentId: string | null },
  by: Account,
): Promise<void> {
  const { password, ...fields } = account;
  await app.call('users.create', { ...fields, password: 'Temp2026abc' });
  await actAs(app, { username: account.username, password: 'Temp2026abc' });
  await app.call('auth.changePassword', { currentPassword: 'Temp2026abc', newPassword: password });
  await actAs(app, by);
}

/** The page loaded afresh at the court's start (after a log-in through the API). */
async function reopen(page: Page, courtApp: PreviewApp): Promise<void> {
  await page.goto(courtApp.url);
  await page.reload();
  await expect(page.getByTestId('header-user')).toBeVisible();
}

// A step that cannot find its control fails in seconds, not at the end of the test's time.
test.use({ actionTimeout: 20_000 });

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `issue15-loop-${name}.png`) });
}

test('督办闭环：高院从进度矩阵向两个后进基层法院发红色督办单 → 经中院转发 → 一院签收、回复、审核、上报 → 高院办结；另一院逾期升级 → 通报批评并下发；兄弟法院看不到他院督办单', async ({
  app,
  browser,
}) => {
  test.setTimeout(360_000);
  const courts = await openUpperCourts(browser, { sibling: true });
  const { usb, middleApp } = courts;
  let highApp: PreviewApp = courts.highApp;
  const sibling = courts.siblingApp!;
  const count = new ActionCount();
  const pagesForFailure: Record<string, Page> = {};
  try {
    // ── Set-up through the API: four courts, the campaign down, reports up, the roster ──
    for (const [profile, courtApp, user] of [
      [BASIC, app, 'wangshu'],
      [SIBLING, sibling, 'sunshu'],
      [MIDDLE, middleApp, 'zhaoke'],
      [HIGH, highApp, 'lichu'],
    ] as const)
      await courtApp.call('court.setup', { profile, admin: admin(user) });
    const campaign = await highApp.call<{ id: string }>('campaigns.create', {
      title: CAMPAIGN,
      year: 2026,
      startDate: '2026-01-01',
      endDate: day(60),
    });
    // One 规定动作 already past its deadline: both basic courts lag (红灯).
    await highApp.call('items.create', {
      campaignId: campaign.id,
      title: LATE_ITEM,
      kind: 'mandatory',
      deadline: day(-5),
      deadlineReason: '补录已逾期的事项',
    });
    await highApp.call('items.create', {
      campaignId: campaign.id,
      title: OPEN_ITEM,
      kind: 'mandatory',
      deadline: day(40),
    });
    await highApp.call('roster.add', {
      code: MIDDLE.code,
      name: MIDDLE.name,
      level: 'intermediate',
      parentCode: HIGH.code,
      jurisdiction: '齐齐哈尔市',
    });
    for (const court of [BASIC, SIBLING])
      await highApp.call('roster.add', {
        code: court.code,
        name: court.name,
        level: 'basic',
        parentCode: MIDDLE.code,
        jurisdiction: '齐齐哈尔市',
      });
    // 后进 here: completion under 60% (both basic courts, at 0%).
    const rules = await highApp.call<Record<string, unknown>>('reporting.rules', { campaignId: campaign.id });
    await highApp.call('reporting.setRules', {
      campaignId: campaign.id,
      period: rules.period,
      dueDays: rules.dueDays,
      staleDays: rules.staleDays,
      laggardRule: 'below',
      laggardCount: rules.laggardCount,
      laggardBelow: 60,
    });
    const basics = [
      { app, code: BASIC.code },
      { app: sibling, code: SIBLING.code },
    ];
    await passDown(highApp, [{ app: middleApp, code: MIDDLE.code }], campaign.id, usb);
    await passDown(middleApp, basics, campaign.id, usb);
    // Court A's 填报人 and 审核人 (the administrator stays logged in).
    const department = await app.call<{ id: string }>('departments.create', { name: '政治部' });
    const aItems = await app.call<Array<{ id: string; title: string }>>('items.list', { campaignId: campaign.id });
    const lateItem = aItems.find((item) => item.title === LATE_ITEM)!;
    const full = await app.call<Record<string, unknown>>('items.get', { id: lateItem.id });
    await app.call('items.update', { ...full, departmentId: department.id });
    await addAccount(app, { ...FILER, roles: ['filer'], departmentId: department.id }, admin('wangshu'));
    await addAccount(app, { ...REVIEWER, roles: ['reviewer'], departmentId: null }, admin('wangshu'));
    await reportUp(app, BASIC.code, middleApp, usb);
    await reportUp(sibling, SIBLING.code, middleApp, usb);
    await reportUp(middleApp, MIDDLE.code, highApp, usb);

    const high = await courts.open(highApp);
    const middle = await courts.open(middleApp);
    const basic = await courts.open(app);
    const siblingPage = await courts.open(sibling);
    Object.assign(pagesForFailure, { high, middle, basic, sibling: siblingPage });

    // ── 1. The high court issues a red 催办 督办单 from the matrix to the two lagging basic courts ──
    count.step('高院从进度矩阵发督办单');
    await count.click(high.getByRole('navigation').getByText('专项活动', { exact: true }));
    await count.click(high.getByTestId('campaign-card').filter({ hasText: CAMPAIGN }).getByTestId('campaign-title'));
    await count.click(high.getByTestId('tab-courts'));
    const matrixRow = (name: string) => high.getByTestId('province-row').filter({ hasText: name });
    for (const court of [BASIC, SIBLING]) {
      await expect(matrixRow(court.name).getByTestId('province-laggard')).toBeVisible();
      await count.check(matrixRow(court.name).getByTestId('province-pick'));
    }
    await expect(high.getByTestId('province-picked-count')).toContainText('2');
    await shot(high, 'matrix-picked');
    await count.click(high.getByTestId('province-issue-order'));
    const dialog = high.getByTestId('issue-order-dialog');
    await expect(dialog.getByTestId('issue-order-kind-urge')).toBeChecked();
    // Red is suggested from both courts' lights (1 项逾期): no click needed; the requirement is pre-written.
    await expect(dialog.getByTestId('issue-order-colour-red')).toBeChecked();
    await expect(dialog.getByTestId('issue-order-suggestion')).toHaveCount(2);
    await expect(dialog.getByTestId('issue-order-requirement')).not.toHaveValue('');
    await shot(high, 'issue-dialog');
    await count.click(dialog.getByRole('button', { name: '发出督办单' }));
    await expect(dialog).toBeHidden();
    const issued = await highApp.call<Order[]>('orders.list', { campaignId: campaign.id });
    expect(issued.map((order) => order.courtCode).sort()).toEqual([BASIC.code, SIBLING.code]);
    for (const order of issued) {
      expect(order).toMatchObject({ kind: 'urge', colour: 'red', state: 'unsigned' });
      expect(order.docNumber).toMatch(/^黑高法督〔\d{4}〕\d+号$/);
    }
    const replyDue = issued[0].replyDue;
    // The high court's clock after the restart: five days past the reply deadline.
    const later = `${dayAfter(replyDue, 5)}T10:00:00+08:00`;

    // ── 2. It travels down: the high court publishes (the sealed package for the intermediate
    // court carries both orders), the intermediate court imports and passes down, A imports ──
    const { gotoSync, tab, chooseFile, importNow } = syncPageSteps(count);
    const publishDown = async (from: Page) => {
      await gotoSync(from);
      await tab(from, '下发');
      const publishPanel = from.getByTestId('sync-publish');
      await count.fill(publishPanel.getByTestId('sync-folder'), usb);
      await count.click(publishPanel.getByTestId('sync-publish-button'));
      const published = publishPanel.getByTestId('sync-export-result');
      await expect(published).toBeVisible({ timeout: 30_000 });
      const rows = published.getByTestId('sync-export-file-row');
      await expect(rows).toHaveCount(2);
      await expect(rows.nth(1)).toHaveAttribute('data-target', MIDDLE.code);
      return {
        broadcast: (await published.getByTestId('sync-export-path').textContent()) ?? '',
        sealed: (await rows.nth(1).getAttribute('data-path')) ?? '',
      };
    };
    const relayDown = async (broadcast: string, sealed: string, outcome: 'imported' | 'unchanged') => {
      await gotoSync(middle);
      await tab(middle, '导入');
      await chooseFile(middle, broadcast);
      await importNow(middle, outcome);
      await count.click(middle.getByTestId('sync-another'));
      await chooseFile(middle, sealed);
      await expect(middle.getByTestId('bundle-encrypted')).toHaveText('已加密');
      await importNow(middle);
      await tab(middle, '下发');
      const relay = middle.getByTestId('sync-relay');
      await count.fill(relay.getByTestId('sync-folder'), usb);
      const relayCard = relay.getByTestId('sync-relay-campaign').filter({ hasText: CAMPAIGN });
      await count.click(relayCard.getByTestId('sync-relay-button'));
      const relayed = relay.getByTestId('sync-export-result');
      await expect(relayed).toBeVisible({ timeout: 30_000 });
      const rows = relayed.getByTestId('sync-export-file-row');
      // The package for all, then one sealed to each basic court.
      await expect(rows).toHaveCount(3);
      const sealedTo: Record<string, string> = {};
      for (const index of [1, 2])
        sealedTo[(await rows.nth(index).getAttribute('data-target'))!] =
          (await rows.nth(index).getAttribute('data-path')) ?? '';
      return { broadcast: (await relayed.getByTestId('sync-export-path').textContent()) ?? '', sealedTo };
    };
    count.step('高院下发');
    const fromHigh = await publishDown(high);
    count.step('中院导入并转发');
    const fromMiddle = await relayDown(fromHigh.broadcast, fromHigh.sealed, 'unchanged');
    const sealedForA = fromMiddle.sealedTo[BASIC.code];
    const sealedForB = fromMiddle.sealedTo[SIBLING.code];
    expect(sealedForA && sealedForB && sealedForA !== sealedForB).toBeTruthy();
    count.step('基层A导入督办包');
    await gotoSync(basic);
    await tab(basic, '导入');
    await chooseFile(basic, sealedForA);
    await importNow(basic);
    // B imports its own too (through the API: its steps are A's).
    await importFile(sibling, sealedForB, []);

    // ── 3. Court A: 本院挂图 shows the order at once; the administrator signs for it ──
    count.step('基层A在本院挂图签收');
    await count.click(basic.getByRole('navigation').getByText('本院挂图', { exact: true }));
    const boardOrders = basic.getByTestId('board-orders');
    await expect(boardOrders.getByTestId('board-order')).toHaveCount(1);
    await expect(boardOrders.getByTestId('board-orders-unsigned-value')).toHaveText('1');
    await expect(boardOrders).toContainText('红色');
    await shot(basic, 'a-board-order');
    await count.click(boardOrders.getByTestId('board-order-link'));
    const aDrawer = basic.getByTestId('order-drawer');
    await expect(aDrawer).toHaveAttribute('data-state', 'unsigned');
    await count.click(aDrawer.getByTestId('order-sign'));
    await expect(aDrawer.getByTestId('order-signed-note')).toBeVisible();
    await expect(aDrawer).toHaveAttribute('data-state', 'signed');

    // ── 4. A's 填报人 finds it in 我的待办, drafts the reply linking the item, and submits it ──
    // (log-ins through the API: the preview's one session, not part of the loop's count)
    await actAs(app, FILER);
    await reopen(basic, app);
    count.step('基层A填报人起草回复');
    await count.click(basic.getByRole('navigation').getByText('我的待办', { exact: true }));
    const filerTask = basic.getByTestId('order-tasks').getByTestId('order-task');
    await expect(filerTask).toHaveCount(1);
    await count.click(filerTask.getByTestId('order-task-action'));
    const replyForm = basic.getByTestId('order-drawer').getByTestId('reply-form');
    await count.fill(replyForm.getByTestId('reply-text'), REPLY);
    await count.click(replyForm.getByTestId('reply-items'));
    await count.click(basic.getByRole('option', { name: LATE_ITEM }));
    await basic.keyboard.press('Escape');
    await shot(basic, 'a-reply');
    await count.click(replyForm.getByTestId('reply-submit'));
    await expect(basic.getByTestId('order-drawer').getByTestId('reply-waiting')).toBeVisible();

    // ── 5. A's 审核人 (another person: the two-person rule) approves it from 我的待办 ──
    await actAs(app, REVIEWER);
    await reopen(basic, app);
    count.step('基层A审核人同意报送');
    await count.click(basic.getByRole('navigation').getByText('我的待办', { exact: true }));
    const reviewTask = basic.getByTestId('order-tasks').getByTestId('order-task');
    await expect(reviewTask).toHaveCount(1);
    await count.click(reviewTask.getByTestId('order-task-action'));
    await expect(basic.getByTestId('order-drawer')).toContainText(REPLY);
    await count.click(basic.getByTestId('order-drawer').getByTestId('reply-approve'));
    // Final (it goes up and cannot be changed): asked once more.
    await count.click(basic.getByRole('dialog', { name: '请确认' }).getByRole('button', { name: '同意报送' }));
    await expect(basic.getByTestId('order-drawer').getByTestId('order-reply-sent')).toBeVisible();
    await actAs(app, admin('wangshu'));
    await reopen(basic, app);

    // ── 6. Up: A reports, the intermediate court imports and relays up, the high court imports ──
    const reportUpFrom = async (page: Page) => {
      await gotoSync(page);
      await tab(page, '上报');
      const panel = page.getByTestId('sync-export');
      await count.fill(panel.getByTestId('sync-folder'), usb);
      await count.click(panel.getByTestId('sync-export-button'));
      const result = panel.getByTestId('sync-export-result');
      await expect(result).toBeVisible({ timeout: 30_000 });
      return (await result.getByTestId('sync-export-path').textContent()) ?? '';
    };
    const importAt = async (page: Page, file: string) => {
      await gotoSync(page);
      await tab(page, '导入');
      await chooseFile(page, file);
      await importNow(page);
    };
    count.step('基层A上报');
    const aReport = await reportUpFrom(basic);
    count.step('中院导入并转报');
    await importAt(middle, aReport);
    const middleReport = await reportUpFrom(middle);
    count.step('高院导入');
    await importAt(high, middleReport);

    // ── 7. The high court sees 已回复 and accepts it: 办结 ──
    count.step('高院办结');
    await count.click(high.getByRole('navigation').getByText('专项活动', { exact: true }));
    await count.click(high.getByTestId('campaign-card').filter({ hasText: CAMPAIGN }).getByTestId('campaign-title'));
    await count.click(high.getByTestId('tab-orders'));
    const issuedRow = (name: string) => high.getByTestId('issued-row').filter({ hasText: name });
    await expect(issuedRow(BASIC.name)).toContainText('已回复');
    await expect(issuedRow(SIBLING.name)).toContainText('待签收');
    await shot(high, 'high-issued-replied');
    await count.click(issuedRow(BASIC.name).getByTestId('issued-link'));
    const highDrawer = high.getByTestId('order-drawer');
    await expect(highDrawer).toHaveAttribute('data-state', 'replied');
    await expect(highDrawer).toContainText(REPLY);
    await expect(highDrawer).toContainText(LATE_ITEM);
    await count.click(highDrawer.getByTestId('order-close'));
    await count.fill(high.getByTestId('order-close-note'), '办理情况属实，予以办结。');
    await count.click(high.getByTestId('order-close-confirm'));
    await expect(highDrawer).toHaveAttribute('data-state', 'closed');

    // ── 8. B stays silent: the high court's clock passes the reply deadline (restarted with
    // COURT_PREVIEW_NOW); B's order is overdue and on the high court's 本院挂图 ──
    highApp = await courts.restartHigh({ COURT_PREVIEW_NOW: later });
    await highApp.call('auth.login', admin('lichu'));
    const highLater = await courts.open(highApp);
    pagesForFailure.high = highLater;
    count.step('高院（期限已过）在本院挂图看到逾期升级');
    await count.click(highLater.getByRole('navigation').getByText('本院挂图', { exact: true }));
    const escalated = highLater
      .getByTestId('issued-tasks')
      .getByTestId('issued-task')
      .filter({ hasText: SIBLING.name });
    await expect(escalated).toHaveAttribute('data-task', 'overdue');
    // Issued red, the top colour: it stays 红色, now 逾期 N 天 and on the board.
    await expect(escalated.getByTestId('order-colour')).toHaveAttribute('data-colour', 'red');
    await expect(escalated.getByTestId('order-colour')).toContainText('红色');
    await expect(escalated).toContainText('逾期');
    await expect(highLater.getByTestId('issued-tasks').getByTestId('issued-task')).toHaveCount(1);
    await shot(highLater, 'high-board-escalated');
    const highOrders = await highApp.call<Order[]>('orders.list', { campaignId: campaign.id });
    expect(highOrders.find((order) => order.courtCode === SIBLING.code)).toMatchObject({
      overdue: true,
      colour: 'red',
      displayColour: 'red',
      state: 'unsigned',
    });
    expect(highOrders.find((order) => order.courtCode === BASIC.code)).toMatchObject({
      state: 'closed',
      overdue: false,
    });

    // ── 9. The high court drafts a 批评 通报 from the matrix naming B, edits it, saves the PDF ──
    count.step('高院从进度矩阵起草通报并修改');
    await count.click(highLater.getByRole('navigation').getByText('专项活动', { exact: true }));
    await count.click(
      highLater.getByTestId('campaign-card').filter({ hasText: CAMPAIGN }).getByTestId('campaign-title'),
    );
    await count.click(highLater.getByTestId('tab-courts'));
    const laterRow = highLater.getByTestId('province-row').filter({ hasText: SIBLING.name });
    // The matrix counts each court's orders (B's one overdue) and criticisms (none yet).
    await expect(laterRow.getByTestId('province-orders')).toHaveAttribute('data-count', '1');
    await expect(laterRow.getByTestId('province-orders')).toHaveAttribute('data-overdue', '1');
    await expect(laterRow.getByTestId('province-criticisms')).toHaveText('0');
    await count.check(laterRow.getByTestId('province-pick'));
    await count.click(highLater.getByTestId('province-draft-notice'));
    const draftDialog = highLater.getByTestId('notice-draft-dialog');
    await expect(draftDialog.getByTestId('notice-kind-criticism')).toBeChecked();
    await expect(draftDialog.getByTestId('notice-draft-count')).toContainText('1');
    await count.click(draftDialog.getByTestId('notice-generate'));
    const editor = highLater.getByTestId('notice-editor');
    const body = editor.getByTestId('notice-body');
    await expect(body).toContainText(SIBLING.name);
    await count.fill(body, `${await body.inputValue()}\n${EDITED}`);
    await count.click(editor.getByTestId('notice-save'));
    await count.click(editor.getByTestId('notice-preview'));
    await expect(editor.getByTestId('notice-preview-pane')).toBeVisible();
    await count.fill(editor.getByTestId('report-folder'), usb);
    await count.click(editor.getByTestId('notice-export-pdf'));
    await expect(editor.getByTestId('report-saved')).toBeVisible({ timeout: 60_000 });
    const pdfName = fs.readdirSync(usb).find((name) => name.endsWith('.pdf'));
    expect(pdfName).toBeTruthy();
    const pdfPath = path.join(usb, pdfName!);
    await expect(editor.getByTestId('report-saved-path')).toContainText(pdfPath);
    expect(fs.readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await shot(highLater, 'notice-preview');
    // Page 1 as printed, kept to be looked at.
    const stem = path.join(ARTIFACTS_DIR, 'issue15-loop-notice-p1');
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, stem]);
    expect(fs.existsSync(`${stem}.png`)).toBe(true);

    // ── 10. …issues it (after a confirmation) and publishes it ──
    count.step('高院发布通报');
    await count.click(editor.getByTestId('notice-issue'));
    await count.click(highLater.getByTestId('notice-issue-confirm'));
    const notices = await highApp.call<Notice[]>('notices.list', { campaignId: campaign.id });
    expect(notices).toHaveLength(1);
    const notice = notices[0];
    expect(notice).toMatchObject({ status: 'issued', kind: 'criticism' });
    expect(notice.body).toContain(EDITED);
    expect(notice.namedCourts).toEqual([expect.objectContaining({ code: SIBLING.code, stance: 'criticism' })]);
    await expect(highLater.getByTestId('notice-view')).toBeVisible();
    await shot(highLater, 'notice-issued');
    count.step('高院下发通报');
    await count.press(highLater, 'Escape');
    await expect(highLater.getByTestId('notice-view')).toBeHidden();
    const noticeDown = await publishDown(highLater);
    count.step('中院导入并转发通报');
    const noticeRelayed = await relayDown(noticeDown.broadcast, noticeDown.sealed, 'imported');
    count.step('基层A导入通报');
    await gotoSync(basic);
    await tab(basic, '导入');
    await chooseFile(basic, noticeRelayed.broadcast);
    await importNow(basic);
    await importFile(sibling, noticeRelayed.broadcast, []);

    // ── 11. B's 本院挂图 shows the criticism; A sees the notice in its list ──
    count.step('基层B在本院挂图看到批评');
    await reopen(siblingPage, sibling);
    await count.click(siblingPage.getByRole('navigation').getByText('本院挂图', { exact: true }));
    const banner = siblingPage.getByTestId('criticism-banner');
    await expect(banner).toContainText(notice.title);
    await expect(banner).toContainText(HIGH.name);
    await shot(siblingPage, 'b-board-criticism');
    count.step('基层A查看通报');
    await count.click(basic.getByRole('navigation').getByText('专项活动', { exact: true }));
    await count.click(basic.getByTestId('campaign-card').filter({ hasText: CAMPAIGN }).getByTestId('campaign-title'));
    await count.click(basic.getByTestId('tab-orders'));
    await expect(basic.getByTestId('notice-row').filter({ hasText: notice.title })).toBeVisible();
    // Not named, A has no banner.
    expect(await app.call<Notice[]>('notices.aboutUs')).toEqual([]);
    await shot(basic, 'a-notices');

    // ── 12. The sibling cannot read A's order: B holds only its own, and A's sealed package,
    // carried to B, is refused in words ──
    count.step('兄弟法院：只见本院督办单，他院督办包被拒');
    await count.click(siblingPage.getByRole('navigation').getByText('专项活动', { exact: true }));
    await count.click(
      siblingPage.getByTestId('campaign-card').filter({ hasText: CAMPAIGN }).getByTestId('campaign-title'),
    );
    await count.click(siblingPage.getByTestId('tab-orders'));
    await expect(siblingPage.getByTestId('received-order-row')).toHaveCount(1);
    const bOrders = await sibling.call<Order[]>('orders.list', {});
    expect(bOrders.map((order) => order.courtCode)).toEqual([SIBLING.code]);
    await gotoSync(siblingPage);
    await tab(siblingPage, '导入');
    await count.choose(siblingPage.getByTestId('sync-file-input'), sealedForA);
    const refusal = siblingPage.getByTestId('sync-refusal');
    await expect(refusal).toBeVisible({ timeout: 30_000 });
    await expect(refusal.getByTestId('sync-refusal-message')).toHaveText(/[\u4e00-\u9fa5]/);
    await shot(siblingPage, 'b-refused');
    console.log(`兄弟法院导入他院督办包：${await refusal.getByTestId('sync-refusal-message').textContent()}`);
    expect(await sibling.call<Order[]>('orders.list', {})).toHaveLength(1);

    // ── 13. Back at the high court, the matrix counts B's criticism ──
    count.step('高院在进度矩阵核对批评次数');
    await count.click(highLater.getByRole('navigation').getByText('专项活动', { exact: true }));
    await count.click(
      highLater.getByTestId('campaign-card').filter({ hasText: CAMPAIGN }).getByTestId('campaign-title'),
    );
    await count.click(highLater.getByTestId('tab-courts'));
    await expect(laterRow.getByTestId('province-criticisms')).toHaveText('1');
    await expect(
      highLater.getByTestId('province-row').filter({ hasText: BASIC.name }).getByTestId('province-criticisms'),
    ).toHaveText('0');
    await shot(highLater, 'matrix-after');
    count.print();
  } catch (error) {
    for (const [name, page] of Object.entries(pagesForFailure))
      await page.screenshot({ path: test.info().outputPath(`failure-${name}.png`) }).catch(() => undefined);
    throw error;
  } finally {
    await courts.close();
  }
});
