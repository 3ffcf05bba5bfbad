// The checklist report as an editable workbook (exceljs): the same columns as the printed table,
// title rows, the header row frozen and repeated when printed, section rows merged and bold,
// wrapped text and borders. Clerks edit and forward it the way they do today's sheets.
import ExcelJS from 'exceljs';
import type { ChecklistReport, ChecklistReportRow } from './checklistReport';
import { CHECKLIST_COLUMNS } from './reportHtml';

export const CHECKLIST_SHEET = '推进清单';

/** Column widths in characters, in CHECKLIST_COLUMNS order. */
const COLUMN_WIDTHS = [6, 46, 12, 14, 12, 42, 15];

// Faces every Windows and WPS installation has; Excel substitutes nothing surprising for them.
const TITLE_FONT = '宋体';
const BODY_FONT = '仿宋';

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Rows above the table: the title, then the court and date. The header row follows them. */
export const HEADER_ROW = 3;

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
  const workbook = new ExcelJS.Workbook();
  workbook.creator = report.courtName;
  const sheet = workbook.addWorksheet(CHECKLIST_SHEET, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { top: 0.98, bottom: 0.79, left: 0.79, right: 0.79, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '第 &P 页 共 &N 页' },
  });
  const lastColumn = CHECKLIST_COLUMNS.length;
  sheet.columns = CHECKLIST_COLUMNS.map((column, index) => ({ key: column.key, width: COLUMN_WIDTHS[index] }));

  const title = sheet.getRow(1);
  title.getCell(1).value = `${report.courtName}${report.campaignTitle}推进清单`;
  title.getCell(1).font = { name: TITLE_FONT, size: 18, bold: true };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  title.height = 36;
  sheet.mergeCells(1, 1, 1, lastColumn);

  const date = sheet.getRow(2);
  date.getCell(1).value = `（${report.reportDate}）`;
  date.getCell(1).font = { name: BODY_FONT, size: 12 };
  date.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  date.height = 22;
  sheet.mergeCells(2, 1, 2, lastColumn);

  const header = sheet.getRow(HEADER_ROW);
  CHECKLIST_COLUMNS.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.title;
    cell.font = { name: TITLE_FONT, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } };
    cell.border = BORDER;
  });
  header.height = 24;

  let rowNumber = HEADER_ROW;
  for (const group of report.groups) {
    if (group.heading !== null) {
      rowNumber += 1;
      const row = sheet.getRow(rowNumber);
      row.getCell(1).value = `${'　'.repeat(Math.min(group.depth, 3))}${group.heading}`;
      sheet.mergeCells(rowNumber, 1, rowNumber, lastColumn);
      row.getCell(1).font = { name: BODY_FONT, size: 12, bold: true };
      row.getCell(1).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
      row.getCell(1).border = BORDER;
      row.height = 22;
    }
    for (const item of group.rows) {
      rowNumber += 1;
      const row = sheet.getRow(rowNumber);
      row.values = [item.number, taskCell(item), item.leadLeader, item.department, item.deadline, progressText(item), item.status];
      for (let column = 1; column <= lastColumn; column += 1) {
        const cell = row.getCell(column);
        const centred = column !== 2 && column !== 6;
        cell.font = { name: BODY_FONT, size: 12, bold: column === lastColumn && item.overdue };
        cell.alignment = { horizontal: centred ? 'center' : 'left', vertical: 'middle', wrapText: true };
        cell.border = BORDER;
      }
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
