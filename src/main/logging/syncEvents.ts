// What the log keeps of a finished sync export or import: enough for support to follow bundles
// between courts (kind, courts, sequence number, counts, outcome), none of their content.
import type { JobResult } from '../../shared/model';
import type { LogDetails } from './log';

export function syncOutcomeDetails(result: JobResult): LogDetails {
  if (result.kind === 'syncExport') {
    const report = result.report;
    return {
      result: 'exported',
      kind: report.kind,
      full: report.full,
      target: report.target.code,
      seq: report.seq,
      encrypted: report.encrypted,
      rows: report.rows,
      files: report.files,
      nested: report.nested,
      bytes: report.bytes,
      fileName: report.fileName,
    };
  }
  if (result.kind === 'syncImport' || result.kind === 'syncPreview') {
    const report = result.report;
    const bundle = report.bundle;
    return {
      result: report.dryRun ? 'previewed' : report.outcome,
      kind: bundle.kind,
      full: bundle.full,
      source: bundle.source.code,
      target: bundle.target.code,
      seq: bundle.seq,
      changes: `${bundle.changeFrom}..${bundle.changeThrough}`,
      nested: bundle.nested.map((inner) => `${inner.source.code}#${inner.seq}`),
      totals: report.totals,
      restoredFiles: report.restoredFiles,
      needsTrust: report.needsTrust.map((court) => court.code),
      auditAlerts: report.auditAlerts.map((court) => court.code),
    };
  }
  return { result: result.kind };
}
