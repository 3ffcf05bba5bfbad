// The self-inspection reports as an editable workbook: sheet 汇总 (the filing counts, then the claims
// per problem) and sheet 查摆报告 with one row per claimed problem of every report (a report with no
// claim keeps one row), so the sheet can be filtered and sorted by person, aspect or problem.
import type { InspectionReportData } from './inspectionReport';
import {
  bodyRow,
  groupRow,
  HEADER_ROW,
  headerRow,
  newWorkbook,
  repeatHeaderRow,
  tableSheet,
  workbookBuffer,
} from './reportXlsx';
import { TEXT } from './reportText';

const T = TEXT.inspection;
// Thirteen columns on one A4 landscape page: kept narrow so the sheet is not shrunk below a
// readable size when fitted to the page width; the long texts wrap into taller rows instead.
const FORM_WIDTHS = [6, 10, 10, 10, 10, 13, 12, 20, 28, 22, 28, 13, 24];

export async function inspectionReportXlsx(report: InspectionReportData): Promise<Buffer> {
  const workbook = newWorkbook(report.courtName);
  const subtitle = `（${report.reportDate}）`;

  // 汇总 follows the printed summary page: 一、填报情况 (each filing state with its count, under a
  // header of its own) then 二、问题认领情况 (problems and how many reports claim each), each table
  // under its own header; the claims table's header repeats when it runs over pages.
  const summary = tableSheet(workbook, T.sheetSummary, {
    title: `${report.courtName}${report.campaignTitle}${T.summaryTitle}`,
    subtitle,
    columns: T.problemTableColumns.map((title, index) => ({ title, width: [8, 60, 12][index] })),
    landscape: false,
    header: false,
  });
  let row = HEADER_ROW - 1;
  groupRow(summary, (row += 1), T.summaryCountsTitle, 3);
  headerRow(summary, (row += 1), [T.countsStateColumn, '', T.countsNumberColumn]);
  summary.mergeCells(row, 1, row, 2);
  const c = report.counts;
  [c.expected, c.filed, c.accepted, c.pending, c.returned, c.draft].forEach((n, index) => {
    bodyRow(summary, (row += 1), [T.countColumns[index], '', n], [1]);
    summary.mergeCells(row, 1, row, 2);
  });
  const note = bodyRow(summary, (row += 1), [T.countsNote], [1]);
  summary.mergeCells(row, 1, row, 3);
  note.getCell(1).font = { ...note.getCell(1).font, size: 10 };
  note.getCell(1).border = {};

  row += 1;
  groupRow(summary, (row += 1), T.summaryProblemsTitle, 3);
  headerRow(summary, (row += 1), T.problemTableColumns);
  repeatHeaderRow(summary, row);
  if (report.claimed.length === 0) {
    bodyRow(summary, (row += 1), ['—', '', ''], []);
    summary.mergeCells(row, 1, row, 3);
  }
  for (const group of report.claimed) {
    groupRow(summary, (row += 1), group.heading, 3);
    for (const problem of group.problems)
      bodyRow(summary, (row += 1), [problem.number ?? '', problem.title, problem.reports], [2]);
  }

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
