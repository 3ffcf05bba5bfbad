// 督办单 (supervision orders): a higher court issues one order per named roster court (one batch,
// one 文号); the receiving court signs for it (签收) and replies (办理情况) through its own reviewer;
// the issuer closes it (办结) or returns it (退回). Ownership (DESIGN §3): the order row is the
// issuer's, the 签收 and replies are the receiving court's; ChangeWriter refuses anyone else's row
// and audits every change. Every read derives the state in orderState.ts.
import type { Kysely, Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { ParsedInput } from '../../shared/api';
import type { SessionUser } from '../../shared/model';
import type {
  IssueOrdersResult,
  LinkedEvidence,
  LinkedItem,
  OrderRelation,
  OrderResponse,
  SupervisionOrder,
} from '../../shared/orders/ordersModel';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { canWorkFor, hasRole, requireUser } from '../access/access';
import { actorName } from '../access/accounts';
import { loadCampaignRow } from '../campaigns/campaigns';
import { currentActor, ownCourtCode, superiorCourtCodes, timestamp, today } from '../court/courtProfile';
import { withChanges, type ChangeWriter } from '../data/ownedRows';
import type { CampaignsTable, Database, OrderResponsesTable, SupervisionOrdersTable } from '../data/schema';
import { rosterCourts } from '../province/roster';
import { relationOf as noteRelationOf, standing, type Standing } from '../supervision/supervisionNotes';
import { formatDocNumber, nextDocSeq, rememberDocPrefix } from './docNumbers';
import { deriveState } from './orderState';

export type OrderRow = Selectable<SupervisionOrdersTable>;
export type ResponseRow = Selectable<OrderResponsesTable>;

/** Audit operations of this area (the audit log's words are in src/renderer/common/auditText.ts). */
export const ORDER_OPERATIONS = {
  issue: 'issue-order',
  update: 'update',
  close: 'order-close',
  closeUnreplied: 'order-close-unreplied',
  return: 'order-return',
  sign: 'sign-for',
  saveReply: 'save-draft',
  submitReply: 'submit',
  approveReply: 'reply-approve',
  sendBackReply: 'reply-send-back',
} as const;

const MESSAGES = {
  notFound: '找不到这份督办单，可能已被撤回，请刷新后再试。',
  notIssuer: '这份督办单由上级法院发出，只有发出督办单的法院可以修改、办结或退回。',
  notReceiver: '只有收到督办单的法院可以签收和回复。',
  closed: '督办单已办结，不能再回复。',
  closedIssuer: '督办单已办结，不能再修改、办结或退回。',
};

/** Ids as JSON arrays in a column: anything unreadable counts as none. */
export function idList(json: string | null | undefined): string[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** The order's relation to this court, or null when it is none of its business (a sibling's): the
 * supervision notes' rule, the writer being the issuer. */
export function relationOf(row: { origin: string; courtCode: string }, at: Standing): OrderRelation | null {
  const relation = noteRelationOf(row, at);
  return relation === 'written' ? 'issued' : relation;
}

function chunks<T>(values: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < values.length; start += size) out.push(values.slice(start, start + size));
  return out;
}

export interface OrderFilter {
  ids?: string[];
  campaignId?: string;
  courtCode?: string;
  origin?: string;
  batchId?: string;
  /** Leave out orders of closed campaigns. */
  openCampaigns?: boolean;
}

/** Everything a read needs besides the rows: who this court is, the day, names. */
export interface ReadContext {
  at: Standing;
  day: string;
}

export async function readContext(ctx: ServiceContext): Promise<ReadContext> {
  return { at: await standing(ctx), day: today(ctx) };
}

/**
 * The orders this court may see (a sibling's never), newest first, with their responses (at the
 * issuer and on the path only the 签收 and the sent replies; at the receiving court all of its
 * own), items and evidence resolved to titles and names where held.
 */
export async function readOrders(
  ctx: ServiceContext,
  filter: OrderFilter,
  read?: ReadContext,
): Promise<SupervisionOrder[]> {
  const { at, day } = read ?? (await readContext(ctx));
  let query = ctx.db
    .selectFrom('supervisionOrders')
    .innerJoin('campaigns', 'campaigns.id', 'supervisionOrders.campaignId')
    .leftJoin('courts as issuer', (join) =>
      join
        .onRef('issuer.code', '=', 'supervisionOrders.origin')
        .onRef('issuer.origin', '=', 'supervisionOrders.origin'),
    )
    .leftJoin('courts as subject', (join) =>
      join
        .onRef('subject.code', '=', 'supervisionOrders.courtCode')
        .onRef('subject.origin', '=', 'supervisionOrders.courtCode'),
    )
    .selectAll('supervisionOrders')
    .select(['campaigns.title as campaignTitle', 'issuer.name as originName', 'subject.name as courtName'])
    .where('supervisionOrders.deletedAt', 'is', null);
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('supervisionOrders.id', 'in', filter.ids);
  }
  if (filter.campaignId) query = query.where('supervisionOrders.campaignId', '=', filter.campaignId);
  if (filter.courtCode) query = query.where('supervisionOrders.courtCode', '=', filter.courtCode);
  if (filter.origin) query = query.where('supervisionOrders.origin', '=', filter.origin);
  if (filter.batchId) query = query.where('supervisionOrders.batchId', '=', filter.batchId);
  if (filter.openCampaigns) query = query.where('campaigns.status', '!=', 'closed');
  // uuid v7 ids rise with time: they break ties between orders of the same second.
  const rows = await query
    .orderBy('supervisionOrders.issuedAt', 'desc')
    .orderBy('supervisionOrders.id', 'desc')
    .execute();
  const visible = rows
    .map((row) => ({ row, relation: relationOf(row, at) }))
    .filter((entry): entry is { row: (typeof rows)[number]; relation: OrderRelation } => entry.relation !== null);
  if (visible.length === 0) return [];

  const responses = new Map<string, ResponseRow[]>();
  for (const part of chunks(visible.map((v) => v.row.id))) {
    const found = await ctx.db
      .selectFrom('orderResponses')
      .selectAll()
      .where('orderId', 'in', part)
      .where('deletedAt', 'is', null)
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
    for (const response of found) {
      if (!responses.has(response.orderId)) responses.set(response.orderId, []);
      responses.get(response.orderId)!.push(response);
    }
  }
  const itemIds = new Set<string>();
  const evidenceIds = new Set<string>();
  for (const { row } of visible) idList(row.itemIds).forEach((id) => itemIds.add(id));
  for (const list of responses.values())
    for (const response of list) {
      idList(response.itemIds).forEach((id) => itemIds.add(id));
      idList(response.evidenceIds).forEach((id) => evidenceIds.add(id));
    }
  const itemTitles = new Map<string, string>();
  for (const part of chunks([...itemIds])) {
    const found = await ctx.db.selectFrom('items').select(['id', 'title']).where('id', 'in', part).execute();
    for (const item of found) itemTitles.set(item.id, item.title);
  }
  const evidence = new Map<string, LinkedEvidence>();
  for (const part of chunks([...evidenceIds])) {
    const found = await ctx.db
      .selectFrom('evidence')
      .select(['id', 'itemId', 'originalName'])
      .where('id', 'in', part)
      .execute();
    for (const file of found) evidence.set(file.id, { id: file.id, itemId: file.itemId, name: file.originalName });
  }
  // Names the roster knows, for courts whose own profile has not arrived.
  const needNames = visible.some((v) => !v.row.courtName || !v.row.originName);
  const rosterNames = needNames
    ? new Map((await rosterCourts(ctx)).map((entry) => [entry.code, entry.name]))
    : new Map<string, string>();

  const items = (ids: string[]): LinkedItem[] =>
    ids.map((id) => ({ id, title: itemTitles.get(id) ?? '（本院未收到该事项）' }));
  const files = (ids: string[]): LinkedEvidence[] =>
    ids.map((id) => evidence.get(id) ?? { id, itemId: '', name: '（本院未收到该材料）' });

  return visible.map(({ row, relation }) => {
    const held = responses.get(row.id) ?? [];
    const derived = deriveState(row, held, day);
    const shown = relation === 'received' ? held : held.filter((r) => r.kind === 'sign' || r.status === 'sent');
    return {
      id: row.id,
      version: row.version,
      origin: row.origin,
      originName: row.originName ?? rosterNames.get(row.origin) ?? row.origin,
      campaignId: row.campaignId,
      campaignTitle: row.campaignTitle,
      courtCode: row.courtCode,
      courtName: row.courtName ?? rosterNames.get(row.courtCode) ?? row.courtCode,
      batchId: row.batchId,
      kind: row.kind,
      colour: row.colour,
      displayColour: derived.displayColour,
      requirement: row.requirement,
      replyDue: row.replyDue,
      docNumber: row.docNumber,
      items: items(idList(row.itemIds)),
      issuedBy: row.issuedBy,
      issuedAt: row.issuedAt,
      status: row.status,
      decidedBy: row.decidedBy,
      decidedAt: row.decidedAt,
      decisionNote: row.decisionNote,
      state: derived.state,
      relation,
      overdue: derived.overdue,
      daysLeft: derived.daysLeft,
      signedBy: derived.signedBy,
      signedAt: derived.signedAt,
      lastReplyAt: derived.lastReplyAt,
      repliedOnTime: derived.repliedOnTime,
      responses: shown.map((r): OrderResponse => ({
        id: r.id,
        version: r.version,
        kind: r.kind,
        text: r.text,
        items: items(idList(r.itemIds)),
        evidence: files(idList(r.evidenceIds)),
        status: r.status,
        author: r.author,
        submittedAt: r.submittedAt,
        reviewedBy: r.reviewedBy,
        reviewedAt: r.reviewedAt,
        reviewNote: r.reviewNote,
        respondedAt: r.respondedAt,
        createdAt: r.createdAt,
      })),
    };
  });
}

/** One order this court may see, or E_NOT_FOUND (a sibling's order is not found either). */
export async function getOrder(ctx: ServiceContext, id: string): Promise<SupervisionOrder> {
  const [order] = await readOrders(ctx, { ids: [id] });
  if (!order) throw new ApiError('E_NOT_FOUND', MESSAGES.notFound);
  return order;
}

export async function listOrders(ctx: ServiceContext, input: ParsedInput<'orders.list'>): Promise<SupervisionOrder[]> {
  if (input.campaignId) await loadCampaignRow(ctx, input.campaignId);
  const orders = await readOrders(ctx, { campaignId: input.campaignId, courtCode: input.courtCode });
  return input.relation ? orders.filter((order) => order.relation === input.relation) : orders;
}

// ---------------------------------------------------------------------------------------------
// Issuing, and the issuer's changes

/** The campaigns a court holds: its own and its superiors'. */
async function heldCampaign(ctx: ServiceContext, id: string): Promise<Selectable<CampaignsTable>> {
  const campaign = await loadCampaignRow(ctx, id);
  const [own, superiors] = await Promise.all([ownCourtCode(ctx), superiorCourtCodes(ctx)]);
  if (campaign.origin !== own && !superiors.includes(campaign.origin)) {
    throw new ApiError('E_NOT_FOUND', '本院没有这个专项活动：只能就本院或上级法院部署的专项活动发出督办单。');
  }
  return campaign;
}

/** A reply deadline between today and the campaign's end (when it has one). */
function replyDueError(replyDue: string, day: string, campaign: Selectable<CampaignsTable>): string | null {
  if (replyDue < day) return `回复期限不能早于今天（${day}）`;
  if (campaign.endDate && replyDue > campaign.endDate) {
    return `回复期限不能晚于专项活动的结束日期（${campaign.endDate}）`;
  }
  return null;
}

export async function issueOrders(ctx: ServiceContext, input: ParsedInput<'orders.issue'>): Promise<IssueOrdersResult> {
  const campaign = await heldCampaign(ctx, input.campaignId);
  const actor = await currentActor(ctx);
  const [superiors, roster] = await Promise.all([superiorCourtCodes(ctx), rosterCourts(ctx)]);
  const day = today(ctx);
  const fieldErrors: Record<string, string> = {};
  const codes = [...new Set(input.courtCodes)];
  const onRoster = new Map(roster.map((entry) => [entry.code, entry]));
  const courtProblems: string[] = [];
  for (const code of codes) {
    const entry = onRoster.get(code);
    if (code === actor.court || superiors.includes(code)) courtProblems.push(`${code} 不是本院的下级法院`);
    else if (!entry) courtProblems.push(`${code} 不在本院应报名单中`);
    else if (entry.mergedAt) courtProblems.push(`${entry.name}（${code}）已撤并，不能再发督办单`);
  }
  if (courtProblems.length) fieldErrors.courtCodes = courtProblems.join('；');
  const dueProblem = replyDueError(input.replyDue, day, campaign);
  if (dueProblem) fieldErrors.replyDue = dueProblem;

  // Each item must be one of the named courts' items in this campaign; each row gets its own.
  const itemIds = [...new Set(input.itemIds)];
  const itemsByCourt = new Map<string, string[]>();
  if (itemIds.length) {
    const found = await ctx.db
      .selectFrom('items')
      .select(['id', 'origin'])
      .where('id', 'in', itemIds)
      .where('campaignId', '=', campaign.id)
      .where('deletedAt', 'is', null)
      .execute();
    const originOf = new Map(found.map((item) => [item.id, item.origin]));
    const strays = itemIds.filter((id) => !codes.includes(originOf.get(id) ?? ''));
    if (strays.length) {
      fieldErrors.itemIds = `有 ${strays.length} 项所选事项不是所选法院在本专项活动中的事项，请重新选择`;
    }
    for (const id of itemIds) {
      const origin = originOf.get(id);
      if (!origin) continue;
      if (!itemsByCourt.has(origin)) itemsByCourt.set(origin, []);
      itemsByCourt.get(origin)!.push(id);
    }
  }
  if (Object.keys(fieldErrors).length) {
    throw new ApiError('E_INVALID', `督办单未发出：${Object.values(fieldErrors).join('；')}。`, fieldErrors);
  }

  const now = timestamp(ctx);
  const year = Number(day.slice(0, 4));
  const docPrefix = input.docPrefix.trim();
  const { ids, batchId, docNumber } = await withChanges(ctx.db, actor, now, async (writer) => {
    const docSeq = await nextDocSeq(writer.trx, 'supervisionOrders', actor.court, year);
    const docNumber = formatDocNumber(docPrefix, year, docSeq, 'order');
    const batchId = uuidv7();
    const ids: string[] = [];
    for (const code of codes) {
      const row = await writer.insert(
        'supervisionOrders',
        {
          campaignId: campaign.id,
          courtCode: code,
          batchId,
          kind: input.kind,
          colour: input.colour,
          requirement: input.requirement,
          replyDue: input.replyDue,
          docNumber,
          docYear: year,
          docSeq,
          itemIds: JSON.stringify(itemsByCourt.get(code) ?? []),
          issuedBy: actor.displayName,
          issuedAt: now,
        },
        ORDER_OPERATIONS.issue,
      );
      ids.push(row.id);
    }
    await rememberDocPrefix(writer.trx, docPrefix);
    return { ids, batchId, docNumber };
  });
  const orders = await readOrders(ctx, { ids });
  const position = new Map(ids.map((id, index) => [id, index]));
  orders.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  return { batchId, docNumber, orders };
}

async function loadOrderRow(trx: Kysely<Database>, id: string): Promise<OrderRow> {
  const row = await trx
    .selectFrom('supervisionOrders')
    .selectAll()
    .where('id', '=', id)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!row) throw new ApiError('E_NOT_FOUND', MESSAGES.notFound);
  return row;
}

async function responsesOf(trx: Kysely<Database>, orderId: string): Promise<ResponseRow[]> {
  return trx
    .selectFrom('orderResponses')
    .selectAll()
    .where('orderId', '=', orderId)
    .where('deletedAt', 'is', null)
    .execute();
}

/** The issuer's own open order, or the refusal. */
async function issuersOrder(writer: ChangeWriter, id: string): Promise<OrderRow> {
  const row = await loadOrderRow(writer.trx, id);
  if (row.origin !== writer.actor.court) throw new ApiError('E_NOT_OWNER', MESSAGES.notIssuer);
  if (row.status === 'closed') throw new ApiError('E_CLOSED', MESSAGES.closedIssuer);
  return row;
}

export async function updateOrder(ctx: ServiceContext, input: ParsedInput<'orders.update'>): Promise<SupervisionOrder> {
  const actor = await currentActor(ctx);
  const day = today(ctx);
  // The campaign's end bounds a new deadline (read before the write transaction).
  const held = await loadOrderRow(ctx.db, input.id);
  const campaign = await loadCampaignRow(ctx, held.campaignId);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const row = await issuersOrder(writer, input.id);
    if (input.replyDue !== undefined && input.replyDue !== row.replyDue) {
      const problem = replyDueError(input.replyDue, day, campaign);
      if (problem) throw new ApiError('E_INVALID', `${problem}。`, { replyDue: problem });
    }
    const patch: Partial<Pick<OrderRow, 'colour' | 'requirement' | 'replyDue'>> = {};
    if (input.colour !== undefined) patch.colour = input.colour;
    if (input.requirement !== undefined) patch.requirement = input.requirement;
    if (input.replyDue !== undefined) patch.replyDue = input.replyDue;
    await writer.update('supervisionOrders', row.id, input.version, patch, ORDER_OPERATIONS.update);
  });
  return getOrder(ctx, input.id);
}

/**
 * The issuer's decision on an order (办结 or 退回): the new status, who decided when, the note,
 * and the latest sent reply it answers; `check` may refuse the decision for the order as it stands.
 */
async function decideOrder(
  ctx: ServiceContext,
  id: string,
  version: number,
  decision: { status: 'closed' | 'returned'; note: string },
  check: (row: OrderRow, derived: ReturnType<typeof deriveState>) => string,
): Promise<SupervisionOrder> {
  const actor = await currentActor(ctx);
  const now = timestamp(ctx);
  const day = today(ctx);
  await withChanges(ctx.db, actor, now, async (writer) => {
    const row = await issuersOrder(writer, id);
    const derived = deriveState(row, await responsesOf(writer.trx, row.id), day);
    const operation = check(row, derived);
    await writer.update(
      'supervisionOrders',
      row.id,
      version,
      {
        status: decision.status,
        decidedBy: actor.displayName,
        decidedAt: now,
        decisionNote: decision.note,
        decidedReplyId: derived.lastReplyId,
      },
      operation,
    );
  });
  return getOrder(ctx, id);
}

/**
 * 办结, by the issuer, with or without a reply (the audit entry's operation says which:
 * order-close or order-close-unreplied); it names the latest sent reply it accepted.
 */
export async function closeOrder(ctx: ServiceContext, input: ParsedInput<'orders.close'>): Promise<SupervisionOrder> {
  return decideOrder(ctx, input.id, input.version, { status: 'closed', note: input.note }, (_row, derived) =>
    derived.lastReplyId ? ORDER_OPERATIONS.close : ORDER_OPERATIONS.closeUnreplied,
  );
}

/** 退回, by the issuer, of a reply it received: the order waits for a new reply. */
export async function returnOrder(ctx: ServiceContext, input: ParsedInput<'orders.return'>): Promise<SupervisionOrder> {
  return decideOrder(ctx, input.id, input.version, { status: 'returned', note: input.reason }, (row, derived) => {
    if (derived.state !== 'replied') {
      throw new ApiError(
        'E_INVALID',
        row.status === 'returned'
          ? '这份督办单已退回，还没有收到新的回复，不能再次退回。'
          : '这份督办单还没有收到回复，不能退回；如不再需要回复，可以直接办结。',
      );
    }
    return ORDER_OPERATIONS.return;
  });
}

// ---------------------------------------------------------------------------------------------
// At the receiving court: 签收 and replies

/** The departments of the order's items held here (this court's own items). */
async function itemDepartments(trx: Kysely<Database>, row: OrderRow): Promise<Set<string>> {
  const ids = idList(row.itemIds);
  if (ids.length === 0) return new Set();
  const found = await trx.selectFrom('items').select('departmentId').where('id', 'in', ids).execute();
  return new Set(found.map((item) => item.departmentId).filter((d): d is string => !!d));
}

/**
 * Whether an order waits on this person (as supervisionNotes' responsibleFor): an order without
 * items (or whose items have no department) on everyone; otherwise on the items' departments'
 * people, the reviewers and the administrators.
 */
export function responsibleFor(user: SessionUser, departments: Set<string>): boolean {
  if (departments.size === 0) return true;
  if (hasRole(user, 'admin') || hasRole(user, 'reviewer')) return true;
  return [...departments].some((department) => canWorkFor(user, department));
}

/** The receiving court's open order, or the refusal. */
async function receivedOrder(writer: ChangeWriter, id: string): Promise<OrderRow> {
  const row = await loadOrderRow(writer.trx, id);
  if (row.courtCode !== writer.actor.court || row.origin === writer.actor.court) {
    throw new ApiError('E_NOT_OWNER', MESSAGES.notReceiver);
  }
  if (row.status === 'closed') throw new ApiError('E_CLOSED', MESSAGES.closed);
  return row;
}

async function assertResponsible(ctx: ServiceContext, writer: ChangeWriter, row: OrderRow): Promise<void> {
  const user = requireUser(ctx);
  if (responsibleFor(user, await itemDepartments(writer.trx, row))) return;
  throw new ApiError(
    'E_FORBIDDEN',
    '这份督办单涉及的事项不属于您所在的部门，只有相关部门的填报人、审核人或管理员可以签收和回复。',
  );
}

/** Signs for the order once (a second 签收 changes nothing); returns whether it was signed now. */
async function signOnce(writer: ChangeWriter, row: OrderRow): Promise<void> {
  const existing = await writer.trx
    .selectFrom('orderResponses')
    .select('id')
    .where('orderId', '=', row.id)
    .where('kind', '=', 'sign')
    .where('origin', '=', writer.actor.court)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (existing) return;
  await writer.insert(
    'orderResponses',
    { orderId: row.id, kind: 'sign', status: 'sent', author: writer.actor.displayName, respondedAt: writer.now },
    ORDER_OPERATIONS.sign,
  );
}

export async function signOrder(ctx: ServiceContext, input: ParsedInput<'orders.sign'>): Promise<SupervisionOrder> {
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const row = await receivedOrder(writer, input.id);
    await assertResponsible(ctx, writer, row);
    await signOnce(writer, row);
  });
  return getOrder(ctx, input.id);
}

/**
 * Drafts or edits a reply (submit: to the court's reviewer). Replying signs for the order first
 * when nobody has yet (the 签收 is recorded as its own entry). Items must be this court's items of
 * the campaign; evidence this court's files on those items or the order's items.
 */
export async function saveReply(
  ctx: ServiceContext,
  input: ParsedInput<'orders.saveReply'>,
): Promise<SupervisionOrder> {
  const actor = await currentActor(ctx);
  const now = timestamp(ctx);
  await withChanges(ctx.db, actor, now, async (writer) => {
    const row = await receivedOrder(writer, input.orderId);
    await assertResponsible(ctx, writer, row);
    const fieldErrors: Record<string, string> = {};
    const itemIds = [...new Set(input.itemIds)];
    if (itemIds.length) {
      const found = await writer.trx
        .selectFrom('items')
        .select('id')
        .where('id', 'in', itemIds)
        .where('origin', '=', actor.court)
        .where('campaignId', '=', row.campaignId)
        .where('deletedAt', 'is', null)
        .execute();
      if (found.length !== itemIds.length) {
        fieldErrors.itemIds = `有 ${itemIds.length - found.length} 项所选事项不是本院在本专项活动中的事项，请重新选择`;
      }
    }
    const evidenceIds = [...new Set(input.evidenceIds)];
    if (evidenceIds.length) {
      const onItems = [...new Set([...itemIds, ...idList(row.itemIds)])];
      const found = onItems.length
        ? await writer.trx
            .selectFrom('evidence')
            .select('id')
            .where('id', 'in', evidenceIds)
            .where('itemId', 'in', onItems)
            .where('origin', '=', actor.court)
            .where('deletedAt', 'is', null)
            .execute()
        : [];
      if (found.length !== evidenceIds.length) {
        fieldErrors.evidenceIds = `有 ${evidenceIds.length - found.length} 份佐证材料不属于所关联的事项，请先关联对应事项或重新选择`;
      }
    }
    if (Object.keys(fieldErrors).length) {
      throw new ApiError('E_INVALID', `回复未保存：${Object.values(fieldErrors).join('；')}。`, fieldErrors);
    }
    await signOnce(writer, row);
    const fields = {
      text: input.text,
      itemIds: JSON.stringify(itemIds),
      evidenceIds: JSON.stringify(evidenceIds),
      ...(input.submit
        ? { status: 'pending' as const, submittedAt: now }
        : { status: 'draft' as const, submittedAt: null }),
    };
    const operation = input.submit ? ORDER_OPERATIONS.submitReply : ORDER_OPERATIONS.saveReply;
    if (!input.replyId) {
      await writer.insert(
        'orderResponses',
        { orderId: row.id, kind: 'reply', author: actor.displayName, respondedAt: null, ...fields },
        operation,
      );
      return;
    }
    const reply = await writer.loadOwned('orderResponses', input.replyId, input.version);
    if (reply.orderId !== row.id || reply.kind !== 'reply') {
      throw new ApiError('E_NOT_FOUND', '找不到这份回复，可能已被删除，请刷新后再试。');
    }
    if (reply.status !== 'draft') {
      throw new ApiError(
        'E_INVALID',
        reply.status === 'pending'
          ? '这份回复已提交审核，审核人退回修改前不能再改。'
          : '这份回复已报送上级法院，不能再修改；如需补充，请另写一份回复。',
      );
    }
    await writer.update('orderResponses', reply.id, input.version, fields, operation);
  });
  return getOrder(ctx, input.orderId);
}

/** Who drafted, edited or submitted a reply, as the audit log names them (姓名（用户名）). */
async function replyHands(trx: Kysely<Database>, replyId: string): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('auditLog')
    .select('actor')
    .where('tableName', '=', 'orderResponses')
    .where('rowId', '=', replyId)
    .where('operation', 'in', [ORDER_OPERATIONS.saveReply, ORDER_OPERATIONS.submitReply])
    .execute();
  return new Set(rows.map((row) => row.actor));
}

/**
 * A reviewer other than the reply's drafter (and anyone who edited or submitted it) approves it
 * (it is sent up) or sends it back to draft with a reason: the two-person rule, as at 销号.
 */
export async function reviewReply(
  ctx: ServiceContext,
  input: ParsedInput<'orders.reviewReply'>,
): Promise<SupervisionOrder> {
  const actor = await currentActor(ctx);
  const user = requireUser(ctx);
  const now = timestamp(ctx);
  const orderId = await withChanges(ctx.db, actor, now, async (writer) => {
    const found = await writer.trx
      .selectFrom('orderResponses')
      .selectAll()
      .where('id', '=', input.replyId)
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
    if (!found || found.kind !== 'reply') {
      throw new ApiError('E_NOT_FOUND', '找不到这份回复，可能已被删除，请刷新后再试。');
    }
    const row = await receivedOrder(writer, found.orderId);
    const reply = await writer.loadOwned('orderResponses', found.id, input.version);
    if (reply.status !== 'pending') {
      throw new ApiError(
        'E_INVALID',
        reply.status === 'sent' ? '这份回复已报送，不需要再审核。' : '这份回复还没有提交审核。',
      );
    }
    const hands = await replyHands(writer.trx, reply.id);
    if (reply.author === user.displayName || hands.has(actorName(user))) {
      throw new ApiError(
        'E_OWN_WORK',
        '这份回复是您本人起草或提交的。按照两人审核的要求，须由另一位审核人审核，本人不能审核自己的回复。',
      );
    }
    if (!input.approve && !input.note) {
      throw new ApiError('E_INVALID', '请填写退回理由，起草人据此修改。', { note: '请填写退回理由' });
    }
    await writer.update(
      'orderResponses',
      reply.id,
      input.version,
      input.approve
        ? { status: 'sent', respondedAt: now, reviewedBy: actor.displayName, reviewedAt: now, reviewNote: input.note }
        : { status: 'draft', reviewedBy: actor.displayName, reviewedAt: now, reviewNote: input.note },
      input.approve ? ORDER_OPERATIONS.approveReply : ORDER_OPERATIONS.sendBackReply,
    );
    return row.id;
  });
  return getOrder(ctx, orderId);
}
