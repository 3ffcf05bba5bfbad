// The sync tasks the worker threads run (see workers/workerProtocol.ts for the messages).
import type { ExportTarget } from './exportBundle';
import type { ImportOptions } from './importBundle';

export type SyncTask =
  | { op: 'export'; options: ExportTarget & { full: boolean } }
  | { op: 'publish'; options: ExportTarget & { campaignId: string } }
  | { op: 'import'; options: ImportOptions };
