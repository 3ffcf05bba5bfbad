// The shared frame of every printed report, laid out the way Chinese official documents are
// printed: A4, the title in a Song/小标宋 face, the body in FangSong, bordered tables whose header
// repeats on every page and whose rows never split across pages. Each kind adds only its body
// (and a few rules of its own); the checklist report's body is here too. The same document is
// printed to PDF (reportPdf.ts) and shown in the app's print preview.
import type { ChecklistReport, ChecklistReportRow } from './checklistReport';

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

// Faces that exist on Windows (方正/华文/宋体/仿宋), UOS/Kylin (方正, 仿宋_GB2312) and Debian (Noto CJK).
export const TITLE_FONTS = `"方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "SimSun", "宋体", "Noto Serif CJK SC", "Source Han Serif SC", serif`;
export const BODY_FONTS = `"仿宋", "FangSong", "仿宋_GB2312", "FangSong_GB2312", "STFangsong", "Noto Serif CJK SC", serif`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Escaped text keeping the writer's line breaks. */
export const multiline = (value: string) => escapeHtml(value).replace(/\r?\n/g, '<br>');

/** The rules every kind shares: page, faces, heading block, bordered tables. */
function baseStyle(landscape: boolean): string {
  return `
@page { size: ${PAGE.size}${landscape ? ' landscape' : ''}; margin: ${PAGE.marginTop} ${PAGE.marginSide} ${PAGE.marginBottom}; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${BODY_FONTS}; font-size: 11pt; line-height: 1.4; color: #000; }
.heading { text-align: center; margin-bottom: 10pt; }
.heading .court, .heading h1 { font-family: ${TITLE_FONTS}; font-weight: normal; margin: 0; }
.heading .court { font-size: 16pt; letter-spacing: 1pt; }
.heading h1 { font-size: 22pt; line-height: 1.35; margin: 4pt 0 6pt; }
.heading .date { font-size: 14pt; }
h2 { font-family: ${TITLE_FONTS}; font-weight: normal; font-size: 15pt; margin: 12pt 0 6pt; break-after: avoid; page-break-after: avoid; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
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

/** The whole self-contained document: page rules, the kind's own rules, then its body. */
export function reportDocument(options: {
  documentTitle: string;
  landscape: boolean;
  style?: string;
  body: string;
}): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(options.documentTitle)}</title>
<style>${baseStyle(options.landscape)}${options.style ?? ''}</style>
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
    `<td class="c${row.overdue ? ' overdue' : ''}">${escapeHtml(row.status)}</td></tr>`
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
