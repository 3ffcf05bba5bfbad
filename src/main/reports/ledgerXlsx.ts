// The rectification ledger as an editable workbook: the figures line under the title, the same
// columns as the printed table, source rows merged and bold, each finding's number and title
// in its first measure's row, open to the measures below it.
import type { LedgerReportData } from './ledgerReport';
import { BORDER, bodyRow, groupRow, HEADER_ROW, newWorkbook, tableSheet, workbookBuffer } from './reportXlsx';
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
      finding.measures.forEach((m, measureIndex) => {
        const lead = measureIndex === 0 ? [finding.number, problem] : ['', ''];
        bodyRow(
          sheet,
          (row += 1),
          [...lead, m.text, m.responsible, m.leadLeader, m.deadline, m.progress, m.status],
          [2, 3, 7],
          m.overdue ? [8] : [],
        );
      });
      // The finding's number and title stand in its first measure's row, the cells below left open
      // as one block. Not merged: a merged cell that crosses a page break is cut in half when an
      // office suite prints it, while a row always prints whole.
      for (let r = first; r <= row; r += 1)
        for (const c of [1, 2])
          sheet.getCell(r, c).border = {
            left: BORDER.left,
            right: BORDER.right,
            ...(r === first ? { top: BORDER.top } : {}),
            ...(r === row ? { bottom: BORDER.bottom } : {}),
          };
    }
  });
  return workbookBuffer(workbook);
}
