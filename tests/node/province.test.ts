// The higher court's matrix (boards.province) with real courts: the high court publishes a
// campaign with two top-level sections, the intermediate court relays it down, three basic courts
// work on it (one adds an item in a section of its own, one never received this campaign), report
// up, the intermediate court relays their bundles up and the high court imports them. Every cell
// is checked against an independent count in SQL at the high court.
import { afterEach, describe, expect, it } from 'vitest';
import { exportReportUp, importBundle, publishCampaign, courtFingerprint } from '../../src/main/sync/syncService';
import type { ProvinceBoard } from '../../src/shared/model';
import { bundleLight } from '../../src/shared/bundleAge';
import type { Harness } from './harness';
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
  it('rolls each subordinate court up to the issued sections, ranks the laggards first and shows bundle ages', async () => {
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
    });
    await high.h.ok('items.create', {
      campaignId: campaign.id,
      sectionId: s1,
      title: '高院自身的任务',
      kind: 'own',
      deadline: '2026-01-31',
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
    });
    await basic2.h.ok('items.markComplete', copyOf(basic2, m1.id));
    await basic2.h.ok('items.markComplete', copyOf(basic2, m3.id));

    // Up: each basic court reports (basic2 long ago), the intermediate court relays, the high court imports.
    basic2.h.setNow('2026-09-10T10:00:00+08:00');
    for (const [c, at] of [
      [basic1, '2026-11-20T10:00:00+08:00'],
      [basic2, '2026-09-10T10:00:00+08:00'],
      [basic3, '2026-11-01T10:00:00+08:00'],
    ] as const) {
      c.h.setNow(at);
      const up = await exportReportUp(c.ctx, { folder, full: false });
      await importBundle(middle.ctx, { file: up.filePath, dryRun: false, trust: [await courtFingerprint(c.ctx)] });
    }
    const relay = await exportReportUp(middle.ctx, { folder, full: false });
    await importBundle(high.ctx, { file: relay.filePath, dryRun: false, trust: [middleFp] });

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
    expect(byCode.get('J230201')!.cells[2]).toEqual({ total: 1, completed: 0, overdue: 1, completionRate: 0 });
    expect(byCode.get('J230201')!.totals).toEqual({ total: 4, completed: 1, overdue: 3, completionRate: 0.25 });
    expect(byCode.get('J230202')!.totals).toEqual({ total: 3, completed: 2, overdue: 0, completionRate: 2 / 3 });
    expect(byCode.get('J2302')!.totals).toEqual({ total: 3, completed: 0, overdue: 2, completionRate: 0 });
    expect(byCode.get('J230203')!.totals).toEqual({ total: 0, completed: 0, overdue: 0, completionRate: null });
    expect(byCode.get('J230203')!.cells.every((cell) => cell.total === 0 && cell.completionRate === null)).toBe(true);
    // 后进 first: the intermediate court (0 %), then basic1 (25 %), basic2 (67 %), the court without items last.
    expect(board.courts.map((c) => [c.rank, c.code])).toEqual([
      [1, 'J2302'],
      [2, 'J230201'],
      [3, 'J230202'],
      [4, 'J230203'],
    ]);
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
    expect(atMiddle.courts.map((c) => c.code)).toEqual(['J230201', 'J230202', 'J230203']);

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
