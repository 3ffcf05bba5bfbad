// A 督办单 at the receiving court (issue 15 steps 2–4). Two courts, each with its own preview server
// and data folder, exchanging real packages through the API: the high court H00 publishes a
// campaign to its basic court H0001, which reports up (so the high court holds its key, its items
// and puts it on the roster). The high court issues a red 督办单 on the basic court's item through
// the API and publishes; the basic court imports the sealed package. Then, through the screens:
// the order is on 本院挂图 and in 我的待办 of the item's 填报人; she signs for it (签收), drafts a
// reply linking the item and its evidence and submits it; the reviewer returns it with a reason;
// she edits and resubmits; the reviewer approves and the drawer shows 已报送. The reply goes up;
// at the high court the issuer 办结s it in the same drawer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, openPreviewApp, ARTIFACTS_DIR, type PreviewApp } from './fixtures';
import { actAs, addUser, type Account } from './steps';
import { scanView } from './a11yScan';
import { passDown, reportUp } from './threeCourts';

const HIGH = { name: '黑龙江省高级人民法院', code: 'H00', level: 'high', operatorName: '李处长' } as const;
const BASIC = {
  name: '龙江县人民法院',
  code: 'H0001',
  level: 'basic',
  parentCode: 'H00',
  parentName: HIGH.name,
  operatorName: '王晓梅',
} as const;
const HIGH_ADMIN = { username: 'lichu', password: 'Lichu2026x' } as const;
/** steps.addUser logs back in as this account: the basic court's first administrator. */
const BASIC_ADMIN = { username: 'wangxm', password: 'Wangxm2026' } as const;
const FILER = { username: 'liutb', password: 'Liutb2026x', displayName: '刘填报' } as const;
const REVIEWER = { username: 'chensh', password: 'Chensh2026x', displayName: '陈审核' } as const;

const CAMPAIGN = '2026年“能力作风建设年”活动';
const ITEM = '组织全员政治轮训';
const REQUIREMENT = '你院政治轮训已逾期，请于回复期限前完成并报送办理情况。';
const DRAFT = '已组织轮训。';
const REASON = '请写明参训人数和完成时间。';
const REPLY = '我院已于本周完成全员政治轮训，共 86 人参训，签到表已作为佐证材料上传。';
const SEND_BACK = '请补充轮训考试成绩。';
const SECOND = '已补充：参训 86 人，考试合格 86 人，成绩单已归档。';
const DRAWER = '.mantine-Drawer-content';
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const day = (days = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86400000));

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, name) });
}

/** Logs the basic court's one session in as `account` and reloads the page on the same address. */
async function become(app: PreviewApp, page: Page, account: Account): Promise<void> {
  await actAs(app, account);
  await page.reload();
  await expect(page.getByTestId('header-user')).toBeVisible();
}

test('督办单：基层法院在本院挂图和我的待办中看到，签收，回复经审核人退回、修改后同意报送，上级法院办结', async ({
  page,
  app,
  browser,
}) => {
  test.setTimeout(240_000);
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'court-usb-'));
  const highDir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-e2e-high-'));
  const high = await openPreviewApp(highDir);
  const highPage = await browser.newPage({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 768 },
  });
  try {
    // ── Two courts and one campaign, down and back up once ──
    await high.call('court.setup', { profile: HIGH, admin: HIGH_ADMIN });
    await app.call('court.setup', { profile: BASIC, admin: BASIC_ADMIN });
    const campaign = await high.call<{ id: string }>('campaigns.create', {
      title: CAMPAIGN,
      year: 2026,
      startDate: '2026-01-01',
      endDate: '2099-12-31',
    });
    await high.call('items.create', { campaignId: campaign.id, title: ITEM, kind: 'mandatory', deadline: day(30) });
    await passDown(high, [{ app, code: BASIC.code }], campaign.id, usb);
    const copy = (await app.call<Array<{ id: string; title: string }>>('items.list', { campaignId: campaign.id })).find(
      (item) => item.title === ITEM,
    )!;
    const department = await app.call<{ id: string }>('departments.create', { name: '政治部' });
    const full = await app.call<Record<string, unknown>>('items.get', { id: copy.id });
    await app.call('items.update', { ...full, departmentId: department.id });
    await app.call('evidence.add', {
      itemId: copy.id,
      name: '轮训签到表.png',
      mimeType: 'image/png',
      dataBase64: PHOTO.toString('base64'),
    });
    await addUser(app, { ...FILER, roles: ['filer'], departmentId: department.id });
    await addUser(app, { ...REVIEWER, roles: ['reviewer'] });
    await reportUp(app, BASIC.code, high, usb);

    // ── The high court issues a red 督办单 on the item (its screen is H4's), and publishes ──
    const held = await high.call<Array<{ id: string; title: string }>>('items.list', {
      campaignId: campaign.id,
      courtCode: BASIC.code,
    });
    const issued = await high.call<{ docNumber: string; orders: Array<{ id: string }> }>('orders.issue', {
      campaignId: campaign.id,
      courtCodes: [BASIC.code],
      itemIds: [held.find((item) => item.title === ITEM)!.id],
      kind: 'supervise',
      colour: 'red',
      requirement: REQUIREMENT,
      replyDue: day(7),
      docPrefix: '黑高法',
    });
    const orderId = issued.orders[0].id;
    const doc = issued.docNumber;
    expect(doc).toMatch(/^黑高法督〔\d{4}〕\d+号$/);
    await passDown(high, [{ app, code: BASIC.code }], campaign.id, usb);

    // ── At the basic court, the 填报人 of the item's department: 本院挂图 and 我的待办 ──
    await actAs(app, FILER);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(app.url);
    await page.evaluate(() => (window.location.hash = '#/board'));
    const board = page.getByTestId('board-orders');
    await expect(board.getByTestId('board-order')).toHaveCount(1);
    await expect(board).toContainText(doc);
    await expect(board).toContainText('红色');
    await expect(board.getByTestId('board-orders-unsigned-value')).toHaveText('1');
    await expect(board.getByTestId('board-orders-to-reply-value')).toHaveText('0');
    await expect(board.getByTestId('order-state')).toHaveText('待签收');
    await board.scrollIntoViewIfNeeded();
    await shot(page, 'issue15-h5-board-card.png');
    await scanView(page, '本院挂图 · 收到的督办单');

    await page.evaluate(() => (window.location.hash = '#/work'));
    await expect(page.getByRole('heading', { name: '我的待办' })).toBeVisible();
    // A red order waits: the card is the first thing on the page.
    const card = page.getByTestId('order-tasks');
    await expect(card).toHaveAttribute('data-place', 'top');
    const task = card.getByTestId('order-task');
    await expect(task).toHaveCount(1);
    await expect(task).toHaveAttribute('data-task', 'sign');
    await expect(task).toContainText(doc);
    await expect(task).toContainText('红色');
    await expect(task).toContainText(CAMPAIGN);
    await expect(task).toContainText(`回复期限 ${day(7)}`);
    await expect(task.getByTestId('order-task-action')).toHaveText('签收');
    await shot(page, 'issue15-h5-mywork-card.png');
    await scanView(page, '我的待办 · 督办单');

    // ── 签收 in the drawer opened from 我的待办 ──
    await task.getByTestId('order-task-action').click();
    await expect(page).toHaveURL(new RegExp(`#/campaign/${campaign.id}/orders\\?order=${orderId}$`));
    const drawer = page.getByTestId('order-drawer');
    await expect(drawer.getByTestId('order-doc-number')).toHaveText(doc);
    await expect(drawer.getByTestId('order-colour')).toHaveText('红色');
    await expect(drawer.getByTestId('order-kind')).toHaveText('督办');
    await expect(drawer.getByTestId('order-state').first()).toHaveText('待签收');
    await expect(drawer.getByTestId('order-origin')).toContainText(HIGH.name);
    await expect(drawer.getByTestId('order-court')).toContainText(BASIC.name);
    await expect(drawer.getByTestId('order-reply-due')).toContainText('还剩 7 天');
    await expect(drawer.getByTestId('order-requirement')).toHaveText(REQUIREMENT);
    await expect(drawer.getByTestId('order-item-link')).toHaveText(ITEM);
    await expect(drawer.getByTestId('reply-form')).toHaveCount(0);
    // The campaign's list of received orders, under the drawer.
    await expect(page.getByTestId('received-order-row')).toHaveCount(1);
    await shot(page, 'issue15-h5-drawer-unsigned.png');
    await scanView(page, '督办单抽屉 · 待签收', DRAWER);
    await drawer.getByTestId('order-sign').click();
    await expect(drawer.getByTestId('order-signed-note')).toHaveText('签收已记录，将随下次上报送达上级法院');
    await expect(drawer.getByTestId('order-event-signed')).toContainText(`${FILER.displayName} 签收`);
    await expect(drawer.getByTestId('order-state').first()).toHaveText('已签收（待回复）');
    // The cursor is where the next thing is done.
    await expect(drawer.getByTestId('reply-text')).toBeFocused();

    // ── Typed reply text is not lost by closing: the drawer asks first ──
    await drawer.getByTestId('reply-text').fill(DRAFT);
    await page.keyboard.press('Escape');
    await expect(page.getByText('有未保存的内容，确定放弃吗？')).toBeVisible();
    await page.getByTestId('confirm-cancel').click();
    await expect(drawer.getByTestId('reply-text')).toHaveValue(DRAFT);
    await drawer.getByTestId('reply-text').fill('');

    // ── A reply: refused empty (nothing sent), then a draft linking the item and its evidence, submitted ──
    await drawer.getByTestId('reply-submit').click();
    await expect(drawer.getByTestId('reply-form')).toContainText('办理情况');
    await expect(drawer.locator('[data-testid="reply-text"][aria-invalid="true"]')).toHaveCount(1);
    await drawer.getByTestId('reply-text').fill(DRAFT);
    await drawer.getByTestId('reply-items').click();
    await page.getByRole('option', { name: new RegExp(ITEM) }).click();
    await drawer.getByTestId('reply-text').click();
    await drawer.getByTestId('reply-evidence').click();
    await page.getByRole('option', { name: '轮训签到表.png' }).click();
    await drawer.getByTestId('reply-text').click();
    await drawer.getByTestId('reply-submit').click();
    await expect(drawer.getByTestId('reply-waiting')).toContainText('等待审核人审核');
    // The court's own state: the answer waits for its reviewer, not for a reply.
    await expect(drawer.getByTestId('order-state').first()).toHaveText('回复待本院审核');
    await expect(drawer.getByTestId('order-reply-status')).toHaveText('待审核');
    await expect(drawer.getByTestId('reply-approve')).toHaveCount(0);

    // ── The reviewer finds it in 我的待办 and returns it with a reason ──
    await become(app, page, REVIEWER);
    await page.evaluate(() => (window.location.hash = '#/work'));
    const review = page.getByTestId('order-task');
    await expect(review).toHaveAttribute('data-task', 'review');
    await expect(review.getByTestId('order-task-action')).toHaveText('审核');
    await review.getByTestId('order-task-action').click();
    await expect(drawer.getByTestId('order-doc-number')).toHaveText(doc);
    await expect(drawer.getByTestId('reply-review')).toContainText(FILER.displayName);
    await expect(drawer.getByTestId('order-reply-items')).toContainText(ITEM);
    await expect(drawer.getByTestId('order-reply-evidence')).toContainText('轮训签到表.png');
    await shot(page, 'issue15-h5-drawer-pending.png');
    await scanView(page, '督办单抽屉 · 审核回复', DRAWER);
    await drawer.getByTestId('reply-return').click();
    // No reason, no return.
    await page.getByTestId('reply-return-confirm').click();
    await expect(page.getByText('请填写退回理由')).toBeVisible();
    await page.getByTestId('reply-return-reason').fill(REASON);
    await page.getByTestId('reply-return-confirm').click();
    await expect(page.getByTestId('reply-return-reason')).toBeHidden();
    await expect(drawer.getByTestId('order-reply-status')).toHaveText('草稿');
    await expect(drawer.getByTestId('order-reply-review-note')).toContainText(REASON);

    // ── The 填报人 sees why, edits the draft and submits again ──
    await become(app, page, FILER);
    await expect(drawer.getByTestId('reply-review-note')).toContainText(REASON);
    await expect(drawer.getByTestId('reply-text')).toHaveValue(DRAFT);
    await expect(drawer.getByTestId('reply-form')).toContainText(ITEM);
    await shot(page, 'issue15-h5-drawer-draft-returned.png');
    await scanView(page, '督办单抽屉 · 退回修改的草稿', DRAWER);
    await drawer.getByTestId('reply-text').fill(REPLY);
    await drawer.getByTestId('reply-submit').click();
    await expect(drawer.getByTestId('reply-waiting')).toBeVisible();
    await expect(drawer.getByTestId('order-reply-text')).toHaveText(REPLY);

    // ── The reviewer approves: 已报送 ──
    await become(app, page, REVIEWER);
    await drawer.getByTestId('reply-approve').click();
    await page.getByTestId('confirm-ok').click();
    await expect(drawer.getByTestId('order-reply-sent')).toContainText('回复已报送，将随下次上报送达上级法院');
    await expect(drawer.getByTestId('order-reply-status')).toHaveText('已报送');
    await expect(drawer.getByTestId('order-reply-reviewer')).toContainText(REVIEWER.displayName);
    await expect(drawer.getByTestId('order-state').first()).toHaveText('已回复（待办结）');
    await shot(page, 'issue15-h5-drawer-sent.png');
    await scanView(page, '督办单抽屉 · 已报送', DRAWER);
    // Nothing waits on anyone here now: the card is gone from 本院挂图's counts.
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`#/campaign/${campaign.id}/orders$`));
    await expect(page.getByTestId('received-order-row')).toHaveAttribute('data-state', 'replied');

    // ── Up to the high court: the issuer closes it (办结) in the same drawer ──
    await reportUp(app, BASIC.code, high, usb);
    await highPage.goto(high.url);
    await highPage.evaluate(([id, order]) => (window.location.hash = `#/campaign/${id}/orders?order=${order}`), [
      campaign.id,
      orderId,
    ] as const);
    const highDrawer = highPage.getByTestId('order-drawer');
    await expect(highDrawer).toHaveAttribute('data-relation', 'issued');
    await expect(highDrawer.getByTestId('order-reply-text')).toHaveText(REPLY);
    await expect(highDrawer.getByTestId('order-event-signed')).toContainText(FILER.displayName);
    // 修改 while open: the requirement, kept in the drawer.
    await highDrawer.getByTestId('order-edit').click();
    const edit = highPage.getByTestId('order-edit-dialog');
    await edit.getByRole('textbox', { name: '督办要求' }).fill(`${REQUIREMENT}并附考试成绩。`);
    await shot(highPage, 'issue15-h5-edit-dialog.png');
    await highPage.getByTestId('order-edit-save').click();
    await expect(edit).toBeHidden();
    await expect(highDrawer.getByTestId('order-requirement')).toHaveText(`${REQUIREMENT}并附考试成绩。`);
    // 退回 first: a reason is required, and the order goes back to the court's 待办.
    await highDrawer.getByTestId('order-return').click();
    await highPage.getByTestId('order-return-confirm').click();
    await expect(highPage.getByText('请填写退回理由')).toBeVisible();
    await highPage.getByTestId('order-return-reason').fill(SEND_BACK);
    await highPage.getByTestId('order-return-confirm').click();
    await expect(highDrawer.getByTestId('order-event-returned')).toContainText(`退回理由：${SEND_BACK}`);
    await expect(highDrawer.getByTestId('order-close')).toHaveCount(0);
    await passDown(high, [{ app, code: BASIC.code }], campaign.id, usb);

    // ── Back at the basic court: the returned order waits in 我的待办 with its reason ──
    await become(app, page, FILER);
    await page.evaluate(() => (window.location.hash = '#/work'));
    const again = page.getByTestId('order-task');
    await expect(again).toHaveAttribute('data-task', 'reply');
    await expect(again).toContainText(`已退回：${SEND_BACK}`);
    await again.getByTestId('order-task-action').click();
    await expect(drawer.getByTestId('order-returned-reason')).toContainText(SEND_BACK);
    await expect(drawer.getByTestId('order-state').first()).toHaveText('已退回（待重新回复）');
    await shot(page, 'issue15-h5-drawer-returned-by-issuer.png');
    await drawer.getByTestId('reply-text').fill(SECOND);
    await drawer.getByTestId('reply-submit').click();
    await expect(drawer.getByTestId('reply-waiting')).toBeVisible();
    await become(app, page, REVIEWER);
    await drawer.getByTestId('reply-approve').click();
    await page.getByTestId('confirm-ok').click();
    await expect(drawer.getByTestId('order-reply-sent')).toBeVisible();
    await expect(drawer.getByTestId('order-reply-status')).toHaveText(['已报送', '已报送']);
    await reportUp(app, BASIC.code, high, usb);
    await highPage.reload();
    await expect(highDrawer.getByTestId('order-reply-text').last()).toHaveText(SECOND);
    await highDrawer.getByTestId('order-close').click();
    await highPage.getByTestId('order-close-note').fill('办理到位，予以办结。');
    await highPage.getByTestId('order-close-confirm').click();
    await expect(highDrawer.getByTestId('order-closed')).toContainText('督办单已办结');
    await expect(highDrawer.getByTestId('order-event-closed')).toContainText('办结意见：办理到位，予以办结。');
    await expect(highDrawer.getByTestId('order-edit')).toHaveCount(0);
    await shot(highPage, 'issue15-h5-drawer-closed-high.png');
    await passDown(high, [{ app, code: BASIC.code }], campaign.id, usb);
    await page.reload();
    await expect(drawer.getByTestId('order-closed')).toContainText('督办单已办结');
    await expect(drawer.getByTestId('reply-form')).toHaveCount(0);
    await expect(drawer.getByTestId('order-reply-again')).toHaveCount(0);
    await page.evaluate(() => (window.location.hash = '#/board'));
    await expect(page.getByRole('heading', { name: '本院挂图' })).toBeVisible();
    await expect(page.getByTestId('board-orders')).toHaveCount(0);
  } finally {
    await highPage.close();
    high.stop();
    fs.rmSync(usb, { recursive: true, force: true });
    fs.rmSync(highDir, { recursive: true, force: true });
  }
});
