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

/** The jobs the set-up screen of a reinstalled computer starts before anyone can log in. */
const BEFORE_LOGIN_KINDS = new Set(['backup.inspect', 'backup.restore', 'recovery.preview', 'recovery.import']);

/** The job, if there is one this caller may follow: anyone logged in sees every job (as before);
 * a caller not logged in sees only the jobs of the set-up screen. */
function jobOrFail(ctx: ServiceContext, status: ReturnType<ServiceContext['jobs']['get']>) {
  if (!status || (!ctx.user && !BEFORE_LOGIN_KINDS.has(status.kind)))
    throw new ApiError('E_NOT_FOUND', '找不到这项后台任务，它可能早已结束。');
  return status;
}

export const jobHandlers: AreaHandlers<JobOperation> = {
  'demo.start': async (ctx) => {
    await requireProfile(ctx);
    return { jobId: startDemoJob(ctx) };
  },
  'jobs.get': async (ctx, input) => jobOrFail(ctx, ctx.jobs.get(input.jobId)),
  'jobs.cancel': async (ctx, input) => {
    jobOrFail(ctx, ctx.jobs.get(input.jobId));
    return jobOrFail(ctx, ctx.jobs.cancel(input.jobId));
  },
};
