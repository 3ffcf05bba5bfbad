// Indicators (指标) on a real database: attainment and year-on-year change as the list shows them,
// entering and correcting period values with every refusal, a superior's issued indicator that
// this court only fills in, a subordinate's values looked at read-only, the demo set, and values
// travelling up in a real report bundle after the indicator came down in a package.
import { afterEach, describe, expect, it } from 'vitest';
import type { Failure, Result } from '../../src/shared/api';
import { exportReportUp, importBundle, publishCampaign, courtFingerprint } from '../../src/main/sync/syncService';
import { ADMIN, basicCourt, openCourt, openHarness, type Harness } from './harness';
import { BASIC, HIGH, engineCtx, openSyncCourt, outFolder } from './sync/syncFixtures';
import { valuesWorkbook } from './apiCases/templateImport';

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

function refused(result: Result<unknown>, code: string, pattern?: RegExp): Failure {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  const failure = result as Failure;
  expect(failure.code).toBe(code);
  if (pattern) expect(failure.message).toMatch(pattern);
  return failure;
}

async function court() {
  const fx = await openCourt();
  open.push(fx.h);
  return fx;
}

const STAMP = '2026-11-01T09:00:00+08:00';
const id = (n: number) => `0190f0e4-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

describe('the indicator list', () => {
  it('judges each value against the target both ways, with last year and the trend', async () => {
    const { h, campaign } = await court();
    const filing = await h.ok('indicators.create', {
      campaignId: campaign.id,
      name: '当场立案率',
      line: 'filing',
      unit: 'percent',
      direction: 'up',
      target: 95,
      period: 'monthly',
    });
    const appeals = await h.ok('indicators.create', {
      campaignId: campaign.id,
      name: '上诉率',
      line: 'general',
      unit: 'percent',
      direction: 'down',
      target: 8,
      period: 'monthly',
    });
    for (const [period, value] of [
      ['2025-10', 90.5],
      ['2026-08', 92.9],
      ['2026-09', 93],
      ['2026-10', 95],
    ] as const) {
      await h.ok('indicators.recordValue', { indicatorId: filing.id, period, value });
    }
    for (const [period, value] of [
      ['2026-09', 7.5],
      ['2026-10', 10.2],
    ] as const) {
      await h.ok('indicators.recordValue', { indicatorId: appeals.id, period, value });
    }
    const [up, down] = await h.ok('indicators.list', { campaignId: campaign.id });
    expect(up.values.map((v) => [v.period, v.attainment])).toEqual([
      ['2025-10', 'missed'],
      ['2026-08', 'missed'],
      ['2026-09', 'close'],
      ['2026-10', 'met'],
    ]);
    expect(up.latest).toMatchObject({ period: '2026-10', lastYear: 90.5, changeFromLastYear: 4.5 });
    expect(up.values[2]).toMatchObject({ lastYear: null, changeFromLastYear: null });
    expect(up.trend).toBe('better');
    expect(down.values.map((v) => [v.period, v.attainment])).toEqual([
      ['2026-09', 'met'],
      ['2026-10', 'missed'],
    ]);
    expect(down.trend).toBe('worse');
  });
});

describe('entering period values', () => {
  it('records, corrects with the version, and refuses duplicates, stale versions and bad values', async () => {
    const { h, campaign } = await court();
    const rate = await h.ok('indicators.create', {
      campaignId: campaign.id,
      name: '当事人满意率',
      line: 'general',
      unit: 'percent',
      direction: 'up',
      target: 95,
      period: 'quarterly',
    });
    const first = await h.ok('indicators.recordValue', {
      indicatorId: rate.id,
      period: '2026-Q3',
      value: 94.1,
      note: '回访 300 人',
    });
    const value = first.values[0];
    expect(value).toMatchObject({
      period: '2026-Q3',
      value: 94.1,
      note: '回访 300 人',
      version: 1,
      attainment: 'close',
    });

    const duplicate = refused(
      await h.call('indicators.recordValue', { indicatorId: rate.id, period: '2026-Q3', value: 95 }),
      'E_DUPLICATE',
      /该期间已填报/,
    );
    expect(duplicate.fieldErrors).toEqual({ period: '该期间已填报，请修改已有数值' });

    const corrected = await h.ok('indicators.recordValue', {
      indicatorId: rate.id,
      period: '2026-Q3',
      value: 95.2,
      note: '更正：补录回访',
      version: value.version,
    });
    expect(corrected.values).toEqual([
      expect.objectContaining({ id: value.id, version: 2, value: 95.2, note: '更正：补录回访', attainment: 'met' }),
    ]);
    refused(
      await h.call('indicators.recordValue', {
        indicatorId: rate.id,
        period: '2026-Q3',
        value: 96,
        version: value.version,
      }),
      'E_STALE',
    );

    // The current quarter may be entered; the next one not yet.
    await h.ok('indicators.recordValue', { indicatorId: rate.id, period: '2026-Q4', value: 93 });
    const future = refused(
      await h.call('indicators.recordValue', { indicatorId: rate.id, period: '2027-Q1', value: 93 }),
      'E_INVALID',
      /不能填报未来期间的数值/,
    );
    expect(future.fieldErrors).toEqual({ period: '不能填报未来期间的数值' });
    const kind = refused(
      await h.call('indicators.recordValue', { indicatorId: rate.id, period: '2026-09', value: 93 }),
      'E_INVALID',
      /此指标按季度报送，请选择季度/,
    );
    expect(kind.fieldErrors).toEqual({ period: '此指标按季度报送，请选择季度' });
    const percent = refused(
      await h.call('indicators.recordValue', { indicatorId: rate.id, period: '2026-Q2', value: 100.5 }),
      'E_INVALID',
      /百分比应在 0 到 100 之间/,
    );
    expect(percent.fieldErrors).toEqual({ value: '百分比应在 0 到 100 之间' });

    const pending = await h.ok('indicators.create', {
      campaignId: campaign.id,
      name: '长期未结案件数',
      line: 'enforcement',
      unit: 'cases',
      direction: 'down',
      target: 0,
      period: 'monthly',
    });
    refused(
      await h.call('indicators.recordValue', { indicatorId: pending.id, period: '2026-10', value: -1 }),
      'E_INVALID',
      /负数/,
    );
    refused(
      await h.call('indicators.recordValue', { indicatorId: pending.id, period: '2026-Q3', value: 3 }),
      'E_INVALID',
      /此指标按月报送/,
    );
    const cases = await h.ok('indicators.recordValue', { indicatorId: pending.id, period: '2026-10', value: 1 });
    expect(cases.latest).toMatchObject({ value: 1, attainment: 'close' });

    // Nothing refused was written: two values of the quarterly indicator and one count.
    const list = await h.ok('indicators.list', { campaignId: campaign.id });
    expect(list[0].values.map((v) => [v.period, v.value])).toEqual([
      ['2026-Q3', 95.2],
      ['2026-Q4', 93],
    ]);
    const count = h.services.ctx.sqlite
      .prepare('SELECT count(*) AS n FROM indicator_values WHERE deleted_at IS NULL')
      .get() as { n: number };
    expect(count.n).toBe(3);
  });

  it('keeps the evidence file with the value', async () => {
    const { h, campaign } = await court();
    const rate = await h.ok('indicators.create', {
      campaignId: campaign.id,
      name: '自动履行率',
      line: 'civil_commercial',
      unit: 'percent',
      direction: 'up',
      target: 40,
      period: 'monthly',
    });
    const recorded = await h.ok('indicators.recordValue', {
      indicatorId: rate.id,
      period: '2026-10',
      value: 40.98,
      evidence: { name: '履行统计.txt', dataBase64: Buffer.from('自动履行 41 件').toString('base64') },
    });
    expect(recorded.latest).toMatchObject({ evidenceName: '履行统计.txt', attainment: 'met' });
    const row = h.services.ctx.sqlite
      .prepare(
        'SELECT v.evidence_sha256 AS sha, b.size FROM indicator_values v JOIN evidence_blobs b ON b.sha256 = v.evidence_sha256',
      )
      .get() as { sha: string; size: number };
    expect(row.size).toBe(Buffer.byteLength('自动履行 41 件'));
  });
});

describe('录入人 of indicator values', () => {
  it('names the logged-in account on every write: entered, corrected by another account, imported from Excel', async () => {
    const { h, campaign } = await court();
    const rate = await h.ok('indicators.create', {
      campaignId: campaign.id,
      name: '当事人满意率',
      line: 'general',
      unit: 'percent',
      direction: 'up',
      target: 95,
      period: 'monthly',
    });
    // The administrator set up with the court is 王书记员.
    const first = await h.ok('indicators.recordValue', { indicatorId: rate.id, period: '2026-09', value: 94 });
    expect(first.values[0]).toMatchObject({ period: '2026-09', enteredBy: '王书记员' });

    await h.addUser({ username: 'shenhe', displayName: '李审核', roles: ['reviewer'] });
    const reviewer = h.as('shenhe');
    const corrected = await reviewer.ok('indicators.recordValue', {
      indicatorId: rate.id,
      period: '2026-09',
      value: 95.5,
      version: first.values[0].version,
    });
    expect(corrected.values[0]).toMatchObject({ value: 95.5, version: 2, enteredBy: '李审核' });

    // Excel: one new period and one replaced, both named after the importing account.
    await h.addUser({ username: 'guanli', displayName: '赵管理', roles: ['admin'] });
    const dataBase64 = await valuesWorkbook([
      ['当事人满意率', '2026-09', 96, '更正'],
      ['当事人满意率', '2026年10月', 97],
    ]);
    const done = await h.as('guanli').ok('indicators.importValues', {
      campaignId: campaign.id,
      fileName: '指标数值.xlsx',
      dataBase64,
      confirm: true,
    });
    expect(done.written).toBe(2);
    const [row] = await h.ok('indicators.list', { campaignId: campaign.id });
    expect(row.values.map((v) => [v.period, v.value, v.enteredBy])).toEqual([
      ['2026-09', 96, '赵管理'],
      ['2026-10', 97, '赵管理'],
    ]);
    // Stored in the column, not made up on the way out.
    const stored = h.services.ctx.sqlite
      .prepare('SELECT period, entered_by AS enteredBy FROM indicator_values ORDER BY period')
      .all();
    expect(stored).toEqual([
      { period: '2026-09', enteredBy: '赵管理' },
      { period: '2026-10', enteredBy: '赵管理' },
    ]);
  });
});

describe('other courts’ indicators and values', () => {
  it('a superior’s issued indicator is read-only here, but its values are ours to enter', async () => {
    const { h } = await court();
    const sqlite = h.services.ctx.sqlite;
    const campaignId = id(0xc1);
    const indicatorId = id(0xc2);
    sqlite
      .prepare(
        "INSERT INTO campaigns (id, origin, change_seq, created_at, updated_at, title, issuing_court_code, issuing_court_name, year) VALUES (?, 'J23', 3, ?, ?, '清廉法院建设', 'J23', '齐齐哈尔市中级人民法院', 2026)",
      )
      .run(campaignId, STAMP, STAMP);
    sqlite
      .prepare(
        "INSERT INTO indicators (id, origin, change_seq, created_at, updated_at, campaign_id, name, line, unit, direction, target, period, ranking_goal, sort_order) VALUES (?, 'J23', 4, ?, ?, ?, '发改率', 'general', 'percent', 'down', 1.5, 'quarterly', '全省法院争第一', 1024)",
      )
      .run(indicatorId, STAMP, STAMP, campaignId);

    const [issued] = await h.ok('indicators.list', { campaignId });
    expect(issued).toMatchObject({ id: indicatorId, origin: 'J23', issued: true, rankingGoal: '全省法院争第一' });
    const fields = {
      name: '发改率',
      line: 'general',
      unit: 'percent',
      direction: 'down',
      target: 3,
      period: 'quarterly',
    } as const;
    refused(
      await h.call('indicators.update', { id: indicatorId, version: 1, ...fields }),
      'E_NOT_OWNER',
      /上级法院（J23）下发/,
    );
    refused(await h.call('indicators.delete', { id: indicatorId, version: 1 }), 'E_NOT_OWNER', /上级法院/);

    const recorded = await h.ok('indicators.recordValue', { indicatorId, period: '2026-Q3', value: 1.2 });
    expect(recorded.values).toEqual([expect.objectContaining({ origin: 'J2301', attainment: 'met' })]);
    // This court may add its own indicator next to the issued one, after it.
    const own = await h.ok('indicators.create', {
      campaignId,
      name: '廉政谈话覆盖率',
      line: 'general',
      unit: 'percent',
      direction: 'up',
      target: 100,
      period: 'quarterly',
    });
    expect((await h.ok('indicators.list', { campaignId })).map((row) => [row.name, row.issued])).toEqual([
      ['发改率', true],
      ['廉政谈话覆盖率', false],
    ]);
    expect(own.sortOrder).toBeGreaterThan(1024);
  });

  it('shows a subordinate’s values with its court code, read-only', async () => {
    const { h, campaign } = await court();
    const rate = await h.ok('indicators.create', {
      campaignId: campaign.id,
      name: '当场立案率',
      line: 'filing',
      unit: 'percent',
      direction: 'up',
      target: 95,
      period: 'monthly',
    });
    await h.ok('indicators.recordValue', { indicatorId: rate.id, period: '2026-10', value: 96 });
    const theirs = id(0xd1);
    h.services.ctx.sqlite
      .prepare(
        "INSERT INTO indicator_values (id, origin, change_seq, created_at, updated_at, indicator_id, period, value) VALUES (?, 'J230101', 9, ?, ?, ?, '2026-10', 91.5)",
      )
      .run(theirs, STAMP, STAMP, rate.id);

    const [ours] = await h.ok('indicators.list', { campaignId: campaign.id });
    expect(ours.values.map((v) => [v.origin, v.value])).toEqual([['J2301', 96]]);
    const [viewed] = await h.ok('indicators.list', { campaignId: campaign.id, courtCode: 'J230101' });
    expect(viewed.values).toEqual([
      expect.objectContaining({ id: theirs, origin: 'J230101', value: 91.5, attainment: 'missed' }),
    ]);
    refused(await h.call('indicators.deleteValue', { id: theirs, version: 1 }), 'E_NOT_OWNER', /J230101 法院填报/);
  });
});

describe('demo indicators', () => {
  it('come with the 能力作风建设年 campaign, with values up to last month and a mix of attainment', async () => {
    const h = await openHarness();
    open.push(h);
    const setup = await h.ok('court.setup', { profile: basicCourt, admin: ADMIN, loadDemo: true });
    const job = await h.services.ctx.jobs.waitFor(setup.demoJobId!);
    expect(job?.error ?? null).toBeNull();
    const campaign = (await h.ok('campaigns.list')).find((c) => c.title.includes('能力作风建设年'))!;
    const list = await h.ok('indicators.list', { campaignId: campaign.id });
    expect(list.map((row) => row.name)).toEqual([
      '当场立案率',
      '综合结案率',
      '当事人满意率',
      '上诉率',
      '申请再审率',
      '发改率',
      '自动履行率',
      '诉前纠纷化解率',
      '长期未结案件数',
    ]);
    const byName = new Map(list.map((row) => [row.name, row]));
    expect(byName.get('当场立案率')).toMatchObject({ rankingGoal: '全国法院争第一', latest: { period: '2026-10' } });
    expect(byName.get('当场立案率')!.values[0].period).toBe('2025-01');
    expect(byName.get('当事人满意率')!.latest!.period).toBe('2026-Q3');
    expect(byName.get('自动履行率')!.latest).toMatchObject({ value: 40.98, attainment: 'met' });
    expect(byName.get('诉前纠纷化解率')!.latest).toMatchObject({ value: 27.9, attainment: 'missed' });
    expect(byName.get('长期未结案件数')!.latest!.changeFromLastYear).toBeLessThan(0);
    const latest = new Set(list.map((row) => row.latest!.attainment));
    expect([...latest].sort()).toEqual(['close', 'met', 'missed']);
    const all = list.flatMap((row) => row.values);
    expect(all.every((v) => v.value >= 0 && v.value <= 100)).toBe(true);
  });
});

describe('indicators travel with sync bundles', () => {
  it('comes down in the package; the basic court’s value goes up and shows under its court code', async () => {
    const folder = outFolder();
    const high = await openSyncCourt(HIGH);
    const basic = await openSyncCourt({ ...BASIC, parentCode: 'J23', parentName: HIGH.name } as typeof BASIC);
    open.push(high, basic);
    const [highCtx, basicCtx] = [await engineCtx(high), await engineCtx(basic)];

    const campaign = await high.ok('campaigns.create', { title: '能力作风建设年', year: 2026 });
    const rate = await high.ok('indicators.create', {
      campaignId: campaign.id,
      name: '当场立案率',
      line: 'filing',
      unit: 'percent',
      direction: 'up',
      target: 95,
      period: 'monthly',
      rankingGoal: '全国法院争第一',
    });
    const published = await publishCampaign(highCtx, { campaignId: campaign.id, folder });
    await importBundle(basicCtx, { file: published.filePath, dryRun: false, trust: [await courtFingerprint(highCtx)] });

    const [received] = await basic.ok('indicators.list', { campaignId: campaign.id });
    expect(received).toMatchObject({
      id: rate.id,
      origin: 'J23',
      issued: true,
      rankingGoal: '全国法院争第一',
      values: [],
    });
    await basic.ok('indicators.recordValue', {
      indicatorId: rate.id,
      period: '2026-10',
      value: 93.6,
      note: '当场立案 187 件',
    });

    const up = await exportReportUp(basicCtx, { folder, full: false });
    await importBundle(highCtx, {
      file: up.filePath,
      dryRun: false,
      trust: [await courtFingerprint(basicCtx)],
      addToRoster: ['J230201'],
    });
    const [own] = await high.ok('indicators.list', { campaignId: campaign.id });
    expect(own.values).toEqual([]);
    const [atHigh] = await high.ok('indicators.list', { campaignId: campaign.id, courtCode: BASIC.code });
    expect(atHigh).toMatchObject({
      issued: false,
      latest: { origin: BASIC.code, period: '2026-10', value: 93.6, note: '当场立案 187 件', attainment: 'close' },
    });
  });
});
