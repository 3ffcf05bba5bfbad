// Starts sync work as a job running in a worker thread, and relays its progress, cancel and
// outcome to the job registry (which every client polls).
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { JobResult } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { JobCancelled, type JobControl } from '../jobs/jobRegistry';
import type { SyncTask, SyncWorkerInput, SyncWorkerMessage } from './syncWorkerProtocol';

/** The worker script: the bundled .js beside this bundle, or (tests, dev) the TypeScript source
 * loaded through tsx's require hook. */
function workerScript(): { code: string; eval: boolean } {
  if (__filename.endsWith('.ts')) {
    return {
      code: `require('tsx/cjs'); require(${JSON.stringify(path.join(__dirname, 'syncWorker.ts'))});`,
      eval: true,
    };
  }
  return { code: path.join(__dirname, 'syncWorker.js'), eval: false };
}

export function runInWorker(ctx: ServiceContext, task: SyncTask, control: JobControl): Promise<JobResult> {
  const cancel = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancel);
  const input: SyncWorkerInput = {
    dataDir: ctx.dataDir,
    nativeBinding: ctx.nativeBinding,
    user: ctx.user,
    now: ctx.now().toISOString(),
    cancel,
    task,
  };
  const script = workerScript();
  return new Promise<JobResult>((resolve, reject) => {
    const worker = new Worker(script.code, { workerData: input, eval: script.eval });
    let settled = false;
    const watch = setInterval(() => {
      if (control.cancelled) Atomics.store(flag, 0, 1);
    }, 100);
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(watch);
      action();
    };
    worker.on('message', (message: SyncWorkerMessage) => {
      if (message.type === 'progress') control.progress(message.done, message.total, message.message);
      else if (message.type === 'done') settle(() => resolve(message.result));
      else if (message.type === 'cancelled') settle(() => reject(new JobCancelled()));
      else if (message.type === 'refused') settle(() => reject(new ApiError(message.code, message.message)));
      else settle(() => reject(new Error(message.message)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`同步后台任务意外退出（${code}）`))));
  });
}

export function startSyncJob(
  ctx: ServiceContext,
  kind: string,
  task: SyncTask,
  after?: (result: JobResult) => void,
): string {
  return ctx.jobs.start(kind, async (control) => {
    const result = await runInWorker(ctx, task, control);
    after?.(result);
    return result;
  });
}
