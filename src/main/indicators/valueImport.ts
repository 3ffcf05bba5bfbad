// Importing indicator values from Excel (导入指标数值): a sheet of 指标名称 | 期间 | 数值 | 说明 rows.
// Each row is matched to an indicator of the campaign by name and checked by the same rules as
// entering one value by hand (period kind, no future period, 0–100 for %, whole numbers of
// cases); a period already entered is replaced. A preview writes nothing; confirm writes all good
// rows in one transaction.
import type { ParsedInput } from '../../shared/api';
import type { IndicatorImport, IndicatorImportRow } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { loadCampaignRow } from '../campaigns/campaigns';
import { currentActor, ownCourtCode, timestamp, today } from '../court/courtProfile';
import { withChanges } from '../data/ownedRows';
import {
  cellText,
  isoDay,
  loadWorkbook,
  MAX_IMPORT_ROWS,
  normalizeHeader,
  pickSheet,
  readGrid,
  refuseProblemRows,
  type GridRow,
} from '../workbooks/readWorkbook';
import { campaignIndicators, valueProblems } from './indicators';

type Column = 'name' | 'period' | 'value' | 'note';
const HEADERS: Record<Column, string[]> = {
  name: ['指标名称', '指标', '名称', '指标项'],
  period: ['期间', '统计期间', '报送期间', '月份', '季度', '时间', '统计时间'],
  value: ['数值', '指标值', '数据', '值', '完成值', '实际值'],
  note: ['说明', '备注', '情况说明'],
};

function columnOf(text: string): Column | null {
  const header = normalizeHeader(text);
  for (const column of Object.keys(HEADERS) as Column[]) if (HEADERS[column].includes(header)) return column;
  return null;
}

const QUARTERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * 2026-10, 2026年10月, 2026.10, 2026/10, a date cell (its month) → 2026-10;
 * 2026年第三季度, 2026年三季度, 2026-Q3, 2026Q3 → 2026-Q3. undefined when unreadable.
 */
export function parsePeriod(value: unknown): string | undefined {
  if (value instanceof Date) return isoDay(value).slice(0, 7);
  const text = cellText(value as never).replace(/\s+/g, '');
  let m = /^(\d{4})[年.\-/](\d{1,2})月?(?:份)?$/.exec(text);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? `${m[1]}-${pad(month)}` : undefined;
  }
  m = /^(\d{4})-(\d{2})-\d{2}$/.exec(text);
  if (m) return `${m[1]}-${m[2]}`;
  m = /^(\d{4})[-年]?(?:第)?([一二三四1-4])季度$/.exec(text) ?? /^(\d{4})-?[Qq]([1-4])$/.exec(text);
  if (m) return `${m[1]}-Q${QUARTERS[m[2]]}`;
  return undefined;
}

/** A number cell, or text like 94.2 / 94.2% / 1,234; a percentage-formatted cell (0.942) reads 94.2. */
function parseNumber(row: GridRow, index: number): number | null | undefined {
  const value = row.values[index];
  if (typeof value === 'number')
    return /%/.test(row.formats[index] ?? '') ? Math.round(value * 100 * 1e9) / 1e9 : value;
  const text = (row.texts[index] ?? '').replace(/[,，\s]/g, '').replace(/%$/, '');
  if (!text) return null;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}

interface CheckedValue extends IndicatorImportRow {
  existingId: string | null;
}

export async function importValues(
  ctx: ServiceContext,
  input: ParsedInput<'indicators.importValues'>,
): Promise<IndicatorImport> {
  const campaign = await loadCampaignRow(ctx, input.campaignId);
  const own = await ownCourtCode(ctx);
  const workbook = await loadWorkbook(input.dataBase64);
  const grid = readGrid(pickSheet(workbook, undefined));
  const header = grid.rows.slice(0, 30).find((row) => {
    const found = new Set(row.texts.map(columnOf));
    return found.has('name') && found.has('value');
  });
  if (!header)
    throw new ApiError('E_INVALID', '没有找到表头。表头应包含“指标名称”“期间”“数值”“说明”这几列。', {
      dataBase64: '没有找到表头',
    });
  const index: Partial<Record<Column, number>> = {};
  header.texts.forEach((text, i) => {
    const column = columnOf(text);
    if (column && index[column] === undefined) index[column] = i;
  });

  const indicators = await campaignIndicators(ctx, campaign);
  const byName = new Map(indicators.map((row) => [row.name.replace(/\s+/g, ''), row]));
  const held = indicators.length
    ? await ctx.db
        .selectFrom('indicatorValues')
        .select(['id', 'indicatorId', 'period'])
        .where(
          'indicatorId',
          'in',
          indicators.map((row) => row.id),
        )
        .where('origin', '=', own)
        .where('deletedAt', 'is', null)
        .execute()
    : [];
  const heldIds = new Map(held.map((row) => [`${row.indicatorId}|${row.period}`, row.id]));
  const day = today(ctx);
  const text = (row: GridRow, column: Column) => (index[column] === undefined ? '' : (row.texts[index[column]!] ?? ''));

  const rows: CheckedValue[] = [];
  const seen = new Map<string, number>();
  for (const row of grid.rows) {
    if (row.number <= header.number || !row.texts.some(Boolean)) continue;
    const errors: string[] = [];
    const name = text(row, 'name').replace(/\s+/g, '');
    const indicator = name ? byName.get(name) : undefined;
    if (!name) errors.push('缺少指标名称');
    else if (!indicator) errors.push(`本活动没有名为“${name}”的指标`);
    const periodCell = index.period === undefined ? null : row.values[index.period];
    const periodText = text(row, 'period');
    const period = parsePeriod(periodCell ?? '');
    if (!periodText && !(periodCell instanceof Date)) errors.push('缺少期间');
    else if (!period) errors.push(`期间“${periodText}”无法识别，请写成 2026-10、2026年10月 或 2026年第三季度`);
    const value = index.value === undefined ? null : parseNumber(row, index.value);
    if (value === null) errors.push('缺少数值');
    else if (value === undefined) errors.push(`数值“${text(row, 'value')}”不是数字`);
    const note = text(row, 'note');
    if ([...note].length > 1000) errors.push('说明超过 1000 个字');
    if (indicator && period && typeof value === 'number')
      errors.push(...valueProblems(indicator, period, value, day, 'type').map((problem) => problem.message));
    let existingId: string | null = null;
    if (indicator && period) {
      const key = `${indicator.id}|${period}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) errors.push(`与第 ${earlier} 行是同一指标的同一期间`);
      else seen.set(key, row.number);
      existingId = heldIds.get(key) ?? null;
    }
    rows.push({
      rowNumber: row.number,
      errors,
      indicatorName: name,
      indicatorId: indicator?.id ?? null,
      period: period ?? periodText,
      value: typeof value === 'number' ? value : null,
      note,
      replaces: existingId !== null,
      existingId,
    });
  }
  if (rows.length > MAX_IMPORT_ROWS)
    throw new ApiError(
      'E_INVALID',
      `文件中有 ${rows.length} 行数值，一次最多导入 ${MAX_IMPORT_ROWS} 行，请分成几个文件导入。`,
    );

  const good = rows.filter((row) => row.errors.length === 0);
  const answer = (written: number | null): IndicatorImport => ({
    fileName: input.fileName,
    rows: rows.map(({ existingId: _e, ...row }) => row),
    goodRows: good.length,
    badRows: rows.length - good.length,
    written,
  });
  if (!input.confirm) return answer(null);
  refuseProblemRows(rows, input.skipInvalid);
  if (good.length === 0) throw new ApiError('E_INVALID', '文件中没有可以导入的数值。');
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    for (const row of good) {
      const fields = { value: row.value!, note: row.note, enteredBy: actor.displayName };
      if (row.existingId) await writer.update('indicatorValues', row.existingId, undefined, fields);
      else
        await writer.insert('indicatorValues', {
          indicatorId: row.indicatorId!,
          period: row.period,
          evidenceSha256: null,
          evidenceName: null,
          ...fields,
        });
    }
  });
  return answer(good.length);
}
