// Supervision notes (督导意见): a higher court's comment or supervision note on a subordinate's
// work in one campaign, on the court as a whole or on one of its items. The note belongs to the
// higher court that wrote it (only it may delete it) and travels down in its packages; the
// subordinate reads the notes addressed to it and cannot change them.
import type { Selectable } from 'kysely';
import type { ParsedInput } from '../../shared/api';
import type { SupervisionNote } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { loadCampaignRow } from '../campaigns/campaigns';
import { currentActor, ownCourtCode, superiorCourtCodes, timestamp } from '../court/courtProfile';
import { withChanges } from '../data/ownedRows';
import type { SupervisionNotesTable } from '../data/schema';

type NoteRecord = Selectable<SupervisionNotesTable> & { itemTitle: string | null; originName: string | null };

function toNote(row: NoteRecord): SupervisionNote {
  return {
    id: row.id,
    origin: row.origin,
    originName: row.originName ?? row.origin,
    version: row.version,
    campaignId: row.campaignId,
    courtCode: row.courtCode,
    itemId: row.itemId,
    itemTitle: row.itemTitle ?? null,
    kind: row.kind,
    author: row.author,
    text: row.text,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Notes of one campaign with the title of the item each is about (the subordinate's item). */
function noteQuery(ctx: ServiceContext, campaignId: string) {
  return (
    ctx.db
      .selectFrom('supervisionNotes')
      .leftJoin('items', 'items.id', 'supervisionNotes.itemId')
      // The writing court's own description of itself, which arrived with its package.
      .leftJoin('courts', (join) =>
        join
          .onRef('courts.code', '=', 'supervisionNotes.origin')
          .onRef('courts.origin', '=', 'supervisionNotes.origin'),
      )
      .selectAll('supervisionNotes')
      .select(['items.title as itemTitle', 'courts.name as originName'])
      .where('supervisionNotes.campaignId', '=', campaignId)
      .where('supervisionNotes.deletedAt', 'is', null)
  );
}

/**
 * courtCode another court: the notes this court wrote on that court's work. courtCode this court:
 * the notes superiors addressed to us. Neither: both (an intermediate court writes and receives).
 * Newest first.
 */
export async function listNotes(
  ctx: ServiceContext,
  input: ParsedInput<'supervision.list'>,
): Promise<SupervisionNote[]> {
  await loadCampaignRow(ctx, input.campaignId);
  const own = await ownCourtCode(ctx);
  let query = noteQuery(ctx, input.campaignId);
  if (!input.courtCode) {
    query = query.where((eb) =>
      eb.or([eb('supervisionNotes.origin', '=', own), eb('supervisionNotes.courtCode', '=', own)]),
    );
  } else if (input.courtCode === own) {
    query = query.where('supervisionNotes.courtCode', '=', own);
  } else {
    query = query.where('supervisionNotes.courtCode', '=', input.courtCode).where('supervisionNotes.origin', '=', own);
  }
  // uuid v7 ids rise with time, so they break ties between notes of the same second.
  const rows = (await query
    .orderBy('supervisionNotes.createdAt', 'desc')
    .orderBy('supervisionNotes.id', 'desc')
    .execute()) as NoteRecord[];
  return rows.map(toNote);
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
  const row = (await noteQuery(ctx, campaign.id)
    .where('supervisionNotes.id', '=', id)
    .executeTakeFirstOrThrow()) as NoteRecord;
  return toNote(row);
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
