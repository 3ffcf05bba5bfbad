// The names of record states in the main process's own sentences (refusals, "my work", reports).
// Items, measures and look-backs use the shared words the screens use; a report's states read as
// whole phrases here (已提交待审核) where the screens' badges are short (已提交).
import type { InspectionStatus } from '../../shared/model';
import { ITEM_STATUS_LABELS, LOOKBACK_STATUS_LABELS, MEASURE_STATUS_LABELS } from '../../shared/statusLabels';

export const ITEM_STATUS_ZH = ITEM_STATUS_LABELS;

export const REPORT_STATUS_ZH: Record<InspectionStatus, string> = {
  draft: '草稿',
  submitted: '已提交待审核',
  returned: '已退回重填',
  accepted: '审核通过',
};

export const MEASURE_STATUS_ZH = MEASURE_STATUS_LABELS;

export const LOOKBACK_STATUS_ZH = LOOKBACK_STATUS_LABELS;
