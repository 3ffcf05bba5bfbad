// The province's round trip through the screens, three courts each with its own data folder and
// preview server: the high court publishes a campaign; the intermediate court imports it and
// passes it down (转发) from the 同步 page; the basic court imports that with one fingerprint check
// (the intermediate court's) and reports up, encrypted; the intermediate court imports the report
// (adding the basic court to its roster) and relays up; the high court imports (adding the
// intermediate court). Then the high court writes a supervision note and publishes again: the
// intermediate court's 下发 tab flags the newer package until it is passed down, and the pass-down
// lists every file written. Every click, typed field and file choice is counted per step and printed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { BASIC, HIGH, MIDDLE, admin, openUpperCourts } from './threeCourts';
import { shot } from './steps';
import ExcelJS from 'exceljs';
import { readZipEntries } from '../node/zipEntries';
import { ActionCount, syncPageSteps } from './actionCount';

const CAMPAIGN = '2026年“能力作风建设年”活动';
const ITEMS = ['组织全员政治轮训', '开展审判质效专项评查'];
const CHECKED = '已与对方法院电话核对指纹一致';
const NOTE_TO_BASIC = '请补充专项评查的案件清单。';

test('高院下发 → 中院导入并转发 → 基层导入（核对一次指纹）并加密上报 → 中院导入并转报 → 高院导入；新下发包未转发时提示', async ({
  app,
  browser,
}) => {
  test.setTimeout(420_000);
  const { usb, middleApp, highApp, open, close } = await openUpperCourts(browser);
  const count = new ActionCount();
  try {
    const fingerprints: Record<string, string> = {};
    for (const [profile, courtApp, user] of [
      [BASIC, app, 'wangshu'],
      [MIDDLE, middleApp, 'zhaoke'],
      [HIGH, highApp, 'lichu'],
    ] as const) {
      await courtApp.call('court.setup', { profile, admin: admin(user) });
      fingerprints[profile.code] = (await courtApp.call<{ fingerprint: string }>('sync.overview')).fingerprint;
    }
    const campaign = await highApp.call<{ id: string }>('campaigns.create', {
      title: CAMPAIGN,
      year: 2026,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    for (const title of ITEMS)
      await highApp.call('items.create', { campaignId: campaign.id, title, kind: 'mandatory', deadline: '2099-09-30' });
    // The high court's roster (应报法院), entered once a year: both courts are expected to report.
    await highApp.call('roster.add', {
      code: MIDDLE.code,
      name: MIDDLE.name,
      level: 'intermediate',
      parentCode: HIGH.code,
      jurisdiction: '齐齐哈尔市',
    });
    await highApp.call('roster.add', {
      code: BASIC.code,
      name: BASIC.name,
      level: 'basic',
      parentCode: MIDDLE.code,
      jurisdiction: '齐齐哈尔市',
    });
    const high = await open(highApp);
    const middle = await open(middleApp);
    const basic = await open(app);

    const { gotoSync, tab, chooseFile, importNow } = syncPageSteps(count);

    // ── 1. The high court publishes (its start tab is 下发: it has no superior) ──
    count.step('高院下发');
    await gotoSync(high);
    const publishPanel = high.getByTestId('sync-publish');
    await expect(publishPanel.getByTestId('sync-publish-campaign')).toHaveValue(`${CAMPAIGN}（2026）`);
    // The folder offered first is a visible one (文档/专项活动同步包), not under the data folder.
    const documents = path.join(os.homedir(), 'Documents');
    const visible = path.join(fs.existsSync(documents) ? documents : os.homedir(), '专项活动同步包');
    await expect(publishPanel.getByTestId('sync-folder')).toHaveValue(visible);
    await count.fill(publishPanel.getByTestId('sync-folder'), usb);
    await count.click(publishPanel.getByTestId('sync-publish-button'));
    const published = publishPanel.getByTestId('sync-export-result');
    await expect(published).toBeVisible({ timeout: 30_000 });
    const highPackage = (await published.getByTestId('sync-export-path').textContent()) ?? '';
    expect(path.dirname(highPackage)).toBe(usb);

    // ── 2. The intermediate court imports it: the high court's fingerprint, once ──
    count.step('中院导入高院下发包');
    await gotoSync(middle);
    await tab(middle, '导入');
    await chooseFile(middle, highPackage);
    await expect(middle.getByTestId('trust-court')).toHaveAttribute('data-court', HIGH.code);
    await count.check(middle.getByRole('checkbox', { name: CHECKED }));
    await importNow(middle);

    // ── 3. …and passes it down from the 下发 tab: folder, 转发, done ──
    count.step('中院转发');
    await tab(middle, '下发');
    const relay = middle.getByTestId('sync-relay');
    const relayCard = relay.getByTestId('sync-relay-campaign').filter({ hasText: CAMPAIGN });
    await expect(relayCard).toHaveAttribute('data-newer', 'true');
    await expect(relayCard.getByTestId('sync-relay-last')).toHaveText('尚未转发');
    await expect(relayCard.getByTestId('sync-relay-newer')).toHaveText('尚未转发给下级法院');
    await expect(middle.getByText('上级法院下发的活动不能转发')).toHaveCount(0);
    await count.fill(relay.getByTestId('sync-folder'), usb);
    await count.click(relayCard.getByRole('button', { name: `转发给下级法院：${CAMPAIGN}` }));
    const relayed = relay.getByTestId('sync-export-result');
    await expect(relayed).toBeVisible({ timeout: 30_000 });
    await expect(relayed).toContainText('转发包已生成');
    const middlePackage = (await relayed.getByTestId('sync-export-path').textContent()) ?? '';
    expect(path.dirname(middlePackage)).toBe(usb);
    expect(path.basename(middlePackage)).toContain(MIDDLE.code);
    await expect(relayCard).toHaveAttribute('data-newer', 'false');
    await expect(relayCard.getByTestId('sync-relay-current')).toHaveText('已转发最新的下发包');
    await expect(relayCard.getByTestId('sync-relay-last')).toContainText('上次转发：');
    expect(count.total('中院转发')).toBeLessThanOrEqual(3);

    // ── 4. The basic court imports the pass-down: one fingerprint check, the intermediate court's ──
    count.step('基层导入转发包');
    await gotoSync(basic);
    await tab(basic, '导入');
    await chooseFile(basic, middlePackage);
    await expect(basic.getByTestId('bundle-source')).toHaveText(`${MIDDLE.name}（${MIDDLE.code}）`);
    await expect(basic.getByTestId('bundle-nested-line').filter({ hasText: HIGH.name })).toHaveAttribute(
      'data-role',
      'superior_package',
    );
    await expect(basic.getByTestId('bundle-nested')).toContainText('上级法院的原始下发包');
    await expect(basic.getByTestId('bundle-nested')).not.toContainText('内含下级法院同步包');
    const trust = basic.getByTestId('trust-court');
    await expect(trust).toHaveCount(1);
    await expect(trust).toHaveAttribute('data-court', MIDDLE.code);
    await expect(trust.getByTestId('trust-fingerprint')).toHaveAttribute('data-fingerprint', fingerprints[MIDDLE.code]);
    // Above the fold at 1366×768: the fingerprint and the confirmation, without scrolling.
    expect(await basic.evaluate(() => window.scrollY)).toBe(0);
    await expect(trust.getByTestId('trust-fingerprint')).toBeInViewport({ ratio: 1 });
    await expect(trust.getByRole('checkbox', { name: CHECKED })).toBeInViewport({ ratio: 1 });
    await basic.screenshot({ path: path.join('artifacts', 'issue13-s2-fingerprint-1366.png') });
    await basic.getByTestId('bundle-nested').scrollIntoViewIfNeeded();
    await basic.screenshot({ path: path.join('artifacts', 'issue13-s2-nested-down.png') });
    await basic.evaluate(() => window.scrollTo(0, 0));
    await count.check(trust.getByRole('checkbox', { name: CHECKED }));
    await importNow(basic);

    // ── 5. The basic court reports up, encrypted to the intermediate court ──
    count.step('基层上报');
    await tab(basic, '上报');
    const exportPanel = basic.getByTestId('sync-export');
    await expect(exportPanel.getByTestId('sync-encryption')).toHaveText('将加密，只有上级法院能打开');
    await count.fill(exportPanel.getByTestId('sync-folder'), usb);
    await count.click(exportPanel.getByTestId('sync-export-button'));
    const basicReport = exportPanel.getByTestId('sync-export-result');
    await expect(basicReport).toBeVisible({ timeout: 30_000 });
    await expect(basicReport.getByTestId('sync-export-encrypted')).toHaveText('已加密（只有接收法院能打开）');
    const basicFile = (await basicReport.getByTestId('sync-export-path').textContent()) ?? '';

    // ── 6. The intermediate court imports it: the basic court's fingerprint ──
    count.step('中院导入基层上报包');
    await tab(middle, '导入');
    await chooseFile(middle, basicFile);
    await expect(middle.getByTestId('trust-court')).toHaveAttribute('data-court', BASIC.code);
    // The high court's roster came down in its package: the basic court is already expected here.
    await expect(middle.getByTestId('roster-court')).toHaveCount(0);
    await count.check(middle.getByRole('checkbox', { name: CHECKED }));
    await importNow(middle);

    // ── 7. …and relays up: the folder last chosen is offered again ──
    count.step('中院转报');
    await tab(middle, '上报');
    const middleExport = middle.getByTestId('sync-export');
    await expect(middleExport.getByTestId('sync-folder')).toHaveValue(usb);
    await expect(middleExport.getByTestId('sync-relays-value')).toHaveText('1');
    await count.click(middleExport.getByTestId('sync-export-button'));
    const middleReport = middleExport.getByTestId('sync-export-result');
    await expect(middleReport).toBeVisible({ timeout: 30_000 });
    await expect(middleReport.getByTestId('sync-export-encrypted')).toHaveText('已加密（只有接收法院能打开）');
    const middleFile = (await middleReport.getByTestId('sync-export-path').textContent()) ?? '';

    // ── 8a. Before the import, the high court's 报送情况: the basic court on its roster has not reported ──
    count.step('高院查看报送情况（导入前）');
    const openCampaign = async (campaignTab: string) => {
      await count.click(high.getByRole('navigation').getByText('专项活动', { exact: true }));
      await count.click(high.getByTestId('campaign-card').filter({ hasText: CAMPAIGN }).getByTestId('campaign-title'));
      await count.click(high.getByTestId(campaignTab));
    };
    await openCampaign('tab-reporting');
    const basicRow = high.getByTestId('reporting-row').filter({ hasText: BASIC.name });
    await expect(basicRow.getByTestId('reporting-state')).toContainText('未报');
    await expect(basicRow.getByTestId('reporting-never')).toHaveText('从未报送');

    // ── 8. The high court imports: the intermediate court's fingerprint; both courts are on its
    // roster, and the basic court's report comes on the intermediate court's word ──
    count.step('高院导入转报包');
    await gotoSync(high);
    await tab(high, '导入');
    await chooseFile(high, middleFile);
    await expect(high.getByTestId('trust-court')).toHaveAttribute('data-court', MIDDLE.code);
    await expect(high.getByTestId('bundle-nested-role')).toHaveText(['下级法院同步包']);
    await expect(high.getByTestId('roster-court')).toHaveCount(0);
    await high.getByTestId('bundle-nested').scrollIntoViewIfNeeded();
    await high.screenshot({ path: path.join('artifacts', 'issue13-s2-import-preview.png') });
    await count.check(high.getByRole('checkbox', { name: CHECKED }));
    await importNow(high);
    const changed = high.getByTestId('bundle-change-row');
    await expect(changed.filter({ hasText: BASIC.code })).not.toHaveCount(0);

    // ── 8b. …and the basic court moves from 未报 to 按时报 ──
    count.step('高院查看报送情况（导入后）');
    await openCampaign('tab-reporting');
    await expect(basicRow).toHaveAttribute('data-state', 'on_time');
    await expect(basicRow.getByTestId('reporting-state')).toHaveText('按时报');
    await shot(high, 'issue13-loop-reporting.png', false);

    // ── 8c. The matrix: sorted by 合计, then saved as Excel from 报表打印 ──
    count.step('高院排序并保存进度表');
    await count.click(high.getByTestId('tab-courts'));
    const totalHeader = high.locator('th[data-sort-key="total"]');
    await count.click(totalHeader.getByTestId('province-sort'));
    await expect(totalHeader).not.toHaveAttribute('aria-sort', 'none');
    await expect(high.getByTestId('province-row').filter({ hasText: BASIC.name })).toBeVisible();
    await shot(high, 'issue13-loop-matrix.png', false);
    await count.click(high.getByTestId('province-save'));
    await expect(high).toHaveURL(/\/reports$/);
    await count.fill(high.getByTestId('report-folder'), usb);
    await count.click(high.getByTestId('report-save-xlsx'));
    await expect(high.getByTestId('report-saved')).toContainText('已保存为 Excel 文件', { timeout: 30_000 });
    const sheetFile = fs.readdirSync(usb).find((name) => name.endsWith('下级法院进度表.xlsx'));
    expect(sheetFile).toBeTruthy();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(usb, sheetFile!));
    const names: string[] = [];
    workbook.worksheets[0].eachRow((row) => names.push(String(row.getCell(2).value)));
    expect(names).toContain(BASIC.name);
    expect(names).toContain(MIDDLE.name);

    // ── 8d. A note on the basic court's work, written from the campaign page (查看下级法院) ──
    count.step('高院对基层法院提出督导意见');
    await openCampaign('tab-checklist');
    await count.click(high.getByTestId('court-view'));
    await count.click(high.getByRole('option', { name: `${BASIC.name}（${BASIC.code}）` }));
    await expect(high.getByTestId('viewing-court')).toContainText(BASIC.name);
    const courtNotes = high.getByTestId('court-supervision');
    await count.click(courtNotes.getByTestId('supervision-toggle'));
    await count.fill(courtNotes.getByTestId('supervision-text'), NOTE_TO_BASIC);
    await count.click(courtNotes.getByTestId('supervision-submit'));
    await expect(courtNotes.getByTestId('supervision-note')).toContainText(NOTE_TO_BASIC);

    // ── 9. The high court writes a note to each court below and publishes again: the broadcast
    // package, and one sealed package for the intermediate court (carrying the basic court's note) ──
    await highApp.call('supervision.add', {
      campaignId: campaign.id,
      courtCode: MIDDLE.code,
      text: '请于月底前报送政治轮训的开展情况。',
    });
    count.step('高院再次下发（含督导意见）');
    await gotoSync(high);
    await tab(high, '下发');
    // Beside publishing: both roster courts hold package 1, learned from their reports (the basic
    // court's through the intermediate court's relay).
    const reach = high.getByTestId('package-reach');
    await expect(reach.getByTestId('package-reach-summary')).toContainText('2 个应报法院中已有 2 个收到');
    await expect(reach.getByTestId('package-reach-row')).toHaveCount(2);
    await expect(publishPanel.getByTestId('sync-folder')).toHaveValue(usb);
    await count.click(publishPanel.getByTestId('sync-publish-button'));
    await expect(published).toBeVisible({ timeout: 30_000 });
    const files = published.getByTestId('sync-export-file-row');
    await expect(files).toHaveCount(2);
    await expect(files.nth(1)).toHaveAttribute('data-encrypted', 'true');
    await expect(files.nth(1)).toContainText(MIDDLE.name);
    await expect(files.nth(1)).toHaveAttribute('data-target', MIDDLE.code);
    const sealedForMiddle = (await files.nth(1).getAttribute('data-path')) ?? '';
    expect(fs.existsSync(sealedForMiddle)).toBe(true);
    // Package 2 is new: nobody has confirmed it yet.
    await expect(reach.getByTestId('package-reach-summary')).toContainText('第 2 号');
    await expect(reach.getByTestId('package-reach-summary')).toContainText('已有 0 个收到');
    const broadcast = (await published.getByTestId('sync-export-path').textContent()) ?? '';
    expect(fs.existsSync(broadcast)).toBe(true);
    // The package for every subordinate carries no note; the sealed one is not a readable zip.
    const broadcastEntries = await readZipEntries(broadcast);
    expect(broadcastEntries.map((entry) => entry.name)).not.toContain('rows/supervision_notes.ndjson');
    expect(broadcastEntries.some((entry) => entry.bytes.includes(Buffer.from(NOTE_TO_BASIC)))).toBe(false);
    expect(fs.readFileSync(sealedForMiddle).subarray(0, 8).toString('latin1')).toBe('DDTENC01');

    // ── 10. The intermediate court imports the broadcast package: 下发 flags it until passed down ──
    count.step('中院导入新下发包');
    await tab(middle, '导入');
    await chooseFile(middle, broadcast);
    // The definition did not change (the notes travel sealed): the new number is still recorded.
    await expect(middle.getByTestId('sync-import-button')).toHaveText('记下收到');
    await importNow(middle, 'unchanged');
    count.step('中院导入督导意见包');
    await count.click(middle.getByTestId('sync-another'));
    await chooseFile(middle, sealedForMiddle);
    await expect(middle.getByTestId('bundle-encrypted')).toHaveText('已加密');
    await importNow(middle);
    await tab(middle, '下发');
    await expect(relayCard).toHaveAttribute('data-newer', 'true');
    await expect(relayCard.getByTestId('sync-relay-newer')).toHaveText('有上级法院的新下发包尚未转发');
    await shot(middle, 'issue13-s2-relay-tab.png', false);
    count.step('中院再次转发');
    await expect(relay.getByTestId('sync-folder')).toHaveValue(usb);
    await count.click(relayCard.getByTestId('sync-relay-button'));
    await expect(relayed).toBeVisible({ timeout: 30_000 });
    await expect(relayCard).toHaveAttribute('data-newer', 'false');
    // Every file written: the package for all, then the sealed one for the basic court.
    const relayFiles = relayed.getByTestId('sync-export-file-row');
    await expect(relayFiles).toHaveCount(2);
    await expect(relayFiles.nth(0)).toHaveAttribute('data-target', '*');
    await expect(relayFiles.nth(1)).toHaveAttribute('data-target', BASIC.code);
    await expect(relayFiles.nth(1)).toHaveAttribute('data-encrypted', 'true');
    await relayed.scrollIntoViewIfNeeded();
    await middle.screenshot({ path: path.join('artifacts', 'issue13-s2-relay-done.png') });
    const sealedForBasic = (await relayFiles.nth(1).getAttribute('data-path')) ?? '';

    // ── 11. The basic court imports its sealed package: the high court's note arrives ──
    count.step('基层导入督导意见包');
    await tab(basic, '导入');
    await chooseFile(basic, sealedForBasic);
    await expect(basic.getByTestId('trust-court')).toHaveCount(0);
    await importNow(basic);
    const notes = await app.call<{ text: string }[]>('supervision.list', { campaignId: campaign.id });
    expect(notes.map((note) => note.text)).toContain(NOTE_TO_BASIC);
    // …and it waits, unread, in the basic court's 我的待办.
    await count.click(basic.getByRole('navigation').getByText('我的待办', { exact: true }));
    await expect(basic.getByTestId('unread-notes')).toContainText(NOTE_TO_BASIC);
    count.print();
  } finally {
    await close();
  }
});
