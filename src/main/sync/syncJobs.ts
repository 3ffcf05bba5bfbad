// Starts sync work as a job running in a worker thread (workers/workerPool.ts), which relays its
// progress, cancel and outcome to the job registry (which every client polls).
import type { JobResult } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import type { SyncTask } from './syncWorkerProtocol';

export function startSyncJob(
  ctx: ServiceContext,
  kind: string,
  task: SyncTask,
  after?: (result: JobResult) => void,
): string {
  return ctx.jobs.start(kind, async (control) => {
    const result = await ctx.workers.run({ op: 'sync', task }, { user: ctx.user, now: ctx.now(), control });
    after?.(result);
    return result;
  });
}
