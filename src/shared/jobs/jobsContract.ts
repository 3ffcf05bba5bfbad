// Background jobs: starting the demo data, and following or cancelling any job.
import * as z from 'zod';
import { ADMIN, defineOperation } from '../contract';
import { empty, exactText } from '../common/schemas';
import type { JobStatus } from './jobsModel';

const jobId = exactText(100, '任务编号').min(1, '缺少任务编号');

export const jobOperations = {
  'demo.start': defineOperation<{ jobId: string }>()(empty, ADMIN),
  'jobs.get': defineOperation<JobStatus>()(z.object({ jobId }), 'user'),
  'jobs.cancel': defineOperation<JobStatus>()(z.object({ jobId }), 'user'),
};
