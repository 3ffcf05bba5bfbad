// The sync engine's public face, shared by the API handlers (through the sync worker), the
// command line and the tests: export up, publish down, import or preview, inspect, fingerprint.
// Every import and every refused preview is written to the sync history.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BundleSummary, ImportReport, SyncHistoryEntry } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { JobCancelled, type JobControl } from '../jobs/jobRegistry';
import { openBundleZip } from './format/container';
import { decryptFile, readEnvelopeHeader, sniffBundle } from './format/envelope';
import { verifyBytes } from './format/keys';
import { DEFAULT_LIMITS } from './format/limits';
import { entryKind, parseManifest } from './format/manifest';
import { courtFingerprint, ensureCourtKeys } from './courtKeys';
import { exportReportUp, publishCampaign } from './exportBundle';
import { runImport, SequenceError, type ImportOptions } from './importBundle';
import { appendHistory } from './syncHistory';
import { actorLabel, bundleSummary, tempPath } from './syncFiles';
import { getProfile } from '../court/courtProfile';

export { exportReportUp, publishCampaign, courtFingerprint, ensureCourtKeys };

/** Imports or previews a bundle, and records the outcome in the sync history. */
export async function importBundle(ctx: ServiceContext, options: ImportOptions, control?: JobControl): Promise<ImportReport> {
  const fileName = options.fileName ?? path.basename(options.file);
  const base = { at: ctx.now().toISOString(), direction: options.dryRun ? ('preview' as const) : ('import' as const), fileName, actor: actorLabel(ctx) };
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
  } catch (error) {
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
      message: cancelled ? '已取消，没有写入任何数据' : refused ? error.message : `导入时出错：${(error as Error).message}`,
    };
    // A preview that was merely fine is not history; a refusal found by a preview is.
    if (!options.dryRun || refused) appendHistory(ctx.dataDir, entry);
    throw error;
  }
}

export interface InspectResult {
  summary: BundleSummary | null;
  encrypted: boolean;
  signatureValid: boolean | null;
  envelope: { source: { code: string; name: string }; target: { code: string; name: string }; kind: string } | null;
  entries: number;
}

/** What a bundle file says about itself, without importing anything. With a court's data folder
 * an encrypted bundle addressed to that court is opened too. */
export async function inspectBundle(file: string, ctx?: ServiceContext): Promise<InspectResult> {
  if (!fs.existsSync(file)) throw new ApiError('E_NOT_FOUND', `找不到文件：${file}`);
  const kind = await sniffBundle(file);
  if (kind === 'unknown') throw new ApiError('E_NOT_BUNDLE', '这个文件不是督导台的同步包。');
  let plain = file;
  let envelope: InspectResult['envelope'] = null;
  const temps: string[] = [];
  try {
    if (kind === 'envelope') {
      const header = await readEnvelopeHeader(file);
      envelope = { source: header.source, target: header.target, kind: header.kind };
      const profile = ctx ? await getProfile(ctx) : null;
      if (!ctx || !profile || profile.code !== header.target.code) {
        return { summary: null, encrypted: true, signatureValid: null, envelope, entries: 0 };
      }
      const keys = await ensureCourtKeys(ctx);
      plain = tempPath(ctx.dataDir, 'inspect');
      temps.push(plain);
      await decryptFile(file, plain, { boxPublic: keys.boxPublic, boxPrivate: keys.boxPrivate, fingerprint: keys.fingerprint }, DEFAULT_LIMITS.maxTotalBytes);
    }
    const zip = await openBundleZip(plain, DEFAULT_LIMITS);
    try {
      const manifest = parseManifest(zip.manifestBytes);
      const signatureValid = zip.signature ? verifyBytes(zip.manifestBytes, zip.signature, manifest.source.signKey) : false;
      const nested: BundleSummary['nested'] = [];
      for (const entry of manifest.entries) {
        const kind = entryKind(entry.name);
        if (kind.kind !== 'nested') continue;
        // Each relayed bundle's own manifest gives its counts.
        const inner = ctx ? tempPath(ctx.dataDir, 'inspect-nested') : path.join(os.tmpdir(), `court-inspect-${process.pid}-${kind.sha256.slice(0, 16)}.zip`);
        temps.push(inner);
        await zip.extractTo(entry.name, entry.sha256, DEFAULT_LIMITS.maxTotalBytes, inner);
        const innerZip = await openBundleZip(inner, DEFAULT_LIMITS);
        try {
          const innerManifest = parseManifest(innerZip.manifestBytes);
          nested.push({ source: { code: innerManifest.source.code, name: innerManifest.source.name }, seq: innerManifest.seq, full: innerManifest.full, rows: innerManifest.counts.rows, files: innerManifest.counts.files });
        } finally {
          await innerZip.close();
        }
      }
      return {
        summary: bundleSummary(manifest, kind === 'envelope', nested),
        encrypted: kind === 'envelope',
        signatureValid,
        envelope,
        entries: manifest.entries.length,
      };
    } finally {
      await zip.close();
    }
  } finally {
    for (const temp of temps) fs.rmSync(temp, { force: true });
  }
}
