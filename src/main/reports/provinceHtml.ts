// The province report as printed, A4 landscape in the 公文 layout every report shares: heading,
// the figures line, the key of the section columns, then one table — each jurisdiction's courts
// and its subtotal, this court's own items and the total — whose header repeats on every page.
import type { ProvinceReportData, ProvinceReportLine } from './provinceReport';
import { rateText } from './provinceReport';
import { escapeHtml, headingBlock, reportDocument } from './reportHtml';

const STYLE = `
.figures { font-size: 11pt; margin: 0 0 6pt; text-indent: 2em; line-height: 1.5; }
.key { font-size: 9.5pt; margin: 0 0 6pt; line-height: 1.4; }
table.province th { font-size: 9.5pt; padding: 2pt 2pt; }
table.province td { font-size: 10pt; padding: 2pt 3pt; }
table.province td.sec { font-size: 8.5pt; padding: 2pt 1pt; text-align: center; }
table.province td.small { font-size: 9pt; }
tr.subtotal td { font-weight: bold; background: #f3f3f3; }
tr.total td { font-weight: bold; background: #e6e6e6; }
tr.own td { background: #fafafa; }
.missing { font-weight: bold; }
`;

function deltaText(delta: number | null): string {
  if (delta === null) return '—';
  if (delta === 0) return '持平';
  return delta > 0 ? `↑${delta}` : `↓${-delta}`;
}

function line(row: ProvinceReportLine): string {
  const cls = row.kind === 'court' ? '' : ` class="${row.kind}"`;
  const name = escapeHtml(row.name);
  const sections = row.cells
    .map((cell) => `<td class="sec">${cell.completionRate === null ? '—' : Math.floor(cell.completionRate * 100)}</td>`)
    .join('');
  return (
    `<tr${cls}><td class="c">${row.rank ?? (row.kind === 'court' ? '不排名' : '')}</td>` +
    `<td>${name}</td>` +
    `<td class="c">${rateText(row.totals.completionRate)}</td>` +
    `<td class="c">${row.totals.completed}/${row.totals.total}</td>` +
    `<td class="c">${row.totals.overdue}</td>` +
    `<td class="c">${deltaText(row.delta)}</td>` +
    `<td class="c small">${escapeHtml(row.reported)}</td>` +
    `<td class="small${row.marks.includes('未报送') ? ' missing' : ''}">${escapeHtml(row.marks)}</td>` +
    `${sections}</tr>`
  );
}

export function provinceReportHtml(report: ProvinceReportData): string {
  const n = report.sections.length;
  // Fixed columns take 62 % of the line (less with many sections); the sections share the rest.
  const fixed = n > 8 ? [5, 17, 6.5, 7, 4.5, 5.5, 8, 8] : [5, 20, 7, 8, 5, 6, 9, 12];
  const rest = 100 - fixed.reduce((a, b) => a + b, 0);
  const titles = ['排名', '法院', '完成率', '已完成/事项', '逾期', '较上期', '最近上报', '标注'];
  const columns = [
    ...titles.map((title, index) => ({ title, width: fixed[index] })),
    ...report.sections.map((s) => ({ title: s.number, width: n ? rest / n : 0 })),
  ];
  const colgroup = columns.map((c) => `<col style="width:${c.width.toFixed(2)}%">`).join('');
  const head = columns.map((c) => `<th>${escapeHtml(c.title)}</th>`).join('');
  const key = n
    ? `<div class="key">栏目完成率（%）：${report.sections.map((s) => `${escapeHtml(s.number)}、${escapeHtml(s.title)}`).join('；')}。</div>`
    : '';
  const title = `${report.campaignTitle}下级法院进度表`;
  return reportDocument({
    documentTitle: `${report.courtName}${title}`,
    landscape: true,
    style: STYLE,
    body: `${headingBlock(report.courtName, title, report.reportDate)}
<div class="figures">${escapeHtml(report.figuresLine)}</div>
${key}
<table class="province">
<colgroup>${colgroup}</colgroup>
<thead><tr>${head}</tr></thead>
<tbody>
${report.lines.map(line).join('\n')}
</tbody>
</table>`,
  });
}
