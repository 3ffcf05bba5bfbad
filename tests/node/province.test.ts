// The higher court's matrix (boards.province) with real courts: the high court publishes a
// campaign with two top-level sections, the intermediate court relays it down, three basic courts
// work on it (one adds an item in a section of its own, one never received this campaign), report
// up, the intermediate court relays their bundles up and the high court imports them. Every cell
// is checked against an independent count in SQL at the high court.
import { afterEach, describe, expect, it } from 'vitest';
import { exportReportUp, importBundle, publishCampaign, courtFingerprint } from '../../src/main/sync/syncService';
import type { ProvinceBoard } from '../../src/shared/model';
import { bundleLight } from '../../src/shared/bundleAge';
import { groupCountsQuery, reportingPeriods } from '../../src/main/province/provinceBoard';
import { ADMIN, openHarness, type Harness } from './harness';
import {
  BASIC,
  BASIC_2,
  HIGH,
  INTERMEDIATE,
  openEngineCourt,
  outFolder,
  type SyncCourt,
  type SyncProfile,
} from './sync/syncFixtures';

const BASIC_3 = {
  name: '依安县人民法院',
  code: 'J230203',
  level: 'basic' as const,
  parentCode: 'J2302',
  parentName: '齐齐哈尔市中级人民法院',
  operatorName: '周书记员',
};

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

const court = (profile: SyncProfile) => openEngineCourt(profile, open);
type Court = SyncCourt;

/** The basic court's copy of an issuer's item. */
function copyOf(c: Court, sourceId: string) {
  return c.h.services.ctx.sqlite.prepare('SELECT id, version FROM items WHERE source_item_id = ?').get(sourceId) as {
    id: string;
    version: number;
  };
}

/** Counted independently at the high court: one court's live items in the given sections. */
function sqlCount(high: Court, origin: string, sectionIds: string[] | 'other', today: string) {
  const where =
    sectionIds === 'other'
      ? 'NOT coalesce(section_id IN (SELECT id FROM sections WHERE origin = ?), 0)'
      : `section_id IN (${sectionIds.map(() => '?').join(', ')})`;
  const params = sectionIds === 'other' ? ['J23'] : sectionIds;
  const rows = high.h.services.ctx.sqlite
    .prepare(
      `SELECT status, deadline FROM items WHERE origin = ? AND campaign_id = (SELECT id FROM campaigns WHERE title = '能力作风建设年') AND deleted_at IS NULL AND ${where}`,
    )
    .all(origin, ...params) as { status: string; deadline: string | null }[];
  const done = (status: string) => status === 'completed' || status === 'signed_off';
  return {
    total: rows.length,
    completed: rows.filter((r) => done(r.status)).length,
    overdue: rows.filter((r) => !done(r.status) && r.deadline !== null && r.deadline < today).length,
  };
}

describe('boards.province', () => {
  it('rolls each subordinate court up to the issued sections, ranks the best first and shows bundle ages', async () => {
    const folder = outFolder();
    const high = await court(HIGH);
    const middle = await court(INTERMEDIATE);
    const basic1 = await court(BASIC);
    const basic2 = await court(BASIC_2);
    const basic3 = await court(BASIC_3);

    // The high court's campaign: 一、with a sub-section, 二、; three mandatory items; and a second campaign.
    const campaign = await high.h.ok('campaigns.create', {
      title: '能力作风建设年',
      year: 2026,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    let detail = await high.h.ok('sections.create', { campaignId: campaign.id, title: '争先创优' });
    const s1 = detail.sections[0].id;
    detail = await high.h.ok('sections.create', { campaignId: campaign.id, title: '庭审观摩', parentId: s1 });
    const s1a = detail.sections.find((s) => s.title === '庭审观摩')!.id;
    detail = await high.h.ok('sections.create', { campaignId: campaign.id, title: '整改落实' });
    const s2 = detail.sections.find((s) => s.title === '整改落实')!.id;
    const m1 = await high.h.ok('items.create', {
      campaignId: campaign.id,
      sectionId: s1a,
      title: '开展庭审观摩活动',
      kind: 'mandatory',
      deadline: '2026-06-30',
      deadlineReason: '按上级部署补录的历史事项',
    });
    const m2 = await high.h.ok('items.create', {
      campaignId: campaign.id,
      sectionId: s2,
      title: '组织审判业务培训',
      kind: 'mandatory',
      deadline: '2026-12-31',
    });
    const m3 = await high.h.ok('items.create', {
      campaignId: campaign.id,
      sectionId: s2,
      title: '整改台账对账销号',
      kind: 'mandatory',
      deadline: '2026-03-31',
      deadlineReason: '按上级部署补录的历史事项',
    });
    await high.h.ok('items.create', {
      campaignId: campaign.id,
      sectionId: s1,
      title: '高院自身的任务',
      kind: 'own',
      deadline: '2026-01-31',
      deadlineReason: '按上级部署补录的历史事项',
    });
    const other = await high.h.ok('campaigns.create', { title: '清廉法院建设', year: 2026 });
    await high.h.ok('items.create', { campaignId: other.id, title: '开展廉政教育', kind: 'mandatory' });

    // Down: high → intermediate → basic courts (the third only gets the other campaign).
    const highFp = await courtFingerprint(high.ctx);
    for (const id of [campaign.id, other.id]) {
      const pkg = await publishCampaign(high.ctx, { campaignId: id, folder });
      await importBundle(middle.ctx, { file: pkg.filePath, dryRun: false, trust: [highFp] });
    }
    const middleFp = await courtFingerprint(middle.ctx);
    const down = await publishCampaign(middle.ctx, { campaignId: campaign.id, folder });
    const downOther = await publishCampaign(middle.ctx, { campaignId: other.id, folder });
    await importBundle(basic1.ctx, { file: down.filePath, dryRun: false, trust: [middleFp] });
    await importBundle(basic2.ctx, { file: down.filePath, dryRun: false, trust: [middleFp] });
    await importBundle(basic3.ctx, { file: downOther.filePath, dryRun: false, trust: [middleFp] });

    // Work: basic1 completes one item and adds one in a section of its own; basic2 completes two.
    await basic1.h.ok('items.markComplete', copyOf(basic1, m2.id));
    const own = await basic1.h.ok('sections.create', { campaignId: campaign.id, title: '龙江县自选动作' });
    const ownSection = own.sections.find((s) => s.title === '龙江县自选动作')!.id;
    await basic1.h.ok('items.create', {
      campaignId: campaign.id,
      sectionId: ownSection,
      title: '巡回审判进社区',
      deadline: '2026-05-31',
      deadlineReason: '按上级部署补录的历史事项',
    });
    await basic2.h.ok('items.markComplete', copyOf(basic2, m1.id));
    await basic2.h.ok('items.markComplete', copyOf(basic2, m3.id));

    // Up: each basic court reports (basic2 long ago), the intermediate court relays, the high court imports.
    basic2.h.setNow('2026-09-10T10:00:00+08:00');
    for (const [c, code, at] of [
      [basic1, BASIC.code, '2026-11-20T10:00:00+08:00'],
      [basic2, BASIC_2.code, '2026-09-10T10:00:00+08:00'],
      [basic3, BASIC_3.code, '2026-11-01T10:00:00+08:00'],
    ] as const) {
      c.h.setNow(at);
      const up = await exportReportUp(c.ctx, { folder, full: false });
      await importBundle(middle.ctx, {
        file: up.filePath,
        dryRun: false,
        trust: [await courtFingerprint(c.ctx)],
        addToRoster: [code],
      });
    }
    const relay = await exportReportUp(middle.ctx, { folder, full: false });
    await importBundle(high.ctx, { file: relay.filePath, dryRun: false, trust: [middleFp], addToRoster: ['J2302'] });

    const board: ProvinceBoard = await high.h.ok('boards.province', { campaignId: campaign.id });
    expect(board).toMatchObject({ campaignId: campaign.id, campaignTitle: '能力作风建设年', today: '2026-11-24' });
    expect(board.sections).toEqual([
      { id: s1, title: '一、争先创优' },
      { id: s2, title: '二、整改落实' },
      { id: null, title: '自行增加' },
    ]);
    // Not the high court itself; every subordinate known here, the one without items last.
    expect(board.courts.map((c) => c.code).sort()).toEqual(['J2302', 'J230201', 'J230202', 'J230203']);
    const today = board.today;
    for (const row of board.courts) {
      const expected = [
        sqlCount(high, row.code, [s1, s1a], today),
        sqlCount(high, row.code, [s2], today),
        sqlCount(high, row.code, 'other', today),
      ];
      expect(
        row.cells.map(({ total, completed, overdue }) => ({ total, completed, overdue })),
        row.code,
      ).toEqual(expected);
      expect(row.totals.total).toBe(expected.reduce((sum, cell) => sum + cell.total, 0));
    }
    const byCode = new Map(board.courts.map((c) => [c.code, c]));
    // basic1: 4 items (3 copies + its own), 1 completed; its own item is in 自行增加, overdue.
    expect(byCode.get('J230201')!.cells[2]).toMatchObject({ total: 1, completed: 0, overdue: 1, completionRate: 0 });
    expect(byCode.get('J230201')!.totals).toMatchObject({ total: 4, completed: 1, overdue: 3, completionRate: 0.25 });
    expect(byCode.get('J230202')!.totals).toMatchObject({ total: 3, completed: 2, overdue: 0, completionRate: 2 / 3 });
    expect(byCode.get('J2302')!.totals).toMatchObject({ total: 3, completed: 0, overdue: 2, completionRate: 0 });
    expect(byCode.get('J230203')!.totals).toMatchObject({ total: 0, completed: 0, overdue: 0, completionRate: null });
    expect(byCode.get('J230203')!.cells.every((cell) => cell.total === 0 && cell.completionRate === null)).toBe(true);
    // Rank 1 is the best current court: basic1 (25 %) before the intermediate court (0 %); basic2's
    // last bundle is 75 days old (数据陈旧, not ranked) and basic3 has no items (not ranked).
    expect(board.courts.map((c) => [c.rank, c.code, c.standing])).toEqual([
      [1, 'J230201', 'ranked'],
      [2, 'J2302', 'ranked'],
      [null, 'J230202', 'stale'],
      [null, 'J230203', 'empty'],
    ]);
    // The roster learned on import: the intermediate court added by hand, its basic courts by the relay.
    expect(board.fromRoster).toBe(true);
    expect(board.courts.every((c) => c.onRoster && c.jurisdiction === 'J2302')).toBe(true);
    expect(board.total.totals.total).toBe(
      board.courts.reduce((sum, c) => sum + c.totals.total, 0) + board.own.totals.total,
    );
    expect(byCode.get('J230201')).toMatchObject({ name: BASIC.name, level: 'basic', parentCode: 'J2302' });

    // Bundle ages against the subordinates page's thresholds (over 30 days yellow, over 60 red).
    expect(byCode.get('J230201')).toMatchObject({ bundleAgeDays: 4, bundleLight: 'green' });
    expect(byCode.get('J230202')).toMatchObject({ bundleAgeDays: 75, bundleLight: 'red' });
    expect(byCode.get('J230203')).toMatchObject({ bundleAgeDays: 23, bundleLight: 'green' });
    high.h.setNow('2026-12-15T10:00:00+08:00');
    const later = await high.h.ok('boards.province', { campaignId: campaign.id });
    const laterBasic3 = later.courts.find((c) => c.code === 'J230203')!;
    expect(laterBasic3).toMatchObject({ bundleAgeDays: 44, bundleLight: 'yellow' });
    const subordinates = await high.h.ok('sync.subordinates');
    expect(subordinates.find((s) => s.code === 'J230203')!.ageDays).toBe(laterBasic3.bundleAgeDays);
    expect(laterBasic3.lastBundleAt).toBe(subordinates.find((s) => s.code === 'J230203')!.lastBundleAt);

    // The intermediate court sees its own subordinates (not itself, not the high court).
    const atMiddle = await middle.h.ok('boards.province', { campaignId: campaign.id });
    expect(atMiddle.courts.map((c) => c.code).sort()).toEqual(['J230201', 'J230202', 'J230203']);

    // A basic court has no subordinates: an empty list, not an error.
    const atBasic = await basic1.h.ok('boards.province', { campaignId: campaign.id });
    expect(atBasic.courts).toEqual([]);
    expect(atBasic.sections.map((s) => s.title)).toContain('一、争先创优');
  });

  it('colours bundle ages: green up to 30 days, yellow up to 60, red beyond, none before the first', () => {
    const lights = [0, 29, 30, 31, 59, 60, 61, 400].map((days) => bundleLight(days));
    expect(lights).toEqual(['green', 'green', 'green', 'yellow', 'yellow', 'yellow', 'red', 'red']);
    expect(bundleLight(null)).toBe('none');
  });
});

/** A high court with a roster, and its subordinates' rows as relays would leave them (SQL). */
async function rosterProvince() {
  const h = await openHarness();
  open.push(h);
  await h.ok('court.setup', {
    profile: { name: '黑龙江省高级人民法院', code: 'J23', level: 'high', operatorName: '李处长' },
    admin: ADMIN,
  });
  const campaign = await h.ok('campaigns.create', { title: '能力作风建设年', year: 2026, startDate: '2026-01-01' });
  let detail = await h.ok('sections.create', { campaignId: campaign.id, title: '争先创优' });
  detail = await h.ok('sections.create', { campaignId: campaign.id, title: '整改落实' });
  const [s0, s1] = detail.sections.map((s) => s.id);
  await h.ok('items.create', { campaignId: campaign.id, sectionId: s0, title: '高院自身的任务' });
  const sqlite = h.services.ctx.sqlite;
  let seq = 100;
  const roster = sqlite.prepare(
    "INSERT INTO roster_courts (id, origin, change_seq, created_at, updated_at, code, name, level, parent_code, jurisdiction, merged_at) VALUES (?, 'J23', ?, '2026-10-01T09:00:00+08:00', '2026-10-01T09:00:00+08:00', ?, ?, ?, ?, ?, ?)",
  );
  const entries: Array<[string, string, 'intermediate' | 'basic', string, string | null]> = [
    ['J2301', '哈尔滨市中级人民法院', 'intermediate', 'J23', null],
    ['J230101', '道里区人民法院', 'basic', 'J2301', null],
    ['J230102', '道外区人民法院', 'basic', 'J2301', null],
    ['J2302', '齐齐哈尔市中级人民法院', 'intermediate', 'J23', null],
    ['J230201', '龙江县人民法院', 'basic', 'J2302', null],
    ['J230202', '已撤并县人民法院', 'basic', 'J2302', '2026-06-30'],
  ];
  entries.forEach(([code, name, level, parent, merged], index) =>
    roster.run(
      `0190f0e4-0000-7000-8000-0000000ab${String(index).padStart(3, '0')}`,
      (seq += 1),
      code,
      name,
      level,
      parent,
      '黑龙江省',
      merged,
    ),
  );
  const synced = sqlite.prepare(
    "INSERT INTO sync_courts (code, name, level, parent_code, sign_key, box_key, fingerprint, relation, trusted_at, trusted_by, last_seq, last_bundle_at) VALUES (?, ?, ?, ?, 'k', 'k', ?, ?, '2026-06-01T09:00:00+08:00', '李处长（admin）', 1, ?)",
  );
  const courts: Array<[string, string, string, string, string, string]> = [
    ['J2301', '哈尔滨市中级人民法院', 'intermediate', 'J23', 'subordinate', '2026-11-20T09:00:00+08:00'],
    ['J230101', '道里区人民法院', 'basic', 'J2301', 'relayed', '2026-11-22T09:00:00+08:00'],
    ['J2302', '齐齐哈尔市中级人民法院', 'intermediate', 'J23', 'subordinate', '2026-09-01T09:00:00+08:00'],
    ['J230201', '龙江县人民法院', 'basic', 'J2302', 'relayed', '2026-11-23T09:00:00+08:00'],
    ['J230202', '已撤并县人民法院', 'basic', 'J2302', 'relayed', '2026-06-01T09:00:00+08:00'],
    ['J230199', '松北区人民法院', 'basic', 'J2301', 'relayed', '2026-11-21T09:00:00+08:00'],
  ];
  courts.forEach(([code, name, level, parent, relation, at], index) =>
    synced.run(code, name, level, parent, String(index).repeat(40), relation, at),
  );
  const item = sqlite.prepare(
    'INSERT INTO items (id, origin, version, change_seq, created_at, updated_at, campaign_id, section_id, sort_order, title, status, deadline, completed_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let n = 0;
  const add = (
    origin: string,
    section: string,
    status: string,
    created: string,
    completed: string | null,
    deadline = '2026-12-31',
  ) => {
    n += 1;
    item.run(
      `0190f0e4-0000-7000-8000-${String(n).padStart(12, '0')}`,
      origin,
      (seq += 1),
      `${created}T09:00:00+08:00`,
      `${completed ?? created}T09:00:00+08:00`,
      campaign.id,
      section,
      n * 1024,
      `事项 ${n}`,
      status,
      deadline,
      completed ? `${completed}T09:00:00+08:00` : null,
    );
  };
  // 哈尔滨中院: 1 of 2 (both created in October, none done by its end): 50 %, was 0 %.
  add('J2301', s0, 'completed', '2026-10-05', '2026-11-10');
  add('J2301', s0, 'in_progress', '2026-10-05', null);
  // 道里区: 3 of 4, one overdue; at October's end 2 of 3.
  add('J230101', s0, 'completed', '2026-10-01', '2026-10-15');
  add('J230101', s0, 'signed_off', '2026-10-01', '2026-10-20');
  add('J230101', s1, 'completed', '2026-10-01', '2026-11-05');
  add('J230101', s1, 'not_started', '2026-11-03', null, '2026-11-10');
  // 齐齐哈尔中院: all done, but its last bundle is 84 days old.
  add('J2302', s0, 'completed', '2026-08-01', '2026-08-20');
  add('J2302', s1, 'completed', '2026-08-01', '2026-08-25');
  // 龙江县: 1 of 5, all created in November (nothing to compare).
  add('J230201', s0, 'completed', '2026-11-02', '2026-11-04');
  for (let i = 0; i < 2; i += 1) add('J230201', s0, 'in_progress', '2026-11-02', null);
  for (let i = 0; i < 2; i += 1) add('J230201', s1, 'not_started', '2026-11-02', null);
  // 松北区 (not on the roster) and the merged court.
  add('J230199', s0, 'completed', '2026-11-05', '2026-11-06');
  add('J230202', s0, 'completed', '2026-05-05', '2026-05-06');
  const rules = (rule: 'bottom' | 'below', count: number, below: number) =>
    sqlite
      .prepare(
        "INSERT INTO campaign_reporting (campaign_id, laggard_rule, laggard_count, laggard_below, updated_at, updated_by) VALUES (?, ?, ?, ?, '2026-11-24T09:00:00+08:00', 'admin') ON CONFLICT (campaign_id) DO UPDATE SET laggard_rule = excluded.laggard_rule, laggard_count = excluded.laggard_count, laggard_below = excluded.laggard_below",
      )
      .run(campaign.id, rule, count, below);
  return { h, campaign, rules };
}

describe('boards.province with a roster', () => {
  it('lists every expected court, marks the ones not on it, ranks the best first and leaves stale and silent courts unranked', async () => {
    const { h, campaign } = await rosterProvince();
    const board: ProvinceBoard = await h.ok('boards.province', { campaignId: campaign.id });
    expect(board.fromRoster).toBe(true);
    expect(board.courts.map((c) => [c.rank, c.code, c.standing, c.onRoster])).toEqual([
      [1, 'J230199', 'ranked', false],
      [2, 'J230101', 'ranked', true],
      [3, 'J2301', 'ranked', true],
      [4, 'J230201', 'ranked', true],
      [null, 'J2302', 'stale', true],
      [null, 'J230102', 'missing', true],
    ]);
    const byCode = new Map(board.courts.map((c) => [c.code, c]));
    // The court on the roster with nothing received: present, no figures, no bundle.
    expect(byCode.get('J230102')).toMatchObject({
      name: '道外区人民法院',
      lastBundleAt: null,
      bundleLight: 'none',
      totals: { total: 0, completed: 0, overdue: 0, completionRate: null },
      laggard: false,
    });
    expect(byCode.get('J2302')!.totals.completionRate).toBe(1);
    expect(byCode.get('J2302')!.bundleAgeDays).toBe(84);
    expect(byCode.get('J230101')!.totals).toMatchObject({ total: 4, completed: 3, overdue: 1, completionRate: 0.75 });

    // The previous period (October) from the items' timestamps.
    expect(board.previousPeriod).toEqual({ start: '2026-10-01', end: '2026-10-31' });
    expect(byCode.get('J230101')!.previous).toMatchObject({
      total: 3,
      completed: 2,
      overdue: 0,
      completionRate: 2 / 3,
    });
    expect(byCode.get('J2301')!.previous).toMatchObject({ total: 2, completed: 0, completionRate: 0 });
    expect(byCode.get('J230201')!.previous).toMatchObject({ total: 0, completionRate: null });

    // Subtotals per jurisdiction (the intermediate court and its basic courts) and the total.
    expect(board.jurisdictions.map((j) => [j.code, j.name, j.courtCount, j.currentCount])).toEqual([
      ['J2301', '哈尔滨市中级人民法院', 3, 2],
      ['J2302', '齐齐哈尔市中级人民法院', 2, 1],
    ]);
    expect(board.jurisdictions[0].totals).toMatchObject({ total: 7, completed: 5, overdue: 1, completionRate: 5 / 7 });
    expect(board.jurisdictions[0].previous).toMatchObject({ total: 5, completed: 2 });
    expect(board.jurisdictions[1].totals).toMatchObject({ total: 7, completed: 3, overdue: 0, completionRate: 3 / 7 });
    expect(board.jurisdictions[1].cells.map((c) => c.total)).toEqual([4, 3]);
    expect(board.own.totals).toMatchObject({ total: 1, completed: 0, overdue: 0, completionRate: 0 });
    expect(board.total).toMatchObject({ code: '*', courtCount: 5, currentCount: 3, reportingRate: 3 / 5 });
    expect(board.total.totals).toMatchObject({ total: 15, completed: 8, overdue: 1, completionRate: 8 / 15 });
    // Lights of open items with a deadline: red (overdue), yellow (within the warning window), green.
    const yellowDays = (
      h.services.ctx.sqlite.prepare('SELECT yellow_days AS d FROM campaigns WHERE id = ?').get(campaign.id) as {
        d: number;
      }
    ).d;
    const lights = h.services.ctx.sqlite
      .prepare(
        "SELECT origin, deadline FROM items WHERE campaign_id = ? AND deleted_at IS NULL AND status NOT IN ('completed', 'signed_off') AND deadline IS NOT NULL",
      )
      .all(campaign.id) as Array<{ origin: string; deadline: string }>;
    const until = new Date(Date.parse('2026-11-24T00:00:00Z') + yellowDays * 86_400_000).toISOString().slice(0, 10);
    const counted = lights.filter((row) => !['J230202'].includes(row.origin));
    expect(board.total.totals.overdue).toBe(counted.filter((row) => row.deadline < '2026-11-24').length);
    expect(board.total.totals.yellow).toBe(
      counted.filter((row) => row.deadline >= '2026-11-24' && row.deadline <= until).length,
    );
    expect(board.total.totals.green).toBe(counted.filter((row) => row.deadline > until).length);
    expect(byCode.get('J230201')!.totals.yellow + byCode.get('J230201')!.totals.green).toBe(4);
    for (const [index, cell] of board.total.cells.entries()) {
      const sum = board.courts.reduce((acc, c) => acc + c.cells[index].total, 0) + board.own.cells[index].total;
      expect(cell.total).toBe(sum);
    }
  });

  it('marks 后进 by the campaign rule only, the one set the badge and the switch both use', async () => {
    const { h, campaign, rules } = await rosterProvince();
    // Defaults: the bottom 10 of the ranked courts, but at most half of them (here 4 ranked: the
    // last two); never a stale or silent court, nor one that finished everything.
    let board = await h.ok('boards.province', { campaignId: campaign.id });
    expect(board.rules).toMatchObject({ laggardRule: 'bottom', laggardCount: 10, staleDays: 30, period: 'month' });
    expect(board.courts.filter((c) => c.rank !== null)).toHaveLength(4);
    expect(board.courts.filter((c) => c.laggard).map((c) => c.code)).toEqual(['J2301', 'J230201']);
    expect(board.laggardCount).toBe(2);
    rules('bottom', 1, 60);
    board = await h.ok('boards.province', { campaignId: campaign.id });
    expect(board.courts.filter((c) => c.laggard).map((c) => c.code)).toEqual(['J230201']);
    expect(board.laggardCount).toBe(1);
    rules('below', 10, 60);
    board = await h.ok('boards.province', { campaignId: campaign.id });
    expect(board.courts.filter((c) => c.laggard).map((c) => c.code)).toEqual(['J2301', 'J230201']);
    expect(board.laggardCount).toBe(2);
  });

  it('stops ranking a court once its last bundle passes the stale threshold', async () => {
    const { h, campaign } = await rosterProvince();
    h.setNow('2026-12-22T10:00:00+08:00');
    const board = await h.ok('boards.province', { campaignId: campaign.id });
    // 哈尔滨中院's bundle of 11-20 is now 32 days old and 松北区's of 11-21 31 days; 道里区's of 11-22
    // is 30 days old, still current. November is the previous period.
    expect(board.courts.find((c) => c.code === 'J2301')).toMatchObject({
      standing: 'stale',
      rank: null,
      laggard: false,
    });
    expect(board.courts.filter((c) => c.rank !== null).map((c) => c.code)).toEqual(['J230101', 'J230201']);
    expect(board.previousPeriod).toEqual({ start: '2026-11-01', end: '2026-11-30' });
  });

  it('counts from items_campaign_matrix alone: no table lookups, no sort, even with statistics gathered', async () => {
    const { h, campaign } = await rosterProvince();
    const sqlite = h.services.ctx.sqlite;
    const plan = () => {
      const query = groupCountsQuery(h.services.ctx, campaign.id, '2026-11-24', '2026-11-01', 7).compile();
      return (
        sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...(query.parameters as unknown[])) as {
          detail: string;
        }[]
      ).map((row) => row.detail);
    };
    const covered = ['SEARCH items USING COVERING INDEX items_campaign_matrix (campaign_id=?)'];
    expect(plan()).toEqual(covered);
    sqlite.exec('ANALYZE');
    expect(plan()).toEqual(covered);
  });

  it('finds the reporting periods: weeks from Monday, months, quarters', () => {
    expect(reportingPeriods('2026-11-24', 'week')).toEqual({
      currentStart: '2026-11-23',
      previous: { start: '2026-11-16', end: '2026-11-22' },
    });
    expect(reportingPeriods('2026-01-15', 'month').previous).toMatchObject({ start: '2025-12-01', end: '2025-12-31' });
    expect(reportingPeriods('2026-11-24', 'quarter')).toEqual({
      currentStart: '2026-10-01',
      previous: { start: '2026-07-01', end: '2026-09-30' },
    });
  });
});
