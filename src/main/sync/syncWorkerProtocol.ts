// Messages between the main process and the sync worker thread.
import type { JobResult, SessionUser } from '../../shared/model';
import type { ExportTarget } from './exportBundle';
import type { ImportOptions } from './importBundle';

export type SyncTask =
  | { op: 'export'; options: ExportTarget & { full: boolean } }
  | { op: 'publish'; options: ExportTarget & { campaignId: string } }
  | { op: 'import'; options: ImportOptions };

export interface SyncWorkerInput {
  dataDir: string;
  nativeBinding?: string;
  user: SessionUser | null;
  /** The caller's "now", so the worker's timestamps agree with the rest of the call. */
  now: string;
  /** One Int32: 1 once a cancel was asked for. */
  cancel: SharedArrayBuffer;
  task: SyncTask;
}

export type SyncWorkerMessage =
  | { type: 'progress'; done: number; total: number; message: string }
  | { type: 'done'; result: JobResult }
  | { type: 'cancelled' }
  | { type: 'refused'; code: string; message: string }
  | { type: 'failed'; message: string };
