// The checklist report as one self-contained HTML document, laid out the way Chinese official
// documents are printed: A4, the title in a Song/小标宋 face, the body in FangSong, the table
// header repeated on every page and no row split across pages. The same document is printed to
// PDF (reportPdf.ts) and shown in the app's print preview.
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

/** Page set-up shared with the PDF printer, so preview and PDF agree. */
export const PAGE = { size: 'A4', landscape: true, marginTop: '2.5cm', marginBottom: '2cm', marginSide: '2cm' } as const;

// Faces that exist on Windows (方正/华文/宋体/仿宋), UOS/Kylin (方正, 仿宋_GB2312) and Debian (Noto CJK).
export const TITLE_FONTS = `"方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "SimSun", "宋体", "Noto Serif CJK SC", "Source Han Serif SC", serif`;
export const BODY_FONTS = `"仿宋", "FangSong", "仿宋_GB2312", "FangSong_GB2312", "STFangsong", "Noto Serif CJK SC", serif`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Escaped text keeping the writer's line breaks. */
const multiline = (value: string) => escapeHtml(value).replace(/\r?\n/g, '<br>');

function itemRow(row: ChecklistReportRow): string {
  const content = row.content.trim() ? `<div class="content">${multiline(row.content.trim())}</div>` : '';
  const progress = row.progress ? `<div class="note-date">${escapeHtml(row.progress.date)}</div>${multiline(row.progress.text)}` : '';
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

const STYLE = `
@page { size: ${PAGE.size}${PAGE.landscape ? ' landscape' : ''}; margin: ${PAGE.marginTop} ${PAGE.marginSide} ${PAGE.marginBottom}; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${BODY_FONTS}; font-size: 11pt; line-height: 1.4; color: #000; }
.heading { text-align: center; margin-bottom: 10pt; }
.heading .court, .heading h1 { font-family: ${TITLE_FONTS}; font-weight: normal; margin: 0; }
.heading .court { font-size: 16pt; letter-spacing: 1pt; }
.heading h1 { font-size: 22pt; line-height: 1.35; margin: 4pt 0 6pt; }
.heading .date { font-size: 14pt; }
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
.nowrap { white-space: nowrap; }
.title { font-size: 11pt; }
.content { font-size: 9.5pt; color: #333; margin-top: 1pt; line-height: 1.35; }
.note-date { font-size: 9.5pt; color: #333; }
.overdue { font-weight: bold; }
.empty { text-align: center; padding: 18pt; }
`;

/** The whole document: heading block, then the numbered table grouped by section. */
export function checklistReportHtml(report: ChecklistReport): string {
  const colgroup = CHECKLIST_COLUMNS.map((column) => `<col style="width:${column.width}%">`).join('');
  const head = CHECKLIST_COLUMNS.map((column) => `<th>${column.title}</th>`).join('');
  const body: string[] = [];
  for (const group of report.groups) {
    if (group.heading !== null) {
      body.push(`<tr class="section depth-${Math.min(group.depth, 3)}"><td colspan="${CHECKLIST_COLUMNS.length}">${escapeHtml(group.heading)}</td></tr>`);
    }
    for (const row of group.rows) body.push(itemRow(row));
  }
  if (body.length === 0) body.push(`<tr><td class="empty" colspan="${CHECKLIST_COLUMNS.length}">本院在该专项活动中暂无事项。</td></tr>`);
  const title = `${report.campaignTitle}推进清单`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${report.courtName}${title}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="heading">
<div class="court">${escapeHtml(report.courtName)}</div>
<h1>${escapeHtml(title)}</h1>
<div class="date">（${escapeHtml(report.reportDate)}）</div>
</div>
<table>
<colgroup>${colgroup}</colgroup>
<thead><tr>${head}</tr></thead>
<tbody>
${body.join('\n')}
</tbody>
</table>
</body>
</html>
`;
}
