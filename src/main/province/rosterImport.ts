// Importing the roster from Excel (导入应报法院名单): a sheet of 法院代码 | 法院名称 | 层级 | 上级法院代码 |
// 辖区 rows. Every row gets its verdicts in Chinese (unknown level, bad or duplicate code, a parent
// that is neither this court nor on the roster or in the file, a missing name); a preview writes
// nothing; confirm writes every good row in one transaction (added_by 'import'), or none.
import type { ParsedInput } from '../../shared/api';
import type { RosterImport, RosterImportRow, RosterLevel, RosterTemplate } from '../../shared/province/rosterModel';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { currentActor, timestamp } from '../court/courtProfile';
import { withChanges } from '../data/ownedRows';
import {
  loadWorkbook,
  MAX_IMPORT_ROWS,
  normalizeHeader,
  pickSheet,
  readGrid,
  type GridRow,
} from '../workbooks/readWorkbook';
import { rosterCourts } from './roster';
import { requireRosterKeeper, rosterProblems } from './rosterService';

type Column = 'code' | 'name' | 'level' | 'parentCode' | 'jurisdiction';
const HEADERS: Record<Column, string[]> = {
  code: ['法院代码', '代码', '法院编码', '编码'],
  name: ['法院名称', '名称', '法院'],
  level: ['层级', '法院层级', '级别'],
  parentCode: ['上级法院代码', '上级代码', '上级法院编码', '上级法院'],
  jurisdiction: ['辖区', '所属辖区', '地区', '行政区划'],
};
export const ROSTER_TEMPLATE_HEADERS = ['法院代码', '法院名称', '层级', '上级法院代码', '辖区'];

function columnOf(text: string): Column | null {
  const header = normalizeHeader(text);
  for (const column of Object.keys(HEADERS) as Column[]) if (HEADERS[column].includes(header)) return column;
  return null;
}

const LEVELS: Record<string, RosterLevel> = {
  中级法院: 'intermediate',
  中级人民法院: 'intermediate',
  中级: 'intermediate',
  中院: 'intermediate',
  intermediate: 'intermediate',
  基层法院: 'basic',
  基层人民法院: 'basic',
  基层: 'basic',
  基层院: 'basic',
  basic: 'basic',
};

const CODE = /^[A-Z][A-Z0-9]{1,15}$/;

export async function importRoster(ctx: ServiceContext, input: ParsedInput<'roster.import'>): Promise<RosterImport> {
  const profile = await requireRosterKeeper(ctx);
  const workbook = await loadWorkbook(input.dataBase64);
  const grid = readGrid(pickSheet(workbook, undefined));
  const header = grid.rows.slice(0, 30).find((row) => {
    const found = new Set(row.texts.map(columnOf));
    return found.has('code') && found.has('name');
  });
  if (!header)
    throw new ApiError(
      'E_INVALID',
      '没有找到表头。表头应包含“法院代码”“法院名称”“层级”“上级法院代码”“辖区”这几列，可先下载模板。',
      {
        dataBase64: '没有找到表头',
      },
    );
  const index: Partial<Record<Column, number>> = {};
  header.texts.forEach((text, i) => {
    const column = columnOf(text);
    if (column && index[column] === undefined) index[column] = i;
  });
  const text = (row: GridRow, column: Column) =>
    index[column] === undefined ? '' : (row.texts[index[column]!] ?? '').trim();

  const roster = new Map((await rosterCourts(ctx, { includeMerged: true })).map((e) => [e.code, e]));
  const rows: RosterImportRow[] = [];
  for (const row of grid.rows) {
    if (row.number <= header.number || !row.texts.some((t) => t.trim())) continue;
    const code = text(row, 'code').toUpperCase();
    const levelText = text(row, 'level');
    rows.push({
      rowNumber: row.number,
      code,
      name: text(row, 'name'),
      levelText,
      level: LEVELS[levelText.replace(/\s+/g, '')] ?? null,
      parentCode: text(row, 'parentCode').toUpperCase(),
      jurisdiction: text(row, 'jurisdiction'),
      errors: [],
    });
  }
  if (rows.length > MAX_IMPORT_ROWS)
    throw new ApiError(
      'E_INVALID',
      `文件中有 ${rows.length} 家法院，一次最多导入 ${MAX_IMPORT_ROWS} 行，请分成几个文件导入。`,
    );

  // The file's rows by code (the first of duplicates), so a parent may be a court earlier or later in the file.
  const firstByCode = new Map<string, RosterImportRow>();
  for (const row of rows) if (CODE.test(row.code) && !firstByCode.has(row.code)) firstByCode.set(row.code, row);
  for (const row of rows) {
    const errors = row.errors;
    if (!row.code) errors.push('缺少法院代码');
    else if (!CODE.test(row.code))
      errors.push(`法院代码“${row.code}”格式不正确（大写字母开头，2 至 16 位大写字母或数字，如 J23）`);
    else if (firstByCode.get(row.code) !== row)
      errors.push(`法院代码 ${row.code} 与第 ${firstByCode.get(row.code)!.rowNumber} 行重复`);
    if (!row.name) errors.push('缺少法院名称');
    else if ([...row.name].length > 60) errors.push('法院名称超过 60 个字');
    if ([...row.jurisdiction].length > 40) errors.push('辖区超过 40 个字');
    if (!row.levelText) errors.push('缺少层级（填“中级法院”或“基层法院”）');
    else if (!row.level)
      errors.push(
        /高级/.test(row.levelText)
          ? '应报法院不能是高级法院，层级应为“中级法院”或“基层法院”'
          : `层级“${row.levelText}”无法识别，应为“中级法院”或“基层法院”`,
      );
    if (!row.parentCode) errors.push(`缺少上级法院代码（直属本院的填 ${profile.code}）`);
    if (errors.length || !row.level) continue;
    const others = new Map<string, { level: string; mergedAt?: string | null }>(roster);
    for (const [code, other] of firstByCode)
      if (other !== row && other.level && !others.has(code)) others.set(code, { level: other.level });
    const problems = rosterProblems(
      { code: row.code, name: row.name, level: row.level, parentCode: row.parentCode, jurisdiction: row.jurisdiction },
      profile,
      others,
    );
    if (problems.code) errors.push(problems.code);
    if (problems.parentCode)
      errors.push(problems.parentCode.replace('不在应报法院名单中', '不在应报法院名单中，也不在本文件中'));
    if (problems.level) errors.push(problems.level);
  }
  // A court under a file row that has problems cannot go in on its own.
  for (let changed = true; changed;) {
    changed = false;
    for (const row of rows) {
      if (row.errors.length) continue;
      const parent = firstByCode.get(row.parentCode);
      if (parent && parent !== row && parent.errors.length && !roster.has(row.parentCode)) {
        row.errors.push(`上级法院 ${row.parentCode}（第 ${parent.rowNumber} 行）有问题，需一并改正`);
        changed = true;
      }
    }
  }

  const good = rows.filter((row) => row.errors.length === 0);
  const answer = (written: number | null): RosterImport => ({
    fileName: input.fileName,
    rows,
    goodRows: good.length,
    badRows: rows.length - good.length,
    written,
  });
  if (!input.confirm) return answer(null);
  if (good.length === 0) throw new ApiError('E_INVALID', '文件中没有可以导入的法院，请按每行的提示改正后重新导入。');
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    for (const row of good)
      await writer.insert(
        'rosterCourts',
        {
          code: row.code,
          name: row.name,
          level: row.level!,
          parentCode: row.parentCode,
          jurisdiction: row.jurisdiction,
          mergedAt: null,
          mergedInto: null,
          addedBy: 'import',
        },
        'import',
      );
  });
  return answer(good.length);
}

/** An empty roster sheet with the five columns and two example rows to replace. */
export async function rosterTemplate(ctx: ServiceContext): Promise<RosterTemplate> {
  const profile = await requireRosterKeeper(ctx);
  // exceljs is loaded with the first workbook, not at start-up.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  const sheet = workbook.addWorksheet('应报法院名单');
  sheet.columns = [
    { header: ROSTER_TEMPLATE_HEADERS[0], width: 14 },
    { header: ROSTER_TEMPLATE_HEADERS[1], width: 30 },
    { header: ROSTER_TEMPLATE_HEADERS[2], width: 12 },
    { header: ROSTER_TEMPLATE_HEADERS[3], width: 14 },
    { header: ROSTER_TEMPLATE_HEADERS[4], width: 16 },
  ];
  sheet.getRow(1).font = { bold: true };
  if (profile.level === 'high') sheet.addRow(['J01', '示例市中级人民法院', '中级法院', profile.code, '示例市']);
  sheet.addRow(['J0101', '示例县人民法院', '基层法院', profile.level === 'high' ? 'J01' : profile.code, '示例县']);
  const note = sheet.getCell('G1');
  note.value =
    '说明：层级填“中级法院”或“基层法院”；直属本院的，上级法院代码填本院代码 ' + profile.code + '；示例行请替换。';
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName: '应报法院名单模板.xlsx', dataBase64: Buffer.from(buffer).toString('base64') };
}
