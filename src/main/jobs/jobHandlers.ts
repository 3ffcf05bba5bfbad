// The background jobs' part of the operation table: starting the demo data, and following or
// cancelling any job (the registry is in jobRegistry.ts, reached through the service context).
import type { jobOperations } from '../../shared/jobs/jobsContract';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import type { AreaHandlers } from '../api/handlerTypes';
import { requireProfile } from '../court/courtProfile';
import { startDemoJob } from '../demo/demoJob';

/** Exactly the operations of src/shared/jobs/jobsContract.ts. */
export type JobOperation = keyof typeof jobOperations;

function jobOrFail(status: ReturnType<ServiceContext['jobs']['get']>) {
  if (!status) throw new ApiError('E_NOT_FOUND', '找不到这项后台任务，它可能早已结束。');
  return status;
}

export const jobHandlers: AreaHandlers<JobOperation> = {
  'demo.start': async (ctx) => {
    await requireProfile(ctx);
    return { jobId: startDemoJob(ctx) };
  },
  'jobs.get': async (ctx, input) => jobOrFail(ctx.jobs.get(input.jobId)),
  'jobs.cancel': async (ctx, input) => jobOrFail(ctx.jobs.cancel(input.jobId)),
};
