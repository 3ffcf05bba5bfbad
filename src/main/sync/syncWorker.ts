// The sync part of the worker thread (workers/jobWorker.ts): runs one export, publish or import on
// the worker's own database connection, so the main process stays free to answer the window
// (progress polls, cancel) however big the bundle. A cancel sets a shared flag that the work
// checks between batches; the transaction is then rolled back and nothing is written.
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { databaseFault } from '../api/databaseFaults';
import { JobCancelled, type JobControl } from '../jobs/jobRegistry';
import type { JobResult } from '../../shared/model';
import type { SyncTask } from './syncWorkerProtocol';
import { exportReportUp, importBundle, publishCampaign } from './syncService';
import type { AppLog } from '../logging/log';
import { syncOutcomeDetails } from '../logging/syncEvents';
import { backupBeforeImport } from '../backup/backupJobs';

/** Runs the task and writes its start and outcome to the worker's log (worker.log); rethrows. */
export async function runSyncTask(
  ctx: ServiceContext,
  task: SyncTask,
  control: JobControl,
  log: AppLog,
): Promise<JobResult> {
  log.info('sync task started', { op: task.op, userId: ctx.user?.id ?? null });
  try {
    let result: JobResult;
    if (task.op === 'export') result = { kind: 'syncExport', report: await exportReportUp(ctx, task.options, control) };
    else if (task.op === 'publish')
      result = { kind: 'syncExport', report: await publishCampaign(ctx, task.options, control) };
    else {
      // A real import first takes a backup (or is refused when it cannot); a dry run changes nothing.
      if (!task.options.dryRun) backupBeforeImport(ctx);
      const report = await importBundle(ctx, task.options, control);
      result = { kind: task.options.dryRun ? 'syncPreview' : 'syncImport', report };
    }
    log.info('sync task finished', { op: task.op, ...syncOutcomeDetails(result) });
    return result;
  } catch (error) {
    const refusal = error instanceof ApiError ? error : databaseFault(error);
    if (error instanceof JobCancelled) log.info('sync task cancelled; nothing was written', { op: task.op });
    else if (refusal) log.info('sync task refused', { op: task.op, code: refusal.code, message: refusal.message });
    else log.error('sync task failed unexpectedly', error, { op: task.op });
    throw error;
  }
}
