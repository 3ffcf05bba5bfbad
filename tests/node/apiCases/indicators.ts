// Indicators (指标): good and bad input for each operation. The full behaviour (attainment,
// replacing values, issued indicators, another court's view, sync) is in indicators.test.ts.
import { expect } from 'vitest';
import type { IndicatorOperation } from '../../../src/main/indicators/indicatorHandlers';
import { base64, expectFailure, MISSING_ID, uploadFile, type Fixture, type OperationCases } from './shared';
import { valuesWorkbook } from './templateImport';

/** 当场立案率: a monthly percentage, higher is better, target 95. */
export function filingRate(fx: Fixture, fields: Record<string, unknown> = {}) {
  return fx.h.ok('indicators.create', {
    campaignId: fx.campaign.id,
    name: '当场立案率',
    line: 'filing',
    unit: 'percent',
    direction: 'up',
    target: 95,
    period: 'monthly',
    ...fields,
  });
}

export const indicatorCases: OperationCases<IndicatorOperation> = {
  'indicators.list': {
    good: async (fx) => {
      const first = await filingRate(fx, { rankingGoal: '全国法院争第一' });
      const second = await fx.h.ok('indicators.create', {
        campaignId: fx.campaign.id,
        name: '上诉率',
        line: 'general',
        unit: 'percent',
        direction: 'down',
        target: 8,
        period: 'monthly',
      });
      await fx.h.ok('indicators.recordValue', { indicatorId: first.id, period: '2026-09', value: 93.5 });
      await fx.h.ok('indicators.recordValue', { indicatorId: first.id, period: '2026-10', value: 96 });
      const list = await fx.h.ok('indicators.list', { campaignId: fx.campaign.id });
      expect(list.map((row) => row.name)).toEqual(['当场立案率', '上诉率']);
      expect(list[0]).toMatchObject({
        issued: false,
        rankingGoal: '全国法院争第一',
        trend: 'better',
        latest: { period: '2026-10', value: 96, attainment: 'met' },
      });
      expect(list[0].values.map((v) => [v.period, v.attainment])).toEqual([
        ['2026-09', 'close'],
        ['2026-10', 'met'],
      ]);
      expect(list[1]).toMatchObject({ id: second.id, values: [], latest: null, trend: null });
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('indicators.list', { campaignId: 'not-an-id' }), 'E_INVALID');
      expectFailure(await h.call('indicators.list', { campaignId: MISSING_ID }), 'E_NOT_FOUND', /专项活动/);
      expectFailure(await h.as('nobody').call('indicators.list', { campaignId: MISSING_ID }), 'E_LOGIN_REQUIRED');
    },
  },
  'indicators.create': {
    good: async (fx) => {
      const row = await filingRate(fx);
      expect(row).toMatchObject({
        origin: 'J2301',
        version: 1,
        campaignId: fx.campaign.id,
        name: '当场立案率',
        unit: 'percent',
        direction: 'up',
        target: 95,
        period: 'monthly',
        rankingGoal: '',
        issued: false,
        values: [],
      });
      const next = await fx.h.ok('indicators.create', {
        campaignId: fx.campaign.id,
        name: '长期未结案件数',
        line: 'enforcement',
        unit: 'cases',
        direction: 'down',
        target: 0,
        period: 'monthly',
      });
      expect(next.sortOrder).toBeGreaterThan(row.sortOrder);
    },
    bad: async (fx) => {
      const { h, campaign } = fx;
      const base = {
        campaignId: campaign.id,
        name: '当场立案率',
        line: 'filing',
        unit: 'percent',
        direction: 'up',
        target: 95,
        period: 'monthly',
      } as const;
      expectFailure(await h.call('indicators.create', { ...base, target: 120 }), 'E_INVALID', /百分比目标/);
      expectFailure(await h.call('indicators.create', { ...base, name: ' ' }), 'E_INVALID', /指标名称/);
      expectFailure(
        await h.call('indicators.create', { ...base, direction: 'sideways' } as never),
        'E_INVALID',
        /指标方向/,
      );
      expectFailure(await h.call('indicators.create', { ...base, campaignId: MISSING_ID }), 'E_NOT_FOUND', /专项活动/);
      await filingRate(fx);
      expectFailure(await h.call('indicators.create', base), 'E_DUPLICATE', /当场立案率/);
    },
  },
  'indicators.update': {
    good: async (fx) => {
      const row = await filingRate(fx);
      const updated = await fx.h.ok('indicators.update', {
        id: row.id,
        version: row.version,
        name: '当场立案率',
        line: 'filing',
        unit: 'percent',
        direction: 'up',
        target: 96,
        period: 'monthly',
        rankingGoal: '全国法院争第一',
      });
      expect(updated).toMatchObject({ version: 2, target: 96, rankingGoal: '全国法院争第一' });
    },
    bad: async (fx) => {
      const row = await filingRate(fx);
      const fields = {
        name: '当场立案率',
        line: 'filing',
        unit: 'percent',
        direction: 'up',
        target: 96,
        period: 'monthly',
      } as const;
      expectFailure(await fx.h.call('indicators.update', { id: row.id, version: 9, ...fields }), 'E_STALE');
      expectFailure(
        await fx.h.call('indicators.update', { id: MISSING_ID, version: 1, ...fields }),
        'E_NOT_FOUND',
        /指标/,
      );
      await fx.h.ok('indicators.recordValue', { indicatorId: row.id, period: '2026-10', value: 96 });
      const failure = expectFailure(
        await fx.h.call('indicators.update', { id: row.id, version: row.version, ...fields, period: 'quarterly' }),
        'E_INVALID',
        /报送周期/,
      );
      expect(failure.fieldErrors).toHaveProperty('period');
    },
  },
  'indicators.delete': {
    good: async (fx) => {
      const row = await filingRate(fx);
      await fx.h.ok('indicators.recordValue', { indicatorId: row.id, period: '2026-10', value: 96 });
      expect(await fx.h.ok('indicators.delete', { id: row.id, version: row.version })).toEqual({ id: row.id });
      expect(await fx.h.ok('indicators.list', { campaignId: fx.campaign.id })).toEqual([]);
      // The name is free again.
      await filingRate(fx);
    },
    bad: async (fx) => {
      const row = await filingRate(fx);
      expectFailure(await fx.h.call('indicators.delete', { id: row.id, version: 7 }), 'E_STALE');
      expectFailure(await fx.h.call('indicators.delete', { id: MISSING_ID, version: 1 }), 'E_NOT_FOUND', /指标/);
      const department = await fx.h.ok('departments.create', { name: '立案庭', headName: '赵庭长' });
      await fx.h.addUser({ username: 'tianfa', displayName: '田填报', roles: ['filer'], departmentId: department.id });
      expectFailure(
        await fx.h.as('tianfa').call('indicators.delete', { id: row.id, version: row.version }),
        'E_FORBIDDEN',
      );
    },
  },
  'indicators.recordValue': {
    good: async (fx) => {
      const row = await filingRate(fx);
      const recorded = await fx.h.ok('indicators.recordValue', {
        indicatorId: row.id,
        period: '2026-11',
        value: 94.2,
        note: '本月受理 212 件',
        evidence: { name: '立案统计.txt', dataBase64: base64('当场立案 200 件') },
      });
      expect(recorded.values).toEqual([
        expect.objectContaining({
          period: '2026-11',
          value: 94.2,
          note: '本月受理 212 件',
          evidenceName: '立案统计.txt',
          attainment: 'close',
          origin: 'J2301',
          version: 1,
        }),
      ]);
      const uploadId = await uploadFile(fx.h, Buffer.from('十月报表'), '十月报表.xlsx');
      const october = await fx.h.ok('indicators.recordValue', {
        indicatorId: row.id,
        period: '2026-10',
        value: 96,
        evidence: { name: '十月报表.xlsx', uploadId },
      });
      expect(october.values.find((v) => v.period === '2026-10')).toMatchObject({ evidenceName: '十月报表.xlsx' });
    },
    bad: async (fx) => {
      const row = await filingRate(fx);
      const failure = expectFailure(
        await fx.h.call('indicators.recordValue', { indicatorId: row.id, period: '2026-12', value: 90 }),
        'E_INVALID',
        /未来期间/,
      );
      expect(failure.fieldErrors).toEqual({ period: '不能填报未来期间的数值' });
      expectFailure(
        await fx.h.call('indicators.recordValue', { indicatorId: row.id, period: '2026-13', value: 90 }),
        'E_INVALID',
        /期间格式/,
      );
      expectFailure(
        await fx.h.call('indicators.recordValue', { indicatorId: row.id, period: '2026-10', value: 101 }),
        'E_INVALID',
        /0 到 100/,
      );
      expectFailure(
        await fx.h.call('indicators.recordValue', { indicatorId: MISSING_ID, period: '2026-10', value: 90 }),
        'E_NOT_FOUND',
        /指标/,
      );
      const unknown = { name: '报表.xlsx', uploadId: '0190f0e4-0000-4000-8000-000000000000' };
      expectFailure(
        await fx.h.call('indicators.recordValue', {
          indicatorId: row.id,
          period: '2026-10',
          value: 90,
          evidence: unknown,
        }),
        'E_NOT_FOUND',
        /重新选择文件/,
      );
      expect((await fx.h.ok('indicators.list', { campaignId: fx.campaign.id }))[0].values).toEqual([]);
    },
  },
  'indicators.deleteValue': {
    good: async (fx) => {
      const row = await filingRate(fx);
      const recorded = await fx.h.ok('indicators.recordValue', { indicatorId: row.id, period: '2026-10', value: 96 });
      const value = recorded.values[0];
      const after = await fx.h.ok('indicators.deleteValue', { id: value.id, version: value.version });
      expect(after).toMatchObject({ id: row.id, values: [], latest: null });
      // The period may be entered afresh.
      await fx.h.ok('indicators.recordValue', { indicatorId: row.id, period: '2026-10', value: 95 });
    },
    bad: async (fx) => {
      expectFailure(
        await fx.h.call('indicators.deleteValue', { id: MISSING_ID, version: 1 }),
        'E_NOT_FOUND',
        /指标数值/,
      );
      const row = await filingRate(fx);
      const value = (await fx.h.ok('indicators.recordValue', { indicatorId: row.id, period: '2026-10', value: 96 }))
        .values[0];
      expectFailure(await fx.h.call('indicators.deleteValue', { id: value.id, version: 5 }), 'E_STALE');
    },
  },
  'indicators.importValues': {
    good: async (fx) => {
      const row = await filingRate(fx);
      await fx.h.ok('indicators.recordValue', { indicatorId: row.id, period: '2026-09', value: 90 });
      const dataBase64 = await valuesWorkbook([
        ['当场立案率', '2026-09', 93.5, '更正'],
        ['当场立案率', '2026年10月', 96, '本月受理 230 件'],
      ]);
      const preview = await fx.h.ok('indicators.importValues', {
        campaignId: fx.campaign.id,
        fileName: '指标.xlsx',
        dataBase64,
      });
      expect(preview).toMatchObject({ goodRows: 2, badRows: 0, written: null });
      expect(preview.rows.map((r) => [r.rowNumber, r.period, r.value, r.replaces])).toEqual([
        [3, '2026-09', 93.5, true],
        [4, '2026-10', 96, false],
      ]);
      const done = await fx.h.ok('indicators.importValues', {
        campaignId: fx.campaign.id,
        fileName: '指标.xlsx',
        dataBase64,
        confirm: true,
      });
      expect(done.written).toBe(2);
      const [listed] = await fx.h.ok('indicators.list', { campaignId: fx.campaign.id });
      expect(listed.values.map((v) => [v.period, v.value, v.note])).toEqual([
        ['2026-09', 93.5, '更正'],
        ['2026-10', 96, '本月受理 230 件'],
      ]);
    },
    bad: async (fx) => {
      const row = await filingRate(fx);
      expectFailure(
        await fx.h.call('indicators.importValues', {
          campaignId: fx.campaign.id,
          fileName: '指标.csv',
          dataBase64: base64('a,b'),
        }),
        'E_INVALID',
        /\.xlsx/,
      );
      expectFailure(
        await fx.h.call('indicators.importValues', {
          campaignId: fx.campaign.id,
          fileName: '指标.xlsx',
          dataBase64: base64('坏文件'),
        }),
        'E_INVALID',
        /无法读取该 Excel 文件/,
      );
      const dataBase64 = await valuesWorkbook([['当场立案率', '2026年12月', 96]]);
      const preview = await fx.h.ok('indicators.importValues', {
        campaignId: fx.campaign.id,
        fileName: '指标.xlsx',
        dataBase64,
      });
      expect(preview.rows[0].errors).toEqual(['不能填报未来期间的数值']);
      expectFailure(
        await fx.h.call('indicators.importValues', {
          campaignId: fx.campaign.id,
          fileName: '指标.xlsx',
          dataBase64,
          confirm: true,
        }),
        'E_INVALID',
        /有 1 行存在问题/,
      );
      expect((await fx.h.ok('indicators.list', { campaignId: fx.campaign.id }))[0]).toMatchObject({
        id: row.id,
        values: [],
      });
    },
  },
};
