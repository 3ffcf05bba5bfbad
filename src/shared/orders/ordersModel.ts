// 督办单 (supervision orders): a higher court's order to named courts, the receiving court's 签收
// and replies, the issuer's 办结 or 退回, and the 督办 ledger. Plain data that crosses the process
// boundary.

/** 提醒 / 催办 / 督办. */
export const orderKinds = ['remind', 'urge', 'supervise'] as const;
export type OrderKind = (typeof orderKinds)[number];

/** 蓝 (deadline near) / 黄 (behind the expected pace) / 红 (overdue): the 三色督办单. */
export const orderColours = ['blue', 'yellow', 'red'] as const;
export type OrderColour = (typeof orderColours)[number];

/** As the issuer left it: open, returned (退回, waits for a new reply) or closed (办结). */
export type OrderStatus = 'open' | 'returned' | 'closed';

/** A reply's way through the receiving court: drafted, waiting for its reviewer, sent up. */
export type ResponseStatus = 'draft' | 'pending' | 'sent';

/**
 * Where an order stands, from its row and the responses held:
 * unsigned 待签收, signed 已签收（待回复）, replied 已回复（待办结）, returned 已退回（待重新回复）, closed 已办结.
 */
export type OrderState = 'unsigned' | 'signed' | 'replied' | 'returned' | 'closed';

/**
 * How an order stands to the court reading it: issued (this court issued it), received (addressed
 * to this court), superior (a superior's order on a court below this one, seen on the way down,
 * read-only), subordinate (a court below issued it on a court below it, seen in its report up).
 */
export type OrderRelation = 'issued' | 'received' | 'superior' | 'subordinate';

export interface LinkedItem {
  id: string;
  title: string;
}

export interface LinkedEvidence {
  id: string;
  itemId: string;
  name: string;
}

/** A 签收 or a reply. At the issuer only the 签收 and the sent replies are shown. */
export interface OrderResponse {
  id: string;
  version: number;
  kind: 'sign' | 'reply';
  text: string;
  items: LinkedItem[];
  evidence: LinkedEvidence[];
  status: ResponseStatus;
  /** Who signed for the order, or who drafted the reply (display name). */
  author: string;
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  /** Why the court's reviewer sent a reply back to its drafter. */
  reviewNote: string;
  /** When signed for, or when the reply was approved and sent up. */
  respondedAt: string | null;
  createdAt: string;
}

export interface SupervisionOrder {
  id: string;
  version: number;
  origin: string;
  /** The issuing court's name (its code when the name is not held). */
  originName: string;
  campaignId: string;
  campaignTitle: string;
  courtCode: string;
  courtName: string;
  batchId: string;
  kind: OrderKind;
  /** The colour it was issued with. */
  colour: OrderColour;
  /** The colour shown: one step higher (up to red) once the reply deadline passed unanswered. */
  displayColour: OrderColour;
  requirement: string;
  /** YYYY-MM-DD. */
  replyDue: string;
  /** 文号, e.g. 黑高法督〔2026〕12号. */
  docNumber: string;
  items: LinkedItem[];
  issuedBy: string;
  issuedAt: string;
  status: OrderStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  /** 办结意见 or 退回理由. */
  decisionNote: string;
  state: OrderState;
  relation: OrderRelation;
  /** Not closed, no reply sent since issue (or since the last 退回), and the reply deadline passed. */
  overdue: boolean;
  /** Days until the reply deadline (negative: past), for open orders; null once replied or closed. */
  daysLeft: number | null;
  signedBy: string | null;
  signedAt: string | null;
  /** When the latest sent reply was sent. */
  lastReplyAt: string | null;
  /** Whether the first sent reply was sent by the deadline; null without one. */
  repliedOnTime: boolean | null;
  /** Oldest first. */
  responses: OrderResponse[];
}

/** The colour suggested for one court, from its lights and its pace. */
export interface OrderSuggestion {
  courtCode: string;
  courtName: string;
  colour: OrderColour;
  /** Why, in Chinese, e.g. “3 项逾期（红灯）” or “完成率 40%，低于进度要求 65%”. */
  reason: string;
  /** On this court's roster: orders go only to roster courts. */
  onRoster: boolean;
}

/** What the 督办单 dialog starts from. */
export interface OrderDefaults {
  /** 发文机关代字 remembered from the last order, or derived from the court's name (e.g. 黑高法). */
  docPrefix: string;
  year: number;
  /** The 文号 the next order will get, e.g. 黑高法督〔2026〕13号. */
  nextDocNumber: string;
  /** The campaign's dates, for the reply-deadline field. */
  campaignStart: string | null;
  campaignEnd: string | null;
  suggestions: OrderSuggestion[];
}

export interface IssueOrdersResult {
  batchId: string;
  docNumber: string;
  orders: SupervisionOrder[];
}

/** What waits on the logged-in person about orders, for 我的待办 and 本院挂图. */
export type OrderTaskKind =
  /** received, not signed for yet */
  | 'sign'
  /** received, signed, no reply sent (or returned) */
  | 'reply'
  /** a reply of this court waiting for a reviewer (shown to reviewers other than its author) */
  | 'review'
  /** issued by this court, a reply waits for 办结 or 退回 */
  | 'decide'
  /** issued by this court, overdue (escalated) */
  | 'overdue';

export interface OrderTask {
  task: OrderTaskKind;
  order: SupervisionOrder;
}

/** One court's (or one jurisdiction's, or the whole's) line in the 督办 ledger. */
export interface OrderLedgerRow {
  /** Court code; for a group, the intermediate court's code, '' for courts directly below, '*' for the total. */
  code: string;
  name: string;
  /** The intermediate jurisdiction the court counts under (its own code for an intermediate court). */
  jurisdiction: string;
  issued: number;
  signed: number;
  repliedOnTime: number;
  repliedLate: number;
  overdue: number;
  closed: number;
  returned: number;
  /** 批评 in issued notices of the campaign(s) naming this court. */
  criticisms: number;
}

export interface OrderLedger {
  /** null: every campaign. */
  campaignId: string | null;
  campaignTitle: string | null;
  rows: OrderLedgerRow[];
  /** Per intermediate jurisdiction, then the total ('*') last. */
  groups: OrderLedgerRow[];
  orders: SupervisionOrder[];
}
