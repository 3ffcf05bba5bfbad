// The 督办台账 (orders ledger): per campaign, every court this court issued 督办单 to — issued,
// signed for, replied on time, replied late, overdue, closed, returned, criticised — grouped by
// intermediate jurisdiction with a subtotal after each and the total last, then the list of the
// orders themselves. The figures are orders.ledger's, so the screen, the PDF and the workbook agree.
import type { OrderLedger, OrderLedgerRow, SupervisionOrder } from '../../shared/orders/ordersModel';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { requireProfile } from '../court/courtProfile';
import { orderLedger } from '../orders/ordersLedger';
import { reportHead } from './reportScope';

export const ORDERS_REPORT_TITLE = '督办台账';

export const ORDER_KIND_TEXT: Record<SupervisionOrder['kind'], string> = {
  remind: '提醒',
  urge: '催办',
  supervise: '督办',
};
export const ORDER_COLOUR_TEXT: Record<SupervisionOrder['colour'], string> = {
  blue: '蓝色',
  yellow: '黄色',
  red: '红色',
};
export const ORDER_STATE_TEXT: Record<SupervisionOrder['state'], string> = {
  unsigned: '待签收',
  signed: '已签收（待回复）',
  replied: '已回复（待办结）',
  returned: '已退回（待重新回复）',
  closed: '已办结',
};

export interface OrdersReportLine {
  kind: 'court' | 'subtotal' | 'total';
  name: string;
  row: OrderLedgerRow;
}

export interface OrdersReportOrder {
  docNumber: string;
  court: string;
  kind: string;
  colour: string;
  requirement: string;
  replyDue: string;
  signed: string;
  replied: string;
  state: string;
  overdue: string;
  isOverdue: boolean;
}

export interface OrdersReportData {
  courtCode: string;
  courtName: string;
  campaignTitle: string;
  reportDate: string;
  figuresLine: string;
  lines: OrdersReportLine[];
  orders: OrdersReportOrder[];
  courtCount: number;
}

const day = (at: string | null) => (at ? at.slice(0, 10) : '');

export function orderLine(order: SupervisionOrder): OrdersReportOrder {
  const raised = order.displayColour !== order.colour;
  let replied = '未回复';
  if (order.lastReplyAt)
    replied = `${day(order.lastReplyAt)}${order.repliedOnTime === true ? '（按期）' : order.repliedOnTime === false ? '（逾期）' : ''}`;
  return {
    docNumber: order.docNumber,
    court: order.courtName,
    kind: ORDER_KIND_TEXT[order.kind],
    colour: raised
      ? `${ORDER_COLOUR_TEXT[order.displayColour]}（原${ORDER_COLOUR_TEXT[order.colour]}，逾期升级）`
      : ORDER_COLOUR_TEXT[order.colour],
    requirement: order.requirement,
    replyDue: order.replyDue,
    signed: order.signedAt ? `${order.signedBy ?? ''} ${day(order.signedAt)}`.trim() : '未签收',
    replied,
    state: ORDER_STATE_TEXT[order.state],
    overdue: order.overdue
      ? order.daysLeft !== null && order.daysLeft < 0
        ? `逾期${-order.daysLeft}天`
        : '逾期'
      : '—',
    isOverdue: order.overdue,
  };
}

/** The lines in print order: each jurisdiction's courts and its subtotal, then the total. */
export function ordersLines(ledger: OrderLedger, ownName: string, level: string): OrdersReportLine[] {
  const lines: OrdersReportLine[] = [];
  const total = ledger.groups.find((g) => g.code === '*');
  const groups = ledger.groups.filter((g) => g.code !== '*');
  const placed = new Set<string>();
  for (const group of groups) {
    const courts = ledger.rows.filter((row) => row.jurisdiction === group.code);
    for (const row of courts) {
      placed.add(row.code);
      lines.push({ kind: 'court', name: row.name, row });
    }
    const name = group.code === '' ? `${ownName}直辖法院小计` : `${group.name.replace(/辖区$/, '')}辖区小计`;
    lines.push({ kind: 'subtotal', name, row: group });
  }
  for (const row of ledger.rows.filter((r) => !placed.has(r.code))) lines.push({ kind: 'court', name: row.name, row });
  if (total) lines.push({ kind: 'total', name: level === 'high' ? '全省合计' : '全辖区合计', row: total });
  return lines;
}

async function checkScope(ctx: ServiceContext, campaignId: string, courtCode?: string) {
  const head = await reportHead(ctx, campaignId, courtCode, ORDERS_REPORT_TITLE);
  if (head.court !== head.own)
    throw new ApiError('E_INVALID', `${ORDERS_REPORT_TITLE}只能按本院的数据生成，不能选择其他法院。`);
  const profile = await requireProfile(ctx);
  if (profile.level === 'basic')
    throw new ApiError('E_INVALID', `本院是基层法院，没有下级法院，无法生成${ORDERS_REPORT_TITLE}。`);
  return { head, profile };
}

/** The refusals ordersReport() gives, without gathering: another court's, or at a basic court. */
export async function checkOrdersScope(ctx: ServiceContext, campaignId: string, courtCode?: string): Promise<void> {
  await checkScope(ctx, campaignId, courtCode);
}

export async function ordersReport(
  ctx: ServiceContext,
  campaignId: string,
  courtCode?: string,
): Promise<OrdersReportData> {
  const { head, profile } = await checkScope(ctx, campaignId, courtCode);
  const ledger = await orderLedger(ctx, campaignId);
  const total = ledger.groups.find((g) => g.code === '*');
  const t = total ?? { issued: 0, signed: 0, repliedOnTime: 0, repliedLate: 0, overdue: 0, closed: 0, returned: 0 };
  const figuresLine =
    `共向 ${ledger.rows.filter((r) => r.issued > 0).length} 个法院发出督办单 ${t.issued} 份，已签收 ${t.signed} 份，` +
    `按期回复 ${t.repliedOnTime} 份，逾期回复 ${t.repliedLate} 份，逾期未回复 ${t.overdue} 份，已办结 ${t.closed} 份，退回 ${t.returned} 份。` +
    '“按期回复”指在回复期限内报送办理情况；“逾期未回复”指回复期限已过仍未报送（督办单颜色随之升级）。';
  return {
    courtCode: head.court,
    courtName: head.courtName,
    campaignTitle: head.campaign.title,
    reportDate: head.reportDate,
    figuresLine,
    lines: ordersLines(ledger, head.courtName, profile.level),
    // A ledger reads in the order the orders went out; one batch by court code.
    orders: [...ledger.orders]
      .sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a.courtCode.localeCompare(b.courtCode))
      .map(orderLine),
    courtCount: ledger.rows.length,
  };
}
