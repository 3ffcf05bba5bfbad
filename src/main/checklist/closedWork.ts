// The one guard for closed work: a signed-off item, a signed-off (or look-back-passed) measure, an
// accepted 查摆报告 and a recorded look-back refuse every change, for everyone (admin too), with
// E_CLOSED, until a reviewer reopens them with a reason (items.reopen, ledger.reopenMeasure,
// inspection.reopen). Every service that changes such a record, or what hangs on it (progress
// notes, evidence, claims, events), calls one of these first.
import { isItemClosed, isLookbackClosed, isMeasureClosed, isReportClosed } from '../../shared/checklist/closedRules';
import type { InspectionStatus, ItemStatus, LookbackStatus, MeasureStatus } from '../../shared/model';
import { ApiError } from '../api/errors';

export const REOPEN_HINT = '如需修改，请由审核人重新打开（需填写理由）。';

/** `action` reads after 不能, e.g. "修改", "添加佐证材料". */
export function assertItemOpen(item: { status: ItemStatus; title: string }, action: string): void {
  if (isItemClosed(item.status))
    throw new ApiError('E_CLOSED', `事项“${item.title}”已销号，不能${action}。${REOPEN_HINT}`);
}

/** Refuses the whole batch, naming the signed-off items among it. */
export function assertItemsOpen(items: Array<{ status: ItemStatus; title: string }>, action: string): void {
  const closed = items.filter((item) => isItemClosed(item.status));
  if (closed.length === 0) return;
  const names = closed
    .slice(0, 3)
    .map((item) => `“${item.title}”`)
    .join('、');
  const more = closed.length > 3 ? `等 ${closed.length} 项事项` : '';
  throw new ApiError('E_CLOSED', `${names}${more}已销号，不能${action}；本次未做任何修改。${REOPEN_HINT}`);
}

export function assertMeasureOpen(measure: { status: MeasureStatus }, action: string): void {
  if (isMeasureClosed(measure.status)) {
    const state = measure.status === 'lookback_passed' ? '已销号并通过回头看' : '已销号';
    throw new ApiError('E_CLOSED', `这项整改措施${state}，不能${action}。${REOPEN_HINT}`);
  }
}

export function assertReportOpen(report: { status: InspectionStatus; subjectName: string }, action: string): void {
  if (isReportClosed(report.status))
    throw new ApiError('E_CLOSED', `“${report.subjectName}”的查摆报告已审核通过，不能${action}。${REOPEN_HINT}`);
}

export function assertLookbackOpen(lookback: { status: LookbackStatus }, action: string): void {
  if (isLookbackClosed(lookback.status)) {
    const state = lookback.status === 'passed' ? '通过' : '发现反弹';
    throw new ApiError('E_CLOSED', `这次回头看已记录为“${state}”，不能${action}。记录后的回头看不再修改。`);
  }
}
