// Evidence of the ledger (整改佐证材料): before and after the rectification, and the material of
// each look-back. Files are stored once by content in the same store as checklist evidence.
import type { ParsedInput } from '../../shared/api';
import type { LedgerEvidence } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { currentActor, timestamp } from '../court/courtProfile';
import { withChanges } from '../data/ownedRows';
import { openBlobCopy } from '../evidence/evidenceStore';
import { withEvidenceChanges } from '../evidence/evidenceFiles';
import { toLedgerEvidence } from './ledgerViews';
import { assertLedgerWork } from './ledgerWrites';
import { assertLookbackOpen, assertMeasureOpen } from '../checklist/closedWork';

export async function addLedgerEvidence(
  ctx: ServiceContext,
  input: ParsedInput<'ledger.addEvidence'>,
): Promise<LedgerEvidence> {
  const actor = await currentActor(ctx);
  const row = await withEvidenceChanges(ctx, actor, input, async (writer, file) => {
    const { sha256, size } = file;
    const measure = await writer.loadOwned('ledgerMeasures', input.measureId);
    // A signed-off measure takes only the material of its waiting look-back (checked below).
    if (input.phase !== 'lookback' || measure.status !== 'signed_off') assertMeasureOpen(measure, '添加佐证材料');
    await assertLedgerWork(ctx, writer, measure.departmentId, '整改措施');
    // Only look-back material names its look-back; before/after material belongs to the measure.
    const lookbackId = input.phase === 'lookback' ? input.lookbackId : null;
    if (lookbackId) {
      const lookback = await writer.loadOwned('lookbacks', lookbackId);
      if (lookback.measureId !== measure.id) {
        throw new ApiError('E_INVALID', '所选回头看不属于这项整改措施，请刷新后重新选择。', {
          lookbackId: '请重新选择回头看',
        });
      }
      assertLookbackOpen(lookback, '再添加佐证材料');
    }
    const duplicate = await writer.trx
      .selectFrom('ledgerEvidence')
      .select('originalName')
      .where('measureId', '=', measure.id)
      .where('sha256', '=', sha256)
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
    if (duplicate) {
      throw new ApiError(
        'E_DUPLICATE',
        `这项整改措施已有内容相同的佐证材料“${duplicate.originalName}”，无需重复上传。`,
      );
    }
    return writer.insert('ledgerEvidence', {
      measureId: measure.id,
      lookbackId,
      phase: input.phase,
      sha256,
      originalName: input.name,
      size,
      // The type its bytes were found to be (evidenceType.ts), not what the browser said.
      mimeType: file.mimeType,
      detectedType: file.detectedType,
    });
  });
  return toLedgerEvidence(row);
}

/** Evidence a sign-off rested on stays: once signed off, files can be added but not removed. */
export async function removeLedgerEvidence(
  ctx: ServiceContext,
  input: ParsedInput<'ledger.removeEvidence'>,
): Promise<{ id: string }> {
  const actor = await currentActor(ctx);
  // The blob stays: other records or the audit history may still cite it.
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const evidence = await writer.loadOwned('ledgerEvidence', input.id, input.version);
    const measure = await writer.loadOwned('ledgerMeasures', evidence.measureId);
    assertMeasureOpen(measure, '删除佐证材料（佐证材料是销号的依据）');
    await assertLedgerWork(ctx, writer, measure.departmentId, '整改措施');
    await writer.softDelete('ledgerEvidence', input.id, input.version);
  });
  return { id: input.id };
}

export async function openLedgerEvidence(ctx: ServiceContext, id: string): Promise<{ opened: boolean }> {
  const row = await ctx.db
    .selectFrom('ledgerEvidence')
    .selectAll()
    .where('id', '=', id)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!row) throw new ApiError('E_NOT_FOUND', '找不到这份整改佐证材料，可能已被删除。');
  return openBlobCopy(ctx, row);
}
