// Reading an uploaded Excel workbook (.xlsx) for the imports (checklist templates, indicator
// values): the sheet as rows of the text a person sees, header words compared loosely, and the
// shared refusals (unreadable file, too many rows, problem rows without 跳过有问题的行).
import type ExcelJS from 'exceljs';
import { cleanParagraphs } from '../../shared/api';
import { ApiError } from '../api/errors';

/** More rows than any real import; a bigger sheet is almost surely the wrong file. */
export const MAX_IMPORT_ROWS = 5000;
const UNREADABLE = '无法读取该 Excel 文件，请确认它是用 Excel 或 WPS 保存的 .xlsx 文件，且没有损坏或加密。';

/** One sheet row as text per column (a merged cell's text in every column it covers). */
export interface GridRow {
  /** 1-based, as Excel shows it. */
  number: number;
  texts: string[];
  /** The cell values as exceljs gives them (Date for date cells), for fields that need more than text. */
  values: ExcelJS.CellValue[];
  /** Number formats per column, so a percentage cell (0.942 shown as 94.2%) reads as 94.2. */
  formats: string[];
  /** Some cell of the row is merged with a neighbour in the same row. */
  mergedAcross: boolean;
}

export interface Grid {
  name: string;
  rows: GridRow[];
  columnCount: number;
}

export async function loadWorkbook(dataBase64: string): Promise<ExcelJS.Workbook> {
  // exceljs (about a megabyte of code) is loaded with the first workbook, not at start-up.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(dataBase64, 'base64') as unknown as ExcelJS.Buffer);
  } catch {
    throw new ApiError('E_INVALID', UNREADABLE, { dataBase64: '无法读取该 Excel 文件' });
  }
  if (workbook.worksheets.length === 0)
    throw new ApiError('E_INVALID', UNREADABLE, { dataBase64: '无法读取该 Excel 文件' });
  return workbook;
}

/** The text a person sees in a cell: rich text joined, formulas by their result, dates as 2026-12-31;
 * control characters dealt with as the API's text fields do (cleanParagraphs). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return cleanParagraphs(value).trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return isoDay(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return cleanParagraphs(value.richText.map((part) => part.text).join('')).trim();
    if ('formula' in value || 'sharedFormula' in value)
      return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in value) return cellText((value as ExcelJS.CellHyperlinkValue).text);
    if ('error' in value) return '';
  }
  return '';
}

/** The underlying value of a formula cell, otherwise the value itself. */
export function plainValue(value: ExcelJS.CellValue): ExcelJS.CellValue {
  if (
    value &&
    typeof value === 'object' &&
    !(value instanceof Date) &&
    ('formula' in value || 'sharedFormula' in value)
  ) {
    return ((value as ExcelJS.CellFormulaValue).result ?? null) as ExcelJS.CellValue;
  }
  return value;
}

/** Excel stores dates at midnight; exceljs may land a hair off it, so round to the nearest day. */
export function isoDay(date: Date): string {
  const day = 86_400_000;
  return new Date(Math.round(date.getTime() / day) * day).toISOString().slice(0, 10);
}

/** The sheet as rows of text; a sheet far over the limit is refused before it is read (section and title rows leave room). */
export function readGrid(sheet: ExcelJS.Worksheet, maxRows = MAX_IMPORT_ROWS * 2): Grid {
  if (sheet.actualRowCount > maxRows) {
    throw new ApiError(
      'E_INVALID',
      `这张工作表有 ${sheet.actualRowCount} 行，一次最多导入 ${MAX_IMPORT_ROWS} 行，请分成几个文件导入。`,
    );
  }
  const columnCount = Math.min(Math.max(sheet.columnCount, 0), 201);
  const rows: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const texts: string[] = [];
    const values: ExcelJS.CellValue[] = [];
    const formats: string[] = [];
    let mergedAcross = false;
    for (let column = 1; column <= columnCount; column += 1) {
      const cell = row.getCell(column);
      // A merged cell's followers hand back the master's value; the master says how far it reaches.
      const source = cell.isMerged ? cell.master : cell;
      if (cell.isMerged && source.row === cell.row && source.col !== cell.col) mergedAcross = true;
      const value = plainValue(source.value);
      values.push(value);
      texts.push(cellText(value));
      formats.push(source.numFmt ?? '');
    }
    rows.push({ number, texts, values, formats, mergedAcross });
  });
  return { name: sheet.name, rows, columnCount };
}

/** The first sheet with any data, or the one asked for by name. */
export function pickSheet(workbook: ExcelJS.Workbook, name: string | undefined): ExcelJS.Worksheet {
  if (name) {
    const sheet = workbook.worksheets.find((s) => s.name === name);
    if (!sheet)
      throw new ApiError('E_INVALID', `文件里没有名为“${name}”的工作表，请重新选择。`, { sheet: '请重新选择工作表' });
    return sheet;
  }
  return workbook.worksheets.find((s) => s.actualRowCount > 0) ?? workbook.worksheets[0];
}

/** Header text compared without spaces, line breaks or brackets: "完成\n时限" is 完成时限. */
export const normalizeHeader = (text: string) => text.replace(/[\s（）()【】[\]:：*＊]/g, '');

/** Confirming an import with problem rows needs 跳过有问题的行; the refusal names the first few rows. */
export function refuseProblemRows(
  rows: ReadonlyArray<{ rowNumber: number; errors: string[] }>,
  skipInvalid: boolean | undefined,
): void {
  const badRows = rows.filter((row) => row.errors.length > 0);
  const bad = badRows.length;
  if (bad > 0 && !skipInvalid) {
    throw new ApiError(
      'E_INVALID',
      `有 ${bad} 行存在问题（第 ${badRows
        .slice(0, 5)
        .map((r) => r.rowNumber)
        .join('、')}${bad > 5 ? ' 等' : ' '}行），请改正文件后重新导入，或选择“跳过有问题的行”。`,
    );
  }
}
