// The roster (应报法院) and reporting (报送情况): good and bad input for each operation. The fixture
// court J2301 is made an intermediate court, so its roster holds basic courts. The full behaviour
// (a high court with jurisdictions, periods, relays) is in roster.test.ts and reporting.test.ts.
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { RosterOperation } from '../../../src/main/province/rosterHandlers';
import { expectFailure, MISSING_ID, type Fixture, type OperationCases } from './shared';

async function makeIntermediate({ h }: Fixture) {
  await h.ok('court.update', {
    name: '齐齐哈尔市中级人民法院',
    code: 'J2301',
    level: 'intermediate',
    parentCode: 'J23',
    parentName: '黑龙江省高级人民法院',
    operatorName: '王书记员',
  });
}

async function addBasic(fx: Fixture, code = 'J230101', name = '龙江县人民法院') {
  await makeIntermediate(fx);
  return fx.h.ok('roster.add', { code, name, level: 'basic', parentCode: 'J2301', jurisdiction: '龙江县' });
}

async function sheet(rows: string[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('名单');
  ws.addRow(['法院代码', '法院名称', '层级', '上级法院代码', '辖区']);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

export const rosterCases: OperationCases<RosterOperation> = {
  'roster.list': {
    good: async (fx) => {
      const atBasic = await fx.h.ok('roster.list');
      expect(atBasic.keepsRoster).toBe(false);
      await addBasic(fx);
      const view = await fx.h.ok('roster.list');
      expect(view).toMatchObject({ keepsRoster: true, canEdit: true });
      expect(view.courts).toEqual([
        expect.objectContaining({ code: 'J230101', own: true, lastBundleAt: null, hasData: false, trusted: false }),
      ]);
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('roster.list', { x: 1 } as never), 'E_INVALID');
      expectFailure(await h.as('nobody').call('roster.list'), 'E_LOGIN_REQUIRED');
    },
  },
  'roster.add': {
    good: async (fx) => {
      const added = await addBasic(fx);
      expect(added).toMatchObject({
        code: 'J230101',
        level: 'basic',
        parentName: '齐齐哈尔市中级人民法院',
        addedBy: 'manual',
      });
    },
    bad: async (fx) => {
      const input = {
        code: 'J230101',
        name: '龙江县人民法院',
        level: 'basic',
        parentCode: 'J2301',
        jurisdiction: '',
      } as const;
      expectFailure(await fx.h.call('roster.add', input), 'E_FORBIDDEN', /基层法院没有应报法院名单/);
      await addBasic(fx);
      expectFailure(await fx.h.call('roster.add', input), 'E_INVALID', /已在应报法院名单中/);
      expectFailure(await fx.h.call('roster.add', { ...input, code: 'j1' }), 'E_INVALID');
      expectFailure(await fx.h.call('roster.add', { ...input, level: 'high' } as never), 'E_INVALID', /层级/);
      expectFailure(
        await fx.h.call('roster.add', { ...input, code: 'J230102', parentCode: 'J99' }),
        'E_INVALID',
        /J99/,
      );
    },
  },
  'roster.update': {
    good: async (fx) => {
      const added = await addBasic(fx);
      const edited = await fx.h.ok('roster.update', {
        id: added.id,
        version: added.version,
        name: '龙江县人民法院（新址）',
        level: 'basic',
        parentCode: 'J2301',
        jurisdiction: '龙江县',
      });
      expect(edited).toMatchObject({ name: '龙江县人民法院（新址）', version: added.version + 1 });
    },
    bad: async (fx) => {
      const added = await addBasic(fx);
      const input = {
        id: added.id,
        version: added.version,
        name: '甲',
        level: 'basic',
        parentCode: 'J2301',
        jurisdiction: '',
      } as const;
      expectFailure(await fx.h.call('roster.update', { ...input, id: MISSING_ID }), 'E_NOT_FOUND');
      expectFailure(await fx.h.call('roster.update', { ...input, name: '' }), 'E_INVALID', /法院名称/);
      expectFailure(await fx.h.call('roster.update', { ...input, version: 9 }), 'E_STALE');
    },
  },
  'roster.merge': {
    good: async (fx) => {
      const added = await addBasic(fx);
      const merged = await fx.h.ok('roster.merge', { id: added.id, version: added.version, mergedAt: '2026-11-01' });
      expect(merged.mergedAt?.slice(0, 10)).toBe('2026-11-01');
    },
    bad: async (fx) => {
      const added = await addBasic(fx);
      expectFailure(
        await fx.h.call('roster.merge', { id: added.id, version: added.version, mergedAt: '2027-01-01' }),
        'E_INVALID',
        /晚于今天/,
      );
      expectFailure(
        await fx.h.call('roster.merge', {
          id: added.id,
          version: added.version,
          mergedAt: '2026-11-01',
          mergedInto: 'J999',
        }),
        'E_INVALID',
        /不在应报法院名单中/,
      );
      expectFailure(
        await fx.h.call('roster.merge', { id: added.id, version: added.version, mergedAt: '2026-02-30' }),
        'E_INVALID',
      );
    },
  },
  'roster.unmerge': {
    good: async (fx) => {
      const added = await addBasic(fx);
      const merged = await fx.h.ok('roster.merge', { id: added.id, version: added.version, mergedAt: '2026-11-01' });
      const back = await fx.h.ok('roster.unmerge', { id: merged.id, version: merged.version });
      expect(back.mergedAt).toBeNull();
    },
    bad: async (fx) => {
      const added = await addBasic(fx);
      expectFailure(
        await fx.h.call('roster.unmerge', { id: added.id, version: added.version }),
        'E_INVALID',
        /没有标记为已撤并/,
      );
    },
  },
  'roster.delete': {
    good: async (fx) => {
      const added = await addBasic(fx);
      await fx.h.ok('roster.delete', { id: added.id, version: added.version });
      expect((await fx.h.ok('roster.list')).courts).toEqual([]);
    },
    bad: async (fx) => {
      const added = await addBasic(fx);
      // Data received from the court: it can only be merged.
      fx.h.services.ctx.sqlite
        .prepare(
          "INSERT INTO sync_received (id, source_code, target_code, kind, seq, full, sha256, size, file_path, received_at, bundle_created_at) VALUES ('0190f0e4-0000-7000-8000-0000000000a1', 'J230101', 'J2301', 'report_up', 1, 1, ?, 10, 'x.court', '2026-11-02T09:00:00+08:00', '2026-11-02T08:00:00+08:00')",
        )
        .run('0'.repeat(64));
      expectFailure(
        await fx.h.call('roster.delete', { id: added.id, version: added.version }),
        'E_INVALID',
        /只能标记为已撤并/,
      );
      expectFailure(await fx.h.call('roster.delete', { id: MISSING_ID, version: 1 }), 'E_NOT_FOUND');
    },
  },
  'roster.import': {
    good: async (fx) => {
      await makeIntermediate(fx);
      const dataBase64 = await sheet([
        ['J230101', '龙江县人民法院', '基层法院', 'J2301', '龙江县'],
        ['J230102', '依安县人民法院', '高级法院', 'J2301', '依安县'],
      ]);
      const preview = await fx.h.ok('roster.import', { fileName: '名单.xlsx', dataBase64 });
      expect(preview).toMatchObject({ goodRows: 1, badRows: 1, written: null });
      expect((await fx.h.ok('roster.list')).courts).toEqual([]);
      const done = await fx.h.ok('roster.import', { fileName: '名单.xlsx', dataBase64, confirm: true });
      expect(done.written).toBe(1);
      expect((await fx.h.ok('roster.list')).courts.map((c) => [c.code, c.addedBy])).toEqual([['J230101', 'import']]);
    },
    bad: async (fx) => {
      expectFailure(
        await fx.h.call('roster.import', { fileName: '名单.xls', dataBase64: 'AAAA' }),
        'E_INVALID',
        /xlsx/,
      );
      await makeIntermediate(fx);
      expectFailure(
        await fx.h.call('roster.import', {
          fileName: '名单.xlsx',
          dataBase64: Buffer.from('不是表格').toString('base64'),
        }),
        'E_INVALID',
        /无法读取/,
      );
    },
  },
  'roster.template': {
    good: async (fx) => {
      await makeIntermediate(fx);
      const template = await fx.h.ok('roster.template');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(template.dataBase64, 'base64') as never);
      expect(workbook.worksheets[0].getRow(1).values).toEqual([
        undefined,
        '法院代码',
        '法院名称',
        '层级',
        '上级法院代码',
        '辖区',
        undefined,
        expect.stringContaining('说明'),
      ]);
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('roster.template'), 'E_FORBIDDEN', /基层法院/);
    },
  },
  'reporting.rules': {
    good: async ({ h, campaign }) => {
      const rules = await h.ok('reporting.rules', { campaignId: campaign.id });
      expect(rules).toMatchObject({
        period: 'month',
        dueDays: 5,
        staleDays: 30,
        laggardRule: 'bottom',
        laggardCount: 10,
        saved: false,
      });
    },
    bad: async ({ h }) => {
      expectFailure(await h.call('reporting.rules', { campaignId: MISSING_ID }), 'E_NOT_FOUND', /专项活动/);
    },
  },
  'reporting.setRules': {
    good: async (fx) => {
      await makeIntermediate(fx);
      const input = {
        campaignId: fx.campaign.id,
        period: 'quarter',
        dueDays: 10,
        staleDays: 45,
        laggardRule: 'below',
        laggardCount: 5,
        laggardBelow: 70,
      } as const;
      expect(await fx.h.ok('reporting.setRules', input)).toMatchObject({ ...input, saved: true });
    },
    bad: async (fx) => {
      const input = {
        campaignId: fx.campaign.id,
        period: 'month',
        dueDays: 5,
        staleDays: 30,
        laggardRule: 'bottom',
        laggardCount: 10,
        laggardBelow: 60,
      } as const;
      expectFailure(await fx.h.call('reporting.setRules', input), 'E_FORBIDDEN', /基层法院/);
      await makeIntermediate(fx);
      expectFailure(await fx.h.call('reporting.setRules', { ...input, dueDays: -1 }), 'E_INVALID', /不能为负/);
      expectFailure(
        await fx.h.call('reporting.setRules', { ...input, period: 'year' } as never),
        'E_INVALID',
        /报送周期/,
      );
    },
  },
  'reporting.completeness': {
    good: async (fx) => {
      await addBasic(fx);
      const report = await fx.h.ok('reporting.completeness', { campaignId: fx.campaign.id });
      expect(report.period).toMatchObject({
        key: '2026-11',
        start: '2026-11-01',
        end: '2026-11-30',
        dueDate: '2026-12-05',
        due: false,
      });
      expect(report.total).toMatchObject({ expected: 1, reported: 0, pending: 1 });
      const previous = await fx.h.ok('reporting.completeness', { campaignId: fx.campaign.id, period: '2026-10' });
      expect(previous.total).toMatchObject({ expected: 1, missing: 1, rate: 0 });
    },
    bad: async (fx) => {
      expectFailure(
        await fx.h.call('reporting.completeness', { campaignId: fx.campaign.id }),
        'E_FORBIDDEN',
        /基层法院/,
      );
      await makeIntermediate(fx);
      expectFailure(
        await fx.h.call('reporting.completeness', { campaignId: fx.campaign.id, period: '2026-Q3' }),
        'E_INVALID',
        /报送周期不一致/,
      );
      expectFailure(
        await fx.h.call('reporting.completeness', { campaignId: fx.campaign.id, period: '2027-01' }),
        'E_INVALID',
        /尚未开始/,
      );
    },
  },
};
