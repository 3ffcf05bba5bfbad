// Reporting completeness (报送情况) with real courts: a basic court reports up through its
// intermediate court's relay, a second never reports; the high court sees the relayed court as
// 按时报, the silent one as 未报 (in red on screen), subtotals per jurisdiction and a total; and
// the period rules around the boundaries of a month, a quarter and a week, on a fixed clock.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { exportReportUp, importBundle, publishCampaign, courtFingerprint } from '../../src/main/sync/syncService';
import { stateFor } from '../../src/main/province/reporting';
import { currentPeriod, periodOfKey, recentPeriods } from '../../src/main/province/reportingPeriods';
import type { Harness } from './harness';
import { runCli } from './cliProcess';
import { BASIC, BASIC_2, HIGH, INTERMEDIATE, openEngineCourt, outFolder, type SyncProfile } from './sync/syncFixtures';

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});
const court = (profile: SyncProfile) => openEngineCourt(profile, open);

describe('reporting periods', () => {
  it('cuts months, quarters and weeks in local days and dates each due', () => {
    expect(currentPeriod('month', 5, '2026-11-24')).toEqual({
      key: '2026-11',
      kind: 'month',
      start: '2026-11-01',
      end: '2026-11-30',
      dueDate: '2026-12-05',
      due: false,
    });
    expect(currentPeriod('quarter', 10, '2026-11-24')).toMatchObject({
      key: '2026-Q4',
      start: '2026-10-01',
      end: '2026-12-31',
      dueDate: '2027-01-10',
    });
    // 2026-11-24 is a Tuesday: its week runs Monday 23rd to Sunday 29th.
    expect(currentPeriod('week', 2, '2026-11-24')).toMatchObject({
      key: '2026-11-23',
      end: '2026-11-29',
      dueDate: '2026-12-01',
    });
    expect(currentPeriod('week', 0, '2026-11-29')).toMatchObject({ key: '2026-11-23' });
    expect(currentPeriod('week', 0, '2026-11-30')).toMatchObject({ key: '2026-11-30' });
    expect(recentPeriods('month', 5, '2026-01-10', 3).map((p) => [p.key, p.due])).toEqual([
      ['2026-01', false],
      ['2025-12', true],
      ['2025-11', true],
    ]);
    expect(recentPeriods('quarter', 5, '2026-01-03', 2).map((p) => [p.key, p.due])).toEqual([
      ['2026-Q1', false],
      ['2025-Q4', false],
    ]);
    expect(periodOfKey('quarter', '2026-Q2', 5, '2026-11-24')).toMatchObject({
      start: '2026-04-01',
      end: '2026-06-30',
    });
    expect(() => periodOfKey('week', '2026-11-24', 5, '2026-11-24')).toThrow(/报送周期不一致/);
    expect(() => periodOfKey('month', '2026-12', 5, '2026-11-24')).toThrow(/尚未开始/);
  });

  it('is on time up to the due date, late after it, missing once due, pending before', () => {
    const october = periodOfKey('month', '2026-10', 5, '2026-11-24');
    const at = (day: string) => ({ at: `${day}T12:00:00+08:00` });
    expect(stateFor([at('2026-10-01')], october, '2026-11-24').state).toBe('on_time');
    expect(stateFor([at('2026-11-05')], october, '2026-11-24').state).toBe('on_time');
    expect(stateFor([at('2026-09-30'), at('2026-11-06')], october, '2026-11-24')).toEqual({
      state: 'late',
      reportedAt: '2026-11-06T12:00:00+08:00',
    });
    expect(stateFor([at('2026-09-30')], october, '2026-11-24').state).toBe('missing');
    expect(stateFor([], october, '2026-11-05').state).toBe('pending');
    expect(stateFor([], october, '2026-11-06').state).toBe('missing');
  });
});

describe('reporting.completeness', () => {
  it('counts a relayed court as reported, a silent one as missing, per jurisdiction and in total, and cli status says the same', async () => {
    const folder = outFolder();
    const high = await court(HIGH);
    const middle = await court(INTERMEDIATE);
    const basic1 = await court(BASIC);
    const campaign = await high.h.ok('campaigns.create', { title: '能力作风建设年', year: 2026 });
    await high.h.ok('items.create', { campaignId: campaign.id, title: '开展庭审观摩活动', kind: 'mandatory' });

    // The roster by hand: the intermediate court and both its basic courts (the second never reports).
    await high.h.ok('roster.add', {
      code: INTERMEDIATE.code,
      name: INTERMEDIATE.name,
      level: 'intermediate',
      parentCode: 'J23',
      jurisdiction: '齐齐哈尔市',
    });
    await high.h.ok('roster.add', {
      code: BASIC.code,
      name: BASIC.name,
      level: 'basic',
      parentCode: INTERMEDIATE.code,
      jurisdiction: '龙江县',
    });
    await high.h.ok('roster.add', {
      code: BASIC_2.code,
      name: BASIC_2.name,
      level: 'basic',
      parentCode: INTERMEDIATE.code,
      jurisdiction: '讷河市',
    });

    const highFp = await courtFingerprint(high.ctx);
    const pkg = await publishCampaign(high.ctx, { campaignId: campaign.id, folder });
    await importBundle(middle.ctx, { file: pkg.filePath, dryRun: false, trust: [highFp] });
    const middleFp = await courtFingerprint(middle.ctx);
    const down = await publishCampaign(middle.ctx, { campaignId: campaign.id, folder });
    await importBundle(basic1.ctx, { file: down.filePath, dryRun: false, trust: [middleFp] });

    // Before any report: November is not yet due, so both are 未到期; October is due and missing.
    let report = await high.h.ok('reporting.completeness', { campaignId: campaign.id });
    expect(report.total).toMatchObject({ expected: 3, reported: 0, pending: 3, missing: 0 });
    const october = await high.h.ok('reporting.completeness', { campaignId: campaign.id, period: '2026-10' });
    expect(october.total).toMatchObject({ expected: 3, missing: 3, rate: 0 });

    basic1.h.setNow('2026-11-20T10:00:00+08:00');
    const up = await exportReportUp(basic1.ctx, { folder, full: false });
    await importBundle(middle.ctx, {
      file: up.filePath,
      dryRun: false,
      trust: [await courtFingerprint(basic1.ctx)],
      addToRoster: [BASIC.code],
    });
    middle.h.setNow('2026-11-22T10:00:00+08:00');
    const relay = await exportReportUp(middle.ctx, { folder, full: false });
    await importBundle(high.ctx, { file: relay.filePath, dryRun: false, trust: [middleFp] });

    report = await high.h.ok('reporting.completeness', { campaignId: campaign.id });
    expect(report.groups.map((g) => [g.code, g.name, g.courts.map((c) => [c.code, c.state, c.never])])).toEqual([
      [
        INTERMEDIATE.code,
        `${INTERMEDIATE.name}辖区`,
        [
          [INTERMEDIATE.code, 'on_time', false],
          [BASIC.code, 'on_time', false],
          [BASIC_2.code, 'pending', true],
        ],
      ],
    ]);
    const relayed = report.groups[0].courts[1];
    expect(relayed.relayedBy).toBe(INTERMEDIATE.code);
    expect(relayed.lastBundleAt?.slice(0, 10)).toBe('2026-11-20');
    expect(report.total).toMatchObject({ expected: 3, reported: 2, onTime: 2, pending: 1, rate: 66.7 });
    expect(report.groups[0].counts).toEqual(report.total);

    // After the due date the silent court is 未报; the relayed court's data goes stale past 30 days.
    high.h.setNow('2026-12-22T10:00:00+08:00');
    const november = await high.h.ok('reporting.completeness', { campaignId: campaign.id, period: '2026-11' });
    // Stale means older than 30 days: the basic court (32 days), not the relay (exactly 30).
    expect(november.total).toMatchObject({ expected: 3, onTime: 2, missing: 1, stale: 1 });
    // A court merged away during November is still expected in November, not in December.
    const list = await high.h.ok('roster.list');
    const silent = list.courts.find((c) => c.code === BASIC_2.code)!;
    await high.h.ok('roster.merge', {
      id: silent.id,
      version: silent.version,
      mergedAt: '2026-11-15',
      mergedInto: BASIC.code,
    });
    expect(
      (await high.h.ok('reporting.completeness', { campaignId: campaign.id, period: '2026-10' })).total.expected,
    ).toBe(3);
    const december = await high.h.ok('reporting.completeness', { campaignId: campaign.id });
    expect(december.total.expected).toBe(2);
    expect(december.merged.map((c) => [c.code, c.mergedInto])).toEqual([[BASIC_2.code, BASIC.code]]);
    await high.h.ok('roster.unmerge', { id: silent.id, version: silent.version + 1 });

    // The command line, as a real process on the high court's folder, on its own clock (today).
    high.h.setNow('2026-11-24T10:00:00+08:00');
    const dataDir = high.h.dataDir;
    await high.h.close();
    open.splice(open.indexOf(high.h), 1);
    const run = await runCli(['status', '--data', dataDir, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const status = JSON.parse(run.stdout);
    const today = new Date();
    const month = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`;
    expect(status.roster.reportingPeriod.key).toBe(month);
    expect(status.roster.courts).toEqual([
      {
        code: INTERMEDIATE.code,
        name: INTERMEDIATE.name,
        level: 'intermediate',
        parent: 'J23',
        lastBundleAt: expect.any(String),
        reporting: expect.stringMatching(/^(on_time|missing)$/),
        stale: expect.any(Boolean),
      },
      {
        code: BASIC.code,
        name: BASIC.name,
        level: 'basic',
        parent: INTERMEDIATE.code,
        lastBundleAt: expect.stringMatching(/^2026-11-20/),
        reporting: expect.stringMatching(/^(on_time|missing)$/),
        stale: expect.any(Boolean),
      },
      {
        code: BASIC_2.code,
        name: BASIC_2.name,
        level: 'basic',
        parent: INTERMEDIATE.code,
        lastBundleAt: null,
        reporting: 'missing',
        stale: false,
      },
    ]);
    const plain = await runCli(['status', '--data', dataDir]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('应报法院（3 家）');
    expect(plain.stdout).toMatch(/J230202\s+讷河市人民法院\s+基层法院\s+J2302\s+从未报送\s+未报\s+否/);
    expect(fs.existsSync(dataDir)).toBe(true);
  });
});
