// Where a 督办单 stands, derived in one place from its row and the responses held: the state, the
// escalation (overdue, the colour one step up), days left, who signed for it, the replies. Used by
// every read (list, get, tasks, ledger), so the issuer, the relay and the receiving court agree.
import dayjs from 'dayjs';
import type { OrderColour, OrderState, OrderStatus } from '../../shared/orders/ordersModel';

export interface StateOrder {
  colour: OrderColour;
  replyDue: string;
  status: OrderStatus;
  decidedAt: string | null;
}

export interface StateResponse {
  id: string;
  kind: 'sign' | 'reply';
  status: 'draft' | 'pending' | 'sent';
  author: string;
  respondedAt: string | null;
  createdAt: string;
}

export interface DerivedState {
  state: OrderState;
  overdue: boolean;
  displayColour: OrderColour;
  daysLeft: number | null;
  signedBy: string | null;
  signedAt: string | null;
  lastReplyAt: string | null;
  /** The latest sent reply (办结 and 退回 name it). */
  lastReplyId: string | null;
  repliedOnTime: boolean | null;
}

const NEXT_COLOUR: Record<OrderColour, OrderColour> = { blue: 'yellow', yellow: 'red', red: 'red' };

/** The colour one step up (蓝→黄, 黄→红, 红 stays 红): an overdue order escalates. */
export function escalated(colour: OrderColour): OrderColour {
  return NEXT_COLOUR[colour];
}

/** The calendar day (this installation's time zone, as everywhere else) of a timestamp. */
export function dayOf(at: string): string {
  return dayjs(at).format('YYYY-MM-DD');
}

/** Later first-by-time comparison of timestamps written by different courts (offsets may differ). */
function after(a: string, b: string): boolean {
  return dayjs(a).valueOf() > dayjs(b).valueOf();
}

/**
 * The order's state on `day` (YYYY-MM-DD):
 * - closed (办结) once the issuer closed it;
 * - replied when a reply was sent (since the last 退回 for a returned order);
 * - returned (退回) while no newer reply was sent;
 * - signed / unsigned by the 签收.
 * Overdue: not closed, no reply sent since issue (or since the last 退回), reply deadline passed.
 */
export function deriveState(order: StateOrder, responses: StateResponse[], day: string): DerivedState {
  const sign = responses
    .filter((r) => r.kind === 'sign' && r.status === 'sent')
    .sort((a, b) => (a.respondedAt ?? a.createdAt).localeCompare(b.respondedAt ?? b.createdAt))[0];
  const sent = responses
    .filter((r) => r.kind === 'reply' && r.status === 'sent' && r.respondedAt)
    .sort((a, b) => dayjs(a.respondedAt!).valueOf() - dayjs(b.respondedAt!).valueOf());
  const last = sent.at(-1) ?? null;
  const first = sent[0] ?? null;
  const sentSinceDecision =
    order.status === 'returned'
      ? sent.some((r) => !order.decidedAt || after(r.respondedAt!, order.decidedAt))
      : sent.length > 0;
  let state: OrderState;
  if (order.status === 'closed') state = 'closed';
  else if (sentSinceDecision) state = 'replied';
  else if (order.status === 'returned') state = 'returned';
  else state = sign ? 'signed' : 'unsigned';
  const waiting = state === 'unsigned' || state === 'signed' || state === 'returned';
  const overdue = waiting && day > order.replyDue;
  return {
    state,
    overdue,
    displayColour: overdue ? escalated(order.colour) : order.colour,
    daysLeft: waiting ? dayjs(order.replyDue).diff(dayjs(day), 'day') : null,
    signedBy: sign?.author ?? null,
    signedAt: sign?.respondedAt ?? null,
    lastReplyAt: last?.respondedAt ?? null,
    lastReplyId: last?.id ?? null,
    repliedOnTime: first ? dayOf(first.respondedAt!) <= order.replyDue : null,
  };
}
