// Background jobs (the demo data, bundle import and export, report files) as the screens follow
// them. Plain data that crosses the process boundary.
import type { BackupInfo, BackupInspection, RestoreResult } from '../backup/backupModel';
import type { RecoveryImportResult, RecoveryPackageFile, RecoveryPreview } from '../recovery/recoveryModel';
import type { ReportFile } from '../reports/reportsModel';
import type { ExportReport, ImportReport } from '../sync/syncModel';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobStatus {
  id: string;
  kind: string;
  state: JobState;
  done: number;
  total: number;
  /** What is happening now, in Chinese, for the progress bar's caption. */
  message: string;
  error: string | null;
  /** Stable code when it failed or was refused, e.g. E_TAMPERED. */
  errorCode?: string | null;
  /** What the work produced, once done. */
  result?: JobResult | null;
}

/** What a finished job hands back, by kind. */
export type JobResult =
  | { kind: 'syncPreview'; report: ImportReport }
  | { kind: 'syncImport'; report: ImportReport }
  | { kind: 'syncExport'; report: ExportReport }
  | { kind: 'reportExport'; report: ReportFile }
  | { kind: 'backupCreate'; backup: BackupInfo }
  | { kind: 'backupInspect'; inspection: BackupInspection }
  | { kind: 'backupRestore'; result: RestoreResult }
  | { kind: 'recoveryExport'; file: RecoveryPackageFile }
  | { kind: 'recoveryPreview'; preview: RecoveryPreview }
  | { kind: 'recoveryImport'; result: RecoveryImportResult };
