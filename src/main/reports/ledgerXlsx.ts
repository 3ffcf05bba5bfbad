// The rectification ledger as an editable workbook: the figures line under the title, the same
// columns as the printed table, source rows merged and bold, each finding's number and title
// merged down over its measures.
import type { LedgerReportData } from './ledgerReport';
import { bodyRow, groupRow, HEADER_ROW, newWorkbook, tableSheet, workbookBuffer } from './reportXlsx';
import { TEXT } from './reportText';
import { chineseNumeral } from '../../shared/checklistRules';

const WIDTHS = [6, 36, 44, 16, 12, 12, 36, 14];

export async function ledgerReportXlsx(report: LedgerReportData): Promise<Buffer> {
  const workbook = newWorkbook(report.courtName);
  const columns = TEXT.ledger.columns.map((title, index) => ({ title, width: WIDTHS[index] }));
  const sheet = tableSheet(workbook, TEXT.ledger.sheet, {
    title: `${report.courtName}${report.campaignTitle}整改台账`,
    subtitle: `（${report.reportDate}）${report.closureLine}`,
    columns,
    landscape: true,
  });
  sheet.getRow(2).height = 36;
  const last = columns.length;
  let row = HEADER_ROW;
  report.groups.forEach((group, index) => {
    groupRow(sheet, (row += 1), `${chineseNumeral(index + 1)}、${group.heading}`, last);
    for (const finding of group.findings) {
      const problem = `${finding.title}\n（${finding.source}${finding.reference ? `，${finding.reference}` : ''}）`;
      const first = row + 1;
      if (finding.measures.length === 0) {
        bodyRow(sheet, (row += 1), [finding.number, problem, TEXT.ledger.noMeasure, '', '', '', '', ''], [2, 3]);
        continue;
      }
      for (const m of finding.measures) {
        bodyRow(
          sheet,
          (row += 1),
          [finding.number, problem, m.text, m.responsible, m.leadLeader, m.deadline, m.progress, m.status],
          [2, 3, 7],
          m.overdue ? [8] : [],
        );
      }
      if (row > first) {
        sheet.mergeCells(first, 1, row, 1);
        sheet.mergeCells(first, 2, row, 2);
      }
    }
  });
  return workbookBuffer(workbook);
}
