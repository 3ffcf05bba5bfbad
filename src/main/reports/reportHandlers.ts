// The reports area of the operation table (报表): preview a report as printed, save it as a file.
// Both build the report through buildReport(), so the preview shows exactly what is saved; both
// build it in a worker thread (workers/workerPool.ts), so a big report never stalls this one.
import type { reportOperations } from '../../shared/reports/reportsContract';
import type { AreaHandlers } from '../api/handlerTypes';
import { checkReportScope, REPORT_FORMATS, REPORT_TITLES, type ReportScope } from './reportKinds';
import { checkExportFolder, checkFormat, exportReport } from './reportExport';

/** Exactly the operations of src/shared/reports/reportsContract.ts. */
export type ReportOperation = keyof typeof reportOperations;

export const reportHandlers: AreaHandlers<ReportOperation> = {
  'reports.preview': (ctx, input) =>
    ctx.workers.run(
      {
        op: 'reports.preview',
        scope: { campaignId: input.campaignId, kind: input.kind, courtCode: input.courtCode, noticeId: input.noticeId },
      },
      { user: ctx.user, now: ctx.now() },
    ),
  'reports.export': async (ctx, input) => {
    // Everything that can be refused is refused here, before a job exists: the folder, the kind,
    // the campaign, the court, the format. The job builds, prints and saves.
    const folder = checkExportFolder(input.folder);
    const scope: ReportScope = {
      campaignId: input.campaignId,
      kind: input.kind,
      courtCode: input.courtCode,
      noticeId: input.noticeId,
    };
    await checkReportScope(ctx, scope);
    checkFormat({ title: REPORT_TITLES[scope.kind], formats: REPORT_FORMATS[scope.kind] }, input.format);
    const jobId = ctx.jobs.start('reports.export', async (control) => ({
      kind: 'reportExport',
      report: await exportReport(ctx, scope, input.format, folder, control),
    }));
    return { jobId };
  },
};
