// Long work (bundle import/export, report files, demo data — each in a worker thread) runs as a
// job: the call that starts it returns at once with an id, the work reports progress as it goes,
// and any client polls `jobs.get` for a progress bar or asks `jobs.cancel`. The transport never
// waits on it.
import { v7 as uuidv7 } from 'uuid';
import type { JobResult, JobStatus } from '../../shared/model';
import { ApiError } from '../api/errors';
import type { AppLog } from '../logging/log';

export interface JobControl {
  progress(done: number, total: number, message: string): void;
  /** True once a cancel was asked for; work should stop at its next safe point. */
  readonly cancelled: boolean;
  /** Calls `listener` once when a cancel is asked for (at once if it already was), so work in
   * another thread hears of it without polling. */
  onCancel?(listener: () => void): void;
}

export class JobCancelled extends Error {
  constructor() {
    super('已取消');
  }
}

const KEEP_FINISHED = 50;

export class JobRegistry {
  private readonly jobs = new Map<
    string,
    JobStatus & { cancelRequested: boolean; cancelListeners: Array<() => void>; finished: Promise<void> }
  >();

  /** `log`: where a job's unexpected failure is written, with its stack, for support. */
  constructor(private readonly log: AppLog) {}

  start(kind: string, work: (control: JobControl) => Promise<JobResult | void>): string {
    const id = uuidv7();
    const entry = {
      id,
      kind,
      state: 'running' as JobStatus['state'],
      done: 0,
      total: 0,
      message: '正在准备…',
      error: null as string | null,
      errorCode: null as string | null,
      result: null as JobResult | null,
      cancelRequested: false,
      cancelListeners: [] as Array<() => void>,
      finished: Promise.resolve(),
    };
    const control: JobControl = {
      progress(done, total, message) {
        entry.done = done;
        entry.total = total;
        entry.message = message;
      },
      get cancelled() {
        return entry.cancelRequested;
      },
      onCancel(listener) {
        if (entry.cancelRequested) listener();
        else entry.cancelListeners.push(listener);
      },
    };
    // Start on the next turn so the caller gets the id before any work happens.
    entry.finished = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => work(control))
      .then(
        (result) => {
          entry.result = result ?? null;
          entry.state = 'done';
          entry.message = '已完成';
        },
        (error: unknown) => {
          if (error instanceof JobCancelled) {
            entry.state = 'cancelled';
            entry.message = '已取消，没有写入任何数据';
          } else {
            entry.state = 'failed';
            entry.error = error instanceof Error ? error.message : String(error);
            entry.message = '未能完成';
            // A refusal (bad bundle, wrong court…) is an answer, not a fault: no stack in the log.
            if (error instanceof ApiError) entry.errorCode = error.code;
            else this.log.error('job failed unexpectedly', error, { job: kind, id });
          }
        },
      );
    this.jobs.set(id, entry);
    this.prune();
    return id;
  }

  /** The jobs still running (a restore must not swap the database under one of them). */
  running(): JobStatus[] {
    return [...this.jobs.keys()].map((id) => this.get(id)!).filter((job) => job.state === 'running');
  }

  get(id: string): JobStatus | null {
    const entry = this.jobs.get(id);
    if (!entry) return null;
    const { cancelRequested: _c, cancelListeners: _l, finished: _f, ...status } = entry;
    return { ...status };
  }

  cancel(id: string): JobStatus | null {
    const entry = this.jobs.get(id);
    if (entry && entry.state === 'running' && !entry.cancelRequested) {
      entry.cancelRequested = true;
      for (const listener of entry.cancelListeners.splice(0)) listener();
    }
    return this.get(id);
  }

  /** For tests and shutdown: resolves when the job has ended, however it ended. */
  async waitFor(id: string): Promise<JobStatus | null> {
    await this.jobs.get(id)?.finished;
    return this.get(id);
  }

  async waitForAll(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((job) => job.finished));
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((job) => job.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(job.id);
  }
}
