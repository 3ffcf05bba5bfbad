// Importing a checklist template from Excel: the header and mapping found, every row checked in
// Chinese with its Excel row number, nothing written by a preview, a confirm refused while rows
// are bad, and with skipInvalid exactly the good rows written in the file's order under their
// sections, in one transaction with the audit log. Workbooks are built with exceljs here.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { openCourt } from './harness';
import { expectFailure } from './apiCases/shared';
import { addDepartments, TEMPLATE_HEADER, TEMPLATE_SECTIONS, templateWorkbook } from './apiCases/templateImport';
import { parseDeadline, parseFrequency } from '../../src/main/checklist/templateImport';
import { buildReport } from '../../src/main/reports/reportKinds';

type Fixture = Awaited<ReturnType<typeof openCourt>>;
const MISSING_DEPARTMENT = '0190f0e4-0000-7000-8000-00000000dead';
let fx: Fixture | null = null;
afterEach(async () => {
  await fx?.h.close();
  fx = null;
});

async function setUp(options: { now?: string } = {}) {
  fx = await openCourt(options);
  const departments = await addDepartments(fx);
  return { ...fx, departments, dataBase64: await templateWorkbook() };
}

async function auditCount(f: Fixture): Promise<number> {
  const row = await f.h.services.ctx.db
    .selectFrom('auditLog')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('items.importTemplate', () => {
  it('previews the template: header row, guessed mapping, per-row Chinese errors, new sections; writes nothing', async () => {
    const f = await setUp();
    const auditBefore = await auditCount(f);
    const preview = await f.h.ok('items.importTemplate', {
      campaignId: f.campaign.id,
      fileName: '推进清单.xlsx',
      dataBase64: f.dataBase64,
    });
    expect(preview.headerRow).toBe(3);
    expect(preview.sheets).toEqual(['推进清单']);
    expect(preview.mapping).toEqual({
      title: 1,
      content: 2,
      leadLeader: 3,
      department: 4,
      owner: 5,
      deadline: 6,
      kind: 7,
      section: null,
    });
    expect(preview.columns.map((c) => c.header)).toEqual(TEMPLATE_HEADER);
    expect(preview.columns[4].samples).toEqual(['政治部', '审判管理办公室', '民事审判庭']);
    expect(preview.rows).toHaveLength(20);
    expect(preview).toMatchObject({ goodRows: 16, badRows: 4, newSections: ['作风转变年'], written: null });

    const bad = preview.rows.filter((r) => r.errors.length > 0).map((r) => [r.rowNumber, r.errors.join('；')]);
    expect(bad).toEqual([
      [8, expect.stringMatching(/^完成时限“明年春节前”无法识别/)],
      [
        13,
        expect.stringMatching(
          /^责任部门“综合科”不存在，本院的部门有：立案庭、刑事审判庭、民事审判庭、执行局、审判管理办公室、政治部、办公室/,
        ),
      ],
      [16, '缺少任务名称'],
      [21, '与第 20 行任务名称重复'],
    ]);
    const byRow = new Map(preview.rows.map((r) => [r.rowNumber, r]));
    // Sections come from the merged rows; numbering is dropped.
    expect([byRow.get(5)!.section, byRow.get(12)!.section, byRow.get(26)!.section]).toEqual([
      '争先创优年',
      '案件质量提升年',
      '作风转变年',
    ]);
    // Deadlines: a date cell, 2026年…日, 12月底 (this campaign's year), 2026.10.31, 11月底.
    expect([5, 6, 7, 9, 10, 24].map((n) => byRow.get(n)!.deadline)).toEqual([
      '2026-12-31',
      '2026-12-31',
      '2026-12-31',
      '2026-10-31',
      '2026-09-30',
      '2026-11-30',
    ]);
    // 长期坚持: no deadline, said in the content instead.
    expect(byRow.get(20)).toMatchObject({
      deadline: null,
      content: '对照 8 个方面 38 个问题逐人查摆\n（完成时限：长期坚持）',
    });
    // Two departments: the first leads, the other is noted.
    expect(byRow.get(18)).toMatchObject({
      department: '立案庭、民事审判庭',
      content: '诉前调解成功率达到 40%\n配合部门：民事审判庭',
      errors: [],
    });
    expect(byRow.get(5)).toMatchObject({
      title: '开展“争先创优”评比活动',
      leadLeader: '张院长',
      owner: '刘主任',
      kind: 'mandatory',
    });
    expect(byRow.get(9)!.kind).toBe('own');

    expect(await f.h.ok('items.list', { campaignId: f.campaign.id })).toEqual([]);
    expect((await f.h.ok('campaigns.get', { id: f.campaign.id })).sections).toHaveLength(2);
    expect(await auditCount(f)).toBe(auditBefore);
  });

  it('refuses to confirm while rows have errors, and writes nothing', async () => {
    const f = await setUp();
    const auditBefore = await auditCount(f);
    const failure = expectFailure(
      await f.h.call('items.importTemplate', {
        campaignId: f.campaign.id,
        fileName: '推进清单.xlsx',
        dataBase64: f.dataBase64,
        confirm: true,
      }),
      'E_INVALID',
      /^有 4 行存在问题（第 8、13、16、21 行）/,
    );
    expect(failure.message).toMatch(/跳过有问题的行/);
    expect(await f.h.ok('items.list', { campaignId: f.campaign.id })).toEqual([]);
    expect(await auditCount(f)).toBe(auditBefore);
  });

  it('with skipInvalid writes exactly the good rows, in order, under existing and new sections, in one audited transaction', async () => {
    const f = await setUp();
    const auditBefore = await auditCount(f);
    const done = await f.h.ok('items.importTemplate', {
      campaignId: f.campaign.id,
      fileName: '推进清单.xlsx',
      dataBase64: f.dataBase64,
      confirm: true,
      skipInvalid: true,
    });
    expect(done.written).toEqual({ items: 16, sections: 1, departments: 0 });
    expect(done.newSections).toEqual(['作风转变年']);

    const detail = await f.h.ok('campaigns.get', { id: f.campaign.id });
    expect(detail.sections.map((s) => `${s.number}${s.title}`)).toEqual([
      '一、争先创优年',
      '二、案件质量提升年',
      '三、作风转变年',
    ]);
    const sectionTitle = new Map(detail.sections.map((s) => [s.id, s.title]));
    const items = await f.h.ok('items.list', { campaignId: f.campaign.id });
    const expected = TEMPLATE_SECTIONS.flatMap((s) => s.rows)
      .filter((row) => ![4, 8, 11, 15].includes(row[0] as number))
      .map((row) => row[1]);
    expect(items.map((i) => i.title)).toEqual(expected);
    expect(items.map((i) => sectionTitle.get(i.sectionId!))).toEqual([
      ...Array(5).fill('争先创优年'),
      ...Array(5).fill('案件质量提升年'),
      ...Array(6).fill('作风转变年'),
    ]);
    const first = items[0];
    expect(first).toMatchObject({
      origin: 'J2301',
      status: 'not_started',
      percent: 0,
      deadline: '2026-12-31',
      leadLeader: '张院长',
      owner: '刘主任',
      departmentId: f.departments.get('政治部'),
      kind: 'mandatory',
    });
    // 17 rows (16 items + 1 section) each with its audit entry.
    expect(await auditCount(f)).toBe(auditBefore + 17);
    // The full-text index knows the new items.
    const found = await f.h.ok('items.search', { campaignId: f.campaign.id, query: '认罪认罚' });
    expect(found).toEqual({ ids: [items.find((i) => i.title === '规范刑事案件审理')!.id], mode: 'fulltext' });

    // Importing the same file again: every good row is now a duplicate of an existing item.
    const again = await f.h.ok('items.importTemplate', {
      campaignId: f.campaign.id,
      fileName: '推进清单.xlsx',
      dataBase64: f.dataBase64,
    });
    expect(again.goodRows).toBe(0);
    expect(again.rows.find((r) => r.rowNumber === 5)!.errors).toEqual(['栏目“争先创优年”中已有同名事项']);
    expect(again.newSections).toEqual([]);
  });

  it('takes the mapping given over the guessed one, and picks the sheet by name', async () => {
    const f = await setUp();
    const dataBase64 = await templateWorkbook({
      header: ['序号', '事项', '说明', '领导', '单位名称', '联系人', '日期', '备注'],
      extraSheet: true,
    });
    // 事项 and 联系人 are known; the rest is not guessed.
    const guessed = await f.h.ok('items.importTemplate', {
      campaignId: f.campaign.id,
      fileName: 'a.xlsx',
      dataBase64,
      sheet: '推进清单',
    });
    expect(guessed.sheets).toEqual(['说明', '推进清单']);
    expect(guessed.mapping).toMatchObject({ title: 1, owner: 5, deadline: null, department: null });
    expect(guessed.rows.find((r) => r.rowNumber === 5)).toMatchObject({ deadline: null, department: '', errors: [] });
    const mapped = await f.h.ok('items.importTemplate', {
      campaignId: f.campaign.id,
      fileName: 'a.xlsx',
      dataBase64,
      sheet: '推进清单',
      mapping: { content: 2, leadLeader: 3, department: 4, deadline: 6, owner: null },
    });
    expect(mapped.mapping).toMatchObject({
      title: 1,
      content: 2,
      leadLeader: 3,
      department: 4,
      deadline: 6,
      owner: null,
    });
    expect(mapped.rows.find((r) => r.rowNumber === 5)).toMatchObject({
      deadline: '2026-12-31',
      department: '政治部',
      leadLeader: '张院长',
      owner: '',
      content: '每季度评选办案标兵、服务标兵',
    });
    expect(mapped.badRows).toBe(4);
    // The first sheet with data is the 说明 sheet, which has no header row.
    expectFailure(
      await f.h.call('items.importTemplate', { campaignId: f.campaign.id, fileName: 'a.xlsx', dataBase64 }),
      'E_INVALID',
      /没有找到表头/,
    );
    expectFailure(
      await f.h.call('items.importTemplate', {
        campaignId: f.campaign.id,
        fileName: 'a.xlsx',
        dataBase64,
        sheet: '附件',
      }),
      'E_INVALID',
      /没有名为“附件”的工作表/,
    );
  });

  it('refuses a corrupt file, a file that is not a workbook, and a closed campaign', async () => {
    const f = await setUp();
    const truncated = Buffer.from(f.dataBase64, 'base64').subarray(0, 2000).toString('base64');
    expectFailure(
      await f.h.call('items.importTemplate', {
        campaignId: f.campaign.id,
        fileName: '推进清单.xlsx',
        dataBase64: truncated,
      }),
      'E_INVALID',
      /无法读取该 Excel 文件/,
    );
    const pdf = Buffer.from('%PDF-1.4 not a workbook').toString('base64');
    expectFailure(
      await f.h.call('items.importTemplate', { campaignId: f.campaign.id, fileName: '推进清单.xlsx', dataBase64: pdf }),
      'E_INVALID',
      /无法读取该 Excel 文件/,
    );
    const campaign = (await f.h.ok('campaigns.get', { id: f.campaign.id })).campaign;
    await f.h.ok('campaigns.setStatus', { id: campaign.id, version: campaign.version, status: 'closed' });
    expectFailure(
      await f.h.call('items.importTemplate', {
        campaignId: f.campaign.id,
        fileName: '推进清单.xlsx',
        dataBase64: f.dataBase64,
      }),
      'E_CLOSED',
      /已结束/,
    );
  });

  it('flags deadlines outside the campaign dates, unknown kinds and over-long fields', async () => {
    const f = await setUp();
    const dataBase64 = await templateWorkbook({
      sections: [
        {
          title: '一、争先创优年',
          rows: [
            [1, '提前的任务', '', '', '', '', '2026年1月31日', ''],
            [2, '超期的任务', '', '', '', '', new Date(Date.UTC(2027, 2, 31)), ''],
            [3, '类别不明的任务', '', '', '', '', '', '临时'],
            [4, '长'.repeat(201), '', '', '', '', '', ''],
            [5, '三季度的任务', '', '', '', '', '三季度末', '自选'],
          ],
        },
      ],
    });
    const preview = await f.h.ok('items.importTemplate', { campaignId: f.campaign.id, fileName: 'b.xlsx', dataBase64 });
    expect(preview.rows.map((r) => r.errors)).toEqual([
      ['完成时限 2026-01-31 不在活动期间（2026-03-01 至 2026-12-31）内'],
      ['完成时限 2027-03-31 不在活动期间（2026-03-01 至 2026-12-31）内'],
      ['类别“临时”无法识别，应为“规定动作”或“自选动作”'],
      ['任务名称超过 200 个字'],
      [],
    ]);
    expect(preview.rows[4]).toMatchObject({ deadline: '2026-09-30', kind: 'own' });
  });

  it('reads a sheet with no merged section rows and rich text cells', async () => {
    const f = await setUp();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('清单');
    sheet.getRow(1).values = ['序号', '工作任务', '责任部门', '时间节点'];
    sheet.getRow(2).values = [
      1,
      { richText: [{ text: '规范', font: { bold: true } }, { text: '庭审活动' }] },
      '刑事审判庭',
      '2026-12-31',
    ];
    sheet.getRow(3).values = ['二、其他工作'];
    sheet.getRow(4).values = [2, '完善考核办法', '政治部', '2026/11/30'];
    sheet.getRow(5).values = [null, '（一）作风建设'];
    sheet.getRow(6).values = [3, '开展明察暗访', '政治部', '12月底'];
    const dataBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const preview = await f.h.ok('items.importTemplate', { campaignId: f.campaign.id, fileName: 'c.xlsx', dataBase64 });
    expect(preview.headerRow).toBe(1);
    expect(preview.rows.map((r) => [r.rowNumber, r.section, r.title, r.deadline, r.errors])).toEqual([
      [2, '', '规范庭审活动', '2026-12-31', []],
      [4, '其他工作', '完善考核办法', '2026-11-30', []],
      [6, '作风建设', '开展明察暗访', '2026-12-31', []],
    ]);
    expect(preview.newSections).toEqual(['其他工作', '作风建设']);
  });
});

describe('每月/每季度, unknown departments and columns not imported', () => {
  /** A template with a 备注 column, recurring deadlines and two department names this court lacks. */
  async function recurringWorkbook(): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('推进清单');
    sheet.getRow(1).values = ['序号', '重点任务', '责任部门', '完成时限', '备注'];
    sheet.getRow(2).values = ['一、争先创优年'];
    sheet.mergeCells('A2:E2');
    sheet.getRow(3).values = [1, '报送审判质效分析', '审判管理办公室', '每季度', '报政治部'];
    sheet.getRow(4).values = [2, '召开院务会通报进展', '办公室', '每月底前', ''];
    sheet.getRow(5).values = [3, '调度长期未结案件', '综合科', '按季度', '重点'];
    sheet.getRow(6).values = [4, '开展诉源治理', '诉讼服务中心、综合科', { richText: [{ text: '按月' }] }, ''];
    sheet.getRow(7).values = [5, '完成专项评查', '政治部', '2026年10月31日', ''];
    return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
  }

  it('sets 频次 from 每季度/每月, names the 备注 column, and maps unknown departments to an existing one or a new one', async () => {
    const f = await setUp();
    const dataBase64 = await recurringWorkbook();
    const input = { campaignId: f.campaign.id, fileName: '清单.xlsx', dataBase64 };
    const preview = await f.h.ok('items.importTemplate', input);
    expect(preview.ignoredColumns).toEqual(['备注']);
    expect(preview.unknownDepartments).toEqual(['综合科', '诉讼服务中心']);
    expect(preview.departmentMap).toEqual({});
    // Recurring items run until the campaign's end (2026-12-31); the dated one keeps its date.
    expect(preview.rows.map((r) => [r.rowNumber, r.frequency, r.deadline])).toEqual([
      [3, 'quarterly', '2026-12-31'],
      [4, 'monthly', '2026-12-31'],
      [5, 'quarterly', '2026-12-31'],
      [6, 'monthly', '2026-12-31'],
      [7, 'once', '2026-10-31'],
    ]);
    expect(preview.rows.filter((r) => r.errors.length > 0).map((r) => [r.rowNumber, r.errors[0]])).toEqual([
      [5, expect.stringMatching(/^责任部门“综合科”不存在.*请在上方为它选择本院的部门或新建部门/)],
      [6, expect.stringMatching(/^责任部门“诉讼服务中心、综合科”不存在/)],
    ]);

    // 综合科 is our 办公室; 诉讼服务中心 is new.
    const departmentMap = { 综合科: f.departments.get('办公室')!, 诉讼服务中心: 'new' };
    const mapped = await f.h.ok('items.importTemplate', { ...input, departmentMap });
    expect(mapped).toMatchObject({
      goodRows: 5,
      badRows: 0,
      departmentMap,
      unknownDepartments: ['综合科', '诉讼服务中心'],
    });
    expect(mapped.rows[3]).toMatchObject({ department: '诉讼服务中心、综合科', content: '配合部门：办公室' });
    // A preview creates nothing.
    expect((await f.h.ok('departments.list')).map((d) => d.name)).not.toContain('诉讼服务中心');

    // A reviewer may map to an existing department but not create one.
    await f.h.addUser({ username: 'shenhe', displayName: '李审核', roles: ['reviewer'] });
    expectFailure(
      await f.h.as('shenhe').call('items.importTemplate', { ...input, departmentMap, confirm: true }),
      'E_FORBIDDEN',
      /只有管理员可以新建部门/,
    );
    expectFailure(
      await f.h.call('items.importTemplate', { ...input, departmentMap: { 综合科: MISSING_DEPARTMENT } }),
      'E_NOT_FOUND',
      /为“综合科”选择的部门已不存在/,
    );

    const auditBefore = await auditCount(f);
    const done = await f.h.ok('items.importTemplate', { ...input, departmentMap, confirm: true });
    expect(done.written).toEqual({ items: 5, sections: 0, departments: 1 });
    const departments = await f.h.ok('departments.list');
    const created = departments.find((d) => d.name === '诉讼服务中心')!;
    expect(created).toBeDefined();
    expect(departments.filter((d) => d.name === '综合科')).toEqual([]);
    const items = await f.h.ok('items.list', { campaignId: f.campaign.id });
    expect(items.map((i) => [i.title, i.frequency, i.deadline, i.departmentName])).toEqual([
      ['报送审判质效分析', 'quarterly', '2026-12-31', '审判管理办公室'],
      ['召开院务会通报进展', 'monthly', '2026-12-31', '办公室'],
      ['调度长期未结案件', 'quarterly', '2026-12-31', '办公室'],
      ['开展诉源治理', 'monthly', '2026-12-31', '诉讼服务中心'],
      ['完成专项评查', 'once', '2026-10-31', '政治部'],
    ]);
    expect(items[3].departmentId).toBe(created.id);
    // Five items and one department, each audited, in the same transaction.
    expect(await auditCount(f)).toBe(auditBefore + 6);
  });

  it('leaves the deadline empty for a recurring item when the campaign has no end date', async () => {
    const f = await setUp();
    const open = await f.h.ok('campaigns.create', { title: '常态化工作', year: 2026 });
    const preview = await f.h.ok('items.importTemplate', {
      campaignId: open.id,
      fileName: '清单.xlsx',
      dataBase64: await recurringWorkbook(),
    });
    expect(preview.rows.slice(0, 2).map((r) => [r.frequency, r.deadline, r.errors])).toEqual([
      ['quarterly', null, []],
      ['monthly', null, []],
    ]);
  });
});

describe('parseFrequency', () => {
  it('knows the documented words and nothing else', () => {
    for (const word of ['每月', '按月', '每月底', '每月末前', '逐月', '每个月'])
      expect(parseFrequency(word), word).toBe('monthly');
    for (const word of ['每季度', '每季', '按季度', '按季', '每季度末前完成', '每个季度'])
      expect(parseFrequency(word), word).toBe('quarterly');
    for (const word of ['12月底', '第三季度', '季度', '每年', '', '每月10日前'])
      expect(parseFrequency(word), word).toBeNull();
    expect(parseFrequency(new Date(Date.UTC(2026, 11, 31)))).toBeNull();
  });
});

describe('parseDeadline', () => {
  it('reads the ways templates write deadlines', () => {
    const year = 2026;
    const read = (text: string) => parseDeadline(text, year)?.date;
    expect(read('2026年12月31日')).toBe('2026-12-31');
    expect(read('2026.12.31')).toBe('2026-12-31');
    expect(read('2026-12-31')).toBe('2026-12-31');
    expect(read('2026/6/1')).toBe('2026-06-01');
    expect(read('12月底')).toBe('2026-12-31');
    expect(read('2月底前')).toBe('2026-02-28');
    expect(read('2026年6月')).toBe('2026-06-30');
    expect(read('11月15日前完成')).toBe('2026-11-15');
    expect(read('年底前')).toBe('2026-12-31');
    expect(read('上半年')).toBe('2026-06-30');
    expect(read('第三季度')).toBe('2026-09-30');
    expect(parseDeadline('长期坚持', year)).toEqual({ date: null, longTerm: true });
    expect(parseDeadline('', year)).toEqual({ date: null, longTerm: false });
    expect(parseDeadline('2026年2月30日', year)).toBeUndefined();
    expect(parseDeadline('13月底', year)).toBeUndefined();
    expect(parseDeadline('尽快', year)).toBeUndefined();
  });
});

describe('a checklist saved as Excel is a template', () => {
  it('re-imports the 推进清单 workbook of one campaign into another: same sections, titles, leaders, departments and deadlines', async () => {
    // Mid-year, so the deadlines typed below are still ahead (a past deadline needs a reason).
    const f = await setUp({ now: '2026-06-01T09:00:00+08:00' });
    const [first, second] = f.sections;
    const departments = await f.h.ok('departments.list');
    const dept = (name: string) => departments.find((d) => d.name === name)!.id;
    await f.h.ok('items.create', {
      campaignId: f.campaign.id,
      sectionId: first.id,
      title: '落实当场立案制度',
      content: '窗口当场登记立案',
      leadLeader: '张院长',
      departmentId: dept('立案庭'),
      deadline: '2026-12-31',
    });
    await f.h.ok('items.create', {
      campaignId: f.campaign.id,
      sectionId: second.id,
      title: '开展案件质量评查',
      leadLeader: '李副院长',
      departmentId: dept('审判管理办公室'),
      deadline: '2026-10-31',
    });
    const report = await buildReport(f.h.services.ctx, { campaignId: f.campaign.id, kind: 'checklist' });
    const dataBase64 = (await report.workbook()).toString('base64');

    const target = await f.h.ok('campaigns.create', {
      title: '下一年度能力作风建设年',
      year: 2026,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    const preview = await f.h.ok('items.importTemplate', {
      campaignId: target.id,
      fileName: `${report.baseName}.xlsx`,
      dataBase64,
    });
    expect(preview.badRows).toBe(0);
    // The workbook writes the content under the title in the same cell: it comes back as content.
    expect(preview.rows.map((r) => r.content)).toEqual(['窗口当场登记立案', '']);
    expect(preview.rows.map((r) => [r.section, r.title, r.leadLeader, r.department, r.deadline])).toEqual([
      [first.title, '落实当场立案制度', '张院长', '立案庭', '2026-12-31'],
      [second.title, '开展案件质量评查', '李副院长', '审判管理办公室', '2026-10-31'],
    ]);
    const done = await f.h.ok('items.importTemplate', {
      campaignId: target.id,
      fileName: `${report.baseName}.xlsx`,
      dataBase64,
      confirm: true,
    });
    expect(done.written).toEqual({ items: 2, sections: 2, departments: 0 });
    const items = await f.h.ok('items.list', { campaignId: target.id });
    expect(items.map((item) => [item.title, item.leadLeader, item.deadline])).toEqual([
      ['落实当场立案制度', '张院长', '2026-12-31'],
      ['开展案件质量评查', '李副院长', '2026-10-31'],
    ]);
  });
});
