// The sync commands: fingerprint, export, publish, inspect and import. They call the sync engine
// in this process (no worker thread): the engine checks and writes, this file only reads the
// command line and words the outcome.
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../main/api/errors';
import { backupBeforeImport } from '../main/backup/backupJobs';
import type { ServiceContext } from '../main/api/context';
import {
  courtFingerprint,
  exportReportUp,
  importBundle,
  inspectBundle,
  publishCampaign,
} from '../main/sync/syncService';
import { fingerprintText, rowId } from '../shared/api';
import { courtCode } from '../shared/common/schemas';
import type { ExportReport, ImportReport } from '../shared/model';
import { flag, list, optional, required, UsageError, type ParsedCommand } from './args';
import { withCourt, openCourt } from './dataFolder';
import { DetailedRefusal, interruptible, progressControl, type Output } from './output';
import { MESSAGES, USAGE } from './text';
import { logFor } from '../main/logging/log';
import { NESTED_ROLE_WORDS } from '../main/sync/syncFiles';
import { syncOutcomeDetails } from '../main/logging/syncEvents';

/** 40 digits as 8 groups of 5, the way they are read over the phone. */
export function groupFingerprint(fingerprint: string): string {
  const digits = fingerprint.replace(/\D/g, '');
  return digits.match(/.{1,5}/g)?.join(' ') ?? digits;
}

function existingFile(file: string): string {
  const resolved = path.resolve(file);
  if (!fs.existsSync(resolved) || !fs.statSync(resolved).isFile())
    throw new ApiError('E_NOT_FOUND', MESSAGES.fileMissing(file));
  return resolved;
}

/** --out names a file, or an existing folder to save into under the engine's own file name. */
function destination(out: string): { outFile?: string; folder?: string } {
  const resolved = path.resolve(out);
  return fs.existsSync(resolved) && fs.statSync(resolved).isDirectory() ? { folder: resolved } : { outFile: resolved };
}

export async function runFingerprint(parsed: ParsedCommand, output: Output): Promise<void> {
  await withCourt(required(parsed, 'data'), async ({ ctx, profile }) => {
    const fingerprint = groupFingerprint(await courtFingerprint(ctx));
    if (output.json) {
      output.document({ code: profile.code, name: profile.name, fingerprint });
      return;
    }
    output.line(MESSAGES.fingerprintCourt(profile.name, profile.code));
    output.line(MESSAGES.fingerprint(fingerprint));
    output.note(MESSAGES.fingerprintHint);
  });
}

export async function runExport(parsed: ParsedCommand, output: Output): Promise<void> {
  const out = required(parsed, 'out');
  await withCourt(required(parsed, 'data'), async ({ ctx }) => {
    const control = progressControl(output);
    const report = await interruptible(output, control.cancel, () =>
      exportReportUp(ctx, { ...destination(out), full: flag(parsed, 'full') }, control),
    );
    logFor(ctx.dataDir).info('sync task finished', {
      op: 'export',
      ...syncOutcomeDetails({ kind: 'syncExport', report }),
    });
    if (output.json) return output.document(report);
    output.line(MESSAGES.exported(report));
    output.line(MESSAGES.exportTarget(report.target.name, report.target.code));
  });
}

export async function runPublish(parsed: ParsedCommand, output: Output): Promise<void> {
  const campaignId = required(parsed, 'campaign');
  const checked = rowId.safeParse(campaignId);
  if (!checked.success)
    throw new UsageError(USAGE.badOptionValue('--campaign', checked.error.issues[0].message), 'publish');
  const out = required(parsed, 'out');
  await withCourt(required(parsed, 'data'), async ({ ctx }) => {
    const control = progressControl(output);
    const report = await interruptible(output, control.cancel, () =>
      publishCampaign(ctx, { campaignId, ...destination(out) }, control),
    );
    logFor(ctx.dataDir).info('sync task finished', {
      op: 'publish',
      ...syncOutcomeDetails({ kind: 'syncExport', report }),
    });
    if (output.json) return output.document(report);
    output.line(MESSAGES.exported(report));
    for (const file of report.packages.slice(1)) output.line(ROSTER_TEXT.packageFile(file));
    for (const court of report.skipped) output.line(ROSTER_TEXT.skipped(court));
  });
}

type Inspection = Awaited<ReturnType<typeof inspectBundle>>;

function printInspection(inspection: Inspection, output: Output): void {
  const { summary, envelope } = inspection;
  if (summary) {
    output.line(MESSAGES.bundleHeader(summary.kind, summary.full));
    output.line(MESSAGES.bundleSource(summary.source.name, summary.source.code));
    output.line(MESSAGES.bundleSourceFingerprint(groupFingerprint(summary.source.fingerprint)));
    output.line(MESSAGES.bundleTarget(summary.target.name, summary.target.code));
    output.line(MESSAGES.bundleSeq(summary.seq, summary.changeFrom, summary.changeThrough));
    output.line(MESSAGES.bundleCreated(summary.createdAt));
    if (summary.campaign) output.line(MESSAGES.bundleCampaign(summary.campaign.title));
    output.line(MESSAGES.bundleCounts(summary.rows, summary.files));
    if (summary.nested.length) {
      output.line(MESSAGES.bundleNested(summary.nested.length, summary.kind));
      for (const nested of summary.nested)
        output.line(`${MESSAGES.bundleNestedEntry(nested)}（${NESTED_ROLE_WORDS[nested.role]}）`);
    }
    if (summary.encrypted) output.line(MESSAGES.bundleEncrypted);
  } else if (envelope) {
    output.line(MESSAGES.bundleHeader(envelope.kind, false));
    output.line(MESSAGES.bundleSource(envelope.source.name, envelope.source.code));
    output.line(MESSAGES.bundleTarget(envelope.target.name, envelope.target.code));
    if (inspection.encrypted) output.line(MESSAGES.bundleEncryptedOnly);
  }
  output.line(MESSAGES.bundleEntries(inspection.entries));
  output.line(MESSAGES.signature(inspection.signatureValid, inspection.checkedAgainst));
  if (inspection.signers.length) {
    output.line(MESSAGES.signersIntro);
    for (const signer of inspection.signers)
      output.line(MESSAGES.signerStanding({ ...signer, fingerprint: groupFingerprint(signer.fingerprint) }));
  }
  if (inspection.checkedAgainst === 'self') output.note(MESSAGES.selfOnly);
}

/**
 * inspect FILE [--data DIR]: without the folder only an encrypted bundle's envelope can be shown.
 * A bad or missing signature is reported and exits 1: such a file would be refused on import.
 */
export async function runInspect(parsed: ParsedCommand, output: Output): Promise<boolean> {
  const file = existingFile(parsed.positionals[0]);
  const dir = optional(parsed, 'data');
  const inspect = async (ctx?: ServiceContext) => {
    const inspection = await inspectBundle(file, ctx);
    if (output.json) output.document(inspection);
    else printInspection(inspection, output);
    if (inspection.signatureValid !== false) return true;
    // Signed by a key other than the one the court trusts for that court: an import would refuse it.
    if (!output.json) output.note(MESSAGES.refused('E_KEY_MISMATCH', MESSAGES.keyMismatchRefused));
    return false;
  };
  return dir ? withCourt(dir, ({ ctx }) => inspect(ctx)) : inspect();
}

function printImport(report: ImportReport, output: Output): void {
  if (report.dryRun) output.line(MESSAGES.importPreview);
  // The engine's message already names the bundle and the totals.
  output.line(report.message || MESSAGES.unchanged);
  if (report.outcome === 'unchanged' && !report.dryRun) return;
  printRoster(report, output);
  for (const change of report.changes) output.line(MESSAGES.importChange(change));
  const m = report.materialized;
  if (m.added || m.updated || m.removed) output.line(MESSAGES.materialized(m));
  if (report.totals.older) output.line(MESSAGES.importOlder(report.totals.older));
  if (report.needsTrust.length) {
    output.line(MESSAGES.needsTrustIntro);
    for (const court of report.needsTrust)
      output.line(MESSAGES.needsTrustCourt({ ...court, fingerprint: groupFingerprint(court.fingerprint) }));
  }
  if (report.newlyVouched.length) {
    output.line(MESSAGES.newlyVouchedIntro);
    for (const court of report.newlyVouched)
      output.line(MESSAGES.newlyVouchedCourt({ ...court, fingerprint: groupFingerprint(court.fingerprint) }));
  }
  for (const alert of report.auditAlerts) output.line(MESSAGES.auditAlert(alert));
}

/** The roster and sealed-package lines of the sync commands. */
const ROSTER_TEXT = {
  notOnRoster: (c: ImportReport['notOnRoster'][number]) =>
    `  ${c.name}（${c.code}）不在本院应报名单中；核对无误后加上 --add-to-roster ${c.code} 重新运行，导入时将它加入应报名单`,
  merged: (c: ImportReport['mergedOnRoster'][number]) =>
    `  ${c.name}（${c.code}）在应报名单中已标为撤并（${c.mergedAt.slice(0, 10)}），仍导入其历史数据`,
  added: (c: ImportReport['addedToRoster'][number]) =>
    `  ${c.name}（${c.code}）${c.addedBy === 'relay' ? '经转报首次出现，' : ''}已${c.addedBy === 'manual' ? '按您的确认' : ''}加入应报名单`,
  packageFile: (f: ExportReport['packages'][number]) =>
    `  ${f.target.code === '*' ? '各下级法院' : f.target.name}：${f.filePath}（第 ${f.seq} 号，${f.encrypted ? '已加密' : '未加密'}${f.notes ? `，督导意见和督办单 ${f.notes} 条` : ''}）`,
  skipped: (c: ExportReport['skipped'][number]) => `  ${c.name}（${c.code}）：${c.reason}`,
};

function printRoster(report: ImportReport, output: Output): void {
  for (const court of report.notOnRoster) output.line(ROSTER_TEXT.notOnRoster(court));
  for (const court of report.mergedOnRoster) output.line(ROSTER_TEXT.merged(court));
  for (const court of report.addedToRoster) output.line(ROSTER_TEXT.added(court));
}

function rosterCodes(parsed: ParsedCommand): string[] {
  return list(parsed, 'add-to-roster').map((text) => {
    const checked = courtCode.safeParse(text);
    if (!checked.success)
      throw new UsageError(USAGE.badOptionValue('--add-to-roster', checked.error.issues[0].message), 'import');
    return checked.data;
  });
}

function trustedFingerprints(parsed: ParsedCommand): string[] {
  return list(parsed, 'trust').map((text) => {
    const checked = fingerprintText.safeParse(text);
    if (!checked.success)
      throw new UsageError(USAGE.badOptionValue('--trust', checked.error.issues[0].message), 'import');
    return checked.data;
  });
}

export async function runImport(parsed: ParsedCommand, output: Output): Promise<void> {
  const fileArg = parsed.positionals[0];
  const trust = trustedFingerprints(parsed);
  const dryRun = flag(parsed, 'dry-run');
  const file = existingFile(fileArg);
  const dataArg = required(parsed, 'data');
  const court = await openCourt(dataArg);
  try {
    const control = progressControl(output);
    const options = { file, fileName: path.basename(file), dryRun, trust, addToRoster: rosterCodes(parsed) };
    let report: ImportReport;
    // As in the window: a real import first takes a backup, or is refused when it cannot.
    if (!dryRun) backupBeforeImport(court.ctx);
    try {
      report = await interruptible(output, control.cancel, () => importBundle(court.ctx, options, control));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'E_UNTRUSTED')
        await explainUntrusted(court.ctx, options, dataArg, fileArg, error, output);
      throw error;
    }
    logFor(court.ctx.dataDir).info('sync task finished', {
      op: 'import',
      ...syncOutcomeDetails({ kind: dryRun ? 'syncPreview' : 'syncImport', report }),
    });
    if (output.json) return output.document(report);
    printImport(report, output);
  } finally {
    await court.services.close();
  }
}

/**
 * A court met for the first time: show which courts and fingerprints to compare (from a dry run,
 * which writes nothing) and how to re-run once a person has confirmed them.
 */
async function explainUntrusted(
  ctx: ServiceContext,
  options: { file: string; fileName: string; dryRun: boolean; trust: string[]; addToRoster: string[] },
  dataArg: string,
  fileArg: string,
  refusal: ApiError,
  output: Output,
): Promise<never> {
  let needsTrust: ImportReport['needsTrust'] = [];
  try {
    needsTrust = (await importBundle(ctx, { ...options, dryRun: true })).needsTrust;
  } catch {
    // The preview itself was refused: the engine's own message says what to compare.
  }
  const shown = needsTrust.map((court) => ({ ...court, fingerprint: groupFingerprint(court.fingerprint) }));
  if (!output.json && shown.length) {
    output.note(MESSAGES.needsTrustIntro);
    for (const court of shown) output.note(MESSAGES.needsTrustCourt(court));
    output.note(
      MESSAGES.needsTrustHow(
        dataArg,
        fileArg,
        shown.map((court) => court.fingerprint),
      ),
    );
  }
  throw new DetailedRefusal(refusal.code, refusal.message, { needsTrust: shown });
}
