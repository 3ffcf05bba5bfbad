// The shared frame of every printed report, laid out the way Chinese official documents are
// printed: A4, the title in a Song/小标宋 face, the body in FangSong, bordered tables whose header
// repeats on every page and whose rows never split across pages. Each kind adds only its body
// (and a few rules of its own); the checklist report's body is here too. The same document is
// printed to PDF (reportPdf.ts) and shown in the app's print preview.
import type { ChecklistReport, ChecklistReportRow } from './checklistReport';
import { BODY_STACK, TITLE_STACK } from './fonts/fontStacks';

/** The table's columns, in order, with their share of the line (percent of the table width). */
export const CHECKLIST_COLUMNS = [
  { key: 'number', title: '序号', width: 5 },
  { key: 'task', title: '任务', width: 31 },
  { key: 'leadLeader', title: '牵头院领导', width: 10 },
  { key: 'department', title: '责任部门', width: 10 },
  { key: 'deadline', title: '完成时限', width: 9 },
  { key: 'progress', title: '进展情况', width: 24 },
  { key: 'status', title: '状态', width: 11 },
] as const;

/** Page set-up shared with the PDF printer, so preview and PDF agree. Orientation is per kind. */
export const PAGE = { size: 'A4', marginTop: '2.5cm', marginBottom: '2cm', marginSide: '2cm' } as const;

/**
 * The page margins a report is printed with. Wide landscape tables keep the narrower `report`
 * margins; portrait documents (forms, the summary) take the GB/T 9704-2012 text block, 37 mm from
 * the top and 28 mm from the left, 156 × 225 mm — with "第 X 页 共 Y 页" in the footer, as court
 * offices number tables (a prose 公文 prints its own "— 1 —", see officialDocument.ts).
 */
export const PAGE_MARGINS = {
  report: { top: PAGE.marginTop, right: PAGE.marginSide, bottom: PAGE.marginBottom, left: PAGE.marginSide },
  official: { top: '3.7cm', right: '2.6cm', bottom: '3.5cm', left: '2.8cm' },
} as const;

export type PageStyle = keyof typeof PAGE_MARGINS;

/** A document with this meta tag is printed with the 公文 margins (and the report footer). */
export const OFFICIAL_MARGINS_PRINT_MARK = '<meta name="court-print" content="official-margins">';

/** Which margins the printers use for a document: the 公文 ones when it carries the mark. */
export function pageStyleOf(html: string): PageStyle {
  return html.includes(OFFICIAL_MARGINS_PRINT_MARK) ? 'official' : 'report';
}

const cm = (value: string) => Number(value.replace('cm', ''));

// The faces: one place for every document (fonts/fontStacks.ts, docs/documents.md 字体).
export const TITLE_FONTS = TITLE_STACK;
export const BODY_FONTS = BODY_STACK;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * A status as printed in a narrow column: "整改中（逾期）" may wrap only between the word and its
 * bracketed note, never inside "整改中" or "（逾期）".
 */
export function statusHtml(status: string): string {
  return status
    .split(/(?=（)/)
    .map((part) => `<span class="nowrap">${escapeHtml(part)}</span>`)
    .join('<wbr>');
}

/** Escaped text keeping the writer's line breaks. */
export const multiline = (value: string) => escapeHtml(value).replace(/\r?\n/g, '<br>');

/**
 * How the saved .html reads on screen. Printed, the @page margins frame the text; on screen the
 * body would run from edge to edge, so a browser window wider than the paper shows it as a sheet:
 * the paper's width, its print margins as padding, centred on a grey desk. The app's preview frame
 * is narrower than the paper (it draws the sheet and the 25 / 20 mm margins itself), so there a
 * document with the 公文 margins only moves its text to where the printed block sits.
 */
function screenStyle(landscape: boolean, pageStyle: PageStyle): string {
  const m = PAGE_MARGINS[pageStyle];
  const paperWidth = landscape ? 29.7 : 21;
  const preview =
    pageStyle === 'official'
      ? `@media screen { body { width: ${(paperWidth - cm(m.left) - cm(m.right)).toFixed(1)}cm; margin-left: ${(cm(m.left) - cm(PAGE.marginSide)).toFixed(1)}cm; padding-top: ${(cm(m.top) - cm(PAGE.marginTop)).toFixed(1)}cm; } }`
      : '';
  return `${preview}
@media screen and (min-width: ${paperWidth}cm) {
  html { background: #e9ecef; }
  body {
    width: ${paperWidth}cm; min-height: ${landscape ? 21 : 29.7}cm; margin: 24px auto;
    padding: ${m.top} ${m.right} ${m.bottom} ${m.left};
    background: #fff; box-shadow: 0 2px 10px rgba(0, 0, 0, 0.25);
  }
  /* Where the printed pages would start over (one form per page), a dashed line. */
  .new-page { border-top: 1px dashed #adb5bd; margin-top: 28px; padding-top: 28px; }
}
`;
}

/** The rules every kind shares: page, faces, heading block, bordered tables. */
function baseStyle(landscape: boolean, pageStyle: PageStyle): string {
  const m = PAGE_MARGINS[pageStyle];
  return `
@page { size: ${PAGE.size}${landscape ? ' landscape' : ''}; margin: ${m.top} ${m.right} ${m.bottom} ${m.left}; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${BODY_FONTS}; font-size: 11pt; line-height: 1.4; color: #000; }
.heading { text-align: center; margin-bottom: 10pt; }
.heading .court, .heading h1 { font-family: ${TITLE_FONTS}; font-weight: normal; margin: 0; }
.heading .court { font-size: 16pt; letter-spacing: 1pt; }
.heading h1 { font-size: 22pt; line-height: 1.35; margin: 4pt 0 6pt; }
.heading .date { font-size: 14pt; }
h2 { font-family: ${TITLE_FONTS}; font-weight: normal; font-size: 15pt; margin: 12pt 0 6pt; break-after: avoid; page-break-after: avoid; }
table { width: calc(100% - 1pt); border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
th, td { border: 0.75pt solid #000; padding: 2.5pt 4pt; vertical-align: middle; word-break: break-word; overflow-wrap: anywhere; }
th { font-family: ${TITLE_FONTS}; font-weight: normal; font-size: 11.5pt; background: #f0f0f0; text-align: center; }
tr { break-inside: avoid; page-break-inside: avoid; }
td > div { break-inside: avoid; }
tr.section td { font-weight: bold; background: #fafafa; break-after: avoid; page-break-after: avoid; }
tr.section.depth-1 td { padding-left: 14pt; }
tr.section.depth-2 td, tr.section.depth-3 td { padding-left: 28pt; }
.c { text-align: center; }
.r { text-align: right; }
.nowrap { white-space: nowrap; }
.empty { text-align: center; padding: 18pt; }
.new-page { break-before: page; page-break-before: always; }
`;
}

/** The heading block: the court's name, the title, and the date (or another line) in brackets. */
export function headingBlock(court: string, title: string, dateLine: string): string {
  return `<div class="heading">
<div class="court">${escapeHtml(court)}</div>
<h1>${escapeHtml(title)}</h1>
<div class="date">（${escapeHtml(dateLine)}）</div>
</div>`;
}

/** A bordered table with a header row that repeats on every printed page. */
export function dataTable(
  columns: ReadonlyArray<{ title: string; width: number }>,
  rows: string[],
  emptyText: string,
  className = '',
): string {
  const colgroup = columns.map((column) => `<col style="width:${column.width}%">`).join('');
  const head = columns.map((column) => `<th>${column.title}</th>`).join('');
  const body = rows.length
    ? rows
    : [`<tr><td class="empty" colspan="${columns.length}">${escapeHtml(emptyText)}</td></tr>`];
  return `<table${className ? ` class="${className}"` : ''}>
<colgroup>${colgroup}</colgroup>
<thead><tr>${head}</tr></thead>
<tbody>
${body.join('\n')}
</tbody>
</table>`;
}

/**
 * The whole self-contained document: page rules, the kind's own rules, then its body. Portrait
 * documents take the 公文 margins unless they ask otherwise; landscape tables the report margins.
 */
export function reportDocument(options: {
  documentTitle: string;
  landscape: boolean;
  pageStyle?: PageStyle;
  style?: string;
  body: string;
}): string {
  const pageStyle = options.pageStyle ?? (options.landscape ? 'report' : 'official');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
${pageStyle === 'official' ? `${OFFICIAL_MARGINS_PRINT_MARK}\n` : ''}<title>${escapeHtml(options.documentTitle)}</title>
<style>${baseStyle(options.landscape, pageStyle)}${options.style ?? ''}${screenStyle(options.landscape, pageStyle)}</style>
</head>
<body>
${options.body}
</body>
</html>
`;
}

// ── The checklist report (推进清单) ──

function itemRow(row: ChecklistReportRow): string {
  const content = row.content.trim() ? `<div class="content">${multiline(row.content.trim())}</div>` : '';
  const progress = row.progress
    ? `<div class="note-date">${escapeHtml(row.progress.date)}</div>${multiline(row.progress.text)}`
    : '';
  return (
    `<tr class="item"><td class="c">${row.number}</td>` +
    `<td><div class="title">${multiline(row.title)}</div>${content}</td>` +
    `<td class="c">${escapeHtml(row.leadLeader)}</td>` +
    `<td class="c">${escapeHtml(row.department)}</td>` +
    `<td class="c nowrap">${escapeHtml(row.deadline)}</td>` +
    `<td>${progress}</td>` +
    `<td class="c status${row.overdue ? ' overdue' : ''}">${statusHtml(row.status)}</td></tr>`
  );
}

const CHECKLIST_STYLE = `
.title { font-size: 11pt; }
.content { font-size: 9.5pt; color: #333; margin-top: 1pt; line-height: 1.35; }
.note-date { font-size: 9.5pt; color: #333; }
.overdue { font-weight: bold; }
`;

/** The whole document: heading block, then the numbered table grouped by section. */
export function checklistReportHtml(report: ChecklistReport): string {
  const body: string[] = [];
  for (const group of report.groups) {
    if (group.heading !== null) {
      body.push(
        `<tr class="section depth-${Math.min(group.depth, 3)}"><td colspan="${CHECKLIST_COLUMNS.length}">${escapeHtml(group.heading)}</td></tr>`,
      );
    }
    for (const row of group.rows) body.push(itemRow(row));
  }
  const title = `${report.campaignTitle}推进清单`;
  return reportDocument({
    documentTitle: `${report.courtName}${title}`,
    landscape: true,
    style: CHECKLIST_STYLE,
    body: `${headingBlock(report.courtName, title, report.reportDate)}\n${dataTable(CHECKLIST_COLUMNS, body, '本院在该专项活动中暂无事项。')}`,
  });
}
