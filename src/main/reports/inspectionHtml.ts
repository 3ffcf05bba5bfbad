// The self-inspection report forms (查摆报告表) as printed, A4 portrait in the GB/T 9704-2012 page
// layout (reportHtml's 公文 margins: 37 mm top, 28 mm left, a 156 × 225 mm text block, "第 X 页 共 Y
// 页" as forms are numbered): one bordered form per report, each starting on a new page under its
// own heading (title 2号, court and date 3号), the form's fields in 4号 and the six-column problem
// table in 小四 (at 4号 its dates and 序号 would break), then the summary page (填报情况 and how
// many filed reports claim each problem).
import type { InspectionForm, InspectionReportData } from './inspectionReport';
import { dataTable, escapeHtml, headingBlock, multiline, reportDocument } from './reportHtml';
import { TEXT } from './reportText';

const T = TEXT.inspection;

const PROBLEM_COLUMNS = T.problemColumns.map((title, index) => ({ title, width: [7, 18, 23, 17, 20, 15][index] }));

const STYLE = `
body { font-size: 14pt; line-height: 1.45; }
.heading .court, .heading .date { font-size: 16pt; }
h2 { font-size: 16pt; margin: 10pt 0 4pt; }
th, td { font-size: 14pt; }
table.form { margin-bottom: 8pt; }
table.form th.label { width: 16%; }
table.form th, table.form td { padding: 3pt 5pt; }
table.claims th, table.claims td { font-size: 12pt; line-height: 1.3; padding: 2pt 3pt; vertical-align: top; }
table.claims th, table.claims td.c { vertical-align: middle; }
.no-problem { padding: 8pt 6pt; }
.opinion { min-height: 40pt; white-space: normal; }
table.review { margin-top: 10pt; }
table.counts td { padding: 5pt; }
.note { font-size: 12pt; color: #333; margin: 4pt 0 0; }
`;

const cell = (text: string) => escapeHtml(text);

function formTable(form: InspectionForm): string {
  const subjectLabel = T.subject[form.scope];
  const state = form.round > 1 ? `${form.statusText}（第 ${form.round} 次提交）` : form.statusText;
  return `<table class="form">
<colgroup><col style="width:16%"><col style="width:34%"><col style="width:16%"><col style="width:34%"></colgroup>
<tbody>
${
  // A department's own form: the department is the subject; no post, no department line of its own.
  form.scope === 'department'
    ? `<tr><th class="label">${subjectLabel}</th><td class="subject">${cell(form.subjectName)}</td><th class="label">${T.filedOn}</th><td>${cell(form.filedOn)}</td></tr>`
    : `<tr><th class="label">${subjectLabel}</th><td class="subject">${cell(form.subjectName)}</td><th class="label">${T.position}</th><td>${cell(form.position || '—')}</td></tr>
<tr><th class="label">${T.department}</th><td>${cell(form.departmentName)}</td><th class="label">${T.filedOn}</th><td>${cell(form.filedOn)}</td></tr>`
}
<tr><th class="label">${T.status}</th><td colspan="3">${cell(state)}</td></tr>
</tbody>
</table>`;
}

function claimsTable(form: InspectionForm): string {
  if (form.noProblem) {
    return `<table class="form"><colgroup><col style="width:16%"><col style="width:84%"></colgroup><tbody>
<tr><th class="label">${T.problems}</th><td class="no-problem">${T.noProblem}。${T.noProblemReason}：${multiline(form.noProblemReason)}</td></tr>
</tbody></table>`;
  }
  const rows: string[] = [];
  let n = 0;
  for (const group of form.groups) {
    rows.push(`<tr class="section"><td colspan="${PROBLEM_COLUMNS.length}">${cell(group.heading)}</td></tr>`);
    for (const claim of group.claims) {
      n += 1;
      rows.push(
        `<tr><td class="c">${n}</td><td>${multiline(claim.problemNumber ? `${claim.problemNumber}. ${claim.problem}` : claim.problem)}</td>` +
          `<td>${multiline(claim.facts)}</td><td>${multiline(claim.cause)}</td><td>${multiline(claim.measures)}</td><td class="c nowrap">${cell(claim.deadline)}</td></tr>`,
      );
    }
  }
  return `<h2>${T.problems}</h2>\n${dataTable(PROBLEM_COLUMNS, rows, T.noClaims, 'claims')}`;
}

function reviewTable(form: InspectionForm): string {
  const opinion = form.decidedOn ? multiline(form.reviewNote || '—') : T.notReviewed;
  return `<table class="form review">
<colgroup><col style="width:16%"><col style="width:34%"><col style="width:16%"><col style="width:34%"></colgroup>
<tbody>
<tr><th class="label">${T.reviewOpinion}</th><td colspan="3"><div class="opinion">${opinion}</div></td></tr>
<tr><th class="label">${T.reviewer}</th><td>${cell(form.reviewer)}</td><th class="label">${T.reviewedOn}</th><td>${cell(form.decidedOn)}</td></tr>
</tbody>
</table>`;
}

function formPage(report: InspectionReportData, form: InspectionForm, first: boolean): string {
  return `<section class="inspection-form${first ? '' : ' new-page'}">
${headingBlock(report.courtName, `${report.campaignTitle}${T.formTitle}`, report.reportDate)}
${formTable(form)}
${claimsTable(form)}
${reviewTable(form)}
</section>`;
}

function summaryPage(report: InspectionReportData, first: boolean): string {
  const c = report.counts;
  const counts = dataTable(
    T.countColumns.map((title) => ({ title, width: 100 / T.countColumns.length })),
    [
      `<tr>${[c.expected, c.filed, c.accepted, c.pending, c.returned, c.draft].map((n) => `<td class="c">${n}</td>`).join('')}</tr>`,
    ],
    '',
    'counts',
  );
  const rows: string[] = [];
  for (const group of report.claimed) {
    rows.push(`<tr class="section"><td colspan="3">${cell(group.heading)}</td></tr>`);
    for (const problem of group.problems) {
      rows.push(
        `<tr><td class="c">${problem.number ?? ''}</td><td>${multiline(problem.title)}</td><td class="c">${problem.reports}</td></tr>`,
      );
    }
  }
  const problems = dataTable(
    T.problemTableColumns.map((title, index) => ({ title, width: [10, 72, 18][index] })),
    rows,
    '—',
  );
  return `<section class="inspection-summary${first ? '' : ' new-page'}">
${headingBlock(report.courtName, `${report.campaignTitle}${T.summaryTitle}`, report.reportDate)}
<h2>${T.summaryCountsTitle}</h2>
${counts}
<p class="note">${T.countsNote}</p>
<h2>${T.summaryProblemsTitle}</h2>
${problems}
</section>`;
}

export function inspectionReportHtml(report: InspectionReportData): string {
  const pages = report.forms.map((form, index) => formPage(report, form, index === 0));
  if (pages.length === 0)
    pages.push(
      `${headingBlock(report.courtName, `${report.campaignTitle}${T.formTitle}`, report.reportDate)}<p class="empty">${T.noReports}</p>`,
    );
  pages.push(summaryPage(report, false));
  return reportDocument({
    documentTitle: `${report.courtName}${report.campaignTitle}${T.formTitle}`,
    landscape: false,
    style: STYLE,
    body: pages.join('\n'),
  });
}
