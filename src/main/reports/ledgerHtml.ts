// The rectification ledger (整改台账) as printed, A4 landscape: heading, the closure figures line,
// then the numbered table grouped by source — each finding's number and title head its first
// measure, and its further measures continue under it (the cells drawn as one, without rowspan:
// Chromium keeps a rowspanned cell and all the rows it spans on one page, which pushed whole
// findings to the next page and left up to a third of a page blank). Rows stay whole.
import { chineseNumeral } from '../../shared/checklistRules';
import type { LedgerReportData } from './ledgerReport';
import { dataTable, escapeHtml, headingBlock, multiline, reportDocument, statusHtml } from './reportHtml';
import { TEXT } from './reportText';

// The measure and progress columns take the room: the fewer lines a row wraps to, the fewer pages.
const COLUMNS = TEXT.ledger.columns.map((title, index) => ({ title, width: [5, 18, 23, 11, 7, 9, 16, 11][index] }));

const STYLE = `
.figures { font-size: 12pt; margin: 0 0 6pt; text-indent: 2em; line-height: 1.5; }
.figures .sources { font-size: 11pt; }
td { vertical-align: top; font-size: 10pt; line-height: 1.25; padding: 2pt 3pt; }
td.c { vertical-align: middle; }
.src { font-size: 9pt; color: #333; margin-top: 1pt; }
.progress { font-size: 9.5pt; }
.note-date { color: #333; }
.overdue { font-weight: bold; }
.pending { color: #555; }
/* A finding's number and title cells, drawn as one over its measures' rows. */
td.lead.open-below { border-bottom-style: hidden; }
td.lead.continued { border-top-style: hidden; }
`;

/** "2026-11-20\n按季度…": the date runs into the text (a line of its own would cost a line per row). */
function progressHtml(progress: string): string {
  const [first, ...rest] = progress.split(/\r?\n/);
  if (!rest.length || !/^\d{4}-\d{2}-\d{2}$/.test(first)) return multiline(progress);
  return `<span class="note-date">${escapeHtml(first)}</span> ${multiline(rest.join('\n'))}`;
}

export function ledgerReportHtml(report: LedgerReportData): string {
  const rows: string[] = [];
  report.groups.forEach((group, index) => {
    rows.push(
      `<tr class="section"><td colspan="${COLUMNS.length}">${chineseNumeral(index + 1)}、${escapeHtml(group.heading)}</td></tr>`,
    );
    for (const finding of group.findings) {
      const source = `（${escapeHtml(finding.source)}${finding.reference ? `，${escapeHtml(finding.reference)}` : ''}）`;
      const more = finding.measures.length > 1 ? ' open-below' : '';
      const lead = `<td class="c lead${more}">${finding.number}</td><td class="lead${more}">${multiline(finding.title)}<div class="src">${source}</div></td>`;
      if (finding.measures.length === 0) {
        rows.push(`<tr>${lead}<td class="pending" colspan="${COLUMNS.length - 2}">${TEXT.ledger.noMeasure}</td></tr>`);
        continue;
      }
      finding.measures.forEach((m, i) => {
        const below = i < finding.measures.length - 1 ? ' open-below' : '';
        const continued = `<td class="lead continued${below}"></td><td class="lead continued${below}"></td>`;
        rows.push(
          `<tr>${i === 0 ? lead : continued}<td>${multiline(m.text)}</td><td class="c">${multiline(m.responsible)}</td><td class="c">${escapeHtml(m.leadLeader)}</td>` +
            `<td class="c nowrap">${escapeHtml(m.deadline)}</td><td class="progress">${progressHtml(m.progress)}</td><td class="c status${m.overdue ? ' overdue' : ''}">${statusHtml(m.status)}</td></tr>`,
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
