// The self-inspection reports as an editable workbook: sheet 汇总 (filing counts and claims per
// problem) and sheet 查摆报告 with one row per claimed problem of every report (a report with no
// claim keeps one row), so the sheet can be filtered and sorted by person, aspect or problem.
import type { InspectionReportData } from './inspectionReport';
import { bodyRow, groupRow, HEADER_ROW, newWorkbook, tableSheet, workbookBuffer } from './reportXlsx';
import { TEXT } from './reportText';

const T = TEXT.inspection;
const FORM_WIDTHS = [8, 14, 12, 14, 12, 12, 20, 28, 36, 28, 36, 12, 30];

export async function inspectionReportXlsx(report: InspectionReportData): Promise<Buffer> {
  const workbook = newWorkbook(report.courtName);
  const subtitle = `（${report.reportDate}）`;

  const summary = tableSheet(workbook, T.sheetSummary, {
    title: `${report.courtName}${report.campaignTitle}${T.summaryTitle}`,
    subtitle,
    columns: T.problemTableColumns.map((title, index) => ({ title, width: [8, 60, 12][index] })),
    landscape: false,
  });
  let row = HEADER_ROW;
  for (const group of report.claimed) {
    groupRow(summary, (row += 1), group.heading, 3);
    for (const problem of group.problems)
      bodyRow(summary, (row += 1), [problem.number ?? '', problem.title, problem.reports], [2]);
  }
  // Filing counts below the problem table, as label / number pairs.
  row += 1;
  groupRow(summary, (row += 1), T.summaryCountsTitle, 3);
  const c = report.counts;
  [c.expected, c.filed, c.accepted, c.pending, c.returned, c.draft].forEach((n, index) => {
    const line = bodyRow(summary, (row += 1), ['', T.countColumns[index], n], [2]);
    line.getCell(1).border = {};
  });

  const forms = tableSheet(workbook, T.sheetForms, {
    title: `${report.courtName}${report.campaignTitle}${T.formTitle}`,
    subtitle,
    columns: T.formSheetColumns.map((title, index) => ({ title, width: FORM_WIDTHS[index] })),
    landscape: true,
  });
  row = HEADER_ROW;
  for (const form of report.forms) {
    const base = [form.number, form.subjectName, form.position, form.departmentName, form.statusText, form.filedOn];
    const opinion = form.decidedOn
      ? `${form.reviewNote}${form.reviewer ? `（${form.reviewer}，${form.decidedOn}）` : ''}`
      : '';
    const claims = form.groups.flatMap((group) => group.claims.map((claim) => ({ group, claim })));
    if (claims.length === 0) {
      const text = form.noProblem ? `${T.noProblem}：${form.noProblemReason}` : '';
      bodyRow(forms, (row += 1), [...base, '', text, '', '', '', '', opinion], [8, 13]);
      continue;
    }
    for (const { group, claim } of claims) {
      bodyRow(
        forms,
        (row += 1),
        [
          ...base,
          group.heading,
          claim.problemNumber ? `${claim.problemNumber}. ${claim.problem}` : claim.problem,
          claim.facts,
          claim.cause,
          claim.measures,
          claim.deadline,
          opinion,
        ],
        [7, 8, 9, 10, 11, 13],
      );
    }
  }
  return workbookBuffer(workbook);
}
