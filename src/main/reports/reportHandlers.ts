// The reports area of the operation table (报表): preview a report as printed, save it as a file.
import type { AreaHandlers } from '../api/handlerTypes';
import { ApiError } from '../api/errors';

export type ReportOperation = 'reports.preview' | 'reports.export';

export const reportHandlers: AreaHandlers<ReportOperation> = {
  'reports.preview': async () => {
    throw new ApiError('E_UNAVAILABLE', '报表预览尚未完成。');
  },
  'reports.export': async () => {
    throw new ApiError('E_UNAVAILABLE', '报表导出尚未完成。');
  },
};
