// The report command: builds a report from a court's data folder and saves it as PDF, XLSX or
// HTML. Only the checklist report (推进清单) exists so far; the other kinds answer E_UNAVAILABLE.
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../main/api/errors';
import { checklistReport } from '../main/reports/checklistReport';
import { checklistReportHtml } from '../main/reports/reportHtml';
import { ChromiumPdfPrinter, pdfPageCount } from '../main/reports/reportPdf';
import { checklistReportXlsx } from '../main/reports/reportXlsx';
import { rowId } from '../shared/api';
import { optional, required, UsageError, type ParsedCommand } from './args';
import { withCourt } from './dataFolder';
import type { Output } from './output';
import { MESSAGES, USAGE } from './text';

const KINDS = { checklist: '推进清单', inspection: '查摆报告', ledger: '整改台账', summary: '活动总结' } as const;
const FORMATS = { pdf: 'PDF', xlsx: 'XLSX', html: 'HTML' } as const;
type Kind = keyof typeof KINDS;
type Format = keyof typeof FORMATS;

function choice<T extends string>(parsed: ParsedCommand, option: string, choices: Record<T, string>): T {
  const value = required(parsed, option);
  if (!Object.prototype.hasOwnProperty.call(choices, value)) {
    throw new UsageError(USAGE.badChoice(`--${option}`, value, Object.keys(choices).join('、')), 'report');
  }
  return value as T;
}

/** --out names the file, or an existing folder to save into under the report's own name. */
function outputFile(out: string, defaultName: string): string {
  const resolved = path.resolve(out);
  if (fs.existsSync(resolved) && fs.statSync(resolved).isDirectory()) return path.join(resolved, defaultName.replace(/[\\/:*?"<>|]/g, '_'));
  if (!fs.existsSync(path.dirname(resolved))) throw new ApiError('E_NOT_FOUND', MESSAGES.fileMissing(path.dirname(out)));
  return resolved;
}

/** Written beside the target and renamed over it, so a failed run leaves no half-written report. */
function saveFile(file: string, content: Buffer | string): void {
  const partial = `${file}.${process.pid}.part`;
  try {
    fs.writeFileSync(partial, content);
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

export async function runReport(parsed: ParsedCommand, output: Output): Promise<void> {
  const dir = required(parsed, 'data');
  const campaignId = required(parsed, 'campaign');
  const checked = rowId.safeParse(campaignId);
  if (!checked.success) throw new UsageError(USAGE.badOptionValue('--campaign', checked.error.issues[0].message), 'report');
  const kind = choice<Kind>(parsed, 'kind', KINDS);
  const format = choice<Format>(parsed, 'format', FORMATS);
  const out = required(parsed, 'out');
  const courtCode = optional(parsed, 'court');
  if (kind !== 'checklist') throw new ApiError('E_UNAVAILABLE', MESSAGES.reportUnavailable(KINDS[kind]));

  await withCourt(dir, async ({ ctx }) => {
    const report = await checklistReport(ctx, campaignId, courtCode);
    const file = outputFile(out, `${report.courtName}${report.campaignTitle}${KINDS[kind]}.${format}`);
    const html = checklistReportHtml(report);
    let pages: number | null = null;
    if (format === 'html') saveFile(file, html);
    else if (format === 'xlsx') saveFile(file, await checklistReportXlsx(report));
    else {
      if (!output.json) output.note(MESSAGES.reportPrinting);
      const pdf = await new ChromiumPdfPrinter().print(html);
      pages = pdfPageCount(pdf);
      saveFile(file, pdf);
    }
    if (output.json) {
      output.document({
        kind,
        format,
        file,
        pages,
        items: report.itemCount,
        court: { code: report.courtCode, name: report.courtName },
        campaign: { id: campaignId, title: report.campaignTitle },
      });
      return;
    }
    output.line(MESSAGES.reportDone(KINDS[kind], FORMATS[format], pages, file));
  });
}
