// Worker-thread entry: runs one export, publish or import on its own database connection, so
// the main process stays free to answer the window (progress polls, cancel) however big the
// bundle. A cancel sets a shared flag that the work checks between batches; the transaction is
// then rolled back and nothing is written.
import { parentPort, workerData } from 'node:worker_threads';
import { createServices } from '../app/services';
import { ApiError } from '../api/errors';
import { databaseFault } from '../api/databaseFaults';
import { JobCancelled, type JobControl } from '../jobs/jobRegistry';
import type { SyncWorkerInput, SyncWorkerMessage } from './syncWorkerProtocol';
import { exportReportUp, importBundle, publishCampaign } from './syncService';

async function main(): Promise<void> {
  const input = workerData as SyncWorkerInput;
  const cancelFlag = new Int32Array(input.cancel);
  const post = (message: SyncWorkerMessage) => parentPort!.postMessage(message);
  const fixedNow = new Date(input.now);
  const services = createServices({ dataDir: input.dataDir, nativeBinding: input.nativeBinding, now: () => fixedNow });
  const ctx = { ...services.ctx, user: input.user, caller: 'sync-worker' };
  const control: JobControl = {
    progress: (done, total, message) => post({ type: 'progress', done, total, message }),
    get cancelled() {
      return Atomics.load(cancelFlag, 0) === 1;
    },
  };
  try {
    const task = input.task;
    if (task.op === 'export')
      post({ type: 'done', result: { kind: 'syncExport', report: await exportReportUp(ctx, task.options, control) } });
    else if (task.op === 'publish')
      post({ type: 'done', result: { kind: 'syncExport', report: await publishCampaign(ctx, task.options, control) } });
    else {
      const report = await importBundle(ctx, task.options, control);
      post({ type: 'done', result: { kind: task.options.dryRun ? 'syncPreview' : 'syncImport', report } });
    }
  } catch (error) {
    const refusal = error instanceof ApiError ? error : databaseFault(error);
    if (error instanceof JobCancelled) post({ type: 'cancelled' });
    else if (refusal) post({ type: 'refused', code: refusal.code, message: refusal.message });
    else
      post({
        type: 'failed',
        message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error),
      });
  } finally {
    await services.close();
  }
}

void main();
