// The names of record states in the main process's own sentences (refusals, "my work"). The
// screens keep their own copy in their text files, so a Traditional Chinese locale can replace
// them there; these follow the same words.
import type { InspectionStatus, ItemStatus, LookbackStatus, MeasureStatus } from '../../shared/model';

export const ITEM_STATUS_ZH: Record<ItemStatus, string> = {
  not_started: '未开始',
  in_progress: '推进中',
  completed: '已完成待销号',
  signed_off: '已销号',
  returned: '已退回',
};

export const REPORT_STATUS_ZH: Record<InspectionStatus, string> = {
  draft: '草稿',
  submitted: '已提交待审核',
  returned: '已退回重填',
  accepted: '审核通过',
};

export const MEASURE_STATUS_ZH: Record<MeasureStatus, string> = {
  identified: '待整改',
  in_progress: '整改中',
  submitted: '待销号',
  signed_off: '已销号',
  lookback_passed: '回头看通过',
  returned: '已退回',
  reopened: '回头看发现反弹',
};

export const LOOKBACK_STATUS_ZH: Record<LookbackStatus, string> = {
  scheduled: '待回头看',
  passed: '通过',
  relapsed: '发现反弹',
};
