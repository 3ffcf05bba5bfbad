// What record states (and a ledger problem's source) are called, for people: the main process's
// sentences (refusals, my work, reports) and the screens use these same words, so the two never
// drift apart. A Traditional Chinese locale replaces them here once.
import type { ItemStatus, LedgerSource, LookbackStatus, MeasureStatus } from './model';

export const ITEM_STATUS_LABELS: Readonly<Record<ItemStatus, string>> = {
  not_started: '未开始',
  in_progress: '推进中',
  completed: '已完成待销号',
  signed_off: '已销号',
  returned: '已退回',
};

export const MEASURE_STATUS_LABELS: Readonly<Record<MeasureStatus, string>> = {
  identified: '待整改',
  in_progress: '整改中',
  submitted: '待销号',
  signed_off: '已销号',
  lookback_passed: '回头看通过',
  returned: '已退回',
  reopened: '回头看发现反弹',
};

export const LOOKBACK_STATUS_LABELS: Readonly<Record<LookbackStatus, string>> = {
  scheduled: '待回头看',
  passed: '通过',
  relapsed: '发现反弹',
};

/** Where a rectification-ledger problem came from (问题来源): the ledger screens and the printed ledger. */
export const LEDGER_SOURCE_LABELS: Readonly<Record<LedgerSource, string>> = {
  inspection_feedback: '巡视/巡察反馈',
  audit_supervision: '审务督察',
  self_inspection: '自查',
  superior_notice: '上级通报',
  petition: '信访件',
  problem_lead: '问题线索',
};
