// 通报 at a higher court: the matrix's selection (?draft=criticism&courts=…) opens 起草通报 prefilled,
// 生成草稿 writes a draft whose 正文 holds the campaign's figures (the same number the matrix shows),
// the clerk edits and saves it, previews it as the A4 公文, saves it as PDF and Word into a folder,
// and issues it after a confirmation: the 文号 appears and the notice becomes read-only. At a basic
// court, an issued criticism of its superior shows on 本院挂图 with the running count and a link.
// The subordinates' rows go straight into the database, as imported report-up bundles leave them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { test, expect, type PreviewApp } from './fixtures';
import { ADMIN, createCampaign, setUpHighCourt } from './helpers';
import { scanView } from './a11yScan';
import { rowSeeder } from './seedRows';

const CAMPAIGN = '2026年能力作风建设年';
const STAMP = '2026-10-08T09:00:00+08:00';
const DAY = 86_400_000;

type Status = 'completed' | 'signed_off' | 'in_progress' | 'not_started';
const SUBORDINATES: Array<{
  code: string;
  name: string;
  level: 'intermediate' | 'basic';
  parent: string;
  items: Array<[Status, string]>;
}> = [
  {
    code: 'J2302',
    name: '齐齐哈尔市中级人民法院',
    level: 'intermediate',
    parent: 'J23',
    items: [
      ['completed', '2026-03-31'],
      ['in_progress', '2099-12-31'],
      ['in_progress', '2026-01-31'],
      ['not_started', '2099-12-31'],
    ],
  },
  {
    code: 'J230202',
    name: '讷河市人民法院',
    level: 'basic',
    parent: 'J2302',
    items: [
      ['completed', '2026-03-31'],
      ['signed_off', '2026-04-30'],
    ],
  },
  {
    code: 'J230201',
    name: '龙江县人民法院',
    level: 'basic',
    parent: 'J2302',
    items: [
      ['completed', '2026-03-31'],
      ['in_progress', '2026-02-28'],
      ['in_progress', '2099-12-31'],
    ],
  },
];

/** A high court with one campaign, three subordinates' items (recent bundles) and its roster. */
async function higherCourt(app: PreviewApp): Promise<string> {
  await setUpHighCourt(app);
  const campaign = await createCampaign(app, CAMPAIGN, ['整改落实']);
  const section = campaign.sections[0].id;
  const db = new Database(path.join(app.dataDir, 'court.sqlite3'));
  const { owned, insert, reportingCourt, rosterCourt } = rowSeeder(db, STAMP, 0xb000);
  try {
    for (const court of SUBORDINATES) {
      const bundleAt = new Date(Date.now() - 2 * DAY).toISOString();
      reportingCourt({ ...court, relation: court.level === 'basic' ? 'relayed' : 'subordinate' }, bundleAt);
      court.items.forEach(([status, deadline], index) => {
        const done = status === 'completed' || status === 'signed_off';
        insert('items', {
          ...owned(court.code),
          campaign_id: campaign.id,
          section_id: section,
          sort_order: (index + 1) * 1024,
          title: `${court.name.slice(0, 2)}：第${index + 1}项工作`,
          kind: 'mandatory',
          deadline,
          status,
          percent: done ? 100 : 30,
          completed_at: done ? STAMP : null,
        });
      });
      rosterCourt(court);
    }
  } finally {
    db.close();
  }
  return campaign.id;
}

const shot = (page: import('@playwright/test').Page, name: string) =>
  page.screenshot({ path: path.join(process.cwd(), 'artifacts', `issue15-h6-${name}.png`) });

test('高院起草批评通报：带入勾选的法院、正文含数据、修改保存、预览、保存 PDF 和 Word、确认发布后有文号且只读', async ({
  page,
  app,
}) => {
  const campaignId = await higherCourt(app);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'court-e2e-notices-'));
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(app.url);
    await page.getByTestId('campaign-card').filter({ hasText: CAMPAIGN }).getByTestId('campaign-title').click();
    // The figure the matrix shows for 齐齐哈尔中院 (its 合计: 25% / 逾期 1).
    await page.getByTestId('tab-courts').click();
    const total = page.locator('[data-testid="province-row"][data-court="J2302"]').getByTestId('province-total');
    await expect(total).toHaveText(/%/);
    const rate = /(\d+(?:\.\d+)?)%/.exec((await total.textContent()) ?? '')![1];
    expect(rate).toBe('25');

    // The matrix's selection arrives by address: the dialog opens with the court named critically.
    await page.evaluate(
      (id) => (window.location.hash = `#/campaign/${id}/orders?draft=criticism&courts=J2302`),
      campaignId,
    );
    const dialog = page.getByTestId('notice-draft-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('radio', { name: '批评通报' })).toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: '点名齐齐哈尔市中级人民法院' })).toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: '点名讷河市人民法院' })).not.toBeChecked();
    await expect(dialog.getByTestId('notice-draft-count')).toHaveText('已点名 1 个法院');
    await shot(page, 'draft-dialog');
    await scanView(page, '起草通报', '.mantine-Modal-content');
    await page.getByTestId('notice-generate').click();

    // The editor: the body written from the figures, the court with its first criticism.
    const editor = page.getByTestId('notice-editor');
    await expect(editor).toBeVisible();
    await expect(page).toHaveURL(/\/orders\?notice=/);
    const body = page.getByTestId('notice-body');
    await expect(body).toHaveValue(new RegExp(`齐齐哈尔市中级人民法院完成率${rate}%`));
    await expect(body).toHaveValue(/第 1 次被通报批评/);
    await expect(page.getByTestId('notice-title-input')).toHaveValue(/关于对齐齐哈尔市中级人民法院/);
    const added = '请齐齐哈尔市中级人民法院于十日内书面说明逾期原因。';
    await body.fill(`${await body.inputValue()}\n${added}`);
    await shot(page, 'editor');
    await scanView(page, '编辑通报草稿', '.mantine-Drawer-content');
    // Closing with unsaved edits asks first; 保留编辑 keeps the text.
    await editor.getByRole('button', { name: '关闭' }).click();
    await expect(page.getByText('有未保存的内容，确定放弃吗？')).toBeVisible();
    await page.getByTestId('confirm-cancel').click();
    await expect(body).toHaveValue(new RegExp(added));

    // Someone saved a newer version meanwhile: refused in words, the typed text kept; 保留我的修改
    // loads the newer version under it (the untouched title follows) and the next 保存 goes through.
    const id = /notice=([^&]+)/.exec(page.url())![1];
    const current = await app.call<{
      version: number;
      kind: string;
      title: string;
      addressees: string;
      body: string;
      issuerName: string;
      signedDate: string;
      namedCourts: Array<{ code: string; stance: string }>;
    }>('notices.get', { id });
    await app.call('notices.save', {
      id,
      version: current.version,
      kind: current.kind,
      title: `${current.title}（修订稿）`,
      addressees: current.addressees,
      body: current.body,
      issuerName: current.issuerName,
      signedDate: current.signedDate,
      namedCourts: current.namedCourts.map(({ code, stance }) => ({ code, stance })),
    });
    await page.getByTestId('notice-save').click();
    await expect(page.getByTestId('notice-save-error')).toContainText('这份通报已被他人修改');
    await expect(body).toHaveValue(new RegExp(added));
    await page.getByTestId('notice-save-error').getByRole('button', { name: '保留我的修改并覆盖保存' }).click();
    await expect(page.getByTestId('notice-title-input')).toHaveValue(/（修订稿）$/);
    await expect(body).toHaveValue(new RegExp(added));
    await page.getByTestId('notice-save').click();
    await expect(page.getByText('通报草稿已保存')).toBeVisible();
    await expect(page.getByTestId('notice-save-error')).toHaveCount(0);
    // The list behind the drawer: a draft without 文号, naming the court critically.
    const row = page.getByTestId('notice-row');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('notice-doc-number')).toHaveText('草稿');
    await expect(row.getByTestId('notice-named')).toContainText('齐齐哈尔市中级人民法院（批评）');

    // 预览: the 公文 on A4 with the title and the typed sentence; then PDF and Word into a folder.
    await page.getByTestId('notice-preview').click();
    const frame = page.frameLocator('[data-testid="report-frame"]');
    await expect(frame.locator('body')).toContainText('关于对齐齐哈尔市中级人民法院');
    await expect(frame.locator('body')).toContainText(added);
    await shot(page, 'preview');
    await page.getByTestId('report-folder').fill(folder);
    await page.getByTestId('notice-export-pdf').click();
    await expect(page.getByTestId('report-saved')).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('report-saved').getByRole('button', { name: '关闭' }).click();
    await page.getByTestId('notice-export-docx').click();
    await expect(page.getByTestId('report-saved')).toBeVisible({ timeout: 60_000 });
    const files = fs.readdirSync(folder);
    const pdf = files.find((name) => name.endsWith('.pdf'));
    const docx = files.find((name) => name.endsWith('.docx'));
    expect(pdf).toBeTruthy();
    expect(docx).toBeTruthy();
    expect(fs.statSync(path.join(folder, pdf!)).size).toBeGreaterThan(0);
    expect(fs.statSync(path.join(folder, docx!)).size).toBeGreaterThan(0);
    expect(fs.readFileSync(path.join(folder, pdf!)).subarray(0, 5).toString()).toBe('%PDF-');
    // Kept to be looked at (rendered to an image outside the test).
    fs.copyFileSync(path.join(folder, pdf!), path.join(process.cwd(), 'artifacts', 'issue15-h6-notice.pdf'));

    // 发布: asked first; cancelling leaves the draft, confirming gives the 文号 and a read-only view.
    await page.getByTestId('notice-issue').click();
    await expect(page.getByText('发布后通报不能再修改，将在下次下发时送达全部应报法院。')).toBeVisible();
    await page.getByTestId('notice-issue-dialog').getByRole('button', { name: '取消' }).click();
    await expect(editor).toBeVisible();
    await page.getByTestId('notice-issue').click();
    await page.getByTestId('notice-issue-confirm').click();
    const view = page.getByTestId('notice-view');
    await expect(view).toBeVisible();
    await expect(page.getByTestId('notice-view-doc-number')).toHaveText(/文号：.+〔\d{4}〕\d+号/);
    await expect(page.getByTestId('notice-state')).toHaveText('已发布');
    await expect(page.getByTestId('notice-body')).toHaveCount(0);
    await expect(page.getByTestId('notice-save')).toHaveCount(0);
    await expect(page.getByTestId('notice-view-body')).toContainText(added);
    await shot(page, 'issued');
    await scanView(page, '已发布的通报', '.mantine-Drawer-content');
    await expect(row.getByTestId('notice-doc-number')).toHaveText(/〔\d{4}〕\d+号/);
    await expect(row.getByTestId('notice-status')).toHaveText('已发布');
    await expect(row.getByTestId('notice-criticism-count')).toHaveText('第 1 次被通报批评');
    // Closing the view returns to the tab's address (the back button would reopen it).
    await view.getByRole('button', { name: '关闭' }).click();
    await expect(view).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`#/campaign/${campaignId}/orders$`));
    await row.scrollIntoViewIfNeeded();
    await shot(page, 'list');
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('基层法院本院挂图：上级的批评通报逐条显示，写明第几次并链接到通报', async ({ page, app }) => {
  await app.call('court.setup', {
    profile: {
      name: '龙江县人民法院',
      code: 'J230201',
      level: 'basic',
      parentCode: 'J2302',
      parentName: '齐齐哈尔市中级人民法院',
      operatorName: '张庭长',
    },
    admin: ADMIN,
  });
  const campaign = await createCampaign(app, CAMPAIGN);
  // Two criticisms issued by the intermediate court, as a 下发 package from it would leave them.
  const db = new Database(path.join(app.dataDir, 'court.sqlite3'));
  const { owned, insert } = rowSeeder(db, STAMP, 0xb100);
  try {
    ([1, 2] as const).forEach((seq) =>
      insert('notices', {
        ...owned('J2302'),
        campaign_id: campaign.id,
        kind: 'criticism',
        title: `关于对龙江县人民法院工作进展滞后情况的通报（第${seq}期）`,
        addressees: '辖区各基层人民法院',
        body: '龙江县人民法院完成率33.3%。',
        issuer_name: '齐齐哈尔市中级人民法院',
        named_courts: JSON.stringify([{ code: 'J230201', name: '龙江县人民法院', stance: 'criticism' }]),
        status: 'issued',
        doc_number: `齐中法〔2026〕${seq}号`,
        doc_year: 2026,
        doc_seq: seq,
        signed_date: `2026-1${seq}-01`,
        drafted_by: '李处长',
        issued_by: '李处长',
        issued_at: `2026-1${seq}-01T09:00:00+08:00`,
        created_at: `2026-1${seq}-01T09:00:00+08:00`,
        updated_at: `2026-1${seq}-01T09:00:00+08:00`,
      }),
    );
  } finally {
    db.close();
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByRole('link', { name: '本院挂图' }).click();
  const notices = page.getByTestId('criticism-notice');
  await expect(notices).toHaveCount(2);
  // Newest first, in words: which notice, its 文号, the running count.
  await expect(notices.first()).toContainText(
    '本院在《关于对龙江县人民法院工作进展滞后情况的通报（第2期）》（齐中法〔2026〕2号）中被通报批评',
  );
  await expect(notices.first().getByTestId('criticism-count')).toHaveText('本专项活动中第 2 次被通报批评');
  await expect(notices.last().getByTestId('criticism-count')).toHaveText('本专项活动中第 1 次被通报批评');
  await shot(page, 'banner');
  await scanView(page, '本院挂图 · 通报批评');
  await notices.first().getByTestId('criticism-link').click();
  await expect(page).toHaveURL(new RegExp(`#/campaign/${campaign.id}/orders\\?notice=`));
  await expect(page.getByTestId('notice-view')).toBeVisible();
  await expect(page.getByTestId('notice-view-doc-number')).toHaveText('文号：齐中法〔2026〕2号');
  await expect(page.getByTestId('notice-read-only')).toContainText('齐齐哈尔市中级人民法院发布的通报');
  await shot(page, 'received');
});
