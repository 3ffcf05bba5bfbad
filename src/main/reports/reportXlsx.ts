// Reports as editable workbooks (exceljs): the same columns as the printed tables, title rows, the
// header row frozen and repeated when printed, wrapped text and borders. The sheet set-up here is
// shared by every kind; the checklist report's sheet is built here too. Clerks edit and forward
// these the way they do today's sheets.
import ExcelJS from 'exceljs';
import type { ChecklistReport, ChecklistReportRow } from './checklistReport';
import { CHECKLIST_COLUMNS } from './reportHtml';

export const CHECKLIST_SHEET = '推进清单';

/** Column widths in characters, in CHECKLIST_COLUMNS order. */
const COLUMN_WIDTHS = [6, 46, 12, 14, 12, 42, 15];

// Faces every Windows and WPS installation has; Excel substitutes nothing surprising for them.
export const TITLE_FONT = '宋体';
export const BODY_FONT = '仿宋';

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
 * in the footer. Returns the sheet; the rows start at HEADER_ROW + 1.
 */
export function tableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  options: {
    title: string;
    subtitle: string;
    columns: ReadonlyArray<{ title: string; width: number; key?: string }>;
    landscape: boolean;
  },
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: options.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { top: 0.98, bottom: 0.79, left: 0.79, right: 0.79, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '第 &P 页 共 &N 页' },
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

  const header = sheet.getRow(HEADER_ROW);
  options.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.title;
    cell.font = { name: TITLE_FONT, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } };
    cell.border = BORDER;
  });
  header.height = 24;
  return sheet;
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

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
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
