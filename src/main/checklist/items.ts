// Checklist items (事项): the list a clerk keeps, its order and numbering, search, bulk edits,
// and the work cycle: progress → complete → sign off (销号) or send back → reopen. Lists show one
// court's items: this court's by default, a subordinate's (read-only) when asked. A court's copy
// of a superior's mandatory item (source_item_id set) is its own to work on, but its definition
// follows the issuer and cannot be changed here.
import { sql, type Selectable } from 'kysely';
import type { ParsedInput } from '../../shared/api';
import { addToFigures, emptyFigures, finishFigures, isDone, lightRule } from '../../shared/checklistRules';
import type {
  CampaignProgress,
  DeadlineChange,
  Evidence,
  ItemDetail,
  ItemRow,
  ItemStatus,
  ProgressFigures,
  ProgressNote,
  SignedOffSnapshot,
  Signoff,
} from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { definitionOrigins, listSections, loadCampaignRow } from '../campaigns/campaigns';
import { currentActor, timestamp, today, viewedCourtCode } from '../court/courtProfile';
import { ORDER_GAP, ownedFields, withChanges, type ChangeWriter } from '../data/ownedRows';
import type {
  CampaignsTable,
  DeadlineChangesTable,
  EvidenceTable,
  ItemsTable,
  ProgressNotesTable,
  SignoffsTable,
} from '../data/schema';
import { assertCanWorkFor, assertNotOwnWork, hasRole, requireUser } from '../access/access';
import { assertItemOpen, assertItemsOpen } from './closedWork';
import { escalationName, everRed, lightHistory, settleItemLight, sweepLights } from '../lights/lightHistory';
import { ITEM_STATUS_ZH } from '../app/statusText';
import { assertDepartmentExists } from '../ledger/ledgerWrites';
import { EVIDENCE_UPLOADS, withEvidenceFilesChanges, type StoredFile } from '../evidence/evidenceFiles';
import { insertItemEvidence } from '../evidence/evidenceStore';
import { uploadedFile } from '../uploads/uploads';

export type ItemRecord = Selectable<ItemsTable> & {
  departmentName: string | null;
  departmentHead: string | null;
  evidenceCount: number;
  noteCount: number;
};

/** What every row of one campaign's list is judged by: today's light rule, who was ever red, whom to escalate to. */
export interface RowRules {
  light: ReturnType<typeof lightRule>;
  red: Set<string>;
  campaign: Selectable<CampaignsTable>;
}

/** Call after sweepLights. `red` defaults to every ever-red item of the campaign. */
export async function rowRules(
  ctx: ServiceContext,
  campaign: Selectable<CampaignsTable>,
  red?: Set<string>,
): Promise<RowRules> {
  return {
    light: lightRule(today(ctx), campaign.yellowDays),
    red: red ?? (await everRed(ctx.db, 'item', { campaignId: campaign.id })),
    campaign,
  };
}

// Called for every row of a 5,000-item list: a flat literal, no spreads, no date parsing.
export function toItemRow(row: ItemRecord, number: number, rules: RowRules): ItemRow {
  const light = rules.light(row.status, row.deadline);
  return {
    id: row.id,
    origin: row.origin,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    campaignId: row.campaignId,
    sectionId: row.sectionId,
    number,
    sortOrder: row.sortOrder,
    title: row.title,
    content: row.content,
    kind: row.kind,
    leadLeader: row.leadLeader,
    departmentId: row.departmentId,
    departmentName: row.departmentName ?? '',
    owner: row.owner,
    deadline: row.deadline,
    frequency: row.frequency,
    status: row.status,
    percent: row.percent,
    light,
    completedLate: row.completedLate === 1,
    completedAt: row.completedAt,
    highlight: row.highlight === 1,
    evidenceCount: row.evidenceCount,
    noteCount: row.noteCount,
    sourceItemId: row.sourceItemId,
    wasRed: rules.red.has(row.id),
    escalateTo: escalationName(rules.campaign, light, {
      owner: row.owner,
      departmentHead: row.departmentHead ?? '',
      leadLeader: row.leadLeader,
    }),
  };
}

export function itemQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('items')
    .leftJoin('departments', 'departments.id', 'items.departmentId')
    .selectAll('items')
    .select([
      'departments.name as departmentName',
      'departments.headName as departmentHead',
      (eb) =>
        eb
          .selectFrom('evidence')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('evidence.itemId', '=', 'items.id')
          .where('evidence.deletedAt', 'is', null)
          .as('evidenceCount'),
      (eb) =>
        eb
          .selectFrom('progressNotes')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('progressNotes.itemId', '=', 'items.id')
          .where('progressNotes.deletedAt', 'is', null)
          .as('noteCount'),
    ])
    .where('items.deletedAt', 'is', null);
}

/** Display order: sections depth-first, then each section's items; items without a section last. */
async function sectionRanks(
  ctx: ServiceContext,
  campaign: Selectable<CampaignsTable>,
  court: string,
): Promise<Map<string | null, number>> {
  const sections = await listSections(ctx, campaign, court);
  const ranks = new Map<string | null, number>(sections.map((section, index) => [section.id, index]));
  ranks.set(null, sections.length);
  return ranks;
}

function byDisplayOrder(ranks: Map<string | null, number>) {
  return (
    a: { sectionId: string | null; sortOrder: number; id: string },
    b: { sectionId: string | null; sortOrder: number; id: string },
  ) =>
    (ranks.get(a.sectionId) ?? ranks.size) - (ranks.get(b.sectionId) ?? ranks.size) ||
    a.sortOrder - b.sortOrder ||
    (a.id < b.id ? -1 : 1);
}

/** One court's checklist of a campaign: this court's by default, or `courtCode`'s to look at. */
export async function listItems(ctx: ServiceContext, campaignId: string, courtCode?: string): Promise<ItemRow[]> {
  const campaign = await loadCampaignRow(ctx, campaignId);
  const court = await viewedCourtCode(ctx, courtCode);
  const [rows, ranks] = await Promise.all([
    itemQuery(ctx).where('items.campaignId', '=', campaignId).where('items.origin', '=', court).execute() as Promise<
      ItemRecord[]
    >,
    sectionRanks(ctx, campaign, court),
  ]);
  await sweepLights(ctx);
  const rules = await rowRules(ctx, campaign);
  return rows.sort(byDisplayOrder(ranks)).map((row, index) => toItemRow(row, index + 1, rules));
}

export async function getItem(ctx: ServiceContext, id: string): Promise<ItemDetail> {
  const row = (await itemQuery(ctx).where('items.id', '=', id).executeTakeFirst()) as ItemRecord | undefined;
  if (!row) throw new ApiError('E_NOT_FOUND', '找不到这项事项，可能已被删除，请刷新后再试。');
  const campaign = await loadCampaignRow(ctx, row.campaignId);
  // Numbered within its own court's checklist, whichever court is looking.
  const ranks = await sectionRanks(ctx, campaign, row.origin);
  const siblings = await ctx.db
    .selectFrom('items')
    .select(['id', 'sectionId', 'sortOrder'])
    .where('campaignId', '=', row.campaignId)
    .where('origin', '=', row.origin)
    .where('deletedAt', 'is', null)
    .execute();
  const number = siblings.sort(byDisplayOrder(ranks)).findIndex((s) => s.id === id) + 1;
  const [notes, evidence, signoffs, deadlineChanges] = await Promise.all([
    ctx.db
      .selectFrom('progressNotes')
      .selectAll()
      .where('itemId', '=', id)
      .where('deletedAt', 'is', null)
      .orderBy('noteDate', 'desc')
      .orderBy('changeSeq', 'desc')
      .execute(),
    ctx.db
      .selectFrom('evidence')
      .selectAll()
      .where('itemId', '=', id)
      .where('deletedAt', 'is', null)
      .orderBy('changeSeq')
      .execute(),
    ctx.db
      .selectFrom('signoffs')
      .selectAll()
      .where('itemId', '=', id)
      .where('deletedAt', 'is', null)
      .orderBy('changeSeq', 'desc')
      .execute(),
    ctx.db
      .selectFrom('deadlineChanges')
      .selectAll()
      .where('recordKind', '=', 'item')
      .where('recordId', '=', id)
      .where('deletedAt', 'is', null)
      .orderBy('decidedAt', 'desc')
      .execute(),
  ]);
  await sweepLights(ctx);
  // One item: "was red" comes from its own history, which the drawer shows anyway.
  const history = await lightHistory(ctx.db, 'item', id);
  const red = new Set(history.some((span) => span.light === 'red') ? [id] : []);
  return {
    ...toItemRow(row, number, await rowRules(ctx, campaign, red)),
    notes: notes.map(toNote),
    evidence: evidence.map(toEvidence),
    signoffs: signoffs.map(toSignoff),
    deadlineChanges: deadlineChanges.map(toDeadlineChange),
    lightHistory: history,
    completedBy: row.completedBy,
    completedByName: row.completedBy
      ? ((await ctx.db.selectFrom('users').select('displayName').where('id', '=', row.completedBy).executeTakeFirst())
          ?.displayName ?? null)
      : null,
  };
}

export function toNote(row: Selectable<ProgressNotesTable>): ProgressNote {
  return {
    ...ownedFields(row),
    itemId: row.itemId,
    noteDate: row.noteDate,
    author: row.author,
    text: row.text,
    percent: row.percent,
    highlight: row.highlight === 1,
  };
}

export function toEvidence(row: Selectable<EvidenceTable>): Evidence {
  return {
    ...ownedFields(row),
    itemId: row.itemId,
    sha256: row.sha256,
    originalName: row.originalName,
    size: row.size,
    mimeType: row.mimeType,
    noteId: row.noteId,
    detectedType: row.detectedType,
  };
}

function toSignoff(row: Selectable<SignoffsTable>): Signoff {
  return {
    ...ownedFields(row),
    itemId: row.itemId,
    reviewer: row.reviewer,
    decidedAt: row.decidedAt,
    decision: row.decision,
    opinion: row.opinion,
    snapshot: row.snapshotJson ? (JSON.parse(row.snapshotJson) as SignedOffSnapshot) : null,
  };
}

export function toDeadlineChange(row: Selectable<DeadlineChangesTable>): DeadlineChange {
  return {
    ...ownedFields(row),
    recordKind: row.recordKind,
    recordId: row.recordId,
    fromDeadline: row.fromDeadline,
    toDeadline: row.toDeadline,
    reason: row.reason,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
  };
}

/** Keeps a deadline moved (延期) or set in the past as a record of its own, with the reason. */
export async function recordDeadlineChange(
  writer: ChangeWriter,
  change: {
    campaignId: string;
    recordKind: 'item' | 'measure';
    recordId: string;
    fromDeadline: string | null;
    toDeadline: string | null;
    reason: string;
  },
): Promise<void> {
  await writer.insert('deadlineChanges', { ...change, decidedBy: writer.actor.displayName, decidedAt: writer.now });
}

const EXTEND_BY_REVIEWER = '完成时限已经确定，填报人不能自行修改。如需延期，请审核人办理“延期”（需写明理由）。';

/**
 * The deadline rules of create, update and bulk update (DESIGN: closed work, 延期): a deadline in
 * the past needs a reason; moving an existing deadline of this court's own item is a 延期 — refused
 * for 填报人, and needs a reason from a reviewer or an administrator. Returns whether the change
 * must be kept as a deadline_changes row.
 */
function checkDeadlineChange(
  ctx: ServiceContext,
  before: string | null,
  after: string | null,
  reason: string,
): boolean {
  if (before === after) return false;
  const user = requireUser(ctx);
  const moved = before !== null;
  if (moved && !hasRole(user, 'admin') && !hasRole(user, 'reviewer'))
    throw new ApiError('E_FORBIDDEN', EXTEND_BY_REVIEWER, { deadline: '如需延期，请审核人办理' });
  if (moved && !reason.trim())
    throw new ApiError('E_INVALID', '修改已有的完成时限就是延期，请写明延期理由。', {
      deadlineReason: '请填写延期理由',
    });
  const past = after !== null && after < today(ctx);
  if (past && !reason.trim())
    throw new ApiError('E_INVALID', '完成时限早于今天，请写明理由。', {
      deadlineReason: '完成时限早于今天，请填写理由',
    });
  return moved || past;
}

/** Substring search on Chinese text: FTS5 trigram for 3+ characters, LIKE for shorter. */
export async function searchItems(
  ctx: ServiceContext,
  input: ParsedInput<'items.search'>,
): Promise<{ ids: string[]; mode: 'fulltext' | 'substring' }> {
  const query = input.query.trim();
  if (!query) return { ids: [], mode: 'substring' };
  const court = await viewedCourtCode(ctx, input.courtCode);
  if ([...query].length >= 3) {
    const phrase = `"${query.replaceAll('"', '""')}"`;
    const rows = await sql<{ id: string }>`
      SELECT items.id FROM items_fts JOIN items ON items.rowid = items_fts.rowid
      WHERE items_fts MATCH ${phrase} AND items.campaign_id = ${input.campaignId} AND items.origin = ${court} AND items.deleted_at IS NULL`.execute(
      ctx.db,
    );
    return { ids: rows.rows.map((row) => row.id), mode: 'fulltext' };
  }
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await sql<{ id: string }>`
    SELECT id FROM items WHERE campaign_id = ${input.campaignId} AND origin = ${court} AND deleted_at IS NULL
      AND (title LIKE ${pattern} ESCAPE '\\' OR content LIKE ${pattern} ESCAPE '\\'
           OR owner LIKE ${pattern} ESCAPE '\\' OR lead_leader LIKE ${pattern} ESCAPE '\\')`.execute(ctx.db);
  return { ids: rows.rows.map((row) => row.id), mode: 'substring' };
}

/** A section this court sees in the campaign: the issuer's or its own, not a subordinate's. */
async function assertSectionInCampaign(
  writer: ChangeWriter,
  sectionId: string | null,
  campaignId: string,
): Promise<void> {
  if (!sectionId) return;
  const section = await writer.trx
    .selectFrom('sections')
    .select(['campaignId', 'origin'])
    .where('id', '=', sectionId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  const campaign = await writer.trx
    .selectFrom('campaigns')
    .select('origin')
    .where('id', '=', campaignId)
    .executeTakeFirst();
  if (
    !section ||
    !campaign ||
    section.campaignId !== campaignId ||
    !(await definitionOrigins({ db: writer.trx }, campaign)).includes(section.origin)
  ) {
    throw new ApiError('E_INVALID', '所选栏目不属于这个专项活动，请重新选择。', { sectionId: '请重新选择栏目' });
  }
}

/** What a court's copy of a superior's mandatory item takes from the issuer and may not change. */
const DEFINITION_FIELDS = ['title', 'content', 'sectionId', 'deadline', 'frequency', 'kind'] as const;
const COPY_READ_ONLY =
  '这是上级法院下发的规定动作，任务内容、栏目和完成时限由上级法院确定，本院不能修改；可以填写牵头院领导、责任部门、责任人和进展。';
const COPY_FIELD_READ_ONLY = '由上级法院确定，本院不能修改';

/** Refuses a change to the definition of a copy of a superior's mandatory item, naming the fields. */
function assertDefinitionKept(
  before: Selectable<ItemsTable>,
  fields: Partial<Record<(typeof DEFINITION_FIELDS)[number], unknown>>,
): void {
  if (!before.sourceItemId) return;
  const same = (a: unknown, b: unknown) =>
    typeof a === 'string' && typeof b === 'string' ? a.trim() === b.trim() : a === b;
  const changed = DEFINITION_FIELDS.filter((key) => key in fields && !same(fields[key], before[key]));
  if (changed.length > 0) {
    throw new ApiError(
      'E_READ_ONLY',
      COPY_READ_ONLY,
      Object.fromEntries(changed.map((key) => [key, COPY_FIELD_READ_ONLY])),
    );
  }
}

/** A 填报人 works only on their own department's items; the message names the item's department. */
export async function assertItemWork(
  ctx: ServiceContext,
  writer: ChangeWriter,
  item: { departmentId: string | null },
): Promise<void> {
  const department = item.departmentId
    ? await writer.trx.selectFrom('departments').select('name').where('id', '=', item.departmentId).executeTakeFirst()
    : undefined;
  assertCanWorkFor(ctx, item.departmentId, '事项', department?.name);
}

/** The last place in a section of this court's own checklist. */
async function lastOrderIn(writer: ChangeWriter, campaignId: string, sectionId: string | null): Promise<number> {
  let query = writer.trx
    .selectFrom('items')
    .select((eb) => eb.fn.max('sortOrder').as('max'))
    .where('campaignId', '=', campaignId)
    .where('origin', '=', writer.actor.court);
  query = sectionId ? query.where('sectionId', '=', sectionId) : query.where('sectionId', 'is', null);
  return (await query.executeTakeFirst())?.max ?? 0;
}

export async function createItem(ctx: ServiceContext, input: ParsedInput<'items.create'>): Promise<ItemDetail> {
  const campaign = await loadCampaignRow(ctx, input.campaignId);
  if (campaign.status === 'closed')
    throw new ApiError('E_CLOSED', '这个专项活动已结束，不能再添加事项。如需添加，请先重新启用活动。');
  const actor = await currentActor(ctx);
  assertCanWorkFor(ctx, input.departmentId, '事项');
  const { deadlineReason, ...fields } = input;
  const keep = checkDeadlineChange(ctx, null, fields.deadline, deadlineReason);
  const row = await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    await assertSectionInCampaign(writer, fields.sectionId, fields.campaignId);
    await assertDepartmentExists(writer, fields.departmentId);
    const sortOrder = (await lastOrderIn(writer, fields.campaignId, fields.sectionId)) + ORDER_GAP;
    const created = await writer.insert('items', {
      ...fields,
      sortOrder,
      status: fields.percent > 0 ? 'in_progress' : 'not_started',
      completedAt: null,
      completedLate: 0,
    });
    if (keep) {
      await recordDeadlineChange(writer, {
        campaignId: created.campaignId,
        recordKind: 'item',
        recordId: created.id,
        fromDeadline: null,
        toDeadline: created.deadline,
        reason: deadlineReason,
      });
    }
    await settleItemLight(writer.trx, created.id, today(ctx));
    return created;
  });
  return getItem(ctx, row.id);
}

export async function updateItem(ctx: ServiceContext, input: ParsedInput<'items.update'>): Promise<ItemDetail> {
  const actor = await currentActor(ctx);
  const { id, version, deadlineReason, ...fields } = input;
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const before = await writer.loadOwned('items', id, version);
    assertItemOpen(before, '修改');
    await assertItemWork(ctx, writer, before);
    assertDefinitionKept(before, fields);
    const keep = checkDeadlineChange(ctx, before.deadline, fields.deadline, deadlineReason);
    // A 填报人 may not hand their item to another department either.
    if (fields.departmentId !== before.departmentId) assertCanWorkFor(ctx, fields.departmentId, '事项');
    await assertSectionInCampaign(writer, fields.sectionId, before.campaignId);
    await assertDepartmentExists(writer, fields.departmentId);
    const patch: Partial<Selectable<ItemsTable>> = { ...fields };
    if (fields.sectionId !== before.sectionId)
      patch.sortOrder = (await lastOrderIn(writer, before.campaignId, fields.sectionId)) + ORDER_GAP;
    // Percent is progress; finishing is its own step (mark complete), so 100% alone does not finish.
    if (!isDone(before.status) && before.status === 'not_started' && fields.percent > 0) patch.status = 'in_progress';
    if (isDone(before.status)) delete patch.percent;
    // The colour the old deadline gave is recorded before the deadline moves, so a red it caused stays.
    if (fields.deadline !== before.deadline) await settleItemLight(writer.trx, id, today(ctx));
    await writer.update('items', id, version, patch);
    if (keep) {
      await recordDeadlineChange(writer, {
        campaignId: before.campaignId,
        recordKind: 'item',
        recordId: id,
        fromDeadline: before.deadline,
        toDeadline: fields.deadline,
        reason: deadlineReason,
      });
    }
    if (fields.deadline !== before.deadline) await settleItemLight(writer.trx, id, today(ctx));
  });
  return getItem(ctx, id);
}

export async function deleteItems(
  ctx: ServiceContext,
  input: ParsedInput<'items.delete'>,
): Promise<{ deleted: number }> {
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const targets = [];
    for (const id of input.ids) targets.push(await writer.loadOwned('items', id));
    assertItemsOpen(targets, '删除');
    for (const item of targets) {
      const id = item.id;
      if (item.sourceItemId) {
        throw new ApiError(
          'E_READ_ONLY',
          `“${item.title}”是上级法院下发的规定动作，本院不能删除；可以填写牵头院领导、责任部门、责任人和进展。`,
        );
      }
      await assertItemWork(ctx, writer, item);
      await writer.softDelete('items', id);
    }
  });
  return { deleted: input.ids.length };
}

export async function moveItem(ctx: ServiceContext, input: ParsedInput<'items.move'>): Promise<{ id: string }> {
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const item = await writer.loadOwned('items', input.id);
    assertItemOpen(item, '调整栏目或顺序');
    if (item.sourceItemId)
      throw new ApiError('E_READ_ONLY', '这是上级法院下发的规定动作，栏目和顺序由上级法院确定，本院不能调整。');
    await assertSectionInCampaign(writer, input.sectionId, item.campaignId);
    let siblingsQuery = writer.trx
      .selectFrom('items')
      .select(['id', 'sortOrder'])
      .where('campaignId', '=', item.campaignId)
      .where('origin', '=', writer.actor.court)
      .where('deletedAt', 'is', null)
      .where('id', '!=', item.id);
    siblingsQuery = input.sectionId
      ? siblingsQuery.where('sectionId', '=', input.sectionId)
      : siblingsQuery.where('sectionId', 'is', null);
    const siblings = (await siblingsQuery.execute()).sort((a, b) => a.sortOrder - b.sortOrder);
    let index = input.beforeId ? siblings.findIndex((s) => s.id === input.beforeId) : siblings.length;
    if (index < 0) throw new ApiError('E_INVALID', '目标位置的事项不在该栏目中，请刷新后再试。');
    const previous = siblings[index - 1]?.sortOrder ?? 0;
    const next = siblings[index]?.sortOrder ?? previous + 2 * ORDER_GAP;
    if (next - previous >= 2) {
      await writer.update(
        'items',
        item.id,
        undefined,
        { sectionId: input.sectionId, sortOrder: Math.floor((previous + next) / 2) },
        'reorder',
      );
      return;
    }
    // No room left between the neighbours: spread the whole section out again.
    const ordered = [...siblings];
    ordered.splice(index, 0, { id: item.id, sortOrder: 0 });
    index = 0;
    for (const entry of ordered) {
      index += 1;
      const patch =
        entry.id === item.id
          ? { sectionId: input.sectionId, sortOrder: index * ORDER_GAP }
          : { sortOrder: index * ORDER_GAP };
      if (entry.id === item.id || entry.sortOrder !== index * ORDER_GAP)
        await writer.update('items', entry.id, undefined, patch, 'reorder');
    }
  });
  return { id: input.id };
}

export async function bulkUpdateItems(
  ctx: ServiceContext,
  input: ParsedInput<'items.bulkUpdate'>,
): Promise<{ updated: number }> {
  const actor = await currentActor(ctx);
  const patch: Partial<Selectable<ItemsTable>> = {};
  if (input.owner !== undefined) patch.owner = input.owner;
  if (input.deadline !== undefined) patch.deadline = input.deadline;
  if (input.departmentId !== undefined) patch.departmentId = input.departmentId;
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    await assertDepartmentExists(writer, input.departmentId);
    const targets = [];
    for (const id of input.ids) targets.push(await writer.loadOwned('items', id));
    assertItemsOpen(targets, '批量修改');
    const day = today(ctx);
    for (const item of targets) {
      let keep = false;
      if (input.deadline !== undefined) {
        assertDefinitionKept(item, { deadline: input.deadline });
        keep = checkDeadlineChange(ctx, item.deadline, input.deadline, input.deadlineReason);
        if (item.deadline !== input.deadline) await settleItemLight(writer.trx, item.id, day);
      }
      await writer.update('items', item.id, undefined, patch, 'bulk-update');
      if (keep) {
        await recordDeadlineChange(writer, {
          campaignId: item.campaignId,
          recordKind: 'item',
          recordId: item.id,
          fromDeadline: item.deadline,
          toDeadline: input.deadline ?? null,
          reason: input.deadlineReason,
        });
      }
      if (input.deadline !== undefined && item.deadline !== input.deadline)
        await settleItemLight(writer.trx, item.id, day);
    }
  });
  return { updated: input.ids.length };
}

function assertStatus(status: ItemStatus, allowed: ItemStatus[], action: string): void {
  if (!allowed.includes(status)) {
    throw new ApiError('E_BAD_STATE', `该事项当前为“${ITEM_STATUS_ZH[status]}”，不能${action}。请刷新后查看最新状态。`);
  }
}

export async function markComplete(ctx: ServiceContext, input: ParsedInput<'items.markComplete'>): Promise<ItemDetail> {
  const actor = await currentActor(ctx);
  const day = today(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const item = await writer.loadOwned('items', input.id, input.version);
    assertItemOpen(item, '再提交销号');
    await assertItemWork(ctx, writer, item);
    assertStatus(item.status, ['not_started', 'in_progress', 'returned'], '提交销号');
    if (input.note) {
      await writer.insert('progressNotes', {
        itemId: item.id,
        noteDate: day,
        author: actor.displayName,
        text: input.note,
        percent: 100,
      });
    }
    await completeWithin(writer, item, day);
  });
  return getItem(ctx, input.id);
}

/** Hands an item in for 销号 inside the caller's transaction (items.markComplete, progress.add). */
async function completeWithin(writer: ChangeWriter, item: Selectable<ItemsTable>, day: string): Promise<void> {
  await writer.update(
    'items',
    item.id,
    undefined,
    {
      status: 'completed',
      percent: 100,
      completedAt: writer.now,
      completedLate: item.deadline && day > item.deadline ? 1 : 0,
      completedBy: writer.actor.userId,
    },
    'complete',
  );
  await settleItemLight(writer.trx, item.id, day);
}

async function decide(
  ctx: ServiceContext,
  input: { id: string; version: number },
  allowed: ItemStatus[],
  action: string,
  decision: Selectable<SignoffsTable>['decision'],
  opinion: string,
  next: Partial<Selectable<ItemsTable>>,
): Promise<ItemDetail> {
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const item = await writer.loadOwned('items', input.id, input.version);
    assertStatus(item.status, allowed, action);
    if (decision === 'approved') assertNotOwnWork(ctx, item.completedBy, '事项');
    await writer.insert('signoffs', {
      itemId: item.id,
      reviewer: actor.displayName,
      decidedAt: writer.now,
      decision,
      opinion,
      snapshotJson: decision === 'reopened' ? JSON.stringify(await snapshotOf(writer, item)) : '',
    });
    await writer.update(
      'items',
      item.id,
      undefined,
      next,
      decision === 'approved' ? 'sign-off' : decision === 'returned' ? 'send-back' : 'reopen',
    );
    await settleItemLight(writer.trx, item.id, today(ctx));
  });
  return getItem(ctx, input.id);
}

/** The item as it stands before a reopen: what was signed off (or handed in), for the history. */
async function snapshotOf(writer: ChangeWriter, item: Selectable<ItemsTable>): Promise<SignedOffSnapshot> {
  const [department, completer, approval, evidence] = await Promise.all([
    item.departmentId
      ? writer.trx.selectFrom('departments').select('name').where('id', '=', item.departmentId).executeTakeFirst()
      : undefined,
    item.completedBy
      ? writer.trx.selectFrom('users').select('displayName').where('id', '=', item.completedBy).executeTakeFirst()
      : undefined,
    writer.trx
      .selectFrom('signoffs')
      .select(['reviewer', 'decidedAt'])
      .where('itemId', '=', item.id)
      .where('decision', '=', 'approved')
      .where('deletedAt', 'is', null)
      .orderBy('changeSeq', 'desc')
      .executeTakeFirst(),
    writer.trx
      .selectFrom('evidence')
      .select('originalName')
      .where('itemId', '=', item.id)
      .where('deletedAt', 'is', null)
      .orderBy('changeSeq')
      .execute(),
  ]);
  const signed = item.status === 'signed_off' && approval;
  return {
    status: item.status,
    title: item.title,
    content: item.content,
    deadline: item.deadline,
    percent: item.percent,
    owner: item.owner,
    departmentName: department?.name ?? '',
    completedAt: item.completedAt,
    completedByName: completer?.displayName ?? '',
    signedOffBy: signed ? approval.reviewer : '',
    signedOffAt: signed ? approval.decidedAt : null,
    evidenceNames: evidence.map((e) => e.originalName),
  };
}

export const signOff = (ctx: ServiceContext, input: ParsedInput<'items.signOff'>) =>
  decide(ctx, input, ['completed'], '销号', 'approved', input.opinion, { status: 'signed_off' });

export const sendBack = (ctx: ServiceContext, input: ParsedInput<'items.sendBack'>) =>
  decide(ctx, input, ['completed'], '退回', 'returned', input.reason, {
    status: 'returned',
    completedAt: null,
    completedLate: 0,
    completedBy: null,
  });

export const reopen = (ctx: ServiceContext, input: ParsedInput<'items.reopen'>) =>
  decide(ctx, input, ['completed', 'signed_off'], '重新打开', 'reopened', input.reason, {
    status: 'in_progress',
    completedAt: null,
    completedLate: 0,
    completedBy: null,
  });

/** 延期: a reviewer or an administrator moves an existing deadline of this court's own item, with the reason. */
export async function extendDeadline(
  ctx: ServiceContext,
  input: ParsedInput<'items.extendDeadline'>,
): Promise<ItemDetail> {
  const actor = await currentActor(ctx);
  const day = today(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const item = await writer.loadOwned('items', input.id, input.version);
    assertItemOpen(item, '延期');
    assertDefinitionKept(item, { deadline: input.deadline });
    if (!item.deadline)
      throw new ApiError('E_BAD_STATE', '这项事项还没有完成时限，请在编辑中直接填写，不需要办理延期。');
    if (input.deadline === item.deadline)
      throw new ApiError('E_INVALID', '新的完成时限与原时限相同，请重新选择。', { deadline: '请选择新的完成时限' });
    // The colour the old deadline gave is settled first: a red it caused stays in the history.
    await settleItemLight(writer.trx, item.id, day);
    await writer.update('items', item.id, undefined, { deadline: input.deadline }, 'extend-deadline');
    await recordDeadlineChange(writer, {
      campaignId: item.campaignId,
      recordKind: 'item',
      recordId: item.id,
      fromDeadline: item.deadline,
      toDeadline: input.deadline,
      reason: input.reason,
    });
    await settleItemLight(writer.trx, item.id, day);
  });
  return getItem(ctx, input.id);
}

export async function addProgress(ctx: ServiceContext, input: ParsedInput<'progress.add'>): Promise<ProgressNote> {
  const actor = await currentActor(ctx);
  if (input.noteDate > today(ctx)) {
    throw new ApiError('E_INVALID', '进展日期不能晚于今天。', { noteDate: '进展日期不能晚于今天' });
  }
  const author = input.author || actor.displayName;
  const day = today(ctx);
  const uploads = (input.uploadIds ?? []).map((uploadId) => ({ uploadId }));
  // Names as the screen sent them, or as the file was called when it was uploaded.
  const fileMeta = uploads.map(
    ({ uploadId }, index) =>
      input.files?.[index] ?? { name: uploadedFile(ctx, EVIDENCE_UPLOADS, uploadId).fileName, mimeType: '' },
  );
  // The note, its files (evidence linked to it) and, when asked, the hand-in for 销号: all or nothing.
  const note = await withEvidenceFilesChanges(ctx, actor, uploads, async (writer, files) => {
    const item = await writer.loadOwned('items', input.itemId);
    assertItemOpen(item, '再填报进展');
    await assertItemWork(ctx, writer, item);
    if (input.submitForSignOff) {
      assertStatus(item.status, ['not_started', 'in_progress', 'returned'], '提交销号');
      const created = await writer.insert('progressNotes', {
        itemId: item.id,
        noteDate: input.noteDate,
        author,
        text: input.text,
        percent: 100,
      });
      await addNoteFiles(writer, item.id, created.id, files, fileMeta);
      await completeWithin(writer, item, day);
      return created;
    }
    if (isDone(item.status)) {
      // Notes on finished work are kept as history but do not move it backwards.
      const created = await writer.insert('progressNotes', {
        itemId: item.id,
        noteDate: input.noteDate,
        author,
        text: input.text,
        percent: null,
      });
      await addNoteFiles(writer, item.id, created.id, files, fileMeta);
      return created;
    }
    const created = await writer.insert('progressNotes', {
      itemId: item.id,
      noteDate: input.noteDate,
      author,
      text: input.text,
      percent: input.percent ?? null,
    });
    await addNoteFiles(writer, item.id, created.id, files, fileMeta);
    const patch: Partial<Selectable<ItemsTable>> = {};
    if (input.percent !== undefined) patch.percent = input.percent;
    if (item.status === 'not_started') patch.status = 'in_progress';
    if (Object.keys(patch).length) await writer.update('items', item.id, undefined, patch, 'progress');
    return created;
  });
  return toNote(note);
}

/** The files handed in with a progress note, as the item's evidence linked to that note. */
async function addNoteFiles(
  writer: ChangeWriter,
  itemId: string,
  noteId: string,
  files: StoredFile[],
  meta: Array<{ name: string; mimeType: string }>,
): Promise<void> {
  for (const [index, file] of files.entries())
    await insertItemEvidence(writer, itemId, file, { ...meta[index], noteId });
}

/** Overall, per section (with everything below it) and per department, of one court's items. */
export async function campaignProgress(
  ctx: ServiceContext,
  campaignId: string,
  courtCode?: string,
): Promise<CampaignProgress> {
  const campaign = await loadCampaignRow(ctx, campaignId);
  const court = await viewedCourtCode(ctx, courtCode);
  const [sections, rows, departments] = await Promise.all([
    listSections(ctx, campaign, court),
    ctx.db
      .selectFrom('items')
      .select(['sectionId', 'departmentId', 'status', 'deadline'])
      .where('campaignId', '=', campaignId)
      .where('origin', '=', court)
      .where('deletedAt', 'is', null)
      .execute(),
    // Names only: a subordinate's items name its own departments.
    ctx.db.selectFrom('departments').select(['id', 'name', 'sortOrder']).execute(),
  ]);
  const lightOf = lightRule(today(ctx), campaign.yellowDays);
  const overall = emptyFigures();
  const parentOf = new Map(sections.map((s) => [s.id, s.parentId]));
  const bySection = new Map<string | null, ProgressFigures>(sections.map((s) => [s.id, emptyFigures()]));
  const byDepartment = new Map<string | null, ProgressFigures>();
  for (const row of rows) {
    const light = lightOf(row.status, row.deadline);
    addToFigures(overall, row.status, light);
    for (let sectionId = row.sectionId; sectionId; sectionId = parentOf.get(sectionId) ?? null) {
      const figures = bySection.get(sectionId);
      if (figures) addToFigures(figures, row.status, light);
    }
    if (!row.sectionId || !bySection.has(row.sectionId)) {
      if (!bySection.has(null)) bySection.set(null, emptyFigures());
      addToFigures(bySection.get(null)!, row.status, light);
    }
    if (!byDepartment.has(row.departmentId)) byDepartment.set(row.departmentId, emptyFigures());
    addToFigures(byDepartment.get(row.departmentId)!, row.status, light);
  }
  const departmentName = new Map(departments.map((d) => [d.id, d]));
  return {
    overall: finishFigures(overall),
    bySection: [
      ...sections.map((s) => ({
        ...finishFigures(bySection.get(s.id)!),
        sectionId: s.id,
        number: s.number,
        title: s.title,
        depth: s.depth,
      })),
      ...(bySection.has(null)
        ? [{ ...finishFigures(bySection.get(null)!), sectionId: null, number: '', title: '未分栏目', depth: 0 }]
        : []),
    ],
    byDepartment: [...byDepartment.entries()]
      .map(([departmentId, figures]) => ({
        ...finishFigures(figures),
        departmentId,
        name: departmentId ? (departmentName.get(departmentId)?.name ?? '（已删除的部门）') : '未指定部门',
      }))
      .sort(
        (a, b) =>
          (departmentName.get(a.departmentId ?? '')?.sortOrder ?? 1e9) -
          (departmentName.get(b.departmentId ?? '')?.sortOrder ?? 1e9),
      ),
  };
}
