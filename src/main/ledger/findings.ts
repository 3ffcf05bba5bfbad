// Findings (整改问题) of the ledger: what an inspection, audit, petition or notice found, from
// which source, assigned to which department. Measures answer them (measures.ts).
import type { ParsedInput } from '../../shared/api';
import type { FindingDetail } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { assertMeasureOpen } from '../checklist/closedWork';
import { ApiError } from '../api/errors';
import { loadCampaignRow } from '../campaigns/campaigns';
import { currentActor, timestamp, today } from '../court/courtProfile';
import { withChanges } from '../data/ownedRows';
import { loadFindingDetail } from './ledgerViews';
import { assertDepartmentExists, assertLedgerWork, deleteMeasureRows, insertFinding } from './ledgerWrites';

function assertReceivedDate(ctx: ServiceContext, receivedDate: string | null): void {
  if (receivedDate && receivedDate > today(ctx)) {
    throw new ApiError('E_INVALID', '收到日期不能晚于今天。', { receivedDate: '收到日期不能晚于今天' });
  }
}

export async function createFinding(
  ctx: ServiceContext,
  input: ParsedInput<'ledger.createFinding'>,
): Promise<FindingDetail> {
  const campaign = await loadCampaignRow(ctx, input.campaignId);
  if (campaign.status === 'closed')
    throw new ApiError('E_CLOSED', '这个专项活动已结束，不能再登记整改问题。如需登记，请先重新启用活动。');
  assertReceivedDate(ctx, input.receivedDate);
  const actor = await currentActor(ctx);
  const row = await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    await assertLedgerWork(ctx, writer, input.departmentId, '整改问题');
    await assertDepartmentExists(writer, input.departmentId);
    return insertFinding(writer, { ...input, claimId: null });
  });
  return loadFindingDetail(ctx, row.id);
}

export async function updateFinding(
  ctx: ServiceContext,
  input: ParsedInput<'ledger.updateFinding'>,
): Promise<FindingDetail> {
  assertReceivedDate(ctx, input.receivedDate);
  const actor = await currentActor(ctx);
  const { id, version, ...fields } = input;
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const before = await writer.loadOwned('ledgerFindings', id, version);
    await assertLedgerWork(ctx, writer, before.departmentId, '整改问题');
    // A 填报人 may not hand a finding to another department either.
    if (fields.departmentId !== before.departmentId)
      await assertLedgerWork(ctx, writer, fields.departmentId, '整改问题');
    await assertDepartmentExists(writer, fields.departmentId);
    await writer.update('ledgerFindings', id, version, fields);
  });
  return loadFindingDetail(ctx, id);
}

/**
 * Deletes a finding together with its measures (and their history, evidence and look-backs): a
 * measure without its finding would answer nothing. A 填报人 may do so only when every measure is
 * their department's too.
 */
export async function deleteFinding(
  ctx: ServiceContext,
  input: ParsedInput<'ledger.deleteFinding'>,
): Promise<{ id: string }> {
  const actor = await currentActor(ctx);
  const day = today(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const finding = await writer.loadOwned('ledgerFindings', input.id, input.version);
    await assertLedgerWork(ctx, writer, finding.departmentId, '整改问题');
    const measures = await writer.trx
      .selectFrom('ledgerMeasures')
      .select(['id', 'departmentId', 'status'])
      .where('findingId', '=', finding.id)
      .where('deletedAt', 'is', null)
      .execute();
    // A signed-off measure goes only after a reviewer reopened it.
    for (const measure of measures) assertMeasureOpen(measure, '随整改问题一并删除');
    for (const measure of measures) await assertLedgerWork(ctx, writer, measure.departmentId, '整改措施');
    for (const measure of measures) await deleteMeasureRows(writer, measure.id, day);
    await writer.softDelete('ledgerFindings', finding.id, input.version);
  });
  return { id: input.id };
}
