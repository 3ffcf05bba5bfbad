// The 督办台账 as printed, A4 landscape in the 公文 layout every report shares: heading, the
// figures line, the table of courts (each jurisdiction's courts and its subtotal, the total last),
// then 督办单明细, the orders themselves. Headers repeat on every page; rows never split.
import type { OrdersReportData, OrdersReportLine, OrdersReportOrder } from './ordersReport';
import { dataTable, escapeHtml, headingBlock, multiline, reportDocument } from './reportHtml';

export const ORDERS_COURT_COLUMNS = [
  { title: '序号', width: 5 },
  { title: '法院', width: 25 },
  { title: '发出督办单', width: 10 },
  { title: '已签收', width: 8 },
  { title: '按期回复', width: 9 },
  { title: '逾期回复', width: 9 },
  { title: '逾期未回复', width: 10 },
  { title: '已办结', width: 8 },
  { title: '退回', width: 6 },
  { title: '被通报批评', width: 10 },
];

export const ORDERS_LIST_COLUMNS = [
  { title: '序号', width: 5 },
  { title: '文号', width: 14 },
  { title: '法院', width: 11 },
  { title: '类型', width: 5 },
  { title: '颜色', width: 7 },
  { title: '督办要求', width: 18 },
  { title: '回复期限', width: 8 },
  { title: '签收', width: 9 },
  { title: '回复', width: 8 },
  { title: '状态', width: 9 },
  { title: '逾期', width: 6 },
];

const STYLE = `
.figures { font-size: 11pt; margin: 0 0 8pt; text-indent: 2em; line-height: 1.6; }
table td { font-size: 10.5pt; }
table.orders td { font-size: 9.5pt; vertical-align: top; }
table th { white-space: nowrap; }
table.orders td.c { vertical-align: middle; }
tr.subtotal td { font-weight: bold; background: #f3f3f3; }
tr.total td { font-weight: bold; background: #e6e6e6; }
td.overdue { font-weight: bold; }
`;

function courtRow(line: OrdersReportLine, number: number | null): string {
  const r = line.row;
  const cls = line.kind === 'court' ? '' : ` class="${line.kind}"`;
  const cells = [r.issued, r.signed, r.repliedOnTime, r.repliedLate, r.overdue, r.closed, r.returned, r.criticisms];
  return (
    `<tr${cls}><td class="c">${number ?? ''}</td><td>${escapeHtml(line.name)}</td>` +
    cells.map((n, i) => `<td class="c${i === 4 && n > 0 ? ' overdue' : ''}">${n}</td>`).join('') +
    '</tr>'
  );
}

function orderRow(order: OrdersReportOrder, index: number): string {
  const cells = [
    `<td class="c">${index + 1}</td>`,
    `<td class="c">${escapeHtml(order.docNumber)}</td>`,
    `<td>${escapeHtml(order.court)}</td>`,
    `<td class="c">${escapeHtml(order.kind)}</td>`,
    `<td class="c">${escapeHtml(order.colour)}</td>`,
    `<td>${multiline(order.requirement)}</td>`,
    `<td class="c nowrap">${escapeHtml(order.replyDue)}</td>`,
    `<td class="c">${escapeHtml(order.signed)}</td>`,
    `<td class="c">${escapeHtml(order.replied)}</td>`,
    `<td class="c">${escapeHtml(order.state)}</td>`,
    `<td class="c${order.isOverdue ? ' overdue' : ''}">${escapeHtml(order.overdue)}</td>`,
  ];
  return `<tr>${cells.join('')}</tr>`;
}

export function ordersReportHtml(report: OrdersReportData): string {
  let n = 0;
  const courtRows = report.lines.map((line) => courtRow(line, line.kind === 'court' ? (n += 1) : null));
  const title = `${report.campaignTitle}督办台账`;
  return reportDocument({
    documentTitle: `${report.courtName}${title}`,
    landscape: true,
    style: STYLE,
    body: `${headingBlock(report.courtName, title, report.reportDate)}
<div class="figures">${escapeHtml(report.figuresLine)}</div>
<h2>一、各法院督办单办理情况</h2>
${dataTable(ORDERS_COURT_COLUMNS, courtRows, '本专项活动尚未发出督办单。')}
<h2>二、督办单明细</h2>
${dataTable(ORDERS_LIST_COLUMNS, report.orders.map(orderRow), '本专项活动尚未发出督办单。', 'orders')}`,
  });
}
