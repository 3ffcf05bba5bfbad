// Importing a checklist template from Excel (导入推进清单模板), the way higher courts send them:
// a title row or two, a header row (序号 | 任务 | 具体内容 | 牵头院领导 | 责任部门 | 责任人 | 完成时限 |
// 类别), section rows ("一、争先创优年", usually merged across) between the items. A preview reads
// the sheet, guesses which column holds which field (the caller may override), and checks every
// row in Chinese; nothing is written until the caller confirms, and then the new sections and all
// good items go in one transaction through the change writer (audit, change counter, search).
import type ExcelJS from 'exceljs';
import type { Selectable } from 'kysely';
import type { ParsedInput } from '../../shared/api';
import {
  frequencyWords,
  NEW_DEPARTMENT,
  type Frequency,
  type TemplateColumn,
  type TemplateField,
  type TemplateImport,
  type TemplateImportRow,
} from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { hasRole, requireUser } from '../access/access';
import { listSections, loadCampaignRow } from '../campaigns/campaigns';
import { currentActor, ownCourtCode, timestamp } from '../court/courtProfile';
import { ORDER_GAP, withChanges } from '../data/ownedRows';
import type { CampaignsTable } from '../data/schema';
import { columnLetter } from '../../shared/columnLetters';
import {
  cellText,
  isoDay,
  loadWorkbook,
  MAX_IMPORT_ROWS,
  normalizeHeader,
  pickSheet,
  readGrid,
  refuseProblemRows,
  type Grid,
  type GridRow,
} from '../workbooks/readWorkbook';

// ───────────── Understanding a checklist template ─────────────

/** Header words per field, most specific first; 序号 is known but feeds no field. */
const FIELD_HEADERS: Record<TemplateField, string[]> = {
  title: [
    '任务名称',
    '工作任务',
    '重点任务',
    '主要任务',
    '任务事项',
    '工作事项',
    '事项名称',
    '任务',
    '事项',
    '项目名称',
    '工作项目',
  ],
  content: [
    '具体内容',
    '工作措施',
    '具体措施',
    '主要措施',
    '推进措施',
    '工作内容',
    '任务内容',
    '具体举措',
    '工作举措',
    '措施',
    '内容',
    '工作要求',
  ],
  leadLeader: ['牵头院领导', '牵头领导', '分管院领导', '责任院领导', '责任领导', '分管领导', '院领导', '牵头院长'],
  department: ['责任部门', '牵头部门', '责任单位', '牵头单位', '承办部门', '责任庭室', '牵头庭室', '部门'],
  owner: ['具体责任人', '责任人', '承办人', '经办人', '联系人'],
  deadline: ['完成时限', '时间节点', '完成时间', '截止时间', '截止日期', '时限要求', '时间要求', '时限', '完成期限'],
  kind: ['事项类别', '任务类别', '类别', '类型', '性质'],
  section: ['所属栏目', '栏目', '板块', '所属板块', '分类'],
};
const OTHER_HEADERS = ['序号', '编号', '备注', '进展情况', '完成情况'];
const FIELD_ORDER: TemplateField[] = [
  'title',
  'content',
  'leadLeader',
  'department',
  'owner',
  'deadline',
  'kind',
  'section',
];
const FIELD_LABEL: Record<TemplateField, string> = {
  section: '栏目',
  title: '任务名称',
  content: '具体内容',
  leadLeader: '牵头院领导',
  department: '责任部门',
  owner: '责任人',
  deadline: '完成时限',
  kind: '类别',
};

function headerField(text: string): TemplateField | 'other' | null {
  const header = normalizeHeader(text);
  if (!header) return null;
  for (const field of FIELD_ORDER) if (FIELD_HEADERS[field].includes(header)) return field;
  if (OTHER_HEADERS.includes(header)) return 'other';
  // "重点任务（20项）", "牵头部门及责任人": the longest known word the header contains wins.
  let best: { field: TemplateField; length: number } | null = null;
  for (const field of FIELD_ORDER) {
    for (const word of FIELD_HEADERS[field]) {
      if (word.length >= 2 && header.includes(word) && (!best || word.length > best.length))
        best = { field, length: word.length };
    }
  }
  return best?.field ?? null;
}

/** The first row where two or more cells are known headers. */
function findHeaderRow(grid: Grid): GridRow | null {
  for (const row of grid.rows.slice(0, 30)) {
    const known = new Set(row.texts.map(headerField).filter((f) => f !== null));
    const count = row.texts.filter((t) => headerField(t) !== null).length;
    if (count >= 2 && known.size >= 2) return row;
  }
  return null;
}

function guessMapping(header: GridRow): Partial<Record<TemplateField, number | null>> {
  const mapping: Partial<Record<TemplateField, number | null>> = {};
  header.texts.forEach((text, index) => {
    const field = headerField(text);
    if (field && field !== 'other' && mapping[field] === undefined) mapping[field] = index;
  });
  for (const field of FIELD_ORDER) mapping[field] ??= null;
  return mapping;
}

function describeColumns(grid: Grid, header: GridRow): TemplateColumn[] {
  const below = grid.rows.filter((row) => row.number > header.number && !row.mergedAcross);
  const count = Math.max(...grid.rows.map((row) => lastFilled(row.texts) + 1), 0);
  return Array.from({ length: count }, (_, index) => ({
    index,
    header: header.texts[index] || `列 ${columnLetter(index)}`,
    samples: below
      .map((row) => row.texts[index] ?? '')
      .filter(Boolean)
      .slice(0, 3)
      .map((text) => (text.length > 30 ? `${text.slice(0, 30)}…` : text)),
  }));
}

function lastFilled(texts: string[]): number {
  for (let i = texts.length - 1; i >= 0; i -= 1) if (texts[i]) return i;
  return -1;
}

/** 一、 or （一）: a row holding nothing else is a section (sub-sections become sections of their own). */
const SECTION_NUMBER = /^(?:[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百]+[）)])/;
/** "一、争先创优年" → 争先创优年; "（二）…" and "1." numbering likewise: the app numbers sections itself. */
export const stripNumbering = (text: string) =>
  text
    .replace(
      /^\s*(?:[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百\d]+[）)]、?|\d+[、．.](?!\d))\s*/,
      '',
    )
    .replace(/\s+/g, ' ')
    .trim();

/** A row that names a section: one distinct text, numbered like 一、 or merged across the row. */
function sectionTitle(row: GridRow): string | null {
  const distinct = [...new Set(row.texts.filter(Boolean))];
  if (distinct.length !== 1) return null;
  const text = distinct[0];
  if (SECTION_NUMBER.test(text) || row.mergedAcross) return stripNumbering(text) || null;
  return null;
}

// ── Deadlines ──

const LONG_TERM = /^(长期坚持|长期|持续推进|持续开展|常态化推进|常态化|持续|长期推进)$/;
const pad = (n: number) => String(n).padStart(2, '0');
const endOfMonth = (year: number, month: number) =>
  `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;

function validDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

/**
 * A deadline as written in templates: a date cell, 2026年12月31日, 2026.12.31, 2026-12-31,
 * 2026/12/31, 12月31日, 12月底 / 12月 (end of that month in the campaign's year), 年底, 上半年,
 * 三季度末; "前" and "完成" after it are dropped. 长期坚持 and the like mean no deadline.
 * Returns undefined when it cannot be read.
 */
export function parseDeadline(
  value: ExcelJS.CellValue,
  year: number,
): { date: string | null; longTerm: boolean } | undefined {
  if (value instanceof Date) return { date: isoDay(value), longTerm: false };
  if (typeof value === 'number' && value > 20000 && value < 80000) {
    // A date serial typed into a general-format cell.
    return { date: isoDay(new Date(Date.UTC(1899, 11, 30) + value * 86_400_000)), longTerm: false };
  }
  const text = cellText(value)
    .replace(/\s+/g, '')
    .replace(/(之前|以前|前|完成|截止|止)+$/, '');
  if (!text) return { date: null, longTerm: false };
  if (LONG_TERM.test(text)) return { date: null, longTerm: true };
  let m = /^(\d{4})[年.\-/](\d{1,2})[月.\-/](\d{1,2})日?$/.exec(text);
  if (m) {
    const date = validDay(Number(m[1]), Number(m[2]), Number(m[3]));
    return date ? { date, longTerm: false } : undefined;
  }
  m = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日$/.exec(text);
  if (m) {
    const date = validDay(m[1] ? Number(m[1]) : year, Number(m[2]), Number(m[3]));
    return date ? { date, longTerm: false } : undefined;
  }
  m = /^(?:(\d{4})[年.\-/])?(\d{1,2})月?(?:底|末|份)?$/.exec(text);
  if (m && (m[1] || /月/.test(text))) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return undefined;
    return { date: endOfMonth(m[1] ? Number(m[1]) : year, month), longTerm: false };
  }
  m = /^(?:(\d{4})年)?(?:年底|年末|全年|下半年|年内)$/.exec(text) ?? /^(\d{4})年(?:底|末|内)$/.exec(text);
  if (m) return { date: `${m[1] ? Number(m[1]) : year}-12-31`, longTerm: false };
  m = /^(?:(\d{4})年)?上半年$/.exec(text);
  if (m) return { date: `${m[1] ? Number(m[1]) : year}-06-30`, longTerm: false };
  m = /^(?:(\d{4})年)?第?([一二三四1-4])季度(?:末|底)?$/.exec(text);
  if (m) {
    const quarter = CHINESE_DIGITS[m[2]] ?? Number(m[2]);
    return { date: endOfMonth(m[1] ? Number(m[1]) : year, quarter * 3), longTerm: false };
  }
  return undefined;
}

/** 每月, 按季度, 每季度末前…: the item's 频次 (frequencyWords), or null for anything else. */
export function parseFrequency(value: ExcelJS.CellValue): Exclude<Frequency, 'once'> | null {
  if (typeof value !== 'string' && !(value && typeof value === 'object' && 'richText' in value)) return null;
  const text = cellText(value)
    .replace(/\s+/g, '')
    .replace(/(之前|以前|前|完成)+$/, '');
  for (const frequency of ['monthly', 'quarterly'] as const)
    if ((frequencyWords[frequency] as readonly string[]).includes(text)) return frequency;
  return null;
}

// ── Kind ──

function parseKind(text: string): 'mandatory' | 'own' | undefined {
  const t = text.replace(/\s+/g, '');
  if (/^(规定动作|规定|必选|必选动作|必办|统一部署|上级部署)$/.test(t)) return 'mandatory';
  if (/^(自选动作|自选|自选项目|特色|本院自选|创新)$/.test(t)) return 'own';
  return undefined;
}

// ── Departments: "立案庭、审管办" means 立案庭 leads with the others' help. ──

const DEPARTMENT_SPLIT = /[、，,；;/／\s]+/;

interface Context {
  campaign: Selectable<CampaignsTable>;
  /** This court's live departments by name. */
  departments: Map<string, string>;
  /** Unknown name in the file → existing department id, or NEW_DEPARTMENT (checked against this court's). */
  departmentMap: Record<string, string>;
  /** Section titles (numbering stripped) → id, as this court sees the campaign. */
  sections: Map<string, string>;
  /** "section id or empty|title" of this court's live items. */
  existingTitles: Set<string>;
  /** Items in a campaign issued to this court are its own additions (自选动作). */
  issuedToUs: boolean;
}

async function importContext(
  ctx: ServiceContext,
  campaignId: string,
  departmentMap: Record<string, string>,
): Promise<Context> {
  const campaign = await loadCampaignRow(ctx, campaignId);
  const own = await ownCourtCode(ctx);
  const [departments, sections, items] = await Promise.all([
    ctx.db
      .selectFrom('departments')
      .select(['id', 'name'])
      .where('origin', '=', own)
      .where('deletedAt', 'is', null)
      .orderBy('sortOrder')
      .orderBy('name')
      .execute(),
    listSections(ctx, campaign),
    ctx.db
      .selectFrom('items')
      .select(['sectionId', 'title'])
      .where('campaignId', '=', campaignId)
      .where('origin', '=', own)
      .where('deletedAt', 'is', null)
      .execute(),
  ]);
  const sectionIds = new Map<string, string>();
  for (const section of sections)
    if (!sectionIds.has(stripNumbering(section.title))) sectionIds.set(stripNumbering(section.title), section.id);
  const departmentIds = new Set(departments.map((d) => d.id));
  for (const [name, target] of Object.entries(departmentMap)) {
    if (target === NEW_DEPARTMENT) {
      // Creating a department is an administrator's, as in 设置 → 部门.
      if (!hasRole(requireUser(ctx), 'admin'))
        throw new ApiError('E_FORBIDDEN', `只有管理员可以新建部门。请为“${name}”选择本院已有的部门，或请管理员导入。`, {
          [`departmentMap.${name}`]: '只有管理员可以新建部门',
        });
    } else if (!departmentIds.has(target)) {
      throw new ApiError('E_NOT_FOUND', `为“${name}”选择的部门已不存在，请重新选择。`, {
        [`departmentMap.${name}`]: '所选部门已不存在',
      });
    }
  }
  return {
    campaign,
    departments: new Map(departments.map((d) => [d.name.replace(/\s+/g, ''), d.id])),
    departmentMap,
    sections: sectionIds,
    existingTitles: new Set(items.map((item) => `${item.sectionId ?? ''}|${item.title.trim()}`)),
    issuedToUs: campaign.origin !== own,
  };
}

/** A checked row plus what the writer needs (ids resolved), kept out of the answer. */
interface CheckedRow extends TemplateImportRow {
  departmentId: string | null;
  /** The lead department to create on confirm (mapped to NEW_DEPARTMENT); departmentId is then null. */
  newDepartment: string | null;
  sectionKey: string;
}

const LIMITS: Array<[keyof TemplateImportRow & TemplateField, number]> = [
  ['title', 200],
  ['content', 4000],
  ['leadLeader', 40],
  ['owner', 40],
  ['section', 100],
];

function checkRows(
  grid: Grid,
  header: GridRow,
  mapping: Partial<Record<TemplateField, number | null>>,
  context: Context,
): { rows: CheckedRow[]; unknownDepartments: string[] } {
  const { campaign } = context;
  const unknownDepartments = new Set<string>();
  const departmentNames = [...context.departments.keys()];
  const knownDepartments = departmentNames.length > 0 ? departmentNames.join('、') : '（本院尚未设置部门）';
  const at = (row: GridRow, field: TemplateField) => {
    const index = mapping[field];
    return index === null || index === undefined ? '' : (row.texts[index] ?? '');
  };
  const checked: CheckedRow[] = [];
  const seen = new Map<string, number>();
  let currentSection = '';
  for (const row of grid.rows) {
    if (row.number <= header.number) continue;
    if (!row.texts.some(Boolean)) continue;
    const section = sectionTitle(row);
    // A row that only repeats a section name under a mapped section column is still an item row.
    if (section !== null && !(mapping.section !== null && mapping.section !== undefined && at(row, 'title'))) {
      currentSection = section;
      continue;
    }
    const errors: string[] = [];
    let titleText = at(row, 'title');
    let content = at(row, 'content');
    if (mapping.content === null || mapping.content === undefined) {
      // No content column: a task cell written as its title, then the content on the next lines
      // (as the 推进清单 workbook saved from this program writes it).
      const [first, ...rest] = titleText.split(/\r?\n/);
      if (rest.join('').trim()) [titleText, content] = [first, rest.join('\n').trim()];
    }
    const title = titleText.replace(/\s+/g, ' ').trim();
    const sectionText =
      mapping.section !== null && mapping.section !== undefined
        ? stripNumbering(at(row, 'section')) || currentSection
        : currentSection;
    if (!title) errors.push('缺少任务名称');

    // Deadline.
    const deadlineIndex = mapping.deadline;
    const deadlineRaw = deadlineIndex === null || deadlineIndex === undefined ? null : row.values[deadlineIndex];
    const frequency = parseFrequency(deadlineRaw ?? null);
    // 每月, 每季度: recurring until the campaign ends.
    const deadline = frequency
      ? { date: campaign.endDate ?? null, longTerm: false }
      : parseDeadline(deadlineRaw ?? null, campaign.year);
    let deadlineDate: string | null = null;
    if (!deadline)
      errors.push(
        `完成时限“${cellText(deadlineRaw ?? null)}”无法识别，请写成 2026-12-31、2026年12月31日、12月底，或“每月”“每季度”`,
      );
    else {
      deadlineDate = deadline.date;
      if (deadline.longTerm)
        content = content
          ? `${content}\n（完成时限：${cellText(deadlineRaw ?? null)}）`
          : `（完成时限：${cellText(deadlineRaw ?? null)}）`;
      if (
        deadlineDate &&
        ((campaign.startDate && deadlineDate < campaign.startDate) ||
          (campaign.endDate && deadlineDate > campaign.endDate))
      ) {
        errors.push(
          `完成时限 ${deadlineDate} 不在活动期间（${campaign.startDate ?? '不限'} 至 ${campaign.endDate ?? '不限'}）内`,
        );
      }
    }

    // Department: the first named leads; the rest are noted as helpers.
    const departmentText = at(row, 'department');
    let departmentId: string | null = null;
    let newDepartment: string | null = null;
    if (departmentText) {
      const names = departmentText.split(DEPARTMENT_SPLIT).filter(Boolean);
      for (const name of names) if (!context.departments.has(name)) unknownDepartments.add(name);
      // An unknown name the preview mapped: to an existing department, or one created on confirm.
      const nameOf = new Map([...context.departments].map(([name, id]) => [id, name]));
      const resolved = names.map((name) => {
        if (context.departments.has(name)) return name;
        const target = context.departmentMap[name];
        if (target === NEW_DEPARTMENT) return name;
        return target ? (nameOf.get(target) ?? null) : null;
      });
      const missing = names.filter((_, index) => resolved[index] === null);
      if (missing.length > 0) {
        errors.push(
          `责任部门“${missing.join('、')}”不存在，本院的部门有：${knownDepartments}。请在上方为它选择本院的部门或新建部门，或改正文件`,
        );
      } else {
        const [lead, ...helpers] = [...new Set(resolved as string[])];
        departmentId = context.departments.get(lead) ?? null;
        if (departmentId === null) newDepartment = lead;
        for (const name of names.filter((n) => n.length > 40)) errors.push(`责任部门“${name}”超过 40 个字`);
        if (helpers.length > 0)
          content = content ? `${content}\n配合部门：${helpers.join('、')}` : `配合部门：${helpers.join('、')}`;
      }
    }

    // Kind.
    const kindText = at(row, 'kind');
    let kind: 'mandatory' | 'own' = context.issuedToUs ? 'own' : 'mandatory';
    if (kindText) {
      const parsed = parseKind(kindText);
      if (!parsed) errors.push(`类别“${kindText}”无法识别，应为“规定动作”或“自选动作”`);
      else if (!context.issuedToUs) kind = parsed;
    }

    const result: CheckedRow = {
      rowNumber: row.number,
      errors,
      section: sectionText,
      title,
      content,
      leadLeader: at(row, 'leadLeader'),
      department: departmentText,
      owner: at(row, 'owner'),
      deadline: deadlineDate,
      frequency: frequency ?? 'once',
      kind,
      departmentId,
      newDepartment,
      sectionKey: sectionText,
    };
    for (const [field, limit] of LIMITS) {
      if ([...String(result[field])].length > limit) errors.push(`${FIELD_LABEL[field]}超过 ${limit} 个字`);
    }

    // The same task twice in a section: once in the file, or already in the checklist.
    if (title) {
      const key = `${sectionText}|${title}`;
      const earlier = seen.get(key);
      const sectionId = sectionText ? context.sections.get(sectionText) : undefined;
      if (earlier !== undefined) errors.push(`与第 ${earlier} 行任务名称重复`);
      else if ((sectionId !== undefined || !sectionText) && context.existingTitles.has(`${sectionId ?? ''}|${title}`)) {
        errors.push(sectionText ? `栏目“${sectionText}”中已有同名事项` : '清单中已有同名事项（未分栏目）');
      }
      if (earlier === undefined) seen.set(key, row.number);
    }
    checked.push(result);
  }
  if (checked.length > MAX_IMPORT_ROWS) {
    throw new ApiError(
      'E_INVALID',
      `文件中有 ${checked.length} 行事项，一次最多导入 ${MAX_IMPORT_ROWS} 行，请分成几个文件导入。`,
    );
  }
  return { rows: checked, unknownDepartments: [...unknownDepartments] };
}

/** Columns with something in them that no field takes (序号 and 编号 are the app's own numbering). */
function ignoredColumns(columns: TemplateColumn[], mapping: Partial<Record<TemplateField, number | null>>): string[] {
  const used = new Set(Object.values(mapping).filter((index) => typeof index === 'number'));
  return columns
    .filter((column) => !used.has(column.index))
    .filter((column) => !['序号', '编号'].includes(normalizeHeader(column.header)))
    .filter((column) => column.samples.length > 0 || !column.header.startsWith('列 '))
    .map((column) => column.header);
}

/** Preview, or (confirm) write the new sections and the good rows, all in one transaction. */
export async function importTemplate(
  ctx: ServiceContext,
  input: ParsedInput<'items.importTemplate'>,
): Promise<TemplateImport> {
  const context = await importContext(ctx, input.campaignId, input.departmentMap);
  if (context.campaign.status === 'closed')
    throw new ApiError('E_CLOSED', '这个专项活动已结束，不能再导入事项。如需导入，请先重新启用活动。');
  const workbook = await loadWorkbook(input.dataBase64);
  const sheet = pickSheet(workbook, input.sheet);
  const grid = readGrid(sheet);
  const header = findHeaderRow(grid);
  if (!header) {
    throw new ApiError(
      'E_INVALID',
      `在工作表“${sheet.name}”的前 30 行中没有找到表头。表头应包含“任务”“责任部门”“完成时限”等列名中的至少两个。`,
      { sheet: '没有找到表头' },
    );
  }
  const mapping = { ...guessMapping(header), ...(input.mapping ?? {}) };
  const columns = describeColumns(grid, header);
  const { rows, unknownDepartments } = checkRows(grid, header, mapping, context);
  const good = rows.filter((row) => row.errors.length === 0);
  const used = input.confirm ? good : rows;
  const newSections = [
    ...new Set(used.map((row) => row.sectionKey).filter((title) => title && !context.sections.has(title))),
  ];
  // Departments to create: the lead of a written row, or a helper noted beside it.
  const newDepartments = unknownDepartments.filter(
    (name) =>
      context.departmentMap[name] === NEW_DEPARTMENT &&
      used.some((row) => row.department.split(DEPARTMENT_SPLIT).includes(name)),
  );
  const answer = (written: TemplateImport['written'], sectionsShown: string[]): TemplateImport => ({
    fileName: input.fileName,
    sheets: workbook.worksheets.map((s) => s.name),
    sheet: sheet.name,
    headerRow: header.number,
    columns,
    mapping,
    rows: rows.map(({ departmentId: _d, newDepartment: _n, sectionKey: _s, ...row }) => row),
    goodRows: good.length,
    badRows: rows.length - good.length,
    newSections: sectionsShown,
    unknownDepartments,
    departmentMap: Object.fromEntries(
      Object.entries(context.departmentMap).filter(([name]) => unknownDepartments.includes(name)),
    ),
    ignoredColumns: ignoredColumns(columns, mapping),
    written,
  });
  if (!input.confirm) return answer(null, newSections);

  refuseProblemRows(rows, input.skipInvalid);
  if (good.length === 0) throw new ApiError('E_INVALID', '文件中没有可以导入的事项。');
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const departmentIds = new Map<string, string>();
    if (newDepartments.length > 0) {
      const last = await writer.trx
        .selectFrom('departments')
        .select((eb) => eb.fn.max('sortOrder').as('max'))
        .where('origin', '=', actor.court)
        .executeTakeFirst();
      let order = last?.max ?? 0;
      for (const name of newDepartments) {
        const department = await writer.insert('departments', { name, headName: '', sortOrder: (order += 1) });
        departmentIds.set(name, department.id);
      }
    }
    const sectionIds = new Map(context.sections);
    const lastTop = await writer.trx
      .selectFrom('sections')
      .select((eb) => eb.fn.max('sortOrder').as('max'))
      .where('campaignId', '=', context.campaign.id)
      .where('parentId', 'is', null)
      .executeTakeFirst();
    let sectionOrder = lastTop?.max ?? 0;
    for (const title of newSections) {
      sectionOrder += 1;
      const section = await writer.insert('sections', {
        campaignId: context.campaign.id,
        parentId: null,
        title,
        sortOrder: sectionOrder,
      });
      sectionIds.set(title, section.id);
    }
    // Each section's items go after what it already holds, in the file's order.
    const lastOrders = new Map<string | null, number>(
      (
        await writer.trx
          .selectFrom('items')
          .select(['sectionId', (eb) => eb.fn.max('sortOrder').as('max')])
          .where('campaignId', '=', context.campaign.id)
          .where('origin', '=', actor.court)
          .groupBy('sectionId')
          .execute()
      ).map((row) => [row.sectionId, row.max ?? 0]),
    );
    for (const row of good) {
      const sectionId = row.sectionKey ? (sectionIds.get(row.sectionKey) ?? null) : null;
      const sortOrder = (lastOrders.get(sectionId) ?? 0) + ORDER_GAP;
      lastOrders.set(sectionId, sortOrder);
      await writer.insert('items', {
        campaignId: context.campaign.id,
        sectionId,
        sortOrder,
        title: row.title,
        content: row.content,
        kind: row.kind,
        leadLeader: row.leadLeader,
        departmentId: row.newDepartment ? (departmentIds.get(row.newDepartment) ?? null) : row.departmentId,
        owner: row.owner,
        deadline: row.deadline,
        frequency: row.frequency,
        status: 'not_started',
        percent: 0,
        completedAt: null,
        completedLate: 0,
      });
    }
  });
  return answer({ items: good.length, sections: newSections.length, departments: newDepartments.length }, newSections);
}
