// Checklist template import: good and bad input for each operation, and the workbooks the import
// tests build with exceljs (a template as a higher court sends it; a sheet of indicator values).
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { TemplateImportOperation } from '../../../src/main/checklist/templateImportHandlers';
import { base64, expectFailure, MISSING_ID, type Fixture, type OperationCases } from './shared';

export const DEPARTMENTS = ['立案庭', '刑事审判庭', '民事审判庭', '执行局', '审判管理办公室', '政治部', '办公室'];

export async function addDepartments(fx: Fixture): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const name of DEPARTMENTS) ids.set(name, (await fx.h.ok('departments.create', { name })).id);
  return ids;
}

type TemplateRow = [number | string, string, string, string, string, string, ExcelJS.CellValue, string];

/**
 * The 能力作风建设年 checklist as 齐齐哈尔 might send it (after seed 000): two title rows, the
 * header row on row 3, three sections as merged rows (two the test court has, one new), 20
 * items with deadlines as date cells, 2026年…日 text and 12月底, and four bad rows: a deadline
 * nobody can read (row 8), an unknown department (row 13), a missing title (row 16), and a task
 * repeated in its section (row 21). Also one 长期坚持 item and one with two departments.
 */
export const TEMPLATE_SECTIONS: Array<{ title: string; rows: TemplateRow[] }> = [
  {
    title: '一、争先创优年',
    rows: [
      [
        1,
        '开展“争先创优”评比活动',
        '每季度评选办案标兵、服务标兵',
        '张院长',
        '政治部',
        '刘主任',
        new Date(Date.UTC(2026, 11, 31)),
        '规定动作',
      ],
      [
        2,
        '推进审判质效指标进位争先',
        '对照全省 33 项指标逐项分析，制定提升措施',
        '李副院长',
        '审判管理办公室',
        '陈法官',
        '2026年12月31日',
        '规定动作',
      ],
      [
        3,
        '打造精品案件',
        '每个业务庭报送不少于 2 件精品案件',
        '李副院长',
        '民事审判庭',
        '赵庭长',
        '12月底',
        '规定动作',
      ],
      [4, '培树先进典型', '挖掘宣传身边先进典型', '张院长', '政治部', '刘主任', '明年春节前', '规定动作'],
      [5, '开展岗位练兵', '组织书记员速录比赛、文书评比', '王副院长', '办公室', '孙主任', '2026.10.31', '自选动作'],
      [
        6,
        '落实院领导办案制度',
        '院领导带头办理重大疑难复杂案件',
        '张院长',
        '审判管理办公室',
        '陈法官',
        new Date(Date.UTC(2026, 8, 30)),
        '规定动作',
      ],
    ],
  },
  {
    title: '二、案件质量提升年',
    rows: [
      [
        7,
        '提高当场立案率',
        '推行一站式立案，当场立案率保持 95% 以上',
        '王副院长',
        '立案庭',
        '周庭长',
        '2026年11月30日',
        '规定动作',
      ],
      [8, '压降长期未结案件', '建立长期未结案件台账，逐案销号', '李副院长', '综合科', '陈法官', '12月底', '规定动作'],
      [
        9,
        '降低发改率',
        '逐案评查发改案件，查找原因',
        '李副院长',
        '审判管理办公室',
        '陈法官',
        new Date(Date.UTC(2026, 10, 30)),
        '规定动作',
      ],
      [10, '提升执行到位率', '开展“雷霆”集中执行行动', '王副院长', '执行局', '吴局长', '2026年12月15日', '规定动作'],
      [11, '', '（此行缺少任务名称）', '王副院长', '执行局', '吴局长', '12月底', '规定动作'],
      [
        12,
        '规范刑事案件审理',
        '落实认罪认罚从宽制度',
        '李副院长',
        '刑事审判庭',
        '郑庭长',
        new Date(Date.UTC(2026, 9, 31)),
        '规定动作',
      ],
      [
        13,
        '诉前纠纷化解',
        '诉前调解成功率达到 40%',
        '王副院长',
        '立案庭、民事审判庭',
        '周庭长',
        '2026年12月31日',
        '规定动作',
      ],
    ],
  },
  {
    title: '三、作风转变年',
    rows: [
      [14, '开展作风问题自查', '对照 8 个方面 38 个问题逐人查摆', '张院长', '政治部', '刘主任', '长期坚持', '规定动作'],
      [15, '开展作风问题自查', '（与第 14 项重复）', '张院长', '政治部', '刘主任', '12月底', '规定动作'],
      [16, '落实首问负责制', '窗口岗位首问负责，限时办结', '王副院长', '立案庭', '周庭长', '2026年9月30日', '自选动作'],
      [
        17,
        '整治“慵懒散”问题',
        '开展明察暗访，通报典型问题',
        '张院长',
        '政治部',
        '刘主任',
        new Date(Date.UTC(2026, 11, 20)),
        '规定动作',
      ],
      [18, '优化诉讼服务', '推行预约立案、跨域立案', '王副院长', '立案庭', '周庭长', '11月底', '自选动作'],
      [
        19,
        '加强机关效能建设',
        '精简会议文件，提高办文效率',
        '王副院长',
        '办公室',
        '孙主任',
        '2026年12月31日',
        '自选动作',
      ],
      [20, '深化警示教育', '组织旁听职务犯罪庭审', '张院长', '政治部', '刘主任', '2026.12.31', '规定动作'],
    ],
  },
];

export const TEMPLATE_HEADER = ['序号', '重点任务', '工作措施', '牵头院领导', '牵头部门', '责任人', '完成时限', '类别'];

/** The template as an .xlsx file in base64, rows laid out as documented above. */
export async function templateWorkbook(
  options: { header?: string[]; sections?: typeof TEMPLATE_SECTIONS; extraSheet?: boolean } = {},
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  if (options.extraSheet) workbook.addWorksheet('说明').getCell('A1').value = '请按推进清单填写';
  const sheet = workbook.addWorksheet('推进清单');
  sheet.getCell('A1').value = '龙江县人民法院能力作风建设年推进清单';
  sheet.mergeCells('A1:H1');
  sheet.getCell('A2').value = { richText: [{ text: '（2026年3月印发）', font: { italic: true } }] };
  sheet.mergeCells('A2:H2');
  sheet.getRow(3).values = options.header ?? TEMPLATE_HEADER;
  let rowNumber = 4;
  for (const section of options.sections ?? TEMPLATE_SECTIONS) {
    sheet.getCell(`A${rowNumber}`).value = section.title;
    sheet.mergeCells(`A${rowNumber}:H${rowNumber}`);
    rowNumber += 1;
    for (const row of section.rows) {
      sheet.getRow(rowNumber).values = row;
      if (row[6] instanceof Date) sheet.getCell(`G${rowNumber}`).numFmt = 'yyyy"年"m"月"d"日"';
      rowNumber += 1;
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

/** A sheet of indicator values: a title row, then 指标名称 | 期间 | 数值 | 说明 and the rows given. */
export async function valuesWorkbook(
  rows: Array<[string, ExcelJS.CellValue, ExcelJS.CellValue, string?]>,
  options: { percentFormatRows?: number[] } = {},
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('指标数值');
  sheet.getCell('A1').value = '2026年审判质效指标';
  sheet.mergeCells('A1:D1');
  sheet.getRow(2).values = ['指标名称', '期间', '数值', '说明'];
  rows.forEach((row, index) => {
    sheet.getRow(index + 3).values = row;
    if (options.percentFormatRows?.includes(index + 3)) sheet.getCell(`C${index + 3}`).numFmt = '0.0%';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

export const templateImportCases: OperationCases<TemplateImportOperation> = {
  'items.importTemplate': {
    good: async (fx) => {
      await addDepartments(fx);
      const dataBase64 = await templateWorkbook();
      const preview = await fx.h.ok('items.importTemplate', {
        campaignId: fx.campaign.id,
        fileName: '推进清单.xlsx',
        dataBase64,
      });
      expect(preview).toMatchObject({
        sheet: '推进清单',
        headerRow: 3,
        goodRows: 16,
        badRows: 4,
        newSections: ['作风转变年'],
        written: null,
      });
      expect(await fx.h.ok('items.list', { campaignId: fx.campaign.id })).toEqual([]);
      const done = await fx.h.ok('items.importTemplate', {
        campaignId: fx.campaign.id,
        fileName: '推进清单.xlsx',
        dataBase64,
        confirm: true,
        skipInvalid: true,
      });
      expect(done.written).toEqual({ items: 16, sections: 1, departments: 0 });
      expect(await fx.h.ok('items.list', { campaignId: fx.campaign.id })).toHaveLength(16);
    },
    bad: async (fx) => {
      const { h, campaign } = fx;
      expectFailure(
        await h.call('items.importTemplate', {
          campaignId: campaign.id,
          fileName: '推进清单.xls',
          dataBase64: base64('x'),
        }),
        'E_INVALID',
        /\.xlsx/,
      );
      expectFailure(
        await h.call('items.importTemplate', {
          campaignId: campaign.id,
          fileName: '推进清单.xlsx',
          dataBase64: base64('不是 Excel 文件'),
        }),
        'E_INVALID',
        /无法读取该 Excel 文件/,
      );
      const dataBase64 = await templateWorkbook();
      expectFailure(
        await h.call('items.importTemplate', { campaignId: MISSING_ID, fileName: '推进清单.xlsx', dataBase64 }),
        'E_NOT_FOUND',
        /专项活动/,
      );
      expectFailure(
        await h.call('items.importTemplate', {
          campaignId: campaign.id,
          fileName: '推进清单.xlsx',
          dataBase64,
          confirm: true,
        }),
        'E_INVALID',
        /有 \d+ 行存在问题/,
      );
      const department = await h.ok('departments.create', { name: '立案庭' });
      await h.addUser({ username: 'tianbao', displayName: '田填报', roles: ['filer'], departmentId: department.id });
      expectFailure(
        await h
          .as('tianbao')
          .call('items.importTemplate', { campaignId: campaign.id, fileName: '推进清单.xlsx', dataBase64 }),
        'E_FORBIDDEN',
      );
      expect(await h.ok('items.list', { campaignId: campaign.id })).toEqual([]);
    },
  },
};
