// Measures (整改措施) and their work cycle:
//   identified → in_progress (first progress note) → submitted (完成情况) → signed_off (对账销号,
//   by a reviewer who did not submit it; schedules the look-back) → lookback_passed;
//   submitted → returned (sent back with a reason) → worked again → submitted;
//   signed_off → reopened by a relapse at look-back (lookbacks.ts) → worked again → submitted.
// Long-term measures (长期整改) take progress notes but are never submitted (see ledgerRules.ts).
// Every step writes a ledger event; every state or deadline change settles the light history.
import type { Selectable } from 'kysely';
import type { ParsedInput } from '../../shared/api';
import { SUBMITTABLE, TAKES_PROGRESS } from '../../shared/ledgerRules';
import type { MeasureDetail } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { assertNotOwnWork } from '../access/access';
import { assertMeasureOpen } from '../checklist/closedWork';
import { loadCampaignRow } from '../campaigns/campaigns';
import { currentActor, timestamp, today } from '../court/courtProfile';
import { withChanges } from '../data/ownedRows';
import type { LedgerMeasuresTable } from '../data/schema';
import { closeLights, settleMeasureLight } from './ledgerLights';
import { REOPENED_PREFIX } from '../../shared/ledgerRules';
import { loadFindingRow, loadMeasureDetail } from './ledgerViews';
import {
  addEvent,
  assertDepartmentExists,
  assertLedgerWork,
  assertMeasureStatus,
  deleteMeasureRows,
  insertMeasure,
} from './ledgerWrites';
import { scheduleLookback } from './lookbacks';

const LONG_TERM_NO_SUBMIT =
  '这项整改措施是长期整改，按要求持续推进、不提交销号。如已全部完成，请先在编辑中取消“长期整改”，再提交销号。';

export async function createMeasure(
  ctx: ServiceContext,
  input: ParsedInput<'ledger.createMeasure'>,
): Promise<MeasureDetail> {
  const finding = await loadFindingRow(ctx, input.findingId);
  const campaign = await loadCampaignRow(ctx, finding.campaignId);
  if (campaign.status === 'closed')
    throw new ApiError('E_CLOSED', '这个专项活动已结束，不能再添加整改措施。如需添加，请先重新启用活动。');
  const actor = await currentActor(ctx);
  const day = today(ctx);
  const { findingId: _findingId, longTerm, ...fields } = input;
  // Without a department of its own, a measure belongs to its finding's department.
  const departmentId = fields.departmentId ?? finding.departmentId;
  const row = await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    await assertLedgerWork(ctx, writer, departmentId, '整改措施');
    await assertDepartmentExists(writer, departmentId);
    const created = await insertMeasure(writer, finding, { ...fields, departmentId, longTerm: longTerm ? 1 : 0 });
    await settleMeasureLight(writer.trx, created.id, day);
    return created;
  });
  return loadMeasureDetail(ctx, row.id);
}

export async function updateMeasure(
  ctx: ServiceContext,
  input: ParsedInput<'ledger.updateMeasure'>,
): Promise<MeasureDetail> {
  const actor = await currentActor(ctx);
  const day = today(ctx);
  const { id, version, longTerm, ...fields } = input;
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const before = await writer.loadOwned('ledgerMeasures', id, version);
    assertMeasureOpen(before, '修改');
    await assertLedgerWork(ctx, writer, before.departmentId, '整改措施');
    // As on creation, a measure without a department of its own belongs to its finding's.
    if (!fields.departmentId) {
      const finding = await writer.trx
        .selectFrom('ledgerFindings')
        .select('departmentId')
        .where('id', '=', before.findingId)
        .executeTakeFirstOrThrow();
      fields.departmentId = finding.departmentId;
    }
    // A 填报人 may not hand a measure to another department either.
    if (fields.departmentId !== before.departmentId)
      await assertLedgerWork(ctx, writer, fields.departmentId, '整改措施');
    await assertDepartmentExists(writer, fields.departmentId);
    // Work already handed in or signed off is not turned into an open-ended task afterwards.
    if (longTerm && before.longTerm === 0) assertMeasureStatus(before.status, SUBMITTABLE, '改为长期整改');
    await writer.update('ledgerMeasures', id, version, { ...fields, longTerm: longTerm ? 1 : 0 });
    await settleMeasureLight(writer.trx, id, day);
  });
  return loadMeasureDetail(ctx, id);
}

export async function deleteMeasure(
  ctx: ServiceContext,
  input: ParsedInput<'ledger.deleteMeasure'>,
): Promise<{ id: string }> {
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const measure = await writer.loadOwned('ledgerMeasures', input.id, input.version);
    assertMeasureOpen(measure, '删除');
    await assertLedgerWork(ctx, writer, measure.departmentId, '整改措施');
    await deleteMeasureRows(writer, measure.id, today(ctx), input.version);
  });
  return { id: input.id };
}

/** A progress note; the first one (or the first after a send-back or relapse) starts the work again. */
export async function addProgress(
  ctx: ServiceContext,
  input: ParsedInput<'ledger.addProgress'>,
): Promise<MeasureDetail> {
  const day = today(ctx);
  if (input.eventDate > day)
    throw new ApiError('E_INVALID', '进展日期不能晚于今天。', { eventDate: '进展日期不能晚于今天' });
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const measure = await writer.loadOwned('ledgerMeasures', input.measureId);
    assertMeasureOpen(measure, '再填报整改进展');
    await assertLedgerWork(ctx, writer, measure.departmentId, '整改措施');
    assertMeasureStatus(measure.status, TAKES_PROGRESS, '再填报整改进展（已销号的整改措施只能通过回头看重新打开）');
    await addEvent(writer, {
      measureId: measure.id,
      kind: 'progress',
      eventDate: input.eventDate,
      actor: actor.displayName,
      text: input.text,
    });
    // Notes while waiting for sign-off supplement the submission; they do not pull it back.
    if (measure.status !== 'in_progress' && measure.status !== 'submitted') {
      await writer.update('ledgerMeasures', measure.id, undefined, { status: 'in_progress' }, 'progress');
      await settleMeasureLight(writer.trx, measure.id, day);
    }
  });
  return loadMeasureDetail(ctx, input.measureId);
}

/** Submits the finished work for sign-off (提交销号), with the completion note. */
export async function submitMeasure(ctx: ServiceContext, input: ParsedInput<'ledger.submit'>): Promise<MeasureDetail> {
  const actor = await currentActor(ctx);
  const day = today(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const measure = await writer.loadOwned('ledgerMeasures', input.id, input.version);
    assertMeasureOpen(measure, '再提交销号');
    await assertLedgerWork(ctx, writer, measure.departmentId, '整改措施');
    assertMeasureStatus(measure.status, SUBMITTABLE, '提交销号');
    if (measure.longTerm === 1) throw new ApiError('E_BAD_STATE', LONG_TERM_NO_SUBMIT);
    await addEvent(writer, {
      measureId: measure.id,
      kind: 'submit',
      eventDate: day,
      actor: actor.displayName,
      text: input.note,
    });
    await writer.update(
      'ledgerMeasures',
      measure.id,
      undefined,
      {
        status: 'submitted',
        completedAt: writer.now,
        completedLate: measure.deadline && day > measure.deadline ? 1 : 0,
        submittedBy: actor.userId,
      },
      'submit',
    );
    await settleMeasureLight(writer.trx, measure.id, day);
  });
  return loadMeasureDetail(ctx, input.id);
}

/** 对账销号 by a reviewer who did not submit the work; the look-back is scheduled at once. */
export async function signOffMeasure(
  ctx: ServiceContext,
  input: ParsedInput<'ledger.signOff'>,
): Promise<MeasureDetail> {
  const actor = await currentActor(ctx);
  const day = today(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const measure = await writer.loadOwned('ledgerMeasures', input.id, input.version);
    assertMeasureStatus(measure.status, ['submitted'], '销号');
    assertNotOwnWork(ctx, measure.submittedBy, '整改措施');
    const campaign = await writer.trx
      .selectFrom('campaigns')
      .select('lookbackMonths')
      .where('id', '=', measure.campaignId)
      .executeTakeFirstOrThrow();
    await addEvent(writer, {
      measureId: measure.id,
      kind: 'sign_off',
      eventDate: day,
      actor: actor.displayName,
      text: input.opinion,
    });
    await writer.update(
      'ledgerMeasures',
      measure.id,
      undefined,
      { status: 'signed_off', signedOffAt: writer.now, signedOffBy: actor.displayName },
      'sign-off',
    );
    await settleMeasureLight(writer.trx, measure.id, day);
    await scheduleLookback(writer, measure.id, day, campaign.lookbackMonths);
  });
  return loadMeasureDetail(ctx, input.id);
}

/** Sends submitted work back with the reason; the owner works on and submits again. */
export async function sendBackMeasure(
  ctx: ServiceContext,
  input: ParsedInput<'ledger.sendBack'>,
): Promise<MeasureDetail> {
  const actor = await currentActor(ctx);
  const day = today(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const measure = await writer.loadOwned('ledgerMeasures', input.id, input.version);
    assertMeasureStatus(measure.status, ['submitted'], '退回');
    await addEvent(writer, {
      measureId: measure.id,
      kind: 'send_back',
      eventDate: day,
      actor: actor.displayName,
      text: input.reason,
    });
    const patch: Partial<Selectable<LedgerMeasuresTable>> = {
      status: 'returned',
      completedAt: null,
      completedLate: 0,
      submittedBy: null,
    };
    await writer.update('ledgerMeasures', measure.id, undefined, patch, 'send-back');
    await settleMeasureLight(writer.trx, measure.id, day);
  });
  return loadMeasureDetail(ctx, input.id);
}

/**
 * 重新打开 by a reviewer, with the reason: a signed-off (or look-back-passed) measure goes back to
 * work and must be submitted and signed off again. The sign-off event stays in the history; the
 * waiting look-back is withdrawn (the next sign-off schedules a new one).
 */
export async function reopenMeasure(
  ctx: ServiceContext,
  input: ParsedInput<'ledger.reopenMeasure'>,
): Promise<MeasureDetail> {
  const actor = await currentActor(ctx);
  const day = today(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const measure = await writer.loadOwned('ledgerMeasures', input.id, input.version);
    assertMeasureStatus(measure.status, ['signed_off', 'lookback_passed'], '重新打开');
    // The ledger's event kinds are fixed by its table; a reopen is kept as a send-back that says so.
    await addEvent(writer, {
      measureId: measure.id,
      kind: 'send_back',
      eventDate: day,
      actor: actor.displayName,
      text: `${REOPENED_PREFIX}${input.reason}`,
    });
    const waiting = await writer.trx
      .selectFrom('lookbacks')
      .select('id')
      .where('measureId', '=', measure.id)
      .where('status', '=', 'scheduled')
      .where('deletedAt', 'is', null)
      .execute();
    for (const row of waiting) await writer.softDelete('lookbacks', row.id, undefined, 'reopen');
    await closeLights(
      writer.trx,
      'lookback',
      waiting.map((row) => row.id),
      day,
    );
    await writer.update(
      'ledgerMeasures',
      measure.id,
      undefined,
      {
        status: 'reopened',
        completedAt: null,
        completedLate: 0,
        submittedBy: null,
        signedOffAt: null,
        signedOffBy: '',
      },
      'reopen',
    );
    await settleMeasureLight(writer.trx, measure.id, day);
  });
  return loadMeasureDetail(ctx, input.id);
}
