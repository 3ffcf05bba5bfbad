// Heavy work (bundle import and export, report files, the demo data, a big daily light sweep) runs
// in worker threads, so the main process's event loop — which answers the window, the progress
// polls and cancel — never stops for it. A worker opens its own connection to the same data folder
// (WAL lets it write while the main connection reads; what it commits, the main connection sees at
// its next read) and runs one task at a time. Idle workers are kept for a little while and reused:
// starting one (loading the code, opening the database) costs a few hundred milliseconds, more
// than a preview or a sweep itself.
import fs from 'node:fs';
import path from 'node:path';
import { isMainThread, Worker } from 'node:worker_threads';
import type { SessionUser } from '../../shared/model';
import { ApiError } from '../api/errors';
import { JobCancelled, type JobControl } from '../jobs/jobRegistry';
import { logFor } from '../logging/log';
import type { FromWorker, ToWorker, WorkerOp, WorkerStart, WorkerTaskOf, WorkerValues } from './workerProtocol';

/** How long an idle worker is kept for the next task, and how many are kept. */
const IDLE_MS = 30_000;
const MAX_IDLE = 2;
/** How often a job's cancel is looked for, when its control does not announce it. */
const CANCEL_POLL_MS = 50;
/** How long a closing worker may take to close its database before it is stopped. */
const CLOSE_MS = 5_000;

export const WORKER_FAULT_MESSAGE =
  '后台任务没有完成，程序遇到了意外问题。已保存的数据不受影响，请重试；如仍不行，请联系技术人员。';

/** An unexpected failure inside a worker: a plain sentence for people, the worker's detail for the log. */
export class WorkerFault extends Error {
  constructor(readonly detail: string) {
    super(WORKER_FAULT_MESSAGE);
    this.name = 'WorkerFault';
    // What the log writes (the stack, when it holds the message): the worker's own account.
    this.stack = `WorkerFault: ${WORKER_FAULT_MESSAGE}\n  in the worker thread: ${detail}`;
  }
}

/**
 * The worker script: the bundled jobWorker.js beside this bundle (dist/main/, or next to the
 * command line's bundle in dist/cli/ → dist/main/), or — tests, development — the TypeScript source
 * loaded through tsx's require hook.
 */
function workerScript(): { code: string; eval: boolean } {
  if (__filename.endsWith('.ts')) {
    // `npm test` builds first and names the bundled worker it just built: tsx would compile the
    // whole program again in every worker thread (seconds each, on a busy test machine).
    const built = process.env.COURT_TEST_JOB_WORKER;
    if (built && fs.existsSync(built)) return { code: path.resolve(built), eval: false };
    return {
      code: `require('tsx/cjs'); require(${JSON.stringify(path.join(__dirname, 'jobWorker.ts'))});`,
      eval: true,
    };
  }
  const candidates = [path.join(__dirname, 'jobWorker.js'), path.join(__dirname, '..', 'main', 'jobWorker.js')];
  return { code: candidates.find((file) => fs.existsSync(file)) ?? candidates[0], eval: false };
}

interface Running {
  id: number;
  op: WorkerOp;
  control?: JobControl;
  resolve(value: unknown, threadId: number): void;
  reject(error: Error): void;
}

interface PooledWorker {
  worker: Worker;
  running: Running | null;
  idleTimer: NodeJS.Timeout | null;
  exited: Promise<void>;
}

export interface WorkerCall {
  user: SessionUser | null;
  now: Date;
  /** A job's progress and cancel; absent for a plain call (a preview, a sweep). */
  control?: JobControl;
}

/** The thread a finished task ran on, for tests and the log: never 0 (the main thread). */
export interface FinishedTask {
  op: WorkerOp;
  threadId: number;
  ms: number;
}

export class WorkerPool {
  private readonly workers = new Set<PooledWorker>();
  private readonly idle: PooledWorker[] = [];
  private readonly pending = new Set<Promise<unknown>>();
  private readonly finished: FinishedTask[] = [];
  /** Workers closing their database: close() waits for them too. */
  private readonly retiring = new Set<Promise<void>>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly start: WorkerStart) {}

  /** Runs `task` in a worker and resolves with its value; refusals come back as the same ApiError. */
  run<K extends WorkerOp>(task: WorkerTaskOf<K>, call: WorkerCall): Promise<WorkerValues[K]> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    // A worker thread that needs another task's work does it itself: workers do not nest.
    if (!isMainThread) return Promise.reject(new Error('worker tasks are started from the main thread only'));
    let promise: Promise<WorkerValues[K]>;
    try {
      promise = this.dispatch(task, call) as Promise<WorkerValues[K]>;
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    this.pending.add(promise);
    const forget = () => this.pending.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  /** The most recent finished tasks (at most 20), oldest first. */
  recent(): FinishedTask[] {
    return [...this.finished];
  }

  /** Waits for running tasks, then closes every worker's database and ends its thread. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.pending]);
    for (const pooled of [...this.workers]) void this.retire(pooled);
    await Promise.all([...this.retiring]);
  }

  private dispatch(task: WorkerTaskOf<WorkerOp>, call: WorkerCall): Promise<unknown> {
    const pooled = this.take();
    const id = this.nextId++;
    const cancel = new SharedArrayBuffer(4);
    const flag = new Int32Array(cancel);
    const started = performance.now();
    return new Promise<unknown>((resolve, reject) => {
      let watch: NodeJS.Timeout | null = null;
      const end = () => {
        if (watch) clearInterval(watch);
        pooled.running = null;
        this.release(pooled);
      };
      pooled.running = {
        id,
        op: task.op,
        control: call.control,
        resolve: (value, threadId) => {
          end();
          this.finished.push({ op: task.op, threadId, ms: performance.now() - started });
          if (this.finished.length > 20) this.finished.shift();
          resolve(value);
        },
        reject: (error) => {
          end();
          reject(error);
        },
      };
      const control = call.control;
      if (control) {
        const passOn = () => {
          if (control.cancelled) Atomics.store(flag, 0, 1);
        };
        passOn();
        // A control that cannot announce a cancel is asked every CANCEL_POLL_MS instead.
        if (control.onCancel) control.onCancel(passOn);
        else watch = setInterval(passOn, CANCEL_POLL_MS);
      }
      const message: ToWorker = { type: 'task', id, user: call.user, now: call.now.toISOString(), cancel, task };
      pooled.worker.postMessage(message);
    });
  }

  /** An idle worker, or a new one. */
  private take(): PooledWorker {
    const reused = this.idle.pop();
    if (reused) {
      if (reused.idleTimer) clearTimeout(reused.idleTimer);
      reused.idleTimer = null;
      reused.worker.ref();
      return reused;
    }
    const script = workerScript();
    const worker = new Worker(script.code, { eval: script.eval, workerData: this.start satisfies WorkerStart });
    const pooled: PooledWorker = {
      worker,
      running: null,
      idleTimer: null,
      exited: new Promise((resolve) => worker.once('exit', () => resolve())),
    };
    this.workers.add(pooled);
    worker.on('message', (message: FromWorker) => this.receive(pooled, message));
    worker.on('error', (error) => {
      // Thrown outside any task's own handling (out of memory, a fault in native code): the worker
      // is gone; its task fails with the plain sentence, the detail goes to this process's log.
      logFor(this.start.dataDir).error('worker thread crashed', error, { op: pooled.running?.op ?? null });
      this.drop(pooled);
      pooled.running?.reject(new WorkerFault(error instanceof Error ? (error.stack ?? error.message) : String(error)));
    });
    worker.on('exit', (code) => {
      this.drop(pooled);
      if (pooled.running) {
        logFor(this.start.dataDir).error('worker thread exited before finishing', undefined, {
          op: pooled.running.op,
          exitCode: code,
        });
        pooled.running.reject(new WorkerFault(`worker thread exited (${code}) during ${pooled.running.op}`));
      }
    });
    return pooled;
  }

  private receive(pooled: PooledWorker, message: FromWorker): void {
    const running = pooled.running;
    if (!running || running.id !== message.id) return;
    if (message.type === 'progress') running.control?.progress(message.done, message.total, message.message);
    else if (message.type === 'done') running.resolve(message.value, message.threadId);
    else if (message.type === 'cancelled') running.reject(new JobCancelled());
    else if (message.type === 'refused')
      running.reject(new ApiError(message.code, message.message, message.fieldErrors));
    else running.reject(new WorkerFault(message.detail));
  }

  /** Back to the idle list (unreferenced, so it never keeps the process alive), or retired. */
  private release(pooled: PooledWorker): void {
    if (!this.workers.has(pooled)) return;
    if (this.closed || this.idle.length >= MAX_IDLE) {
      void this.retire(pooled);
      return;
    }
    pooled.worker.unref();
    pooled.idleTimer = setTimeout(() => {
      this.idle.splice(this.idle.indexOf(pooled), 1);
      void this.retire(pooled);
    }, IDLE_MS);
    pooled.idleTimer.unref();
    this.idle.push(pooled);
  }

  private drop(pooled: PooledWorker): void {
    this.workers.delete(pooled);
    const index = this.idle.indexOf(pooled);
    if (index >= 0) this.idle.splice(index, 1);
    if (pooled.idleTimer) clearTimeout(pooled.idleTimer);
  }

  /** Asks the worker to close its database and end; stops it if it does not within CLOSE_MS. */
  private retire(pooled: PooledWorker): Promise<void> {
    this.drop(pooled);
    // Referenced again, so a process that is shutting down waits for the database to close.
    pooled.worker.ref();
    pooled.worker.postMessage({ type: 'close' } satisfies ToWorker);
    const timer = setTimeout(() => void pooled.worker.terminate(), CLOSE_MS);
    timer.unref();
    const exited = pooled.exited.then(() => {
      clearTimeout(timer);
      this.retiring.delete(exited);
    });
    this.retiring.add(exited);
    return exited;
  }
}
