// Background jobs: starting the demo data, and following or cancelling any job.
import * as z from 'zod';
import { ADMIN, defineOperation } from '../contract';
import { empty, exactText } from '../common/schemas';
import type { JobStatus } from './jobsModel';

const jobId = exactText(100, '任务编号').min(1, '缺少任务编号');

export const jobOperations = {
  'demo.start': defineOperation<{ jobId: string }>()(empty, ADMIN),
  // Open before log-in too: a reinstalled computer follows its restore or 恢复包 import on the
  // set-up screen. The handler shows a caller who is not logged in only those jobs (see jobHandlers).
  'jobs.get': defineOperation<JobStatus>()(z.object({ jobId }), 'public'),
  'jobs.cancel': defineOperation<JobStatus>()(z.object({ jobId }), 'public'),
};
