// Nothing typed is lost (issue 14): a dialog with unsaved input asks "有未保存的内容，确定放弃吗？"
// before it closes — by Esc, ×, a click outside or 取消 — and Esc inside a date picker closes only
// the picker. The audit log reads in Chinese: no status, operation or value shows as a code.
// Screenshots: artifacts/issue14-forms-*.png at 1366×768.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { seedCampaign, setupCourt, setUpDemoCourt } from './helpers';

const ARTIFACTS = path.resolve('artifacts');
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `issue14-forms-${name}.png`), fullPage: false });

async function openNav(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation').getByText(label, { exact: true }).click();
}

const DISCARD = '有未保存的内容，确定放弃吗？';

test('新建专项活动：日期选择器里按 Esc 只关选择器；有输入时关闭先询问，保留编辑后内容还在', async ({ page, app }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await setupCourt(app);
  await page.goto(app.url);
  await openNav(page, '专项活动');
  await page.getByRole('button', { name: '新建专项活动' }).first().click();

  const dialog = page.getByRole('dialog', { name: '新建专项活动' });
  await expect(dialog).toBeVisible();
  // Untouched: 取消 closes at once, nothing to ask.
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(DISCARD)).toHaveCount(0);

  await page.getByRole('button', { name: '新建专项活动' }).first().click();
  await expect(dialog).toBeVisible();
  const title = dialog.getByRole('textbox', { name: '活动名称' });
  await title.fill('2026年执行攻坚专项活动');

  // The calendar opens with the date field; Esc closes the calendar and nothing else.
  const start = dialog.getByRole('textbox', { name: '开始日期' });
  await start.click();
  const calendar = page.locator('[data-dates-dropdown]');
  await expect(calendar).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(calendar).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(page.getByText(DISCARD)).toHaveCount(0);
  await expect(title).toHaveValue('2026年执行攻坚专项活动');

  // Esc again, with the calendar closed: the dialog asks before throwing the typed title away.
  await page.keyboard.press('Escape');
  const question = page.getByRole('dialog', { name: '放弃未保存的内容？' });
  await expect(question).toBeVisible();
  await expect(question).toContainText(DISCARD);
  // The safe answer has the focus, so Enter or a second Esc keeps the work.
  await expect(question.getByRole('button', { name: '保留编辑' })).toBeFocused();
  await shot(page, 'discard-question');
  await question.getByRole('button', { name: '保留编辑' }).click();
  await expect(question).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(title).toHaveValue('2026年执行攻坚专项活动');

  // Esc on the question answers it (保留编辑) and does not reach the dialog behind it.
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(question).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(title).toHaveValue('2026年执行攻坚专项活动');

  // The × and a click outside ask too; 放弃 closes and the text is gone next time.
  await dialog
    .getByRole('button', { name: /关闭|close/i })
    .first()
    .click();
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: '保留编辑' }).click();
  await expect(question).toBeHidden();
  await expect(dialog).toBeVisible();
  await page.waitForTimeout(300); // the question's overlay fades out
  await page.mouse.click(10, 400);
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: '放弃' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.getByRole('button', { name: '新建专项活动' }).first().click();
  await expect(dialog.getByRole('textbox', { name: '活动名称' })).toHaveValue('');
});

test('新增事项：下拉列表和日期选择器里按 Esc 只关它们自己，放弃前先询问', async ({ page, app }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await seedCampaign(app, [{ title: '开展警示教育' }]);
  await page.goto(app.url);
  await openNav(page, '专项活动');
  await page.getByTestId('campaign-card').first().getByTestId('campaign-title').click();
  await page.getByRole('button', { name: '新增事项' }).first().click();
  const dialog = page.getByRole('dialog', { name: '新增事项' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: '任务名称' }).fill('修订廉政档案管理办法');

  // The department list (a Mantine Select): Esc closes the list, not the dialog.
  await dialog.getByRole('combobox', { name: '责任部门' }).click();
  const options = page.getByRole('listbox');
  await expect(options).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(options).toBeHidden();
  await expect(dialog).toBeVisible();

  // The deadline's calendar: the same.
  await dialog.getByRole('textbox', { name: '完成时限' }).click();
  const calendar = page.locator('[data-dates-dropdown]');
  await expect(calendar).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(calendar).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(page.getByText(DISCARD)).toHaveCount(0);

  // 取消 with a typed title asks; 放弃 closes.
  await dialog.getByRole('button', { name: '取消' }).click();
  const question = page.getByRole('dialog', { name: '放弃未保存的内容？' });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: '放弃' }).click();
  await expect(dialog).toBeHidden();
});

test('修改密码：输入了密码后按 Esc 也先询问', async ({ page, app }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await setupCourt(app);
  await page.goto(app.url);
  // 修改密码 from the header menu: a typed password is not thrown away by a stray Esc.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '修改密码' }).click();
  const dialog = page.getByRole('dialog', { name: '修改密码' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('原密码').first().fill('abc');
  await page.keyboard.press('Escape');
  const question = page.getByRole('dialog', { name: '放弃未保存的内容？' });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: '放弃' }).click();
  await expect(dialog).toBeHidden();
});

test('系统设置“减少动态效果”时，对话框不滑入、直接打开；未设置时照常带过渡', async ({ page, app }) => {
  await setupCourt(app);
  await page.goto(app.url);
  await openNav(page, '专项活动');
  const dialog = page.getByRole('dialog', { name: '新建专项活动' });
  /** The transition durations the dialog's panel had, frame by frame, from the click until it stood open. */
  const durationsWhileOpening = async (): Promise<string[]> => {
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { panelDurations: string[] }).panelDurations = seen;
      const record = () => {
        for (const panel of document.querySelectorAll('.mantine-Modal-content'))
          seen.push(getComputedStyle(panel).transitionDuration);
      };
      new MutationObserver(record).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['style'],
      });
    });
    await page.getByRole('button', { name: '新建专项活动' }).first().click();
    await expect(dialog).toBeVisible();
    await page.waitForTimeout(400);
    const durations = await page.evaluate(() => (window as unknown as { panelDurations: string[] }).panelDurations);
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(dialog).toBeHidden();
    return durations;
  };
  // The suite runs as a person who asked Windows for less motion (playwright.config.ts).
  const reduced = await durationsWhileOpening();
  expect(reduced.length).toBeGreaterThan(0);
  expect(new Set(reduced)).toEqual(new Set(['0s']));
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.reload();
  await expect(page.getByRole('button', { name: '新建专项活动' }).first()).toBeVisible();
  const animated = await durationsWhileOpening();
  expect(animated.some((duration) => duration !== '0s')).toBe(true);
});

test('审计日志：示例数据的全部记录里没有英文代码', async ({ page, app }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await setUpDemoCourt(app);
  const users = await app.call<Array<{ username: string }>>('users.list');
  await page.goto(app.url);
  await openNav(page, '审计日志');
  const list = page.getByTestId('audit-list');
  await expect(list.getByTestId('audit-entry').first()).toBeVisible();
  await shot(page, 'audit-log');

  // Every page of the log, down to the first entry.
  const more = page.getByTestId('audit-more');
  for (let pages = 0; pages < 60 && (await more.isVisible()); pages += 1) {
    const before = await list.getByTestId('audit-entry').count();
    await more.click();
    // More entries, or none left (a last page of exactly 50 leaves an empty one to fetch).
    await expect
      .poll(async () => (await list.getByTestId('audit-entry').count()) > before || !(await more.isVisible()), {
        timeout: 60_000,
      })
      .toBe(true);
  }
  const texts = await list.getByTestId('audit-entry').allInnerTexts();
  expect(texts.length).toBeGreaterThan(300);

  const usernames = users.map((u) => u.username).sort((a, b) => b.length - a.length);
  const offenders = new Map<string, string>();
  for (const text of texts) {
    // File names (佐证材料, 同步包) and account names are what people typed, not codes.
    let plain = text.replace(/[^\s“”（）：；，、]+\.[A-Za-z0-9]{2,5}(?![A-Za-z0-9])/g, '');
    for (const name of usernames) plain = plain.split(name).join('');
    for (const token of plain.match(/[a-z_]{4,}/g) ?? []) if (!offenders.has(token)) offenders.set(token, text);
  }
  expect([...offenders.entries()].map(([token, text]) => `${token} ← ${text.slice(0, 120)}`)).toEqual([]);
  // The words the issue found as codes now read in Chinese.
  const all = texts.join('\n');
  for (const word of ['草稿', '回头看发现反弹', '待回头看', '已通过', '对账销号']) expect(all).toContain(word);
  const relapse = list.getByTestId('audit-entry').filter({ hasText: '回头看发现反弹' }).first();
  await relapse.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await shot(page, 'audit-log-ledger');
});
