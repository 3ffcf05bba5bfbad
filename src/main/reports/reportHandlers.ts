// The reports area of the operation table (报表): preview a report as printed, save it as a file.
// Both build the report through buildReport(), so the preview shows exactly what is saved.
import type { AreaHandlers } from '../api/handlerTypes';
import { buildReport } from './reportKinds';
import { checkExportFolder, checkFormat, saveReport } from './reportExport';

export type ReportOperation = 'reports.preview' | 'reports.export';

export const reportHandlers: AreaHandlers<ReportOperation> = {
  'reports.preview': async (ctx, input) => {
    const report = await buildReport(ctx, input);
    return {
      kind: report.kind,
      title: report.title,
      baseName: report.baseName,
      html: report.html,
      landscape: report.landscape,
      formats: report.formats,
    };
  },
  'reports.export': async (ctx, input) => {
    // Everything that can be refused is refused here, before a job exists: the folder, the kind,
    // the court, the format. The job only prints and saves.
    const folder = checkExportFolder(input.folder);
    const report = await buildReport(ctx, {
      campaignId: input.campaignId,
      kind: input.kind,
      courtCode: input.courtCode,
    });
    checkFormat(report, input.format);
    const jobId = ctx.jobs.start('reports.export', async (control) => ({
      kind: 'reportExport',
      report: await saveReport(ctx, report, input.format, folder, control),
    }));
    return { jobId };
  },
};
