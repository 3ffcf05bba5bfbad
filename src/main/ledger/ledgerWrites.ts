// Building blocks every ledger write shares: the department rule for 填报人, the Chinese names of
// measure states for refusals, placing new findings and measures at the end of their list, the
// event log of a measure, and deleting a measure with everything hanging on it.
import type { Insertable } from 'kysely';
import type { MeasureStatus } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { assertCanWorkFor } from '../access/access';
import { ORDER_GAP, type ChangeWriter } from '../data/ownedRows';
import type { LedgerEventsTable, LedgerFindingsTable, LedgerMeasuresTable } from '../data/schema';
import { closeLights } from './ledgerLights';
import { MEASURE_STATUS_ZH } from '../app/statusText';

export function assertMeasureStatus(status: MeasureStatus, allowed: readonly MeasureStatus[], action: string): void {
  if (!allowed.includes(status)) {
    throw new ApiError(
      'E_BAD_STATE',
      `该整改措施当前为“${MEASURE_STATUS_ZH[status]}”，不能${action}。请刷新后查看最新状态。`,
    );
  }
}

async function departmentName(writer: ChangeWriter, departmentId: string | null): Promise<string | undefined> {
  if (!departmentId) return undefined;
  const row = await writer.trx
    .selectFrom('departments')
    .select('name')
    .where('id', '=', departmentId)
    .executeTakeFirst();
  return row?.name;
}

/** A 填报人 works only on their own department's findings and measures; the message names the record's department. */
export async function assertLedgerWork(
  ctx: ServiceContext,
  writer: ChangeWriter,
  departmentId: string | null,
  what: '整改问题' | '整改措施',
): Promise<void> {
  assertCanWorkFor(ctx, departmentId, what, await departmentName(writer, departmentId));
}

/** One of this court's departments (other courts' departments arrive with their bundles); checklist items use it too. */
export async function assertDepartmentExists(
  writer: ChangeWriter,
  departmentId: string | null | undefined,
): Promise<void> {
  if (!departmentId) return;
  const department = await writer.trx
    .selectFrom('departments')
    .select('id')
    .where('id', '=', departmentId)
    .where('origin', '=', writer.actor.court)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!department)
    throw new ApiError('E_INVALID', '所选责任部门不存在或已被删除，请重新选择。', {
      departmentId: '请重新选择责任部门',
    });
}

type FindingValues = Omit<
  Insertable<LedgerFindingsTable>,
  'id' | 'origin' | 'version' | 'changeSeq' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'sortOrder'
>;
type MeasureValues = Omit<
  Insertable<LedgerMeasuresTable>,
  | 'id'
  | 'origin'
  | 'version'
  | 'changeSeq'
  | 'createdAt'
  | 'updatedAt'
  | 'deletedAt'
  | 'sortOrder'
  | 'campaignId'
  | 'status'
  | 'completedAt'
  | 'completedLate'
  | 'submittedBy'
  | 'signedOffAt'
  | 'signedOffBy'
> &
  Partial<
    Pick<
      Insertable<LedgerMeasuresTable>,
      'status' | 'completedAt' | 'completedLate' | 'submittedBy' | 'signedOffAt' | 'signedOffBy'
    >
  >;

/** Adds a finding at the end of this court's ledger of the campaign. */
export async function insertFinding(writer: ChangeWriter, values: FindingValues) {
  const last = await writer.trx
    .selectFrom('ledgerFindings')
    .select((eb) => eb.fn.max('sortOrder').as('max'))
    .where('campaignId', '=', values.campaignId)
    .where('origin', '=', writer.actor.court)
    .executeTakeFirst();
  return writer.insert('ledgerFindings', { ...values, sortOrder: (last?.max ?? 0) + ORDER_GAP });
}

/** Adds a measure after the finding's other measures, in the finding's campaign. */
export async function insertMeasure(
  writer: ChangeWriter,
  finding: { id: string; campaignId: string },
  values: Omit<MeasureValues, 'findingId'>,
) {
  const last = await writer.trx
    .selectFrom('ledgerMeasures')
    .select((eb) => eb.fn.max('sortOrder').as('max'))
    .where('findingId', '=', finding.id)
    .executeTakeFirst();
  return writer.insert('ledgerMeasures', {
    status: 'identified',
    completedAt: null,
    completedLate: 0,
    submittedBy: null,
    signedOffAt: null,
    signedOffBy: '',
    ...values,
    findingId: finding.id,
    campaignId: finding.campaignId,
    sortOrder: (last?.max ?? 0) + ORDER_GAP,
  });
}

export function addEvent(
  writer: ChangeWriter,
  values: Omit<
    Insertable<LedgerEventsTable>,
    'id' | 'origin' | 'version' | 'changeSeq' | 'createdAt' | 'updatedAt' | 'deletedAt'
  >,
) {
  return writer.insert('ledgerEvents', values);
}

/** Soft-deletes a measure and its events, evidence and look-backs (tombstones travel in bundles). */
export async function deleteMeasureRows(
  writer: ChangeWriter,
  measureId: string,
  day: string,
  expectedVersion?: number,
): Promise<void> {
  const [events, evidence, lookbacks] = await Promise.all([
    writer.trx
      .selectFrom('ledgerEvents')
      .select('id')
      .where('measureId', '=', measureId)
      .where('deletedAt', 'is', null)
      .execute(),
    writer.trx
      .selectFrom('ledgerEvidence')
      .select('id')
      .where('measureId', '=', measureId)
      .where('deletedAt', 'is', null)
      .execute(),
    writer.trx
      .selectFrom('lookbacks')
      .select('id')
      .where('measureId', '=', measureId)
      .where('deletedAt', 'is', null)
      .execute(),
  ]);
  for (const row of evidence) await writer.softDelete('ledgerEvidence', row.id);
  for (const row of events) await writer.softDelete('ledgerEvents', row.id);
  for (const row of lookbacks) await writer.softDelete('lookbacks', row.id);
  await writer.softDelete('ledgerMeasures', measureId, expectedVersion);
  await closeLights(writer.trx, 'measure', [measureId], day);
  await closeLights(
    writer.trx,
    'lookback',
    lookbacks.map((row) => row.id),
    day,
  );
}
