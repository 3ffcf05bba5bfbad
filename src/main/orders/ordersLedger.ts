// The 督办 ledger (督办台账): per court, per intermediate jurisdiction and in total, the orders
// issued, signed for, replied on time or late, overdue, closed and returned, and the criticisms in
// issued 通报; and the order counts the province matrix shows per court.
import { sql } from 'kysely';
import type { OrderLedger, OrderLedgerRow } from '../../shared/orders/ordersModel';
import type { ServiceContext } from '../api/context';
import { loadCampaignRow } from '../campaigns/campaigns';
import { ownCourtCode, today } from '../court/courtProfile';
import { criticismCounts } from '../notices/criticisms';
import { rosterCourts } from '../province/roster';
import { readOrders } from './ordersService';

/** The name of the group of courts directly under this court, and of the total. */
export const LEDGER_DIRECT = '直属法院';
export const LEDGER_TOTAL = '合计';

function emptyRow(code: string, name: string, jurisdiction: string): OrderLedgerRow {
  return {
    code,
    name,
    jurisdiction,
    issued: 0,
    signed: 0,
    repliedOnTime: 0,
    repliedLate: 0,
    overdue: 0,
    closed: 0,
    returned: 0,
    criticisms: 0,
  };
}

const COUNTED = [
  'issued',
  'signed',
  'repliedOnTime',
  'repliedLate',
  'overdue',
  'closed',
  'returned',
  'criticisms',
] as const;

function addInto(target: OrderLedgerRow, row: OrderLedgerRow): void {
  for (const key of COUNTED) target[key] += row[key];
}

/** '' (directly below) last, the rest in code order: as the matrix's subtotals. */
const byJurisdiction = (a: string, b: string) => (a === '' ? (b === '' ? 0 : 1) : b === '' ? -1 : a.localeCompare(b));

/**
 * The ledger of one campaign (or every campaign) as this court sees it: every court with orders
 * visible here (issued by this court, or by a superior or a subordinate on a court below, or
 * received), grouped by intermediate jurisdiction as in the matrix, the total ('*') last.
 */
export async function orderLedger(ctx: ServiceContext, campaignId?: string): Promise<OrderLedger> {
  const campaign = campaignId ? await loadCampaignRow(ctx, campaignId) : null;
  const [own, roster, orders, criticisms] = await Promise.all([
    ownCourtCode(ctx),
    rosterCourts(ctx),
    readOrders(ctx, { campaignId }),
    criticismCounts(ctx, campaignId),
  ]);
  const entries = new Map(roster.map((entry) => [entry.code, entry]));
  const unknown = [...new Set(orders.map((o) => o.courtCode))].filter((code) => !entries.has(code));
  const profiles = unknown.length
    ? await ctx.db
        .selectFrom('courts')
        .select(['code', 'level', 'parentCode'])
        .whereRef('code', '=', 'origin')
        .where('code', 'in', unknown)
        .execute()
    : [];
  const profileOf = new Map(profiles.map((p) => [p.code, p]));
  // As the matrix: an intermediate court counts in its own jurisdiction, a court directly below in ''.
  const jurisdictionOf = (code: string): string => {
    if (code === own) return '';
    const known = entries.get(code) ?? profileOf.get(code);
    if (!known) return '';
    if (known.level === 'intermediate') return code;
    return known.parentCode && known.parentCode !== own ? known.parentCode : '';
  };
  const rows = new Map<string, OrderLedgerRow>();
  for (const order of orders) {
    let row = rows.get(order.courtCode);
    if (!row) {
      row = emptyRow(order.courtCode, order.courtName, jurisdictionOf(order.courtCode));
      row.criticisms = criticisms.get(order.courtCode) ?? 0;
      rows.set(order.courtCode, row);
    }
    row.issued += 1;
    if (order.signedAt) row.signed += 1;
    if (order.repliedOnTime === true) row.repliedOnTime += 1;
    if (order.repliedOnTime === false) row.repliedLate += 1;
    if (order.overdue) row.overdue += 1;
    if (order.status === 'closed') row.closed += 1;
    if (order.status === 'returned') row.returned += 1;
  }
  const courtRows = [...rows.values()].sort(
    (a, b) => byJurisdiction(a.jurisdiction, b.jurisdiction) || a.code.localeCompare(b.code),
  );
  const groups = new Map<string, OrderLedgerRow>();
  const total = emptyRow('*', LEDGER_TOTAL, '*');
  for (const row of courtRows) {
    let group = groups.get(row.jurisdiction);
    if (!group) {
      const name =
        row.jurisdiction === ''
          ? LEDGER_DIRECT
          : (entries.get(row.jurisdiction)?.name ?? rows.get(row.jurisdiction)?.name ?? row.jurisdiction);
      group = emptyRow(row.jurisdiction, name, row.jurisdiction);
      groups.set(row.jurisdiction, group);
    }
    addInto(group, row);
    addInto(total, row);
  }
  return {
    campaignId: campaign?.id ?? null,
    campaignTitle: campaign?.title ?? null,
    rows: courtRows,
    groups: [...[...groups.values()].sort((a, b) => byJurisdiction(a.code, b.code)), total],
    orders,
  };
}

export interface CourtOrderCounts {
  orders: number;
  overdue: number;
}

/**
 * Per court, the orders of the campaign this court issued to it (not withdrawn) and how many of
 * them are overdue today (as orderState.ts: not closed, no reply sent since issue or since the
 * last 退回, reply deadline passed): one grouped query, for the matrix.
 */
export async function orderCountsByCourt(
  ctx: Pick<ServiceContext, 'db' | 'now'>,
  campaignId: string,
): Promise<Map<string, CourtOrderCounts>> {
  const own = await ownCourtCode(ctx);
  const day = today(ctx);
  const rows = await ctx.db
    .selectFrom('supervisionOrders as o')
    .select((eb) => [
      'o.courtCode',
      eb.fn.countAll<number>().as('orders'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(
              eb.and([
                eb('o.status', '!=', 'closed'),
                eb('o.replyDue', '<', day),
                eb.not(
                  eb.exists(
                    eb
                      .selectFrom('orderResponses as r')
                      .select(sql.lit(1).as('one'))
                      .whereRef('r.orderId', '=', 'o.id')
                      .where('r.kind', '=', 'reply')
                      .where('r.status', '=', 'sent')
                      .where('r.deletedAt', 'is', null)
                      .where((w) =>
                        w.or([
                          w('o.status', '!=', 'returned'),
                          w('o.decidedAt', 'is', null),
                          w(sql`julianday(r.responded_at)`, '>', sql`julianday(o.decided_at)`),
                        ]),
                      ),
                  ),
                ),
              ]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('overdue'),
    ])
    .where('o.campaignId', '=', campaignId)
    .where('o.origin', '=', own)
    .where('o.deletedAt', 'is', null)
    .groupBy('o.courtCode')
    .execute();
  return new Map(rows.map((row) => [row.courtCode, { orders: Number(row.orders), overdue: Number(row.overdue ?? 0) }]));
}
