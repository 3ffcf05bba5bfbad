// The campaign summary as an editable workbook: sheet 概况 (the figures, then completion by
// section), sheet 逾期事项 and sheet 指标, each with the printed table's columns.
import type { SummaryReportData } from './summaryReport';
import { indicatorCells } from './summaryHtml';
import { bodyRow, groupRow, HEADER_ROW, newWorkbook, tableSheet, workbookBuffer } from './reportXlsx';
import { summaryTitle, TEXT } from './reportText';

const S = TEXT.summary;

export async function summaryReportXlsx(report: SummaryReportData): Promise<Buffer> {
  const workbook = newWorkbook(report.courtName);
  const subtitle = `（${report.reportDate}）`;
  const title = `${report.courtName}${summaryTitle(report.campaignTitle)}`;

  const basics = tableSheet(workbook, S.sheetBasics, {
    title,
    subtitle,
    columns: S.sectionColumns.map((_, index) => ({
      title: index < 2 ? S.basicsColumns[index] : '',
      width: [34, 14, 12, 12, 10, 10, 10, 10][index],
    })),
    landscape: false,
  });
  // The header row names only the two figure columns; the section table below has its own header.
  for (let c = 3; c <= S.sectionColumns.length; c += 1) basics.getRow(HEADER_ROW).getCell(c).border = {};
  let row = HEADER_ROW;
  for (const [label, value] of report.facts) bodyRow(basics, (row += 1), [label, value], [1]);
  row += 1;
  groupRow(basics, (row += 1), S.chartSections, S.sectionColumns.length);
  bodyRow(basics, (row += 1), [...S.sectionColumns], []).eachCell((cell) => (cell.font = { ...cell.font, bold: true }));
  for (const s of report.sections) {
    const rate = s.completionRate === null ? '—' : `${Math.floor(s.completionRate * 100)}%`;
    bodyRow(basics, (row += 1), [s.title, s.total, s.completed, rate, s.overdue, s.red, s.yellow, s.green], [1]);
  }

  const overdue = tableSheet(workbook, S.sheetOverdue, {
    title: `${title}·${S.sheetOverdue}`,
    subtitle,
    columns: S.overdueColumns.map((t, index) => ({ title: t, width: [8, 48, 12, 14, 12, 10, 14][index] })),
    landscape: false,
  });
  row = HEADER_ROW;
  for (const item of report.overdue)
    bodyRow(
      overdue,
      (row += 1),
      [item.number, item.title, item.leadLeader, item.department, item.deadline, item.daysOverdue, item.status],
      [2],
    );

  const indicators = tableSheet(workbook, S.sheetIndicators, {
    title: `${title}·${S.sheetIndicators}`,
    subtitle,
    columns: S.indicatorColumns.map((t, index) => ({ title: t, width: [8, 34, 8, 12, 16, 12, 12, 18][index] })),
    landscape: true,
  });
  row = HEADER_ROW;
  report.indicators.forEach((indicator, index) => {
    const cells: Array<string | number> = indicatorCells(indicator, index);
    cells[0] = index + 1;
    bodyRow(indicators, (row += 1), cells, [2]);
  });
  return workbookBuffer(workbook);
}
