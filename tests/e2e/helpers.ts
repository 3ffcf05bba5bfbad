// Shared steps for the end-to-end tests: set data up through the real API, then drive the UI.
import type { Page } from '@playwright/test';
import { expect, type PreviewApp } from './fixtures';
import { HIGH } from './threeCourts';

export const COURT = {
  name: '枝江市人民法院',
  code: 'E0583',
  level: 'basic',
  parentCode: 'E05',
  parentName: '宜昌市中级人民法院',
  operatorName: '王晓梅',
} as const;

/** The first administrator, created with the court (named after the operator, 王晓梅). */
export const ADMIN = { username: 'wangxm', password: 'Wangxm2026' } as const;

/** The court and its administrator, logged in (the preview's one session is the page's too). */
export async function setupCourt(app: PreviewApp): Promise<void> {
  await app.call('court.setup', { profile: COURT, admin: ADMIN });
}

/** The high court (黑龙江省高级人民法院, J23) of the province specs, with `admin` (ADMIN by default). */
export async function setUpHighCourt(
  app: PreviewApp,
  admin: { username: string; password: string } = ADMIN,
): Promise<void> {
  await app.call('court.setup', { profile: { ...HIGH, parentCode: '', parentName: '' }, admin });
}

/**
 * The court with the demo data (its campaigns, checklists, reports and ledgers), its administrator
 * 'admin' (also a reviewer) logged in; waits until the demo job has finished.
 */
export async function setUpDemoCourt(app: PreviewApp): Promise<void> {
  const setup = await app.call<{ demoJobId: string | null }>('court.setup', {
    profile: COURT,
    admin: { username: 'admin', password: 'Admin2026' },
    loadDemo: true,
  });
  expect(setup.demoJobId).toBeTruthy();
  for (let waited = 0; ; waited += 250) {
    const job = await app.call<{ state: string; error: string | null }>('jobs.get', { jobId: setup.demoJobId });
    if (job.state !== 'running') {
      expect(job.state, job.error ?? '').toBe('done');
      break;
    }
    expect(waited).toBeLessThan(60_000);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * An account ready to log in with `password` (its temporary password already changed), created
 * by the administrator, who stays logged in.
 */
export async function addReadyUser(
  app: PreviewApp,
  account: {
    username: string;
    displayName: string;
    roles: Array<'admin' | 'reviewer' | 'filer'>;
    departmentId?: string | null;
    personId?: string | null;
  },
  password: string,
): Promise<{ id: string }> {
  const created = await app.call<{ id: string }>('users.create', {
    departmentId: null,
    ...account,
    password: 'Temp2026abc',
  });
  await app.call('auth.logout');
  await app.call('auth.login', { username: account.username, password: 'Temp2026abc' });
  await app.call('auth.changePassword', { currentPassword: 'Temp2026abc', newPassword: password });
  await app.call('auth.logout');
  await app.call('auth.login', ADMIN);
  return created;
}

/** Logs in on the log-in screen and waits for the shell. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  const form = page.getByTestId('login-form');
  await form.getByRole('textbox', { name: '用户名' }).fill(username);
  await form.getByRole('textbox', { name: '密码', exact: true }).fill(password);
  await form.getByRole('textbox', { name: '密码', exact: true }).press('Enter');
  await expect(page.getByTestId('header-user')).toBeVisible();
}

/** Logs out from the header's user menu and waits for the log-in screen. */
export async function logOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByTestId('login-form')).toBeVisible();
}

/** Logs out and in again as someone else. */
export async function switchUser(page: Page, username: string, password: string): Promise<void> {
  await logOut(page);
  await logIn(page, username, password);
}

export interface Seeded {
  campaignId: string;
  sectionIds: string[];
  itemIds: string[];
  departmentIds: string[];
}

/** A campaign for 2026 (from 2026-01-01 to `endDate`) with `sections` created in order, through the API. */
export async function createCampaign(
  app: PreviewApp,
  title: string,
  sections: readonly string[] = [],
  endDate = '2026-12-31',
): Promise<{ id: string; sections: Array<{ id: string; title: string }> }> {
  const campaign = await app.call<{ id: string }>('campaigns.create', {
    title,
    year: 2026,
    startDate: '2026-01-01',
    endDate,
  });
  let created: Array<{ id: string; title: string }> = [];
  for (const sectionTitle of sections) {
    const detail = await app.call<{ sections: Array<{ id: string; title: string }> }>('sections.create', {
      campaignId: campaign.id,
      title: sectionTitle,
    });
    created = detail.sections;
  }
  return { id: campaign.id, sections: created };
}

/** A court, two departments, a campaign with two sections and the given items. */
export async function seedCampaign(
  app: PreviewApp,
  items: Array<{
    title: string;
    content?: string;
    owner?: string;
    section?: number;
    deadline?: string | null;
    kind?: 'mandatory' | 'own';
  }>,
): Promise<Seeded> {
  await setupCourt(app);
  const departmentIds = [
    (await app.call<{ id: string }>('departments.create', { name: '政治部' })).id,
    (await app.call<{ id: string }>('departments.create', { name: '执行局' })).id,
  ];
  const campaign = await createCampaign(app, '2026年“清廉法院”建设', ['廉洁文化工程', '制度建设工程']);
  const sectionIds = campaign.sections.map((s) => s.id);
  const itemIds: string[] = [];
  for (const [index, item] of items.entries()) {
    const created = await app.call<{ id: string }>('items.create', {
      campaignId: campaign.id,
      sectionId: sectionIds[item.section ?? index % 2],
      title: item.title,
      content: item.content ?? '',
      owner: item.owner ?? '刘洋',
      kind: item.kind ?? 'mandatory',
      departmentId: departmentIds[index % 2],
      deadline: item.deadline === undefined ? '2099-12-31' : item.deadline,
      // Needed only for a deadline already past (kept as a deadline change).
      deadlineReason: '补录已逾期的事项',
    });
    itemIds.push(created.id);
  }
  return { campaignId: campaign.id, sectionIds, itemIds, departmentIds };
}

export async function openCampaign(page: Page, app: PreviewApp, title: string): Promise<void> {
  await page.goto(app.url);
  // A 审核人 (as the administrator here also is) lands on 我的待办: the list is one click away.
  await page.getByRole('navigation').getByRole('link', { name: '专项活动', exact: true }).click();
  await page.getByTestId('campaign-card').filter({ hasText: title }).getByTestId('campaign-title').click();
  await expect(page.getByTestId('item-table')).toBeVisible();
  await expect(page.getByTestId('item-row').first()).toBeVisible();
}

export function row(page: Page, title: string) {
  return page.getByTestId('item-row').filter({ hasText: title });
}

/** Text of every rendered row's title cell. */
export async function visibleTitles(page: Page): Promise<string[]> {
  return page.getByTestId('item-row').locator('.it-title').allTextContents();
}

/** A text field, date field or autocomplete by its visible label (the required mark is not part of it). */
export function field(page: Page, label: string) {
  return page
    .getByRole('textbox', { name: label, exact: true })
    .or(page.getByRole('combobox', { name: label, exact: true }));
}
