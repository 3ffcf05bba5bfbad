// 亮点 marks on an item or a progress note of this court: the written summary's 主要做法和成效 is
// drafted from them. A mark is an owned column of a synced row, so it goes through the one write
// path (version check, change number, this court's rows only, audit entry) and travels up with
// the next report to the superior court, whose summary of its jurisdiction quotes it.
//
// Unlike other changes to an item, a mark is allowed on a signed-off (销号) item: finished work is
// what a summary reports as a highlight, and the mark changes nothing of the work's record.
import type { ParsedInput } from '../../shared/api';
import type { ItemDetail, ProgressNote } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { assertItemWork, getItem, toNote } from '../checklist/items';
import { currentActor, timestamp } from '../court/courtProfile';
import { withChanges } from '../data/ownedRows';

const operation = (highlight: boolean) => (highlight ? 'mark-highlight' : 'unmark-highlight');

export async function markItemHighlight(
  ctx: ServiceContext,
  input: ParsedInput<'items.markHighlight'>,
): Promise<ItemDetail> {
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const item = await writer.loadOwned('items', input.id, input.version);
    await assertItemWork(ctx, writer, item);
    await writer.update(
      'items',
      item.id,
      input.version,
      { highlight: input.highlight ? 1 : 0 },
      operation(input.highlight),
    );
  });
  return getItem(ctx, input.id);
}

export async function markNoteHighlight(
  ctx: ServiceContext,
  input: ParsedInput<'progress.markHighlight'>,
): Promise<ProgressNote> {
  const actor = await currentActor(ctx);
  const note = await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const before = await writer.loadOwned('progressNotes', input.id, input.version);
    const item = await writer.loadOwned('items', before.itemId);
    await assertItemWork(ctx, writer, item);
    return writer.update(
      'progressNotes',
      before.id,
      input.version,
      { highlight: input.highlight ? 1 : 0 },
      operation(input.highlight),
    );
  });
  return toNote(note);
}
