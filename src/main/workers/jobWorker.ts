// Worker-thread entry (started by workerPool.ts): opens its own connection to the data folder once,
// then runs the tasks it is sent, one at a time — a bundle export or import, a report's file, the
// demo data, the daily light sweep — acting as the user who asked and with that call's "now".
// Progress goes back as messages; a cancel arrives as a shared flag the work checks at its safe
// points. Refusals go back as code and message (the same ApiError on the other side); anything
// unexpected is logged here and goes back as a fault, never as a stack for people to read.
import { parentPort, threadId, workerData } from 'node:worker_threads';
import type { ServiceContext } from '../api/context';
import { databaseFault } from '../api/databaseFaults';
import { ApiError } from '../api/errors';
import { createServices, type Services } from '../app/services';
import { loadDemoHere } from '../demo/demoJob';
import { JobCancelled, type JobControl } from '../jobs/jobRegistry';
// The ledger's measures and look-backs join the daily light sweep when this module is loaded.
import '../ledger/ledgerLights';
import { sweepLightsHere } from '../lights/lightHistory';
import { errorText } from '../logging/redact';
import { logFor, setLogProcess, watchCrashes } from '../logging/log';
import { previewReportHere, saveReportHere } from '../reports/reportExport';
import { closeSharedPdfPrinter } from '../reports/reportPdf';
import { runSyncTask } from '../sync/syncWorker';
import { backupHere } from '../backup/backupJobs';
import type { FromWorker, ToWorker, WorkerStart, WorkerTask, WorkerValues } from './workerProtocol';

// This thread loads its own copy of every module: its lines go to worker.log.
setLogProcess('worker');

const start = workerData as WorkerStart;
const log = logFor(start.dataDir);
watchCrashes(log);
const post = (message: FromWorker) => parentPort!.postMessage(message);

let services: Services | null = null;

/** The folder, opened at the first task; the main process has already recovered it. */
function opened(): Services {
  services ??= createServices({ dataDir: start.dataDir, nativeBinding: start.nativeBinding, recover: false });
  return services;
}

async function perform(
  ctx: ServiceContext,
  task: WorkerTask,
  control: JobControl,
): Promise<WorkerValues[WorkerTask['op']]> {
  switch (task.op) {
    case 'sync':
      return runSyncTask(ctx, task.task, control, log);
    case 'reports.preview':
      return previewReportHere(ctx, task.scope);
    case 'reports.save':
      return saveReportHere(ctx, task.scope, task.format, task.folder, task.hostPrints, control);
    case 'demo':
      await loadDemoHere(ctx, control);
      return null;
    case 'lights.sweep':
      await sweepLightsHere(ctx);
      return null;
    case 'backup':
      return backupHere(ctx, task.trigger);
  }
}

async function runTask(message: Extract<ToWorker, { type: 'task' }>): Promise<void> {
  const { id, task } = message;
  const cancelFlag = new Int32Array(message.cancel);
  const control: JobControl = {
    progress: (done, total, text) => post({ type: 'progress', id, done, total, message: text }),
    get cancelled() {
      return Atomics.load(cancelFlag, 0) === 1;
    },
  };
  try {
    const fixedNow = new Date(message.now);
    const ctx: ServiceContext = { ...opened().ctx, user: message.user, now: () => fixedNow, caller: 'worker' };
    post({ type: 'done', id, value: await perform(ctx, task, control), threadId });
  } catch (error) {
    const refusal = error instanceof ApiError ? error : databaseFault(error);
    if (error instanceof JobCancelled) post({ type: 'cancelled', id });
    else if (refusal)
      post({ type: 'refused', id, code: refusal.code, message: refusal.message, fieldErrors: refusal.fieldErrors });
    else {
      // Sync tasks write their own outcome to the log.
      if (task.op !== 'sync') log.error('worker task failed unexpectedly', error, { op: task.op });
      post({ type: 'failed', id, detail: errorText(error) });
    }
  }
}

parentPort!.on('message', (message: ToWorker) => {
  if (message.type === 'task') void runTask(message);
  else
    void (async () => {
      try {
        await services?.close();
      } catch (error) {
        log.error('worker could not close the data folder', error);
      }
      // The browser kept warm for this thread's PDFs: it would outlive the thread otherwise.
      await closeSharedPdfPrinter();
      parentPort!.close();
    })();
});
