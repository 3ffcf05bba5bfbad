// Sync bundles between two courts, each with its own data folder and preview server: a basic
// court (J2301) exports its report-up bundle in the 同步 page to a folder; its parent, an
// intermediate court (J23), imports that file through the file input, sees the preview, compares
// the fingerprint shown in the basic court's settings, confirms, and then finds the import in
// 同步记录, the court in 信任的法院 and in 下级法院 with bundle 第 1 号. The same file again
// changes nothing and says so.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, openPreviewApp, type PreviewApp } from './fixtures';
import { shot } from './steps';
import { shellText } from '../../src/renderer/shell/text';

const BASIC = {
  name: '哈尔滨市南岗区人民法院',
  code: 'J2301',
  level: 'basic',
  parentCode: 'J23',
  parentName: '哈尔滨市中级人民法院',
  operatorName: '周敏',
} as const;
const INTERMEDIATE = {
  name: '哈尔滨市中级人民法院',
  code: 'J23',
  level: 'intermediate',
  parentCode: 'J00',
  parentName: '黑龙江省高级人民法院',
  operatorName: '陈刚',
} as const;
const BASIC_ADMIN = { username: 'zhoumin', password: 'Zhoumin2026' } as const;
const INTERMEDIATE_ADMIN = { username: 'chengang', password: 'Chengang2026' } as const;
const CAMPAIGN = '2026年“清廉法院”建设';
const ITEMS = ['开展廉政警示教育', '修订审判权力运行监督制度', '排查廉政风险点'];

/** The basic court's own work: a campaign with two sections, three items and a progress note. */
async function seedBasicCourt(app: PreviewApp): Promise<void> {
  await app.call('court.setup', { profile: BASIC, admin: BASIC_ADMIN });
  const campaign = await app.call<{ id: string }>('campaigns.create', {
    title: CAMPAIGN,
    year: 2026,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
  });
  await app.call('sections.create', { campaignId: campaign.id, title: '廉洁文化工程' });
  const detail = await app.call<{ sections: Array<{ id: string }> }>('sections.create', {
    campaignId: campaign.id,
    title: '制度建设工程',
  });
  const itemIds: string[] = [];
  for (const [index, title] of ITEMS.entries()) {
    const item = await app.call<{ id: string }>('items.create', {
      campaignId: campaign.id,
      sectionId: detail.sections[index % 2].id,
      title,
      owner: '刘洋',
      kind: 'own',
      deadline: '2099-12-31',
    });
    itemIds.push(item.id);
  }
  await app.call('progress.add', {
    itemId: itemIds[0],
    noteDate: '2026-03-02',
    text: '组织全院干警观看警示教育片，撰写心得体会 86 篇。',
    percent: 40,
  });
}

async function openSyncTab(page: Page, tab: '上报' | '导入' | '信任的法院' | '同步记录'): Promise<void> {
  await page.getByRole('navigation').getByText('同步', { exact: true }).click();
  await expect(page.getByTestId('sync-page')).toBeVisible();
  await page.getByRole('tab', { name: tab }).click();
}

async function chooseBundle(page: Page, file: string): Promise<void> {
  await openSyncTab(page, '导入');
  await page.getByTestId('sync-file-input').setInputFiles(file);
}

test('基层法院导出上报包 → 中级法院预览、电话核对指纹、导入 → 同步记录、信任的法院、下级法院；同一文件再导入无变化', async ({
  page,
  app,
  browser,
}) => {
  test.setTimeout(180_000);
  const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'court-usb-'));
  const parentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-e2e-parent-'));
  const parent = await openPreviewApp(parentDir);
  const parentPage = await browser.newPage({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
  try {
    await seedBasicCourt(app);
    await parent.call('court.setup', { profile: INTERMEDIATE, admin: INTERMEDIATE_ADMIN });

    // ── The basic court: its fingerprint in settings, then 上报 to the parent court ──
    await page.goto(app.url);
    await expect(page.getByTestId('header-court')).toHaveText(BASIC.name);
    // A basic court has no subordinates to watch.
    await expect(page.getByRole('navigation').getByText(shellText.navSubordinates, { exact: true })).toHaveCount(0);
    await page.getByRole('navigation').getByText('设置', { exact: true }).click();
    const ownFingerprint = page.getByTestId('own-fingerprint');
    await expect(ownFingerprint.getByTestId('fingerprint-group')).toHaveCount(8);
    const basicFingerprint = (await ownFingerprint.getAttribute('data-fingerprint')) ?? '';
    expect(basicFingerprint).toMatch(/^\d{5}( \d{5}){7}$/);

    await openSyncTab(page, '上报');
    const exportPanel = page.getByTestId('sync-export');
    await expect(exportPanel.getByTestId('sync-this-court')).toHaveText(`${BASIC.name}（${BASIC.code}）`);
    await expect(exportPanel.getByTestId('sync-parent-court')).toHaveText(`${BASIC.parentName}（${BASIC.parentCode}）`);
    // No package from the parent yet: its key is unknown, so the bundle goes signed but not encrypted.
    await expect(exportPanel.getByTestId('sync-encryption')).toContainText('上级法院的密钥尚未导入');
    await expect(exportPanel.getByTestId('sync-next-seq-value')).toHaveText('第 1 号');
    await expect(exportPanel.getByTestId('sync-last-export')).toContainText('尚未上报过');
    expect(Number(await exportPanel.getByTestId('sync-pending-value').textContent())).toBeGreaterThan(0);

    await exportPanel.getByTestId('sync-folder').fill(outbox);
    await exportPanel.getByTestId('sync-export-button').click();
    const exported = page.getByTestId('sync-export-result');
    await expect(exported).toBeVisible({ timeout: 30_000 });
    // The card sits below the button: it is brought into view and takes the focus.
    await expect(exported).toBeInViewport();
    await expect(page.getByTestId('sync-export-outcome')).toBeFocused();
    await expect(exported.getByTestId('sync-export-seq')).toHaveText('第 1 号');
    const fileName = (await exported.getByTestId('sync-export-file').textContent()) ?? '';
    const filePath = (await exported.getByTestId('sync-export-path').textContent()) ?? '';
    expect(fileName).toContain(BASIC.code);
    expect(path.dirname(filePath)).toBe(outbox);
    expect(fs.statSync(filePath).size).toBeGreaterThan(0);
    // The overview moved on: the next bundle is 第 2 号 and nothing is waiting.
    await expect(exportPanel.getByTestId('sync-next-seq-value')).toHaveText('第 2 号');
    await expect(exportPanel.getByTestId('sync-last-export')).toContainText('第 1 号');
    await expect(exportPanel.getByTestId('sync-pending-value')).toHaveText('0');
    await shot(page, 'sync-export.png');

    // ── The intermediate court: import the file through the file input ──
    await parentPage.goto(parent.url);
    await expect(parentPage.getByTestId('header-court')).toHaveText(INTERMEDIATE.name);
    await chooseBundle(parentPage, filePath);
    const summary = parentPage.getByTestId('bundle-summary');
    await expect(summary).toBeVisible({ timeout: 30_000 });
    await expect(summary.getByTestId('bundle-kind')).toHaveText('上报包');
    await expect(summary.getByTestId('bundle-source')).toHaveText(`${BASIC.name}（${BASIC.code}）`);
    await expect(summary.getByTestId('bundle-seq')).toHaveText('第 1 号');
    await expect(summary.getByTestId('bundle-encrypted')).toHaveText('未加密（有签名）');
    // What would change: the basic court's rows, all new, the campaign among them.
    const changes = parentPage.getByTestId('bundle-change-row');
    await expect(changes.filter({ hasText: CAMPAIGN })).toHaveCount(1);
    await expect(changes.filter({ hasText: CAMPAIGN }).getByTestId('change-added')).not.toHaveText('0');
    expect(await changes.evaluateAll((rows) => rows.every((row) => row.getAttribute('data-court') === 'J2301'))).toBe(
      true,
    );
    expect(Number(await parentPage.getByTestId('total-added').textContent())).toBeGreaterThanOrEqual(
      1 + 2 + ITEMS.length + 1,
    );
    await expect(parentPage.getByTestId('total-updated')).toHaveText('0');

    // First contact: the fingerprint to compare by phone is the one the basic court's settings show.
    const trust = parentPage.getByTestId('trust-court');
    await expect(trust).toHaveCount(1);
    await expect(trust).toHaveAttribute('data-court', BASIC.code);
    await expect(trust.getByTestId('trust-fingerprint')).toHaveAttribute('data-fingerprint', basicFingerprint);
    await expect(trust.getByTestId('fingerprint-group')).toHaveText(basicFingerprint.split(' '));
    const importButton = parentPage.getByTestId('sync-import-button');
    await expect(importButton).toBeDisabled();
    // A new subordinate is not on the roster (应报名单) yet: named, with one click to add it.
    const roster = parentPage.getByTestId('roster-court');
    await expect(roster).toHaveCount(1);
    await expect(roster).toHaveAttribute('data-court', BASIC.code);
    await expect(roster).toContainText(`${BASIC.name}（${BASIC.code}）（基层人民法院）：不在本院应报名单中`);
    await shot(parentPage, 'sync-preview.png');
    await trust.getByRole('checkbox', { name: '已与对方法院电话核对指纹一致' }).check();
    // The fingerprint is confirmed, but the import still waits for the roster, and says so.
    await expect(importButton).toBeDisabled();
    await expect(parentPage.getByTestId('sync-import-blocked')).toHaveText(
      '还有 1 个法院不在应报名单中，请先确认并加入应报名单。',
    );
    await roster.getByRole('button', { name: `将${BASIC.name}（${BASIC.code}）加入应报名单` }).click();
    await expect(roster).toContainText('导入时将加入应报名单');
    await expect(importButton).toBeEnabled();
    await importButton.click();
    const result = parentPage.getByTestId('sync-import-result');
    await expect(result).toBeVisible({ timeout: 30_000 });
    await expect(result).toHaveAttribute('data-outcome', 'imported');
    await expect(result.getByTestId('bundle-source')).toContainText(BASIC.code);
    await expect(result.getByTestId('bundle-added-roster')).toContainText(`${BASIC.name}（${BASIC.code}）`);

    // 同步记录: the import, with the file, the court, its sequence number and 成功.
    await parentPage.getByRole('tab', { name: '同步记录' }).click();
    const imported = parentPage
      .getByTestId('history-row')
      .filter({ has: parentPage.getByTestId('history-result').getByText('成功') });
    await expect(imported).toHaveCount(1);
    await expect(imported).toHaveAttribute('data-direction', 'import');
    await expect(imported.getByTestId('history-file')).toHaveText(fileName);
    await expect(imported.getByTestId('history-court')).toHaveText(`${BASIC.name}（${BASIC.code}）`);
    await expect(imported.getByTestId('history-seq')).toHaveText('第 1 号');

    // 信任的法院: the basic court as a subordinate, with the fingerprint confirmed by phone.
    await parentPage.getByRole('tab', { name: '信任的法院' }).click();
    const trusted = parentPage.getByTestId('trusted-row').filter({ hasText: BASIC.code });
    await expect(trusted).toHaveCount(1);
    await expect(trusted.getByTestId('trusted-relation')).toHaveText('下级');
    await expect(trusted.getByTestId('trusted-fingerprint')).toHaveAttribute('data-fingerprint', basicFingerprint);
    await expect(trusted.getByTestId('trusted-last-seq')).toHaveText('第 1 号');
    await shot(parentPage, 'sync-trusted.png');

    // 下级法院: J2301 with bundle 第 1 号, no gap, fresh, and its items counted.
    await parentPage.getByRole('navigation').getByText(shellText.navSubordinates, { exact: true }).click();
    const subordinate = parentPage.getByTestId('subordinate-row').filter({ hasText: BASIC.code });
    await expect(subordinate).toHaveCount(1);
    await expect(subordinate).toContainText(BASIC.name);
    await expect(subordinate.getByTestId('subordinate-seq')).toHaveText('第 1 号');
    await expect(subordinate.getByTestId('subordinate-gap')).toHaveText('无');
    await expect(subordinate.getByTestId('subordinate-age')).toHaveAttribute('data-color', 'none');
    await expect(subordinate.getByTestId('subordinate-items')).toHaveText(String(ITEMS.length));
    await shot(parentPage, 'sync-subordinates.png');

    // The same file again: nothing changes, the page says so and offers nothing to import.
    await chooseBundle(parentPage, filePath);
    await expect(parentPage.getByTestId('bundle-summary')).toBeVisible({ timeout: 30_000 });
    await expect(parentPage.getByTestId('sync-unchanged')).toHaveText('此同步包已导入过，没有任何变化');
    await expect(parentPage.getByTestId('trust-step')).toHaveCount(0);
    await expect(parentPage.getByTestId('sync-import-button')).toHaveCount(0);
    await parentPage.getByTestId('sync-discard').click();
    await expect(parentPage.getByTestId('sync-dropzone')).toBeVisible();
    await parentPage.getByRole('tab', { name: '同步记录' }).click();
    await expect(
      parentPage.getByTestId('history-row').filter({ has: parentPage.getByTestId('history-result').getByText('成功') }),
    ).toHaveCount(1);
  } finally {
    await parentPage.close();
    parent.stop();
    fs.rmSync(outbox, { recursive: true, force: true });
    fs.rmSync(parentDir, { recursive: true, force: true });
  }
});

const ISSUED_CAMPAIGN = '2026年“能力作风建设年”活动';
const ISSUED_SECTION = '规定动作';
const ISSUED_ITEMS = [
  { title: '组织全员政治轮训', deadline: '2099-06-30' },
  { title: '开展审判质效专项评查', deadline: '2099-09-30' },
] as const;

/** The intermediate court's own campaign to issue: one section, two mandatory items with deadlines. */
async function seedIssuingCourt(app: PreviewApp): Promise<void> {
  await app.call('court.setup', { profile: INTERMEDIATE, admin: INTERMEDIATE_ADMIN });
  const campaign = await app.call<{ id: string }>('campaigns.create', {
    title: ISSUED_CAMPAIGN,
    year: 2026,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
  });
  const detail = await app.call<{ sections: Array<{ id: string }> }>('sections.create', {
    campaignId: campaign.id,
    title: ISSUED_SECTION,
  });
  for (const item of ISSUED_ITEMS) {
    await app.call('items.create', {
      campaignId: campaign.id,
      sectionId: detail.sections[0].id,
      title: item.title,
      kind: 'mandatory',
      deadline: item.deadline,
    });
  }
}

/** The settings card's fingerprint of the court open in `page`. */
async function ownFingerprintOf(page: Page): Promise<string> {
  await page.getByRole('navigation').getByText('设置', { exact: true }).click();
  const own = page.getByTestId('own-fingerprint');
  await expect(own.getByTestId('fingerprint-group')).toHaveCount(8);
  const value = (await own.getAttribute('data-fingerprint')) ?? '';
  expect(value).toMatch(/^\d{5}( \d{5}){7}$/);
  return value;
}

test('中级法院下发专项活动 → 基层法院预览、电话核对指纹、导入 → 规定动作锁定定义、可填责任人；上报改为加密', async ({
  page,
  app,
  browser,
}) => {
  test.setTimeout(180_000);
  const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'court-usb-'));
  const issuerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-e2e-issuer-'));
  const issuer = await openPreviewApp(issuerDir);
  const issuerPage = await browser.newPage({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
  try {
    await seedIssuingCourt(issuer);
    await app.call('court.setup', { profile: BASIC, admin: BASIC_ADMIN });

    // ── The intermediate court: its fingerprint in settings, then 下发 of its campaign ──
    await issuerPage.goto(issuer.url);
    await expect(issuerPage.getByTestId('header-court')).toHaveText(INTERMEDIATE.name);
    const issuerFingerprint = await ownFingerprintOf(issuerPage);

    await issuerPage.getByRole('navigation').getByText('同步', { exact: true }).click();
    await expect(issuerPage.getByTestId('sync-page')).toBeVisible();
    await issuerPage.getByRole('tab', { name: '下发' }).click();
    const publishPanel = issuerPage.getByTestId('sync-publish');
    const campaignSelect = publishPanel.getByTestId('sync-publish-campaign');
    const campaignLabel = `${ISSUED_CAMPAIGN}（2026）`;
    // The court's only own campaign is proposed already; the list offers it, chosen.
    await expect(campaignSelect).toHaveValue(campaignLabel);
    await campaignSelect.click();
    const option = issuerPage.getByRole('option', { name: campaignLabel, exact: true });
    await expect(option).toBeVisible();
    await expect(option).toHaveAttribute('aria-selected', 'true');
    await issuerPage.keyboard.press('Escape');
    await expect(option).toBeHidden();
    await expect(campaignSelect).toHaveValue(campaignLabel);
    await publishPanel.getByTestId('sync-folder').fill(outbox);
    await publishPanel.getByTestId('sync-publish-button').click();
    const published = publishPanel.getByTestId('sync-export-result');
    await expect(published).toBeVisible({ timeout: 30_000 });
    await expect(published).toContainText('下发包已生成');
    const fileName = (await published.getByTestId('sync-export-file').textContent()) ?? '';
    const filePath = (await published.getByTestId('sync-export-path').textContent()) ?? '';
    expect(fileName).toContain('下发包');
    expect(fileName).toContain(INTERMEDIATE.code);
    expect(path.dirname(filePath)).toBe(outbox);
    expect(fs.statSync(filePath).size).toBeGreaterThan(0);
    // A package down always carries the whole definition.
    await expect(published.getByTestId('sync-export-seq')).toHaveText('第 1 号（完整快照）');
    await expect(published.getByTestId('sync-export-encrypted')).toHaveText('未加密（有签名防篡改）');
    // The publish button is back for the next package.
    await expect(publishPanel.getByTestId('sync-publish-button')).toBeVisible();
    await shot(issuerPage, 'sync-publish.png');

    // ── The basic court: 上报 is not encrypted yet, then import the package ──
    await page.goto(app.url);
    await expect(page.getByTestId('header-court')).toHaveText(BASIC.name);
    await openSyncTab(page, '上报');
    await expect(page.getByTestId('sync-export').getByTestId('sync-encryption')).toContainText(
      '上级法院的密钥尚未导入',
    );

    await chooseBundle(page, filePath);
    const summary = page.getByTestId('bundle-summary');
    await expect(summary).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('sync-import-file')).toHaveText(fileName);
    await expect(summary.getByTestId('bundle-kind')).toHaveText('下发包');
    await expect(summary.getByTestId('bundle-source')).toHaveText(`${INTERMEDIATE.name}（${INTERMEDIATE.code}）`);
    await expect(summary.getByTestId('bundle-target')).toHaveText('各下级法院');
    await expect(summary.getByTestId('bundle-seq')).toHaveText('第 1 号');
    await expect(summary.getByTestId('bundle-encrypted')).toHaveText('未加密（有签名）');
    await expect(summary.getByTestId('bundle-campaign')).toHaveText(ISSUED_CAMPAIGN);
    await expect(page.getByTestId('bundle-change-row').filter({ hasText: ISSUED_CAMPAIGN })).toHaveCount(1);
    await expect(page.getByTestId('sync-materialized')).toContainText(`新增 ${ISSUED_ITEMS.length} 项`);

    // First contact: the fingerprint to compare by phone is the one J23's settings show.
    const trust = page.getByTestId('trust-court');
    await expect(trust).toHaveCount(1);
    await expect(trust).toHaveAttribute('data-court', INTERMEDIATE.code);
    await expect(trust.getByTestId('trust-fingerprint')).toHaveAttribute('data-fingerprint', issuerFingerprint);
    await expect(trust.getByTestId('fingerprint-group')).toHaveText(issuerFingerprint.split(' '));
    const importButton = page.getByTestId('sync-import-button');
    await expect(importButton).toBeDisabled();
    await shot(page, 'sync-package-preview.png');
    await trust.getByRole('checkbox', { name: '已与对方法院电话核对指纹一致' }).check();
    await expect(importButton).toBeEnabled();
    await importButton.click();
    const result = page.getByTestId('sync-import-result');
    await expect(result).toBeVisible({ timeout: 30_000 });
    await expect(result).toHaveAttribute('data-outcome', 'imported');
    await expect(result).toContainText('导入完成');
    await expect(result.getByTestId('sync-import-message')).not.toBeEmpty();
    await expect(result.getByTestId('bundle-source')).toContainText(INTERMEDIATE.code);

    // ── 专项活动: the campaign, issued by J23, with its two items marked 上级下发 ──
    await page.getByRole('navigation').getByText('专项活动', { exact: true }).click();
    const card = page.getByTestId('campaign-card').filter({ hasText: ISSUED_CAMPAIGN });
    await expect(card).toHaveCount(1);
    await expect(card.getByTestId('campaign-card-issued')).toHaveText('上级下发');
    await expect(card).toContainText(INTERMEDIATE.name);
    await card.getByTestId('campaign-title').click();
    await expect(page.getByTestId('item-table')).toBeVisible();
    const rows = page.getByTestId('item-row');
    await expect(rows).toHaveCount(ISSUED_ITEMS.length);
    for (const item of ISSUED_ITEMS) {
      const itemRow = rows.filter({ hasText: item.title });
      await expect(itemRow.getByTestId('row-issued')).toHaveText('上级下发');
      await expect(itemRow).toContainText(item.deadline);
    }

    // The drawer: the definition locked, with the reason; 责任人 still ours to fill and save.
    await rows.filter({ hasText: ISSUED_ITEMS[0].title }).click();
    const drawer = page.getByTestId('item-drawer');
    await expect(drawer.getByTestId('item-title')).toHaveText(ISSUED_ITEMS[0].title);
    await expect(drawer.getByTestId('item-issued')).toHaveText('上级下发');
    // The drawer opens on 记录进展; the definition and its lock are on 基本信息.
    await drawer.getByRole('tab', { name: '基本信息' }).click();
    await expect(drawer.getByTestId('item-issued-hint')).toContainText(
      '任务名称、具体内容、所属栏目、类别、完成时限和频次由上级法院确定',
    );
    await expect(drawer.getByRole('textbox', { name: '任务名称', exact: true })).toBeDisabled();
    await expect(drawer.getByRole('textbox', { name: '任务名称', exact: true })).toHaveValue(ISSUED_ITEMS[0].title);
    await expect(drawer.getByRole('textbox', { name: '完成时限', exact: true })).toBeDisabled();
    const owner = drawer
      .getByRole('textbox', { name: '责任人', exact: true })
      .or(drawer.getByRole('combobox', { name: '责任人', exact: true }));
    await expect(owner).toBeEnabled();
    await owner.fill('周敏');
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已保存', { exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(rows.filter({ hasText: ISSUED_ITEMS[0].title })).toContainText('周敏');
    // Still the issuer's item: title and deadline as issued.
    await expect(rows.filter({ hasText: ISSUED_ITEMS[0].title })).toContainText(ISSUED_ITEMS[0].deadline);

    // ── 上报 now goes encrypted: the parent's key came with the package ──
    await openSyncTab(page, '上报');
    const encryption = page.getByTestId('sync-export').getByTestId('sync-encryption');
    await expect(encryption).toHaveText('将加密，只有上级法院能打开');
    await expect(page.getByTestId('sync-export').getByTestId('sync-parent-court')).toHaveText(
      `${INTERMEDIATE.name}（${INTERMEDIATE.code}）`,
    );
  } finally {
    await issuerPage.close();
    issuer.stop();
    fs.rmSync(outbox, { recursive: true, force: true });
    fs.rmSync(issuerDir, { recursive: true, force: true });
  }
});
