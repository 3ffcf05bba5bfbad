// Supervision notes where they should be seen. Three courts, each with its own preview server and
// data folder, exchange real packages through the API (publish, export up, upload, import): the
// high court E00 publishes a campaign, the intermediate court E05 passes it down to its basic
// court E0583, which reports up. The high court writes a note to E05 and one about E0583; E05
// writes two about E0583 and passes them down. At E05 the campaign's supervision panel shows what
// it received, what it wrote (per court) and its superior's note on its basic court (read-only).
// At E0583 a 填报人 of the item's department finds the unread notes in 我的待办, marks one read
// there, one in the campaign's panel, and the rest with 全部标为已读: the card is then gone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, openPreviewApp, ARTIFACTS_DIR } from './fixtures';
import { ADMIN, COURT } from './helpers';
import { actAs, addUser } from './steps';
import { passDown, reportUp } from './threeCourts';

const HIGH = { name: '湖北省高级人民法院', code: 'E00', level: 'high', operatorName: '周处长' } as const;
const MIDDLE = {
  name: '宜昌市中级人民法院',
  code: 'E05',
  level: 'intermediate',
  parentCode: 'E00',
  parentName: '湖北省高级人民法院',
  operatorName: '陈科长',
} as const;
const HIGH_ADMIN = { username: 'zhouchu', password: 'Zhouchu2026' } as const;
const MIDDLE_ADMIN = { username: 'chenke', password: 'Chenke2026' } as const;
const FILER = { username: 'xingting', password: 'Xingting2026' } as const;
const CAMPAIGN = '2026年能力作风建设年';
const ITEM = '开展庭审观摩活动';

const NOTE_TO_MIDDLE = '请于 12 月 10 日前整改辖区报送迟缓问题，并报送整改情况。';
const HIGH_ON_BASIC = '枝江法院推进偏慢，请中院加强督促。';
const ON_ITEM = '观摩记录不全，请于 12 月 5 日前补齐并整改。';
const ON_COURT = '请按月报送推进情况。';

async function openCampaignPage(page: Page, url: string, campaignId: string) {
  await page.goto(url);
  await page.evaluate((id) => (window.location.hash = `#/campaign/${id}`), campaignId);
  await expect(page.getByTestId('campaign-heading')).toHaveText(CAMPAIGN);
}

test('督导意见：中院看到本院发出的、收到的和上级对辖区法院的意见；基层法院在我的待办中看到未读意见并标为已读', async ({
  page,
  app,
  browser,
}) => {
  test.setTimeout(240_000);
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'court-usb-'));
  const high = await openPreviewApp(fs.mkdtempSync(path.join(os.tmpdir(), 'court-e2e-high-')));
  const middle = await openPreviewApp(fs.mkdtempSync(path.join(os.tmpdir(), 'court-e2e-middle-')));
  const middlePage = await browser.newPage({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    // ── Three courts and one campaign, down and back up once ──
    await high.call('court.setup', { profile: HIGH, admin: HIGH_ADMIN });
    await middle.call('court.setup', { profile: MIDDLE, admin: MIDDLE_ADMIN });
    await app.call('court.setup', { profile: COURT, admin: ADMIN });
    const campaign = await high.call<{ id: string }>('campaigns.create', {
      title: CAMPAIGN,
      year: 2026,
      startDate: '2026-01-01',
      endDate: '2099-12-31',
    });
    await high.call('items.create', {
      campaignId: campaign.id,
      title: ITEM,
      kind: 'mandatory',
      deadline: '2099-12-31',
    });
    await passDown(high, [{ app: middle, code: MIDDLE.code }], campaign.id, usb);
    await passDown(middle, [{ app, code: COURT.code }], campaign.id, usb);

    const items = await app.call<Array<{ id: string; title: string }>>('items.list', { campaignId: campaign.id });
    const copy = items.find((item) => item.title === ITEM)!;
    const department = await app.call<{ id: string }>('departments.create', { name: '刑事审判庭' });
    const full = await app.call<Record<string, unknown>>('items.get', { id: copy.id });
    await app.call('items.update', { ...full, departmentId: department.id });
    await addUser(app, { ...FILER, displayName: '刘填报', roles: ['filer'], departmentId: department.id });
    await reportUp(app, COURT.code, middle, usb);
    // The high court learns both courts' keys from the relay up: sealed notes need them.
    await reportUp(middle, MIDDLE.code, high, usb);

    // ── Notes from above: the high court's, then the intermediate court's ──
    await high.call('supervision.add', {
      campaignId: campaign.id,
      courtCode: MIDDLE.code,
      kind: 'supervision',
      text: NOTE_TO_MIDDLE,
    });
    await high.call('supervision.add', { campaignId: campaign.id, courtCode: COURT.code, text: HIGH_ON_BASIC });
    await passDown(high, [{ app: middle, code: MIDDLE.code }], campaign.id, usb);
    await middle.call('supervision.add', {
      campaignId: campaign.id,
      courtCode: COURT.code,
      itemId: copy.id,
      kind: 'supervision',
      text: ON_ITEM,
    });
    await middle.call('supervision.add', { campaignId: campaign.id, courtCode: COURT.code, text: ON_COURT });

    // ── The intermediate court's own view of the campaign: received, written per court, and its superior's ──
    await middlePage.setViewportSize({ width: 1366, height: 768 });
    await openCampaignPage(middlePage, middle.url, campaign.id);
    const panel = middlePage.getByTestId('received-supervision');
    await expect(panel.getByTestId('supervision-count')).toHaveText('4 条');
    await expect(panel.getByTestId('supervision-unread-count')).toHaveText('未读 1 条');
    const received = panel.getByTestId('supervision-section-received');
    await expect(received.getByTestId('supervision-note')).toHaveCount(1);
    await expect(received).toContainText(NOTE_TO_MIDDLE);
    await expect(received).toContainText('需整改落实');
    const written = panel.getByTestId('supervision-section-written');
    await expect(written.getByTestId('supervision-court-group')).toHaveCount(1);
    await expect(written).toContainText(`${COURT.name}（2 条）`);
    await expect(written.getByTestId('supervision-note')).toHaveCount(2);
    await expect(written).toContainText(`针对事项：${ITEM}`);
    const superior = panel.getByTestId('supervision-section-superior');
    await expect(superior).toContainText(HIGH_ON_BASIC);
    await expect(superior.getByTestId('supervision-note-onpath')).toHaveText('上级法院意见 · 只读');
    // Only the notes it wrote can be withdrawn here.
    await expect(superior.getByRole('button', { name: '撤回' })).toHaveCount(0);
    await expect(written.getByRole('button', { name: '撤回' })).toHaveCount(2);
    await middlePage.screenshot({ path: path.join(ARTIFACTS_DIR, 'issue13-n-intermediate-panel.png') });
    // The basic court's page at the intermediate court: its notes and its superior's, with the form.
    await middlePage.evaluate(
      ([id, code]) => (window.location.hash = `#/campaign/${id}?court=${code}`),
      [campaign.id, COURT.code],
    );
    const courtPanel = middlePage.getByTestId('court-supervision');
    await expect(courtPanel.getByTestId('supervision-count')).toHaveText('3 条');
    // Marking read at the intermediate court: its one received note.
    await openCampaignPage(middlePage, middle.url, campaign.id);
    await received.getByTestId('supervision-note-read').click();
    await expect(received.getByTestId('supervision-note-read-by')).toContainText(`已读 · ${MIDDLE.operatorName}`);
    await expect(panel.getByTestId('supervision-unread-count')).toHaveCount(0);

    // ── Down at the basic court: the 填报人 of the item's department ──
    await passDown(middle, [{ app, code: COURT.code }], campaign.id, usb);
    await actAs(app, FILER);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(app.url);
    await page.evaluate(() => (window.location.hash = '#/work'));
    await expect(page.getByRole('heading', { name: '我的待办' })).toBeVisible();
    const card = page.getByTestId('unread-notes');
    await expect(card.getByTestId('unread-notes-count')).toHaveText('未读 3 条');
    const rows = card.getByTestId('unread-note');
    await expect(rows).toHaveCount(3);
    const onItem = rows.filter({ hasText: ON_ITEM });
    await expect(onItem).toHaveAttribute('data-kind', 'supervision');
    await expect(onItem).toContainText('需整改落实');
    await expect(onItem).toContainText(`针对事项：${ITEM}`);
    await expect(onItem).toContainText(MIDDLE.name);
    await expect(rows.filter({ hasText: HIGH_ON_BASIC })).toContainText('请阅知');
    await expect(rows.filter({ hasText: HIGH_ON_BASIC })).toContainText(HIGH.name);
    // The note addressed to the intermediate court stays there.
    await expect(card).not.toContainText(NOTE_TO_MIDDLE);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'issue13-n-mywork-unread.png') });

    // One marked read in 我的待办 (by keyboard).
    await rows.filter({ hasText: ON_COURT }).getByTestId('unread-note-read').focus();
    await page.keyboard.press('Enter');
    await expect(card.getByTestId('unread-notes-count')).toHaveText('未读 2 条');

    // One opened in its campaign and marked read there.
    // A note on an item opens that item's 督导意见 tab, over its campaign's checklist.
    await onItem.getByTestId('unread-note-open').click();
    await expect(page).toHaveURL(new RegExp(`#/campaign/${campaign.id}\\?item=${copy.id}&tab=supervision$`));
    const itemPanel = page.getByTestId('item-drawer').getByTestId('item-received-supervision');
    const itemNote = itemPanel.getByTestId('supervision-note').filter({ hasText: ON_ITEM });
    await itemNote.getByTestId('supervision-note-read').click();
    await expect(itemNote.getByTestId('supervision-note-read-by')).toContainText('已读 · 刘填报');
    // Closed, the campaign's received notes count one unread left.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('item-drawer')).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`#/campaign/${campaign.id}$`));
    const receivedPanel = page.getByTestId('received-supervision');
    await expect(receivedPanel.getByTestId('supervision-unread-count')).toHaveText('未读 1 条');

    // The rest with 全部标为已读: the card is gone.
    await page.evaluate(() => (window.location.hash = '#/work'));
    await expect(card.getByTestId('unread-notes-count')).toHaveText('未读 1 条');
    await card.getByTestId('unread-notes-all-read').click();
    await expect(card).toHaveCount(0);
    await expect(page.getByRole('heading', { name: '我的待办' })).toBeVisible();
  } finally {
    await middlePage.close();
    high.stop();
    middle.stop();
  }
});
