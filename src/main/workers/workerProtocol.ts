// Messages between the main process and its worker threads (workerPool.ts ↔ jobWorker.ts). A
// worker opens its own connection to one data folder and runs one task at a time; each task
// carries the caller's user and "now", so the worker acts as, and dates things like, the call
// that asked for it.
import type { JobResult, ReportFile, ReportFormat, ReportPreview, SessionUser } from '../../shared/model';
import type { ReportScope } from '../reports/reportKinds';
import type { SyncTask } from '../sync/syncWorkerProtocol';
import type { BackupInfo, BackupTrigger } from '../../shared/backup/backupModel';

/** A report built in the worker whose PDF must be printed by the host (Electron's printToPDF). */
export interface ReportToPrint {
  kind: ReportScope['kind'];
  baseName: string;
  html: string;
  landscape: boolean;
}

export type WorkerTask =
  | { op: 'sync'; task: SyncTask }
  | { op: 'reports.preview'; scope: ReportScope }
  /** `hostPrints`: the PDF is printed by the main process, so the worker returns the document. */
  | { op: 'reports.save'; scope: ReportScope; format: ReportFormat; folder: string; hostPrints: boolean }
  | { op: 'demo' }
  | { op: 'lights.sweep' }
  | { op: 'backup'; trigger: BackupTrigger };

export type WorkerOp = WorkerTask['op'];
export type WorkerTaskOf<K extends WorkerOp> = Extract<WorkerTask, { op: K }>;

export interface WorkerValues {
  sync: JobResult;
  'reports.preview': ReportPreview;
  'reports.save': { saved: ReportFile } | { print: ReportToPrint };
  demo: null;
  'lights.sweep': null;
  backup: BackupInfo;
}

/** Given once, when the worker starts. */
export interface WorkerStart {
  dataDir: string;
  nativeBinding?: string;
}

export type ToWorker =
  | {
      type: 'task';
      id: number;
      user: SessionUser | null;
      /** The caller's "now" (ISO), so the worker's timestamps agree with the rest of the call. */
      now: string;
      /** One Int32: 1 once a cancel was asked for. */
      cancel: SharedArrayBuffer;
      task: WorkerTask;
    }
  /** Close the database and end the thread. */
  | { type: 'close' };

export type FromWorker =
  | { type: 'progress'; id: number; done: number; total: number; message: string }
  /** `threadId`: the worker thread that ran the task (never 0, the main thread's). */
  | { type: 'done'; id: number; value: WorkerValues[WorkerOp]; threadId: number }
  | { type: 'cancelled'; id: number }
  | { type: 'refused'; id: number; code: string; message: string; fieldErrors?: Record<string, string> }
  /** An unexpected fault: the worker has logged the detail; `detail` goes to this process's log. */
  | { type: 'failed'; id: number; detail: string };
