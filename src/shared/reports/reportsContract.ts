// Reports (报表): previewing one and saving it as a file.
import * as z from 'zod';
import { defineOperation } from '../contract';
import { courtCode, exportFolder, rowId } from '../common/schemas';
import { reportFormats, reportKinds, type ReportPreview } from './reportsModel';

const reportScope = {
  campaignId: rowId,
  kind: z.enum(reportKinds, { error: '请选择报表种类' }),
  /** A held subordinate's report, read-only; this court's own when absent. */
  courtCode: courtCode.optional(),
  /** Kind 'notice' only: the 通报 to print (required for that kind). */
  noticeId: rowId.optional(),
};

export const reportOperations = {
  'reports.preview': defineOperation<ReportPreview>()(z.object(reportScope), 'user'),
  'reports.export': defineOperation<{ jobId: string }>()(
    z.object({
      ...reportScope,
      format: z.enum(reportFormats, { error: '请选择文件格式' }),
      folder: exportFolder,
    }),
    'user',
  ),
};
