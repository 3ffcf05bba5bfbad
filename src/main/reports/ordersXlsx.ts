// The 督办台账 as an editable workbook: sheet 各法院 (the courts with each jurisdiction's subtotal
// and the total, counts as numbers) and sheet 督办单明细 (one row per order). A4 landscape, fit to
// the page width, the header row repeated on every printed page and frozen; rows get the height their
// wrapped text needs when the workbook is written (xlsxLayout).
import type ExcelJS from 'exceljs';
import type { OrdersReportData } from './ordersReport';
import { bodyRow, HEADER_ROW, newWorkbook, tableSheet, workbookBuffer } from './reportXlsx';
import { ORDERS_COURT_COLUMNS, ORDERS_LIST_COLUMNS } from './ordersHtml';

export const ORDERS_COURT_SHEET = '各法院';
export const ORDERS_LIST_SHEET = '督办单明细';

const COURT_WIDTHS = [7, 34, 12, 10, 11, 11, 12, 10, 9, 13];
const LIST_WIDTHS = [6, 20, 22, 8, 14, 44, 12, 18, 16, 16, 10];
const SHADE: Record<string, string> = { subtotal: 'FFF0F0F0', total: 'FFE0E0E0' };

export async function ordersReportXlsx(report: OrdersReportData): Promise<Buffer> {
  const workbook = newWorkbook(report.courtName);
  const courts = tableSheet(workbook, ORDERS_COURT_SHEET, {
    title: `${report.courtName}${report.campaignTitle}督办台账`,
    subtitle: `（${report.reportDate}）${report.figuresLine}`,
    columns: ORDERS_COURT_COLUMNS.map((c, i) => ({ title: c.title, width: COURT_WIDTHS[i] })),
    landscape: true,
  });
  courts.getRow(2).height = 48;
  courts.getRow(HEADER_ROW).height = 30;
  let rowNumber = HEADER_ROW;
  let n = 0;
  for (const line of report.lines) {
    const r = line.row;
    const values: ExcelJS.CellValue[] = [
      line.kind === 'court' ? (n += 1) : '',
      line.name,
      r.issued,
      r.signed,
      r.repliedOnTime,
      r.repliedLate,
      r.overdue,
      r.closed,
      r.returned,
      r.criticisms,
    ];
    const row = bodyRow(courts, (rowNumber += 1), values, [2], line.kind === 'court' ? [] : [2]);
    if (line.kind !== 'court')
      row.eachCell({ includeEmpty: true }, (cell) => {
        cell.font = { ...cell.font, bold: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SHADE[line.kind] } };
      });
    if (r.overdue > 0) row.getCell(7).font = { ...row.getCell(7).font, bold: true, color: { argb: 'FFC00000' } };
  }

  const list = tableSheet(workbook, ORDERS_LIST_SHEET, {
    title: `${report.courtName}${report.campaignTitle}督办单明细`,
    subtitle: `（${report.reportDate}）`,
    columns: ORDERS_LIST_COLUMNS.map((c, i) => ({ title: c.title, width: LIST_WIDTHS[i] })),
    landscape: true,
  });
  list.getRow(HEADER_ROW).height = 30;
  rowNumber = HEADER_ROW;
  report.orders.forEach((order, index) => {
    const values: ExcelJS.CellValue[] = [
      index + 1,
      order.docNumber,
      order.court,
      order.kind,
      order.colour,
      order.requirement,
      order.replyDue,
      order.signed,
      order.replied,
      order.state,
      order.overdue,
    ];
    bodyRow(list, (rowNumber += 1), values, [3, 6], order.isOverdue ? [11] : []);
  });
  return workbookBuffer(workbook);
}
