// Importing indicator values from Excel: rows matched by indicator name, the same checks as
// entering one value (period kind, no future period, 0–100 for %, whole 件), one value per
// period in the file, replacing a value already entered; preview writes nothing, confirm writes
// every good row in one transaction.
import { afterEach, describe, expect, it } from 'vitest';
import { openCourt } from './harness';
import { expectFailure } from './apiCases/shared';
import { valuesWorkbook } from './apiCases/templateImport';
import { parsePeriod } from '../../src/main/indicators/valueImport';

type Fixture = Awaited<ReturnType<typeof openCourt>>;
let fx: Fixture | null = null;
afterEach(async () => {
  await fx?.h.close();
  fx = null;
});

async function setUp() {
  fx = await openCourt();
  const f = fx;
  const create = (fields: Record<string, unknown>) =>
    f.h.ok('indicators.create', {
      campaignId: f.campaign.id,
      line: 'general',
      direction: 'up',
      target: null,
      period: 'monthly',
      ...fields,
    } as never);
  const filing = await create({ name: '当场立案率', unit: 'percent', target: 95, line: 'filing' });
  const pending = await create({ name: '长期未结案件数', unit: 'cases', direction: 'down', line: 'enforcement' });
  const appeal = await create({ name: '上诉率', unit: 'percent', direction: 'down', period: 'quarterly' });
  await f.h.ok('indicators.recordValue', { indicatorId: filing.id, period: '2026-09', value: 90, note: '初报' });
  return { ...f, filing, pending, appeal };
}

const auditCount = async (f: Fixture) =>
  Number(
    (
      await f.h.services.ctx.db
        .selectFrom('auditLog')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('indicators.importValues', () => {
  it('checks every row, writes nothing on preview, refuses to confirm with bad rows, and with skipInvalid writes the good ones', async () => {
    const f = await setUp();
    const dataBase64 = await valuesWorkbook(
      [
        ['当场立案率', '2026-09', 93.5, '更正后数据'], // 3: replaces
        ['当场立案率', '2026年10月', 0.962, '百分比格式'], // 4: a 0.0% cell
        ['上诉率', '2026年第三季度', 6.1], // 5
        ['上诉率', '2026-Q2', 7], // 6
        ['长期未结案件数', new Date(Date.UTC(2026, 9, 1)), 12], // 7: a date cell → 2026-10
        ['长期未结案件数', '2026年10月', 11], // 8: the same period again
        ['结案率', '2026-10', 90], // 9: no such indicator
        ['当场立案率', '2026-12', 96], // 10: future
        ['当场立案率', '2026-08', 101], // 11: over 100
        ['长期未结案件数', '2026-09', 3.5], // 12: not whole
        ['上诉率', '2026-10', 5], // 13: a month for a quarterly indicator
        ['当场立案率', '十月', 95], // 14: unreadable period
        ['当场立案率', '2026-07', '约九成'], // 15: not a number
        ['', '2026-07', 90], // 16: no name
      ],
      { percentFormatRows: [4] },
    );
    const auditBefore = await auditCount(f);
    const preview = await f.h.ok('indicators.importValues', {
      campaignId: f.campaign.id,
      fileName: '指标数值.xlsx',
      dataBase64,
    });
    expect(preview).toMatchObject({ fileName: '指标数值.xlsx', goodRows: 5, badRows: 9, written: null });
    expect(
      preview.rows.map((r) => [r.rowNumber, r.indicatorName, r.period, r.value, r.replaces, r.errors.join('；')]),
    ).toEqual([
      [3, '当场立案率', '2026-09', 93.5, true, ''],
      [4, '当场立案率', '2026-10', 96.2, false, ''],
      [5, '上诉率', '2026-Q3', 6.1, false, ''],
      [6, '上诉率', '2026-Q2', 7, false, ''],
      [7, '长期未结案件数', '2026-10', 12, false, ''],
      [8, '长期未结案件数', '2026-10', 11, false, '与第 7 行是同一指标的同一期间'],
      [9, '结案率', '2026-10', 90, false, '本活动没有名为“结案率”的指标'],
      [10, '当场立案率', '2026-12', 96, false, '不能填报未来期间的数值'],
      [11, '当场立案率', '2026-08', 101, false, '百分比应在 0 到 100 之间'],
      [12, '长期未结案件数', '2026-09', 3.5, false, '件数应为整数'],
      [13, '上诉率', '2026-10', 5, false, '此指标按季度报送，请填写季度，如 2026年第三季度'],
      [14, '当场立案率', '十月', 95, false, '期间“十月”无法识别，请写成 2026-10、2026年10月 或 2026年第三季度'],
      [15, '当场立案率', '2026-07', null, false, '数值“约九成”不是数字'],
      [16, '', '2026-07', 90, false, '缺少指标名称'],
    ]);
    expect(await auditCount(f)).toBe(auditBefore);

    expectFailure(
      await f.h.call('indicators.importValues', {
        campaignId: f.campaign.id,
        fileName: '指标数值.xlsx',
        dataBase64,
        confirm: true,
      }),
      'E_INVALID',
      /^有 9 行存在问题（第 8、9、10、11、12 等行）/,
    );
    expect(await auditCount(f)).toBe(auditBefore);

    const done = await f.h.ok('indicators.importValues', {
      campaignId: f.campaign.id,
      fileName: '指标数值.xlsx',
      dataBase64,
      confirm: true,
      skipInvalid: true,
    });
    expect(done.written).toBe(5);
    const list = await f.h.ok('indicators.list', { campaignId: f.campaign.id });
    const values = Object.fromEntries(
      list.map((row) => [row.name, row.values.map((v) => [v.period, v.value, v.note, v.version])]),
    );
    expect(values).toEqual({
      当场立案率: [
        ['2026-09', 93.5, '更正后数据', 2],
        ['2026-10', 96.2, '百分比格式', 1],
      ],
      长期未结案件数: [['2026-10', 12, '', 1]],
      上诉率: [
        ['2026-Q2', 7, '', 1],
        ['2026-Q3', 6.1, '', 1],
      ],
    });
    // Four inserts and one update, each audited.
    expect(await auditCount(f)).toBe(auditBefore + 5);
  });

  it('refuses a sheet without the header and an unreadable file', async () => {
    const f = await setUp();
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('表1').getRow(1).values = ['名字', '数'];
    const dataBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    expectFailure(
      await f.h.call('indicators.importValues', { campaignId: f.campaign.id, fileName: 'x.xlsx', dataBase64 }),
      'E_INVALID',
      /没有找到表头/,
    );
    expectFailure(
      await f.h.call('indicators.importValues', {
        campaignId: f.campaign.id,
        fileName: 'x.xlsx',
        dataBase64: Buffer.from('PK\u0003\u0004broken').toString('base64'),
      }),
      'E_INVALID',
      /无法读取该 Excel 文件/,
    );
  });
});

describe('parsePeriod', () => {
  it('reads months and quarters as clerks write them', () => {
    expect(['2026-10', '2026年10月', '2026.3', '2026/03', '2026年3月份', '2026-03-01'].map(parsePeriod)).toEqual([
      '2026-10',
      '2026-10',
      '2026-03',
      '2026-03',
      '2026-03',
      '2026-03',
    ]);
    expect(['2026年第三季度', '2026年三季度', '2026-Q3', '2026Q3', '2026年第3季度', '2026q1'].map(parsePeriod)).toEqual(
      ['2026-Q3', '2026-Q3', '2026-Q3', '2026-Q3', '2026-Q3', '2026-Q1'],
    );
    expect(['2026-13', '十月', '', '2026年第五季度'].map(parsePeriod)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
