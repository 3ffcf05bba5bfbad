// The rectification ledger (整改台账) as printed, A4 landscape: heading, the closure figures line,
// then the numbered table grouped by source — each finding's number and title span its measures.
import { chineseNumeral } from '../../shared/checklistRules';
import type { LedgerReportData } from './ledgerReport';
import { dataTable, escapeHtml, headingBlock, multiline, reportDocument } from './reportHtml';
import { TEXT } from './reportText';

const COLUMNS = TEXT.ledger.columns.map((title, index) => ({ title, width: [5, 19, 23, 10, 9, 9, 16, 9][index] }));

const STYLE = `
.figures { font-size: 12pt; margin: 0 0 8pt; text-indent: 2em; line-height: 1.6; }
.figures .sources { font-size: 11pt; }
td { vertical-align: top; }
td.c { vertical-align: middle; }
.src { font-size: 9.5pt; color: #333; margin-top: 2pt; }
.progress { font-size: 10pt; }
.overdue { font-weight: bold; }
.pending { color: #555; }
`;

export function ledgerReportHtml(report: LedgerReportData): string {
  const rows: string[] = [];
  report.groups.forEach((group, index) => {
    rows.push(
      `<tr class="section"><td colspan="${COLUMNS.length}">${chineseNumeral(index + 1)}、${escapeHtml(group.heading)}</td></tr>`,
    );
    for (const finding of group.findings) {
      const span = Math.max(1, finding.measures.length);
      const source = `（${escapeHtml(finding.source)}${finding.reference ? `，${escapeHtml(finding.reference)}` : ''}）`;
      const lead = `<td class="c" rowspan="${span}">${finding.number}</td><td rowspan="${span}">${multiline(finding.title)}<div class="src">${source}</div></td>`;
      if (finding.measures.length === 0) {
        rows.push(`<tr>${lead}<td class="pending" colspan="${COLUMNS.length - 2}">${TEXT.ledger.noMeasure}</td></tr>`);
        continue;
      }
      finding.measures.forEach((m, i) => {
        rows.push(
          `<tr>${i === 0 ? lead : ''}<td>${multiline(m.text)}</td><td class="c">${multiline(m.responsible)}</td><td class="c">${escapeHtml(m.leadLeader)}</td>` +
            `<td class="c nowrap">${escapeHtml(m.deadline)}</td><td class="progress">${multiline(m.progress)}</td><td class="c${m.overdue ? ' overdue' : ''}">${escapeHtml(m.status)}</td></tr>`,
        );
      });
    }
  });
  const sources = report.sourceLines.length
    ? `<div class="sources">其中，${report.sourceLines.map(escapeHtml).join('；')}。</div>`
    : '';
  const title = `${report.campaignTitle}整改台账`;
  return reportDocument({
    documentTitle: `${report.courtName}${title}`,
    landscape: true,
    style: STYLE,
    body: `${headingBlock(report.courtName, title, report.reportDate)}
<div class="figures"><div class="closure">${escapeHtml(report.closureLine)}</div>${sources}</div>
${dataTable(COLUMNS, rows, TEXT.ledger.empty)}`,
  });
}
