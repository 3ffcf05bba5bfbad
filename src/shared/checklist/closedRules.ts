// Closed work (已销号 / 审核通过 / 已记录的回头看) is read-only for everyone until a reviewer reopens
// it with a reason. The predicates are shared so the screens hide or disable what the API refuses.
import type { InspectionStatus } from '../inspection/inspectionModel';
import type { LookbackStatus } from '../ledger/ledgerModel';
import type { ItemStatus } from './checklistModel';

export const isItemClosed = (status: ItemStatus): boolean => status === 'signed_off';

/** A measure that passed sign-off (and its look-back, if held) is closed: the ledger's own rule. */
export { isMeasureClosed } from '../ledgerRules';

export const isReportClosed = (status: InspectionStatus): boolean => status === 'accepted';

/** A look-back once recorded (通过 or 发现反弹) is not changed afterwards. */
export const isLookbackClosed = (status: LookbackStatus): boolean => status !== 'scheduled';

/** The line every read-only form shows over closed work. */
export const CLOSED_HINT = {
  item: '已销号，如需修改请由审核人重新打开。',
  measure: '已销号，如需修改请由审核人重新打开。',
  report: '已审核通过，如需修改请由审核人重新打开。',
} as const;
