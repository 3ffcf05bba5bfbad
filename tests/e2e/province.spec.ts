// 下级法院进度 at a high court: the matrix of subordinate courts × sections, ranked with the laggards
// first, the 中院辖区 filter and 只看后进, and the drill-down into a court's checklist (read-only).
// The subordinates' rows go straight into the database, as imported report-up bundles (direct
// and relayed) would leave them.
import path from 'node:path';
import Database from 'better-sqlite3';
import { test, expect, type PreviewApp } from './fixtures';
import { ADMIN } from './helpers';
import { choose, shot } from './steps';

const CAMPAIGN = '2026年能力作风建设年';
const DAY = 86_400_000;
let counter = 0;
const nextId = () => `0190f0e4-0000-7000-8000-${(0xa000 + (counter += 1)).toString(16).padStart(12, '0')}`;
const STAMP = '2026-10-08T09:00:00+08:00';

interface Subordinate {
  code: string;
  name: string;
  level: 'intermediate' | 'basic';
  parent: string;
  relation: 'subordinate' | 'relayed';
  /** Days since its last bundle; null: none received yet. */
  age: number | null;
  /** [section index (2 = a section of its own), status, deadline] */
  items: Array<[number, 'completed' | 'signed_off' | 'in_progress' | 'not_started', string]>;
}

const SUBORDINATES: Subordinate[] = [
  {
    code: 'J2301',
    name: '哈尔滨市中级人民法院',
    level: 'intermediate',
    parent: 'J23',
    relation: 'subordinate',
    age: 70,
    items: [
      [0, 'in_progress', '2026-01-31'],
      [1, 'not_started', '2026-02-28'],
    ],
  },
  {
    code: 'J2302',
    name: '齐齐哈尔市中级人民法院',
    level: 'intermediate',
    parent: 'J23',
    relation: 'subordinate',
    age: 3,
    items: [
      [0, 'completed', '2026-03-31'],
      [0, 'in_progress', '2099-12-31'],
      [1, 'in_progress', '2026-01-31'],
      [1, 'not_started', '2099-12-31'],
    ],
  },
  {
    code: 'J230201',
    name: '龙江县人民法院',
    level: 'basic',
    parent: 'J2302',
    relation: 'relayed',
    age: 40,
    items: [
      [0, 'completed', '2026-03-31'],
      [0, 'signed_off', '2026-03-31'],
      [1, 'completed', '2026-05-31'],
      [1, 'completed', '2026-06-30'],
      [2, 'in_progress', '2099-12-31'],
    ],
  },
  {
    code: 'J230202',
    name: '讷河市人民法院',
    level: 'basic',
    parent: 'J2302',
    relation: 'relayed',
    age: 5,
    items: [
      [0, 'completed', '2026-03-31'],
      [1, 'signed_off', '2026-04-30'],
    ],
  },
  {
    code: 'J230203',
    name: '依安县人民法院',
    level: 'basic',
    parent: 'J2302',
    relation: 'relayed',
    age: null,
    items: [],
  },
];

/** A high court with one campaign of two sections, and five subordinates' data. */
async function provinceCourt(app: PreviewApp): Promise<string> {
  await app.call('court.setup', {
    profile: {
      name: '黑龙江省高级人民法院',
      code: 'J23',
      level: 'high',
      parentCode: '',
      parentName: '',
      operatorName: '李处长',
    },
    admin: ADMIN,
  });
  const campaign = await app.call<{ id: string }>('campaigns.create', {
    title: CAMPAIGN,
    year: 2026,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
  });
  await app.call('sections.create', { campaignId: campaign.id, title: '争先创优' });
  const detail = await app.call<{ sections: Array<{ id: string; title: string }> }>('sections.create', {
    campaignId: campaign.id,
    title: '整改落实',
  });
  const sections = ['争先创优', '整改落实'].map((title) => detail.sections.find((s) => s.title === title)!.id);
  const db = new Database(path.join(app.dataDir, 'court.sqlite3'));
  try {
    const owned = (origin: string) => ({
      id: nextId(),
      origin,
      version: 1,
      change_seq: 1,
      created_at: STAMP,
      updated_at: STAMP,
    });
    const insert = (table: string, values: Record<string, unknown>) => {
      const keys = Object.keys(values);
      db.prepare(`INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`).run(
        ...keys.map((key) => values[key]),
      );
    };
    for (const court of SUBORDINATES) {
      const bundleAt = court.age === null ? null : new Date(Date.now() - court.age * DAY - 3_600_000).toISOString();
      insert('sync_courts', {
        code: court.code,
        name: court.name,
        level: court.level,
        parent_code: court.parent,
        sign_key: 'k',
        box_key: 'k',
        fingerprint: '0'.repeat(40),
        relation: court.relation,
        trusted_at: STAMP,
        trusted_by: '李处长（wangxm）',
        vouched_by: court.relation === 'relayed' ? court.parent : null,
        last_seq: court.age === null ? 0 : 3,
        last_bundle_at: bundleAt,
        last_imported_at: bundleAt,
      });
      insert('courts', {
        ...owned(court.code),
        code: court.code,
        name: court.name,
        level: court.level,
        parent_code: court.parent,
      });
      let ownSection: string | null = null;
      court.items.forEach(([section, status, deadline], index) => {
        if (section === 2 && !ownSection) {
          ownSection = nextId();
          insert('sections', {
            ...owned(court.code),
            id: ownSection,
            campaign_id: campaign.id,
            title: '本院自选动作',
            sort_order: 9,
          });
        }
        const done = status === 'completed' || status === 'signed_off';
        insert('items', {
          ...owned(court.code),
          campaign_id: campaign.id,
          section_id: section === 2 ? ownSection : sections[section],
          sort_order: (index + 1) * 1024,
          title: `${court.name.slice(0, 2)}：第${index + 1}项工作`,
          kind: section === 2 ? 'own' : 'mandatory',
          deadline,
          status,
          percent: done ? 100 : 30,
          completed_at: done ? STAMP : null,
        });
      });
    }
  } finally {
    db.close();
  }
  return campaign.id;
}

const matrixRow = (page: import('@playwright/test').Page, code: string) =>
  page.locator(`[data-testid="province-row"][data-court="${code}"]`);

test('高院查看下级法院进度：后进在前，按中院辖区筛选，点击法院查看其推进清单', async ({ page, app }) => {
  const campaignId = await provinceCourt(app);
  await page.goto(app.url);
  await page.getByTestId('campaign-card').filter({ hasText: CAMPAIGN }).getByTestId('campaign-title').click();
  await page.getByTestId('tab-courts').click();
  await expect(page).toHaveURL(new RegExp(`#/campaign/${campaignId}/courts$`));

  const rows = page.getByTestId('province-row');
  await expect(rows).toHaveCount(5);
  // 后进 first: 0 %, 25 %, 80 %, 100 %, then the court without items.
  expect(await rows.evaluateAll((list) => list.map((row) => row.getAttribute('data-court')))).toEqual([
    'J2301',
    'J2302',
    'J230201',
    'J230202',
    'J230203',
  ]);
  await expect(page.getByTestId('province-section')).toHaveText(['一、争先创优', '二、整改落实', '自行增加']);
  await expect(matrixRow(page, 'J2302').getByTestId('province-cell').nth(1)).toHaveText('0% / 逾期 1');
  await expect(matrixRow(page, 'J2302').getByTestId('province-cell').nth(0)).toHaveText('50% / 逾期 0');
  await expect(matrixRow(page, 'J230201').getByTestId('province-cell').nth(2)).toHaveText('0% / 逾期 0');
  await expect(matrixRow(page, 'J230201').getByTestId('province-total')).toHaveText('80% / 逾期 0');
  await expect(matrixRow(page, 'J230203').getByTestId('province-total')).toHaveText('—');
  // Bundle ages with their lights; the laggard badge only on the court furthest behind.
  await expect(matrixRow(page, 'J2302').getByTestId('province-age')).toHaveText('3 天前');
  await expect(matrixRow(page, 'J2302').getByTestId('province-age')).toHaveAttribute('data-light', 'green');
  await expect(matrixRow(page, 'J230201').getByTestId('province-age')).toHaveAttribute('data-light', 'yellow');
  await expect(matrixRow(page, 'J2301').getByTestId('province-age')).toHaveAttribute('data-light', 'red');
  await expect(matrixRow(page, 'J230203').getByTestId('province-age')).toHaveText('未收到');
  await expect(page.getByTestId('province-laggard')).toHaveCount(1);
  await expect(matrixRow(page, 'J2301').getByTestId('province-laggard')).toHaveText('后进');
  await shot(page, 'province-matrix.png', false);

  // One intermediate court's jurisdiction, then only the laggards.
  await choose(page, page.getByTestId('province-parent'), '齐齐哈尔市中级人民法院辖区');
  await expect(rows).toHaveCount(4);
  await expect(matrixRow(page, 'J2301')).toHaveCount(0);
  await choose(page, page.getByTestId('province-parent'), '全部辖区');
  await page.getByRole('switch', { name: '只看后进（后 10 名）' }).click();
  await expect(rows).toHaveCount(4);
  await expect(matrixRow(page, 'J230203')).toHaveCount(0);
  await page.getByRole('switch', { name: '只看后进（后 10 名）' }).click();

  // Drill-down by keyboard: a row takes the focus and Enter opens that court's checklist.
  await matrixRow(page, 'J2302').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/campaign/${campaignId}\\?court=J2302$`));
  await page.goBack();
  await expect(rows).toHaveCount(5);

  // Drill-down: the court's checklist, read-only.
  await matrixRow(page, 'J230201').getByTestId('province-court-name').click();
  await expect(page).toHaveURL(new RegExp(`#/campaign/${campaignId}\\?court=J230201$`));
  await expect(page.getByTestId('viewing-court')).toContainText('龙江县人民法院');
  await expect(page.getByTestId('item-row')).toHaveCount(5);
  await expect(page.getByRole('button', { name: '新增事项' })).toHaveCount(0);
  await expect(page.getByTestId('row-check')).toHaveCount(0);
});

test('尚未收到下级法院的同步包时，下级法院进度给出去同步的入口', async ({ page, app }) => {
  await app.call('court.setup', {
    profile: {
      name: '齐齐哈尔市中级人民法院',
      code: 'J2302',
      level: 'intermediate',
      parentCode: 'J23',
      parentName: '黑龙江省高级人民法院',
      operatorName: '赵科长',
    },
    admin: ADMIN,
  });
  await app.call('campaigns.create', { title: CAMPAIGN, year: 2026 });
  await page.goto(app.url);
  await page.getByTestId('campaign-card').filter({ hasText: CAMPAIGN }).getByTestId('campaign-title').click();
  await page.getByTestId('tab-courts').click();
  await expect(page.getByTestId('province-empty')).toContainText('尚未收到下级法院的同步包');
  await page.getByRole('button', { name: '前往同步' }).click();
  await expect(page).toHaveURL(/#\/sync\/import$/);
});
