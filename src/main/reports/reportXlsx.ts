// Reports as editable workbooks (exceljs): the same columns as the printed tables, title rows, the
// header row frozen and repeated when printed, wrapped text and borders. The sheet set-up here is
// shared by every kind; the checklist report's sheet is built here too. Clerks edit and forward
// these the way they do today's sheets.
import ExcelJS from 'exceljs';
import type { ChecklistReport, ChecklistReportRow } from './checklistReport';
import { CHECKLIST_COLUMNS } from './reportHtml';
import { OFFICE_FONTS } from './fonts/fontStacks';
import { layoutWorkbook, PAGE_FOOTER, pageSetup } from './xlsxLayout';

export const CHECKLIST_SHEET = '推进清单';

/** Column widths in characters, in CHECKLIST_COLUMNS order. */
const COLUMN_WIDTHS = [6, 46, 12, 14, 13, 42, 18];

// Faces every Windows and WPS installation has; Excel substitutes nothing surprising for them.
export const TITLE_FONT = OFFICE_FONTS.tableTitle;
export const BODY_FONT = OFFICE_FONTS.tableBody;

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Rows above the table: the title, then the court and date. The header row follows them. */
export const HEADER_ROW = 3;

/** A new workbook written in the court's name. */
export function newWorkbook(creator: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  return workbook;
}

/**
 * A sheet laid out as a printed table: title (row 1) and date line (row 2) merged across the
 * columns, the header in HEADER_ROW frozen and repeated on every printed A4 page, page numbers
 * in the footer. Returns the sheet; the rows start at HEADER_ROW + 1. A sheet that holds more than
 * one table (`header: false`) gets no header row here: it writes each table's own with headerRow()
 * and names the one to repeat with repeatHeaderRow().
 */
export function tableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  options: {
    title: string;
    subtitle: string;
    columns: ReadonlyArray<{ title: string; width: number; key?: string }>;
    landscape: boolean;
    header?: boolean;
  },
): ExcelJS.Worksheet {
  const withHeader = options.header !== false;
  const sheet = workbook.addWorksheet(name, {
    views: withHeader ? [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }] : [],
    pageSetup: pageSetup(options.landscape, withHeader ? HEADER_ROW : null),
    headerFooter: { oddFooter: PAGE_FOOTER },
  });
  const lastColumn = options.columns.length;
  sheet.columns = options.columns.map((column, index) => ({ key: column.key ?? `c${index}`, width: column.width }));

  const title = sheet.getRow(1);
  title.getCell(1).value = options.title;
  title.getCell(1).font = { name: TITLE_FONT, size: 18, bold: true };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  title.height = 36;
  sheet.mergeCells(1, 1, 1, lastColumn);

  const date = sheet.getRow(2);
  date.getCell(1).value = options.subtitle;
  date.getCell(1).font = { name: BODY_FONT, size: 12 };
  date.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  date.height = 22;
  sheet.mergeCells(2, 1, 2, lastColumn);

  if (withHeader)
    headerRow(
      sheet,
      HEADER_ROW,
      options.columns.map((column) => column.title),
    );
  return sheet;
}

/** A table's header row: bold, centred, shaded, bordered; an empty title leaves its cell blank. */
export function headerRow(sheet: ExcelJS.Worksheet, rowNumber: number, titles: readonly string[]): ExcelJS.Row {
  const header = sheet.getRow(rowNumber);
  titles.forEach((text, index) => {
    const cell = header.getCell(index + 1);
    cell.value = text;
    cell.font = { name: TITLE_FONT, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } };
    cell.border = BORDER;
  });
  header.height = 24;
  return header;
}

/** Repeats this row at the top of every printed page (the table that runs over pages). */
export function repeatHeaderRow(sheet: ExcelJS.Worksheet, rowNumber: number): void {
  sheet.pageSetup.printTitlesRow = `${rowNumber}:${rowNumber}`;
}

/** A group heading row merged across the table, bold. */
export function groupRow(sheet: ExcelJS.Worksheet, rowNumber: number, text: string, lastColumn: number): void {
  const row = sheet.getRow(rowNumber);
  row.getCell(1).value = text;
  sheet.mergeCells(rowNumber, 1, rowNumber, lastColumn);
  row.getCell(1).font = { name: BODY_FONT, size: 12, bold: true };
  row.getCell(1).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  row.getCell(1).border = BORDER;
  row.height = 22;
}

/** One table row: values, borders, wrapped body text; `left` columns (1-based) align left. */
export function bodyRow(
  sheet: ExcelJS.Worksheet,
  rowNumber: number,
  values: ExcelJS.CellValue[],
  left: readonly number[],
  bold: readonly number[] = [],
): ExcelJS.Row {
  const row = sheet.getRow(rowNumber);
  row.values = values;
  for (let column = 1; column <= values.length; column += 1) {
    const cell = row.getCell(column);
    cell.font = { name: BODY_FONT, size: 12, bold: bold.includes(column) };
    cell.alignment = { horizontal: left.includes(column) ? 'left' : 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  }
  return row;
}

/** The file's bytes, every row given the height its text needs and every sheet its print area. */
export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  layoutWorkbook(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ── The checklist report (推进清单) ──

function taskCell(row: ChecklistReportRow): ExcelJS.CellValue {
  const content = row.content.trim();
  if (!content) return row.title;
  return {
    richText: [
      { text: row.title, font: { name: BODY_FONT, size: 12 } },
      { text: `\n${content}`, font: { name: BODY_FONT, size: 10, color: { argb: 'FF404040' } } },
    ],
  };
}

const progressText = (row: ChecklistReportRow) => (row.progress ? `${row.progress.date}\n${row.progress.text}` : '');

export async function checklistReportXlsx(report: ChecklistReport): Promise<Buffer> {
  const workbook = newWorkbook(report.courtName);
  const sheet = tableSheet(workbook, CHECKLIST_SHEET, {
    title: `${report.courtName}${report.campaignTitle}推进清单`,
    subtitle: `（${report.reportDate}）`,
    columns: CHECKLIST_COLUMNS.map((column, index) => ({
      title: column.title,
      key: column.key,
      width: COLUMN_WIDTHS[index],
    })),
    landscape: true,
  });
  const lastColumn = CHECKLIST_COLUMNS.length;
  let rowNumber = HEADER_ROW;
  for (const group of report.groups) {
    if (group.heading !== null) {
      rowNumber += 1;
      groupRow(sheet, rowNumber, `${'　'.repeat(Math.min(group.depth, 3))}${group.heading}`, lastColumn);
    }
    for (const item of group.rows) {
      rowNumber += 1;
      bodyRow(
        sheet,
        rowNumber,
        [item.number, taskCell(item), item.leadLeader, item.department, item.deadline, progressText(item), item.status],
        [2, 6],
        item.overdue ? [lastColumn] : [],
      );
    }
  }
  return workbookBuffer(workbook);
}
