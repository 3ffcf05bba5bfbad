// The sync engine's public face, shared by the API handlers (through the sync worker), the
// command line and the tests: export up, publish down, import or preview, inspect, fingerprint.
// Every import and every refused preview is written to the sync history.
import path from 'node:path';
import type { ImportReport, SyncHistoryEntry } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { databaseFault } from '../api/databaseFaults';
import { JobCancelled, type JobControl } from '../jobs/jobRegistry';
import { courtFingerprint, ensureCourtKeys } from './courtKeys';
import { exportReportUp, publishCampaign } from './exportBundle';
import { runImport, SequenceError, type ImportOptions } from './importBundle';
import { appendHistory } from './syncHistory';
import { actorLabel } from './syncFiles';

export { exportReportUp, publishCampaign, courtFingerprint, ensureCourtKeys };

/** Imports or previews a bundle, and records the outcome in the sync history. */
export async function importBundle(
  ctx: ServiceContext,
  options: ImportOptions,
  control?: JobControl,
): Promise<ImportReport> {
  const fileName = options.fileName ?? path.basename(options.file);
  const base = {
    at: ctx.now().toISOString(),
    direction: options.dryRun ? ('preview' as const) : ('import' as const),
    fileName,
    actor: actorLabel(ctx),
  };
  try {
    const report = await runImport(ctx, options, control);
    if (!options.dryRun) {
      appendHistory(ctx.dataDir, {
        ...base,
        kind: report.bundle.kind,
        courtCode: report.bundle.source.code,
        courtName: report.bundle.source.name,
        seq: report.bundle.seq,
        rows: report.bundle.rows,
        files: report.totals.files,
        added: report.totals.added,
        updated: report.totals.updated,
        unchanged: report.totals.unchanged,
        result: report.outcome === 'imported' ? 'ok' : 'unchanged',
        code: null,
        message: report.message,
      });
    }
    return report;
  } catch (thrown) {
    // A busy database or a full disk is an answer in plain words, not a fault.
    const error = databaseFault(thrown) ?? thrown;
    const cancelled = error instanceof JobCancelled;
    const refused = error instanceof ApiError;
    const entry: Omit<SyncHistoryEntry, 'id'> = {
      ...base,
      kind: null,
      courtCode: error instanceof SequenceError ? error.courtCode : '',
      courtName: error instanceof SequenceError ? error.courtName : '',
      seq: error instanceof SequenceError ? error.seq : null,
      rows: 0,
      files: 0,
      added: 0,
      updated: 0,
      unchanged: 0,
      result: cancelled ? 'cancelled' : refused ? 'refused' : 'failed',
      code: refused ? error.code : null,
      message: cancelled
        ? '已取消，没有写入任何数据'
        : refused
          ? error.message
          : `导入时出错：${(error as Error).message}`,
    };
    // A preview that was merely fine is not history; a refusal found by a preview is.
    if (!options.dryRun || refused) appendHistory(ctx.dataDir, entry);
    throw error;
  }
}

export { inspectBundle, type InspectResult } from './inspectBundle';
