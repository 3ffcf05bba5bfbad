// Supervision notes (督导意见): a higher court's comment or supervision note on a subordinate's
// work in one campaign, on the court as a whole or on one of its items. The note belongs to the
// higher court that wrote it (only it may delete it) and travels down in its packages; the
// subordinate reads the notes addressed to it and cannot change them, and marks them read (a
// local record: an unread note waits in 我的待办 and on 本院挂图 of the people responsible).
import type { Selectable } from 'kysely';
import type { ParsedInput } from '../../shared/api';
import type { NoteRelation, SessionUser, SupervisionNote, UnreadNote } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { hasRole, requireUser } from '../access/access';
import { loadCampaignRow } from '../campaigns/campaigns';
import { currentActor, ownCourtCode, superiorCourtCodes, timestamp } from '../court/courtProfile';
import { withChanges } from '../data/ownedRows';
import type { SupervisionNotesTable } from '../data/schema';
import { writeTransaction } from '../data/transactions';
import { rosterCourts } from '../province/roster';

type NoteRecord = Selectable<SupervisionNotesTable> & {
  itemTitle: string | null;
  itemDepartmentId: string | null;
  originName: string | null;
  courtName: string | null;
  readAt: string | null;
  readBy: string | null;
};

function toNote(row: NoteRecord, relation: NoteRelation): SupervisionNote {
  const received = relation === 'received';
  return {
    id: row.id,
    origin: row.origin,
    originName: row.originName ?? row.origin,
    version: row.version,
    campaignId: row.campaignId,
    courtCode: row.courtCode,
    courtName: row.courtName ?? row.courtCode,
    itemId: row.itemId,
    itemTitle: row.itemTitle ?? null,
    kind: row.kind,
    author: row.author,
    text: row.text,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    relation,
    readAt: received ? row.readAt : null,
    readBy: received ? row.readBy : null,
  };
}

/** Notes (not withdrawn) with the title of the item each is about, both courts' names and the read state. */
function noteQuery(ctx: ServiceContext) {
  return (
    ctx.db
      .selectFrom('supervisionNotes')
      .leftJoin('items', 'items.id', 'supervisionNotes.itemId')
      // Each court's own description of itself, which arrived with its package.
      .leftJoin('courts as writer', (join) =>
        join
          .onRef('writer.code', '=', 'supervisionNotes.origin')
          .onRef('writer.origin', '=', 'supervisionNotes.origin'),
      )
      .leftJoin('courts as subject', (join) =>
        join
          .onRef('subject.code', '=', 'supervisionNotes.courtCode')
          .onRef('subject.origin', '=', 'supervisionNotes.courtCode'),
      )
      .leftJoin('noteReads', 'noteReads.noteId', 'supervisionNotes.id')
      .selectAll('supervisionNotes')
      .select([
        'items.title as itemTitle',
        'items.departmentId as itemDepartmentId',
        'writer.name as originName',
        'subject.name as courtName',
        'noteReads.readAt',
        'noteReads.readBy',
      ])
      .where('supervisionNotes.deletedAt', 'is', null)
  );
}

/** Who this court is to the notes it holds: its code, its superiors and every court below it. */
export interface Standing {
  own: string;
  superiors: Set<string>;
  below: Set<string>;
}

/**
 * Courts below this one, by the parents they name: in their own profiles (arrived with their
 * reports) and on the roster (this court's and its superiors').
 */
export async function standing(ctx: ServiceContext): Promise<Standing> {
  const own = await ownCourtCode(ctx);
  const [superiors, profiles, roster] = await Promise.all([
    superiorCourtCodes(ctx),
    ctx.db
      .selectFrom('courts')
      .select(['code', 'parentCode'])
      .whereRef('code', '=', 'origin')
      .where('deletedAt', 'is', null)
      .execute(),
    rosterCourts(ctx),
  ]);
  const children = new Map<string, Set<string>>();
  const link = (code: string, parent: string | null) => {
    if (!parent || code === parent) return;
    if (!children.has(parent)) children.set(parent, new Set());
    children.get(parent)!.add(code);
  };
  for (const row of profiles) link(row.code, row.parentCode);
  for (const entry of roster) link(entry.code, entry.parentCode);
  const below = new Set<string>();
  const queue = [own];
  while (queue.length > 0) {
    for (const child of children.get(queue.pop()!) ?? []) {
      if (child === own || below.has(child)) continue;
      below.add(child);
      queue.push(child);
    }
  }
  return { own, superiors: new Set(superiors), below };
}

/** The note's relation to this court, or null when it is none of this court's business (a
 * sibling's). The same rule decides who sees a 督办单 (src/main/orders/ordersService.ts). */
export function relationOf(row: { origin: string; courtCode: string }, at: Standing): NoteRelation | null {
  if (row.courtCode === at.own) return row.origin === at.own ? null : 'received';
  if (row.origin === at.own) return 'written';
  if (!at.below.has(row.courtCode)) return null;
  if (at.superiors.has(row.origin)) return 'superior';
  if (at.below.has(row.origin)) return 'subordinate';
  return null;
}

/**
 * courtCode another court: every note about that court this court may see (its own, its
 * superiors' on the way down, its subordinates' on the way up). courtCode this court: the notes
 * superiors addressed to it. Neither: all of these together (an intermediate court writes and
 * receives). A note about a court not below this one (a sibling's, say) is never shown. Newest first.
 */
export async function listNotes(
  ctx: ServiceContext,
  input: ParsedInput<'supervision.list'>,
): Promise<SupervisionNote[]> {
  await loadCampaignRow(ctx, input.campaignId);
  const at = await standing(ctx);
  let query = noteQuery(ctx).where('supervisionNotes.campaignId', '=', input.campaignId);
  if (input.courtCode) query = query.where('supervisionNotes.courtCode', '=', input.courtCode);
  // uuid v7 ids rise with time, so they break ties between notes of the same second.
  const rows = (await query
    .orderBy('supervisionNotes.createdAt', 'desc')
    .orderBy('supervisionNotes.id', 'desc')
    .execute()) as NoteRecord[];
  const notes: SupervisionNote[] = [];
  for (const row of rows) {
    const relation = relationOf(row, at);
    if (relation) notes.push(toNote(row, relation));
  }
  return notes;
}

/**
 * Whether a received note waits on this person: a note on the court as a whole (or on an item
 * without a department) on everyone; a note on an item on its department's people and the reviewers.
 */
function responsibleFor(user: SessionUser, row: NoteRecord): boolean {
  if (!row.itemId || !row.itemDepartmentId) return true;
  return hasRole(user, 'reviewer') || user.departmentId === row.itemDepartmentId;
}

async function unreadRows(
  ctx: ServiceContext,
  user: SessionUser,
): Promise<Array<NoteRecord & { campaignTitle: string }>> {
  const own = await ownCourtCode(ctx);
  const rows = (await noteQuery(ctx)
    .innerJoin('campaigns', 'campaigns.id', 'supervisionNotes.campaignId')
    .select('campaigns.title as campaignTitle')
    .where('campaigns.deletedAt', 'is', null)
    .where('campaigns.status', '!=', 'closed')
    .where('supervisionNotes.courtCode', '=', own)
    .where('supervisionNotes.origin', '!=', own)
    .where('noteReads.noteId', 'is', null)
    .orderBy('supervisionNotes.createdAt', 'desc')
    .orderBy('supervisionNotes.id', 'desc')
    .execute()) as Array<NoteRecord & { campaignTitle: string }>;
  // A 督导意见 asks for work, so it comes before a plain 意见; each newest first.
  const kindOrder = (row: NoteRecord) => (row.kind === 'supervision' ? 0 : 1);
  return rows.filter((row) => responsibleFor(user, row)).sort((a, b) => kindOrder(a) - kindOrder(b));
}

/** Received notes nobody here has read yet that wait on the logged-in person: 督导意见 first, newest first. */
export async function unreadNotes(ctx: ServiceContext): Promise<UnreadNote[]> {
  const user = requireUser(ctx);
  const rows = await unreadRows(ctx, user);
  return rows.map((row) => ({ ...toNote(row, 'received'), campaignTitle: row.campaignTitle }));
}

/**
 * Marks received notes read for the whole court (a local record, not synced): the ones named, or
 * every unread one this person is shown. Already read ones keep their first reader.
 */
export async function markNotesRead(
  ctx: ServiceContext,
  input: ParsedInput<'supervision.markRead'>,
): Promise<{ marked: number }> {
  const user = requireUser(ctx);
  const ids = input.ids ?? [];
  if (!input.all && ids.length === 0) {
    throw new ApiError('E_INVALID', '请选择要标为已读的督导意见。', { ids: '请选择要标为已读的督导意见' });
  }
  let targets: string[];
  if (input.all) {
    targets = (await unreadRows(ctx, user)).map((row) => row.id);
  } else {
    const own = await ownCourtCode(ctx);
    const unique = [...new Set(ids)];
    const found = await ctx.db
      .selectFrom('supervisionNotes')
      .select('id')
      .where('id', 'in', unique)
      .where('courtCode', '=', own)
      .where('origin', '!=', own)
      .where('deletedAt', 'is', null)
      .execute();
    if (found.length !== unique.length) {
      throw new ApiError(
        'E_NOT_FOUND',
        '找不到要标为已读的督导意见：只有上级法院发给本院的意见可以标为已读，可能已被撤回，请刷新后再试。',
      );
    }
    targets = unique;
  }
  if (targets.length === 0) return { marked: 0 };
  const readAt = timestamp(ctx);
  // A few hundred notes per statement (a local table, no change record); read ones are left alone.
  const marked = await writeTransaction(ctx.db, async (trx) => {
    let count = 0;
    for (let start = 0; start < targets.length; start += 500) {
      const result = await trx
        .insertInto('noteReads')
        .values(targets.slice(start, start + 500).map((noteId) => ({ noteId, readAt, readBy: user.displayName })))
        .onConflict((oc) => oc.column('noteId').doNothing())
        .executeTakeFirst();
      count += Number(result.numInsertedOrUpdatedRows ?? 0n);
    }
    return count;
  });
  return { marked };
}

export async function addNote(ctx: ServiceContext, input: ParsedInput<'supervision.add'>): Promise<SupervisionNote> {
  const campaign = await loadCampaignRow(ctx, input.campaignId);
  const actor = await currentActor(ctx);
  const above = await superiorCourtCodes(ctx);
  if (input.courtCode === actor.court || above.includes(input.courtCode)) {
    throw new ApiError('E_INVALID', '只能对下级法院的工作提出督导意见。', { courtCode: '请选择下级法院' });
  }
  const id = await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    if (input.itemId) {
      const item = await writer.trx
        .selectFrom('items')
        .select('id')
        .where('id', '=', input.itemId)
        .where('campaignId', '=', campaign.id)
        .where('origin', '=', input.courtCode)
        .where('deletedAt', 'is', null)
        .executeTakeFirst();
      if (!item) {
        throw new ApiError(
          'E_NOT_FOUND',
          `在这个专项活动中找不到 ${input.courtCode} 法院的这项事项，可能已被删除，请刷新后再试。`,
          { itemId: '请重新选择事项' },
        );
      }
    }
    const row = await writer.insert('supervisionNotes', {
      campaignId: campaign.id,
      courtCode: input.courtCode,
      itemId: input.itemId,
      kind: input.kind,
      author: actor.displayName,
      text: input.text,
    });
    return row.id;
  });
  const row = (await noteQuery(ctx).where('supervisionNotes.id', '=', id).executeTakeFirstOrThrow()) as NoteRecord;
  return toNote(row, 'written');
}

/** Only the court that wrote a note may withdraw it (the writer refuses anyone else's). */
export async function deleteNote(
  ctx: ServiceContext,
  input: ParsedInput<'supervision.delete'>,
): Promise<{ id: string }> {
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), (writer) =>
    writer.softDelete('supervisionNotes', input.id, input.version),
  );
  return { id: input.id };
}
