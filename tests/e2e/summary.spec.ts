// The written 活动总结 end to end, as the clerk works it: a progress note marked 亮点 in the item
// drawer shows up in 二、主要做法和成效 on the paper; 三、存在的问题 is rewritten around a 【field】,
// saved with Ctrl+S, printed with the figure filled in, kept through a reload, and its figure follows
// the data (one more item completed) while the clerk's wording stays; 恢复为系统草稿 asks first and
// brings the drafted text back; switching report kind with unsaved text asks first and keeps it; one
// edit is made with the keyboard alone (a field inserted from the list with Enter); the editor passes
// an axe scan. Screenshots at 1366×768 go to artifacts/issue17/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ARTIFACTS_DIR, expect, openPreviewApp, test } from './fixtures';
import { ADMIN, COURT, addReadyUser, openCampaign, row, seedCampaign } from './helpers';
import { passDown, reportUp } from './threeCourts';
import { actAs } from './steps';
import { ActionCount } from './actionCount';
import { focusedElement, scanView } from './a11yScan';

const CAMPAIGN = '2026年“清廉法院”建设';
const ITEMS = [
  { title: '开展廉洁文化进机关活动', deadline: '2099-12-31' },
  { title: '修订审判执行权力运行监督制度', deadline: '2099-11-30' },
  { title: '建立廉政风险防控台账', deadline: '2099-10-31' },
];
const NOTE = '组织全院干警观看警示教育片，撰写心得体会86篇。';
const EDITED = '经自查，我院尚有【未完成】项事项正在推进，个别部门重视程度还不够，需进一步压实责任。';
const SHOTS = path.join(ARTIFACTS_DIR, 'issue17');

const frameBody = (page: Page) => page.frameLocator('[data-testid="report-frame"]').locator('body');
const part = (page: Page, name: string) => page.locator(`[data-testid="summary-part"][data-part="${name}"]`);
const input = (page: Page, name: string) => part(page, name).getByTestId('summary-part-input');

/** The printed text between two headings of the paper (whitespace dropped: the paper justifies lines). */
async function paperSection(page: Page, from: string, to: string): Promise<string> {
  const text = (await frameBody(page).innerText()).replace(/\s+/g, '');
  const start = text.indexOf(from);
  const end = text.indexOf(to, start + 1);
  return start < 0 ? '' : text.slice(start, end < 0 ? undefined : end);
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, name), fullPage });
}

async function openSummary(page: Page, count?: ActionCount): Promise<void> {
  const tab = page.getByTestId('tab-reports');
  if (count) await count.click(tab);
  else await tab.click();
  await expect(page.getByTestId('reports-tab')).toBeVisible();
  const kind = page.getByTestId('report-kind').getByText('活动总结', { exact: true });
  if (count) await count.click(kind);
  else await kind.click();
  await expect(page.getByTestId('summary-editor')).toBeVisible({ timeout: 20_000 });
}

test('活动总结：标亮点 → 编辑“存在的问题”并保存 → 预览填入数字 → 数据变化 → 恢复草稿 → 键盘编辑', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const seeded = await seedCampaign(app, ITEMS);
  await app.call('progress.add', { itemId: seeded.itemIds[0], noteDate: '2026-03-02', text: NOTE, percent: 40 });
  const count = new ActionCount();

  // ── 亮点 on a progress note, in the drawer: said in words, the button turns to 取消亮点.
  count.step('标亮点');
  await openCampaign(page, app, CAMPAIGN);
  await count.click(row(page, ITEMS[0].title));
  const drawer = page.getByTestId('item-drawer');
  await expect(drawer.getByTestId('note-entry')).toContainText('撰写心得体会86篇');
  await expect(drawer.getByTestId('note-highlight')).toHaveCount(0);
  await count.click(drawer.getByTestId('note-highlight-toggle'));
  await expect(drawer.getByTestId('note-highlight')).toHaveText('亮点');
  await expect(drawer.getByTestId('note-highlight-toggle')).toHaveText('取消亮点');
  await expect(drawer.getByTestId('item-highlight-toggle')).toHaveText('标为亮点');
  // The item itself too: said in the drawer's header and on its checklist row.
  await count.click(drawer.getByTestId('item-highlight-toggle'));
  await expect(drawer.getByTestId('item-highlight')).toHaveText('亮点');
  await expect(drawer.getByTestId('item-highlight-toggle')).toHaveText('取消亮点');
  await expect(row(page, ITEMS[0].title).getByTestId('row-highlight')).toHaveText('亮点');
  await expect(row(page, ITEMS[1].title).getByTestId('row-highlight')).toHaveCount(0);
  await page.mouse.move(0, 0);
  await shot(page, 'drawer-highlight.png');
  await count.press(page, 'Escape');
  await expect(drawer).toHaveCount(0);

  // ── 报表打印 → 活动总结: the editor beside the paper; the note is quoted under 二、.
  count.step('打开活动总结');
  await openSummary(page, count);
  await expect(page.getByTestId('summary-highlights')).toHaveAttribute('data-count', '2');
  await expect(page.getByTestId('summary-part')).toHaveCount(4);
  await expect(part(page, 'problems').getByTestId('summary-part-state')).toHaveAttribute('data-state', 'drafted');
  await expect(part(page, 'problems').getByTestId('summary-part-state')).toContainText('系统草稿');
  await expect(frameBody(page)).toContainText('二、主要做法和成效');
  await expect.poll(() => paperSection(page, '二、主要做法和成效', '三、存在的问题')).toContain('撰写心得体会86篇');
  const draftedProblems = await input(page, 'problems').inputValue();
  expect(draftedProblems).not.toBe('');

  // ── 三、存在的问题 rewritten around 【未完成】, saved with Ctrl+S: the paper prints 3, not the name.
  count.step('编辑并保存');
  await count.fill(input(page, 'problems'), EDITED);
  await expect(part(page, 'problems').getByTestId('summary-part-state')).toHaveAttribute('data-state', 'unsaved');
  await expect(page.getByTestId('summary-unsaved')).toBeVisible();
  await count.press(page, 'Control+S');
  await expect(part(page, 'problems').getByTestId('summary-part-state')).toHaveAttribute('data-state', 'saved');
  await expect(part(page, 'problems').getByTestId('summary-part-state')).toContainText('已修改：王晓梅于');
  await expect(page.getByTestId('summary-unsaved')).toHaveCount(0);
  await expect
    .poll(() => paperSection(page, '三、存在的问题', '四、下一步工作打算'))
    .toContain('经自查，我院尚有3项事项正在推进');
  expect(await paperSection(page, '三、存在的问题', '四、')).not.toContain('【未完成】');
  // The other parts are still the system's draft.
  await expect(part(page, 'situation').getByTestId('summary-part-state')).toHaveAttribute('data-state', 'drafted');
  await page.mouse.move(0, 0);
  await shot(page, 'summary-editor.png');
  await shot(page, 'summary-preview-edited.png', true);
  // The whole sheet at once: a taller window for this one picture (the app's header would cover part of it).
  await page.setViewportSize({ width: 1366, height: 2200 });
  await page.getByTestId('report-desk').screenshot({ path: path.join(SHOTS, 'summary-paper-edited.png') });
  await page.setViewportSize({ width: 1366, height: 768 });

  // ── A reload keeps the saved wording (with its field name) and the filled paper.
  await page.reload();
  await openSummary(page);
  await expect(input(page, 'problems')).toHaveValue(EDITED);
  await expect(part(page, 'problems').getByTestId('summary-part-state')).toHaveAttribute('data-state', 'saved');
  await expect.poll(() => paperSection(page, '三、存在的问题', '四、')).toContain('尚有3项事项正在推进');

  // ── A refused save (a part emptied) keeps every typed word and says why, in Chinese, at the part.
  const situationBefore = await input(page, 'situation').inputValue();
  const typedSituation = `${situationBefore}\n（修改中）本院共有事项【事项总数】项。`;
  await input(page, 'situation').fill(typedSituation);
  await input(page, 'problems').fill('');
  await page.keyboard.press('Control+S');
  await expect(page.getByTestId('summary-save-failed')).toContainText('内容不能为空');
  await expect(part(page, 'problems')).toContainText('内容不能为空');
  await expect(input(page, 'situation')).toHaveValue(typedSituation);
  await expect(part(page, 'situation').getByTestId('summary-part-state')).toHaveAttribute('data-state', 'unsaved');
  // Nothing was written: the paper still prints the saved wording. Typed back, nothing is left to save.
  await expect.poll(() => paperSection(page, '三、存在的问题', '四、')).toContain('尚有3项事项正在推进');
  await input(page, 'problems').fill(EDITED);
  await input(page, 'situation').fill(situationBefore);
  await expect(page.getByTestId('summary-all-saved')).toBeVisible();

  // ── One more item completed: the figure follows the data, the clerk's words stay.
  count.step('完成一项事项');
  await count.click(page.getByTestId('tab-checklist'));
  await count.click(row(page, ITEMS[1].title));
  await count.click(drawer.getByTestId('action-complete'));
  await count.fill(page.getByTestId('decision-form').getByRole('textbox'), '监督制度已修订印发。');
  await count.click(page.getByTestId('decision-form').getByRole('button', { name: '提交销号' }));
  await expect(drawer.getByTestId('item-status')).toHaveText('已完成待销号');
  await count.press(page, 'Escape');
  await openSummary(page, count);
  await expect(input(page, 'problems')).toHaveValue(EDITED);
  await expect.poll(() => paperSection(page, '三、存在的问题', '四、')).toContain('经自查，我院尚有2项事项正在推进');

  // ── Unsaved text and a switch of report kind: asked first; 留在活动总结 keeps everything.
  count.step('未保存时切换报表');
  const unsavedText = '（待补充）对照查摆，共有事项【事项总数】项。';
  await count.fill(input(page, 'nextSteps'), unsavedText);
  await count.click(page.getByTestId('report-kind').getByText('推进清单', { exact: true }));
  const dialog = page.getByRole('dialog', { name: '总结文字还没有保存' });
  await expect(dialog).toBeVisible();
  await count.click(dialog.getByRole('button', { name: '留在活动总结' }));
  await expect(dialog).toHaveCount(0);
  await expect(input(page, 'nextSteps')).toHaveValue(unsavedText);
  // Switching anyway: the text is still there on coming back, marked unsaved.
  await count.click(page.getByTestId('report-kind').getByText('推进清单', { exact: true }));
  await count.click(page.getByRole('dialog', { name: '总结文字还没有保存' }).getByRole('button', { name: '切换' }));
  await expect(page.getByTestId('summary-editor')).toHaveCount(0);
  // Leaving the editor with unsaved text says where it waits.
  await expect(page.getByText('活动总结有未保存的修改', { exact: true })).toBeVisible();
  await count.click(page.getByTestId('report-kind').getByText('活动总结', { exact: true }));
  await expect(input(page, 'nextSteps')).toHaveValue(unsavedText);
  await expect(part(page, 'nextSteps').getByTestId('summary-part-state')).toHaveAttribute('data-state', 'unsaved');
  // Given up with 恢复为系统草稿 (nothing saved there yet: the typed text goes, after asking).
  await count.click(part(page, 'nextSteps').getByTestId('summary-reset-part'));
  const resetDialog = page.getByRole('dialog', { name: '恢复为系统草稿？' });
  await expect(resetDialog).toContainText('四、下一步工作打算');
  await expect(resetDialog).toContainText('都会丢失');
  await count.click(resetDialog.getByRole('button', { name: '恢复为系统草稿' }));
  await expect(part(page, 'nextSteps').getByTestId('summary-part-state')).toHaveAttribute('data-state', 'drafted');
  await expect(input(page, 'nextSteps')).not.toHaveValue(unsavedText);

  // ── 恢复为系统草稿 on the saved part: 保留修改 keeps it; confirmed, the draft (with today's figures) is back.
  count.step('恢复为系统草稿');
  await count.click(part(page, 'problems').getByTestId('summary-reset-part'));
  await count.click(page.getByRole('dialog', { name: '恢复为系统草稿？' }).getByRole('button', { name: '保留修改' }));
  await expect(input(page, 'problems')).toHaveValue(EDITED);
  await count.click(part(page, 'problems').getByTestId('summary-reset-part'));
  await count.click(
    page.getByRole('dialog', { name: '恢复为系统草稿？' }).getByRole('button', { name: '恢复为系统草稿' }),
  );
  await expect(part(page, 'problems').getByTestId('summary-part-state')).toHaveAttribute('data-state', 'drafted');
  await expect(input(page, 'problems')).not.toHaveValue(EDITED);
  await expect.poll(() => paperSection(page, '三、存在的问题', '四、')).not.toContain('经自查');

  // ── Keyboard only: Tab to 三's text box, type at its end, find a field in the list, Enter inserts
  //    it at the cursor, Ctrl+S saves. Every stop shows its focus ring.
  count.step('键盘编辑一处');
  await page.getByTestId('summary-save').focus();
  let presses = 0;
  const tabTo = async (testId: string, partName?: string) => {
    for (let i = 0; i < 40; i++) {
      const here = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return {
          testId: el?.getAttribute('data-testid') ?? '',
          part: el?.closest('[data-testid="summary-part"]')?.getAttribute('data-part') ?? '',
        };
      });
      if (here.testId === testId && (!partName || here.part === partName)) return;
      await count.press(page, 'Tab');
      presses += 1;
      const focused = await focusedElement(page);
      expect(focused?.ring, `Tab 停在 ${focused?.text} 时应有可见的焦点框`).toBe(true);
    }
    throw new Error(`按 Tab 没有到达 ${testId}`);
  };
  await tabTo('summary-part-input', 'problems');
  await count.press(page, 'Control+End');
  await page.keyboard.type('整改销号率为');
  count.steps[count.steps.length - 1].typed += 1;
  // The part's own 插入数字字段 button (next in the Tab order) takes the focus to the list's search box.
  await count.press(page, 'Tab');
  await expect(part(page, 'problems').getByTestId('summary-choose-field')).toBeFocused();
  await count.press(page, 'Enter');
  await expect(page.getByTestId('summary-fields-search')).toBeFocused();
  await expect(page.getByTestId('summary-insert-target')).toHaveText('插入到：三、存在的问题');
  await page.keyboard.type('整改销号率');
  count.steps[count.steps.length - 1].typed += 1;
  await tabTo('summary-field');
  await expect(page.locator(':focus')).toHaveAttribute('data-field', /^整改销号率/);
  const fieldName = await page.locator(':focus').getAttribute('data-field');
  await count.press(page, 'Enter');
  await expect(input(page, 'problems')).toBeFocused();
  await page.keyboard.type('。');
  await expect(input(page, 'problems')).toHaveValue(new RegExp(`整改销号率为【${fieldName}】。$`));
  await count.press(page, 'Control+S');
  await expect(part(page, 'problems').getByTestId('summary-part-state')).toHaveAttribute('data-state', 'saved');
  await expect.poll(() => paperSection(page, '三、存在的问题', '四、')).toMatch(/整改销号率为(—|\d+(\.\d+)?%)。/);
  console.log(`键盘编辑：Tab ${presses} 次`);

  // ── An unknown 【name】 is pointed out before it prints as written.
  await input(page, 'problems').fill(`${EDITED}【没有这个字段】`);
  await expect(part(page, 'problems').getByTestId('summary-unknown-fields')).toContainText('【没有这个字段】');

  // ── Accessibility of the editor.
  await scanView(page, '活动总结编辑', '[data-testid="summary-editor"]');
  count.print();
});

test('活动总结：填报人只能查看（说明原因）；亮点按钮只在本部门事项上', async ({ page, app }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const seeded = await seedCampaign(app, ITEMS);
  const filer = { username: 'zhaoli', password: 'Zhaoli2026' };
  // seedCampaign puts item 1 in 政治部 (departmentIds[0]) and item 2 in 执行局.
  await addReadyUser(
    app,
    { username: filer.username, displayName: '赵丽', roles: ['filer'], departmentId: seeded.departmentIds[0] },
    filer.password,
  );
  await actAs(app, filer);
  await openCampaign(page, app, CAMPAIGN);

  // Her department's item offers 标为亮点; another department's does not.
  await row(page, ITEMS[0].title).click();
  const drawer = page.getByTestId('item-drawer');
  await expect(drawer.getByTestId('item-highlight-toggle')).toHaveText('标为亮点');
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);
  await row(page, ITEMS[1].title).click();
  await expect(drawer.getByTestId('item-title')).toHaveText(ITEMS[1].title);
  await expect(drawer.getByTestId('item-highlight-toggle')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // The summary: the four parts as text, no editing controls, and why.
  await openSummary(page);
  const editor = page.getByTestId('summary-editor');
  await expect(editor).toHaveAttribute('data-editable', 'false');
  await expect(page.getByTestId('summary-read-only')).toContainText('需要管理员或审核人权限');
  await expect(editor.getByTestId('summary-part-text')).toHaveCount(4);
  await expect(editor.getByRole('textbox')).toHaveCount(0);
  await expect(editor.getByTestId('summary-save')).toHaveCount(0);
  await expect(editor.getByTestId('summary-reset-part')).toHaveCount(0);
  // Printed figures, not field names.
  await expect(editor.getByTestId('summary-part-text').first()).not.toContainText('【');
  await expect(editor.getByTestId('summary-part-text').first()).toContainText('3');
  await shot(page, 'summary-read-only.png');
  await scanView(page, '活动总结（只读）', '[data-testid="summary-editor"]');
});

test('活动总结：中院查看基层法院的总结只读（说明原因），其中引用基层法院标的亮点', async ({ page, app }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'court-usb-summary-'));
  const middleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-e2e-middle-'));
  const middle = await openPreviewApp(middleDir);
  try {
    await middle.call('court.setup', {
      profile: {
        name: COURT.parentName,
        code: COURT.parentCode,
        level: 'intermediate',
        parentCode: 'E00',
        parentName: '湖北省高级人民法院',
        operatorName: '陈科长',
      },
      admin: { username: 'chenke', password: 'Chenke2026' },
    });
    await app.call('court.setup', { profile: COURT, admin: ADMIN });
    const campaign = await middle.call<{ id: string }>('campaigns.create', {
      title: CAMPAIGN,
      year: 2026,
      startDate: '2026-01-01',
      endDate: '2099-12-31',
    });
    await middle.call('items.create', {
      campaignId: campaign.id,
      title: ITEMS[0].title,
      kind: 'mandatory',
      deadline: '2099-12-31',
    });
    await passDown(middle, [{ app, code: COURT.code }], campaign.id, usb);
    // The basic court marks its note 亮点 and reports up.
    const [copy] = await app.call<Array<{ id: string }>>('items.list', { campaignId: campaign.id });
    const note = await app.call<{ id: string; version: number }>('progress.add', {
      itemId: copy.id,
      noteDate: '2026-03-02',
      text: NOTE,
    });
    await app.call('progress.markHighlight', { id: note.id, version: note.version, highlight: true });
    await reportUp(app, COURT.code, middle, usb);

    // At the intermediate court: the basic court's summary, read-only, saying why.
    await page.goto(middle.url);
    await expect(page.getByTestId('header-user')).toBeVisible();
    await page.evaluate(
      ([id, code]) => (window.location.hash = `#/campaign/${id}/reports?court=${code}`),
      [campaign.id, COURT.code],
    );
    await expect(page.getByTestId('reports-viewing-court')).toBeVisible();
    await page.getByTestId('report-kind').getByText('活动总结', { exact: true }).click();
    const editor = page.getByTestId('summary-editor');
    await expect(editor).toHaveAttribute('data-editable', 'false', { timeout: 20_000 });
    await expect(page.getByTestId('summary-read-only')).toContainText(`这是${COURT.name}的活动总结`);
    await expect(editor.getByRole('textbox')).toHaveCount(0);
    await expect(editor.locator('[data-part="practices"]').getByTestId('summary-part-text')).toContainText(
      '撰写心得体会86篇',
    );
    await shot(page, 'summary-subordinate-read-only.png');

    // Its own summary (the jurisdiction's) is editable again.
    await page.getByTestId('reports-viewing-court').getByText('返回本院报表', { exact: true }).click();
    await page.getByTestId('report-kind').getByText('活动总结', { exact: true }).click();
    await expect(page.getByTestId('summary-editor')).toHaveAttribute('data-editable', 'true', { timeout: 20_000 });
  } finally {
    await middle.stop();
    fs.rmSync(middleDir, { recursive: true, force: true });
    fs.rmSync(usb, { recursive: true, force: true });
  }
});
