// Shared steps of the 问题查摆 / 整改台账 / 回头看 end-to-end tests (inspection, ledger and
// rectification specs): accounts and user switching through the API, then each piece of work
// through the screens, as a clerk would click and type it. Assertions that belong to one story
// stay in its spec; a step only waits for what proves it was done.
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { ARTIFACTS_DIR, expect, type PreviewApp } from './fixtures';
import { ADMIN, addReadyUser, setupCourt } from './helpers';

// ── Court, accounts and the preview's one session ───────────────────────────────────────────

/** The court with its first administrator (ADMIN), logged in: as the other specs set it up. */
export { ADMIN, setupCourt };

export interface Account {
  username: string;
  password: string;
}

/**
 * Creates an account with a temporary password and makes it usable (first log-in changes it);
 * ADMIN stays logged in. helpers.addReadyUser with the account and its password in one object.
 */
export async function addUser(
  app: PreviewApp,
  fields: Account & {
    displayName: string;
    roles: Array<'admin' | 'reviewer' | 'filer'>;
    departmentId?: string | null;
    personId?: string | null;
  },
): Promise<void> {
  const { password, ...account } = fields;
  await addReadyUser(app, account, password);
}

/** Logs the preview's one session (the page's too) in as `account`; the page sees it on its next load. */
export async function actAs(app: PreviewApp, account: Account): Promise<void> {
  await app.call('auth.logout');
  await app.call('auth.login', account);
}

/** Switches to another account and reloads the page (same screen) as them. */
export async function switchUser(app: PreviewApp, page: Page, account: Account): Promise<void> {
  await actAs(app, account);
  await page.reload();
  await expect(page.getByTestId('header-user')).toBeVisible();
}

// ── Getting around ──────────────────────────────────────────────────────────────────────────

/** From the campaign list: opens the campaign by its title, then one of its tabs. */
export async function openCampaignTab(
  page: Page,
  app: PreviewApp,
  campaignTitle: string,
  tab: 'inspection' | 'ledger',
): Promise<void> {
  await page.goto(app.url);
  await expect(page.getByTestId('header-user')).toBeVisible();
  // A 填报人 or 审核人 lands on 我的待办: the campaign list is one click away.
  await page.getByRole('navigation').getByRole('link', { name: '专项活动', exact: true }).click();
  await page.getByTestId('campaign-card').filter({ hasText: campaignTitle }).getByTestId('campaign-title').click();
  await page.getByTestId(`tab-${tab}`).click();
  await expect(page.getByTestId(`${tab}-tab`)).toBeVisible();
}

/** The 回头看 queue, from the navigation on the left. */
export async function openLookbackQueue(page: Page): Promise<void> {
  await page.getByRole('navigation').getByText('回头看', { exact: true }).click();
  await expect(page.getByTestId('lookback-page')).toBeVisible();
}

/** Picks `option` in a Mantine select. */
export async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A text field, date field or select inside `scope`, by its visible label (the required mark is not part of it). */
export function field(scope: Page | Locator, label: string): Locator {
  return scope
    .getByRole('textbox', { name: label, exact: true })
    .or(scope.getByRole('combobox', { name: label, exact: true }));
}

/** Today as the preview and the browser see it (the real clock, China time: see fixtures.ts), as 2026-11-24. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** A screenshot kept as an artifact; `fullPage` false: what the screen shows (sticky bars where a person sees them). */
export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  // From the top: a full-page shot of a scrolled page draws the fixed header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, name), fullPage });
}

/** A 1×1 PNG, as an evidence photo. */
export const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

// ── 问题查摆: a court with a problem catalogue, a filer and a reviewer ─────────────────────────

export const INSPECTION_CAMPAIGN = '2026年能力作风建设年';
/** 填报人 of 立案庭, files a report for herself. */
export const INSPECTION_FILER = { username: 'zhangmin', password: 'Zhangmin2026', displayName: '张敏' } as const;
/** 审核人, not the filer: may return and accept her report. */
export const INSPECTION_REVIEWER = { username: 'lihong', password: 'Lihong2026', displayName: '李红' } as const;

export interface Catalogue {
  aspects: Array<{ id: string; problems: Array<{ id: string; title: string; number: number }> }>;
}

/**
 * 立案庭 with two people (张敏 has an account, 陈静 has not filed), the campaign and its catalogue:
 * 一、政治站位方面 (1. 学习贯彻上级决策部署不深入, 2. 理论学习流于形式), 二、司法作风方面
 * (3. 案件久拖不结、超审限, 4. 对当事人态度生硬). ADMIN stays logged in.
 */
export async function seedSelfInspection(app: PreviewApp): Promise<{ campaignId: string; departmentId: string }> {
  await setupCourt(app);
  const department = await app.call<{ id: string }>('departments.create', { name: '立案庭', headName: '周立' });
  const filerPerson = await app.call<{ id: string }>('people.create', {
    name: '张敏',
    title: '书记员',
    departmentId: department.id,
  });
  await app.call('people.create', { name: '陈静', title: '法官助理', departmentId: department.id });
  const campaign = await app.call<{ id: string }>('campaigns.create', {
    title: INSPECTION_CAMPAIGN,
    year: 2026,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
  });
  const catalogue = [
    { aspect: '政治站位方面', problems: ['学习贯彻上级决策部署不深入', '理论学习流于形式'] },
    { aspect: '司法作风方面', problems: ['案件久拖不结、超审限', '对当事人态度生硬'] },
  ];
  for (const [index, { aspect, problems }] of catalogue.entries()) {
    const created = await app.call<Catalogue>('problems.createAspect', { campaignId: campaign.id, title: aspect });
    for (const title of problems) await app.call('problems.create', { aspectId: created.aspects[index].id, title });
  }
  await addUser(app, { ...INSPECTION_FILER, roles: ['filer'], departmentId: department.id, personId: filerPerson.id });
  await addUser(app, { ...INSPECTION_REVIEWER, roles: ['reviewer'] });
  return { campaignId: campaign.id, departmentId: department.id };
}

// ── 问题查摆: filing and reviewing a report ───────────────────────────────────────────────────

export interface ClaimInput {
  /** The option as the picker shows it, e.g. "3. 案件久拖不结、超审限". */
  problem: string;
  facts: string;
  cause: string;
  measures: string;
  deadline?: string;
}

/** From the report list: creates a report for the person the form proposes (`proposed`, e.g. "张敏（立案庭）") and waits for its form. */
export async function newOwnReport(page: Page, proposed: string): Promise<Locator> {
  await page.getByTestId('new-report').click();
  const create = page.getByTestId('new-report-form');
  await expect(create.getByTestId('new-report-person')).toHaveValue(proposed);
  await create.getByRole('button', { name: '创建' }).click();
  const form = page.getByTestId('report-form');
  await expect(form).toBeVisible();
  return form;
}

/** Fills one claim editor of the report form. */
export async function fillClaim(page: Page, editor: Locator, claim: ClaimInput): Promise<void> {
  await editor.getByTestId('claim-problem').click();
  await page.getByRole('option', { name: claim.problem }).click();
  await editor.getByTestId('claim-facts').fill(claim.facts);
  await editor.getByTestId('claim-cause').fill(claim.cause);
  await editor.getByTestId('claim-measures').fill(claim.measures);
  if (claim.deadline) {
    await editor.getByRole('textbox', { name: '完成时限' }).fill(claim.deadline);
    // Leaving the date field commits what was typed.
    await editor.getByTestId('claim-cause').click();
  }
}

/** Adds one claim editor per claim to the open report form and fills them; returns the editors. */
export async function addClaims(page: Page, claims: ClaimInput[]): Promise<Locator[]> {
  const form = page.getByTestId('report-form');
  const editors: Locator[] = [];
  for (const claim of claims) {
    await form.getByTestId('add-claim').click();
    const editor = form.getByTestId('claim-editor').nth(editors.length);
    await fillClaim(page, editor, claim);
    editors.push(editor);
  }
  return editors;
}

/** Submits the open report form for review, confirming in the dialog (the caller checks the outcome). */
export async function submitReport(page: Page): Promise<void> {
  await page.getByTestId('report-form').getByTestId('submit-report').click();
  await page.getByRole('dialog').getByRole('button', { name: '提交审核' }).click();
}

/** Opens a report from the list (or the review overview) by its subject. */
export async function openReport(page: Page, subject: string, scope: Page | Locator = page): Promise<void> {
  await scope.getByTestId('report-row').filter({ hasText: subject }).click();
  await expect(page.getByTestId('report-view-status')).toBeVisible();
}

/** Fills the open review dialog (the reason for 退回重填, or the opinion for 通过) and confirms it. */
export async function confirmReview(page: Page, decision: 'return' | 'accept', text: string): Promise<void> {
  const form = page.getByTestId('review-form');
  await form.getByTestId('review-text').fill(text);
  await form.getByTestId('review-confirm').click();
  await expect(page.getByTestId('report-view-status')).toHaveText(decision === 'return' ? '已退回' : '已通过');
}

/** On the review screen: returns the report with a reason or accepts it with an opinion. */
export async function reviewReport(page: Page, decision: 'return' | 'accept', text: string): Promise<void> {
  await page.getByTestId(`review-${decision}`).click();
  await confirmReview(page, decision, text);
}

/** On an accepted report: 生成整改台账 from the claim about `problemTitle`; returns its card. */
export async function createLedgerFromClaim(page: Page, problemTitle: string): Promise<Locator> {
  const claim = page.getByTestId('claim-card').filter({ hasText: problemTitle });
  await claim.getByTestId('create-ledger').click();
  await expect(page.getByTestId('ledger-created-notice')).toBeVisible();
  await expect(claim.getByTestId('ledger-created')).toHaveText('已生成台账');
  return claim;
}

// ── 整改台账: working a measure in its drawer ─────────────────────────────────────────────────

export type MeasureAction = 'progress' | 'submit' | 'signoff';

/** Fills the open action dialog (进展, 完成情况 or 销号意见) and confirms it. */
export async function confirmMeasureAction(page: Page, text?: string): Promise<void> {
  const form = page.getByTestId('measure-action-form');
  if (text !== undefined) await form.getByTestId('measure-action-text').fill(text);
  await form.getByTestId('measure-action-confirm').click();
  await expect(form).toBeHidden();
}

/** In the open measure drawer: records progress, submits for sign-off or signs off. */
export async function measureAction(page: Page, action: MeasureAction, text?: string): Promise<void> {
  await page.getByTestId('measure-drawer').getByTestId(`action-${action}`).click();
  await confirmMeasureAction(page, text);
}

/** In the open measure drawer: uploads a before/after evidence file and waits for it in its group. */
export async function uploadEvidence(
  page: Page,
  phase: 'before' | 'after',
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  const drawer = page.getByTestId('measure-drawer');
  await drawer.getByTestId('measure-tab-evidence').click();
  await drawer.getByTestId(`evidence-input-${phase}`).setInputFiles(file);
  await expect(drawer.getByTestId(`evidence-group-${phase}`)).toContainText(file.name);
}

/** In the open measure drawer, just signed off: the look-back it scheduled (months ahead); returns its due date. */
export async function scheduledLookbackDue(page: Page): Promise<string> {
  const drawer = page.getByTestId('measure-drawer');
  await drawer.getByTestId('measure-tab-lookbacks').click();
  await expect(drawer.getByTestId('measure-lookback-row')).toHaveCount(1);
  await expect(drawer.getByTestId('measure-lookback-row')).toContainText('待回头看');
  const due = (await drawer.getByTestId('measure-lookback-row').locator('td').first().textContent())!.trim();
  expect(due > today()).toBe(true);
  return due;
}

// ── 回头看 ────────────────────────────────────────────────────────────────────────────────────

/** In the queue: moves a look-back's due date (调整日期) and waits until the row shows it. */
export async function rescheduleLookback(page: Page, row: Locator, due: string): Promise<void> {
  await row.getByTestId('lookback-reschedule').click();
  const form = page.getByTestId('lookback-reschedule-form');
  await field(form, '新的到期日').fill(due);
  await field(form, '新的到期日').press('Tab');
  await form.getByTestId('lookback-reschedule-confirm').click();
  await expect(form).toBeHidden();
  await expect(row.getByTestId('lookback-due')).toHaveText(due);
}

export interface LookbackInput {
  verdict?: '通过' | '发现反弹';
  note: string;
  file?: { name: string; mimeType: string; buffer: Buffer };
}

/** Fills the open 回头看 dialog and confirms it. */
export async function completeLookbackRecord(page: Page, input: LookbackInput): Promise<void> {
  const form = page.getByTestId('lookback-record-form');
  if (input.verdict) await form.getByRole('radio', { name: input.verdict }).check();
  await form.getByTestId('lookback-note').fill(input.note);
  if (input.file) {
    await form.getByTestId('lookback-evidence-input').setInputFiles(input.file);
    await expect(form.getByTestId('lookback-file')).toHaveCount(1);
  }
  await form.getByTestId('lookback-record-confirm').click();
  await expect(form).toBeHidden();
}

/** In the queue: records the re-check of `row`. */
export async function recordLookback(
  page: Page,
  row: Locator,
  input: LookbackInput & { verdict: '通过' | '发现反弹' },
): Promise<void> {
  await row.getByTestId('lookback-record').click();
  await completeLookbackRecord(page, input);
}
