// Look-back (回头看): every signed-off measure is re-checked some months later (the campaign's
// lookbackMonths, 6 by default) to stop problems coming back ("防止问题反弹"). The queue lists
// the re-checks waiting, soonest first, red once overdue; a re-check passes the measure or, on a
// relapse, reopens it for work — and its next sign-off schedules a new look-back.
import dayjs from 'dayjs';
import type { ParsedInput } from '../../shared/api';
import { lookbackLightRule } from '../../shared/ledgerRules';
import type { LookbackRow, MeasureDetail } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { assertNotOwnWork } from '../access/access';
import { assertLookbackOpen } from '../checklist/closedWork';
import { currentActor, ownCourtCode, timestamp, today } from '../court/courtProfile';
import { withChanges, type ChangeWriter } from '../data/ownedRows';
import { sweepLights } from '../lights/lightHistory';
import { settleLookbackLight, settleMeasureLight } from './ledgerLights';
import { loadMeasureDetail, toLookback } from './ledgerViews';
import { addEvent, assertMeasureStatus } from './ledgerWrites';

/** The due date of a look-back: whole calendar months after sign-off (31 Aug + 6 → 28 Feb). */
export function lookbackDue(signOffDay: string, months: number): string {
  return dayjs(signOffDay).add(months, 'month').format('YYYY-MM-DD');
}

/** Schedules the re-check of a measure just signed off, inside the sign-off's transaction. */
export async function scheduleLookback(
  writer: ChangeWriter,
  measureId: string,
  signOffDay: string,
  months: number,
): Promise<void> {
  const row = await writer.insert(
    'lookbacks',
    {
      measureId,
      dueDate: lookbackDue(signOffDay, months),
      status: 'scheduled',
      checkedAt: null,
      checker: '',
      note: '',
    },
    'schedule',
  );
  await settleLookbackLight(writer.trx, row.id, signOffDay);
}

/** This court's waiting re-checks, soonest due first; with includeDone, then the recorded ones, latest first. */
export async function listLookbacks(ctx: ServiceContext, input: ParsedInput<'lookbacks.list'>): Promise<LookbackRow[]> {
  await sweepLights(ctx);
  const day = today(ctx);
  const own = await ownCourtCode(ctx);
  let query = ctx.db
    .selectFrom('lookbacks')
    .innerJoin('ledgerMeasures', 'ledgerMeasures.id', 'lookbacks.measureId')
    .innerJoin('ledgerFindings', 'ledgerFindings.id', 'ledgerMeasures.findingId')
    .innerJoin('campaigns', 'campaigns.id', 'ledgerMeasures.campaignId')
    .leftJoin('departments', 'departments.id', 'ledgerMeasures.departmentId')
    .selectAll('lookbacks')
    .select([
      'campaigns.id as campaignId',
      'campaigns.title as campaignTitle',
      'campaigns.yellowDays',
      'ledgerFindings.title as findingTitle',
      'ledgerMeasures.text as measureText',
      'ledgerMeasures.owner',
      'departments.name as departmentName',
    ])
    .where('lookbacks.origin', '=', own)
    .where('lookbacks.deletedAt', 'is', null)
    .where('ledgerMeasures.deletedAt', 'is', null)
    .where('ledgerFindings.deletedAt', 'is', null)
    .where('campaigns.deletedAt', 'is', null);
  if (input.campaignId) query = query.where('campaigns.id', '=', input.campaignId);
  if (!input.includeDone) query = query.where('lookbacks.status', '=', 'scheduled');
  const rows = await query.execute();
  const waiting = rows
    .filter((r) => r.status === 'scheduled')
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.changeSeq - b.changeSeq);
  const recorded = rows
    .filter((r) => r.status !== 'scheduled')
    .sort((a, b) => (b.checkedAt ?? '').localeCompare(a.checkedAt ?? '') || b.changeSeq - a.changeSeq);
  return [...waiting, ...recorded].map((row) => ({
    ...toLookback(row, lookbackLightRule(day, row.yellowDays)(row.status, row.dueDate)),
    campaignId: row.campaignId,
    campaignTitle: row.campaignTitle,
    findingTitle: row.findingTitle,
    measureText: row.measureText,
    owner: row.owner,
    departmentName: row.departmentName ?? '',
  }));
}

/**
 * Records a re-check. Like sign-off it needs a second person: whoever submitted the work may not
 * re-check it. Passed: the measure is done for good. Relapsed: the measure is reopened (its
 * completion and sign-off cleared; the events keep the history) and must be worked again.
 */
export async function recordLookback(
  ctx: ServiceContext,
  input: ParsedInput<'lookbacks.record'>,
): Promise<MeasureDetail> {
  const actor = await currentActor(ctx);
  const day = today(ctx);
  const measureId = await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const lookback = await writer.loadOwned('lookbacks', input.id, input.version);
    assertLookbackOpen(lookback, '再次记录');
    const measure = await writer.loadOwned('ledgerMeasures', lookback.measureId);
    assertMeasureStatus(measure.status, ['signed_off'], '记录回头看');
    assertNotOwnWork(ctx, measure.submittedBy, '整改措施');
    const passed = input.result === 'passed';
    await writer.update(
      'lookbacks',
      lookback.id,
      undefined,
      { status: passed ? 'passed' : 'relapsed', checkedAt: writer.now, checker: actor.displayName, note: input.note },
      'record',
    );
    await addEvent(writer, {
      measureId: measure.id,
      kind: passed ? 'lookback_pass' : 'lookback_relapse',
      eventDate: day,
      actor: actor.displayName,
      text: input.note,
    });
    await writer.update(
      'ledgerMeasures',
      measure.id,
      undefined,
      passed
        ? { status: 'lookback_passed' }
        : {
            status: 'reopened',
            completedAt: null,
            completedLate: 0,
            submittedBy: null,
            signedOffAt: null,
            signedOffBy: '',
          },
      passed ? 'lookback-pass' : 'lookback-relapse',
    );
    await settleLookbackLight(writer.trx, lookback.id, day);
    await settleMeasureLight(writer.trx, measure.id, day);
    return measure.id;
  });
  return loadMeasureDetail(ctx, measureId);
}

/** Moves a waiting re-check to another day (not into the past: it would be overdue at once). */
export async function rescheduleLookback(
  ctx: ServiceContext,
  input: ParsedInput<'lookbacks.reschedule'>,
): Promise<MeasureDetail> {
  const day = today(ctx);
  if (input.dueDate < day)
    throw new ApiError('E_INVALID', '回头看日期不能早于今天。', { dueDate: '回头看日期不能早于今天' });
  const actor = await currentActor(ctx);
  const measureId = await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const lookback = await writer.loadOwned('lookbacks', input.id, input.version);
    assertLookbackOpen(lookback, '改期');
    await writer.update('lookbacks', lookback.id, undefined, { dueDate: input.dueDate }, 'reschedule');
    await settleLookbackLight(writer.trx, lookback.id, day);
    return lookback.measureId;
  });
  return loadMeasureDetail(ctx, measureId);
}
