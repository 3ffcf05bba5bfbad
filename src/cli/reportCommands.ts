// The report command: builds a report from a court's data folder through the same registry the
// app uses (buildReport) and saves it as PDF, XLSX, HTML or — for kinds that offer it — DOCX.
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../main/api/errors';
import { safeFileName } from '../main/reports/reportExport';
import { writeOutputFile } from '../main/durability/fileJournal';
import { buildReport, REPORT_TITLES } from '../main/reports/reportKinds';
import { ChromiumPdfPrinter, pdfPageCount } from '../main/reports/reportPdf';
import { rowId } from '../shared/api';
import type { ReportFormat, ReportKind } from '../shared/model';
import { optional, required, UsageError, type ParsedCommand } from './args';
import { withCourt } from './dataFolder';
import type { Output } from './output';
import { MESSAGES, USAGE } from './text';

const KINDS: Record<ReportKind, string> = REPORT_TITLES;
const FORMATS: Record<ReportFormat, string> = { pdf: 'PDF', xlsx: 'XLSX', html: 'HTML', docx: 'DOCX' };

function choice<T extends string>(parsed: ParsedCommand, option: string, choices: Record<T, string>): T {
  const value = required(parsed, option);
  if (!Object.prototype.hasOwnProperty.call(choices, value)) {
    throw new UsageError(USAGE.badChoice(`--${option}`, value, Object.keys(choices).join('、')), 'report');
  }
  return value as T;
}

/** --out names the file, or an existing folder to save into under the report's own name. */
function outputFile(out: string, baseName: string, format: ReportFormat): string {
  const resolved = path.resolve(out);
  if (fs.existsSync(resolved) && fs.statSync(resolved).isDirectory())
    return path.join(resolved, `${safeFileName(baseName)}.${format}`);
  if (!fs.existsSync(path.dirname(resolved)))
    throw new ApiError('E_NOT_FOUND', MESSAGES.fileMissing(path.dirname(out)));
  return resolved;
}

export async function runReport(parsed: ParsedCommand, output: Output): Promise<void> {
  const dir = required(parsed, 'data');
  const campaignId = required(parsed, 'campaign');
  const checked = rowId.safeParse(campaignId);
  if (!checked.success)
    throw new UsageError(USAGE.badOptionValue('--campaign', checked.error.issues[0].message), 'report');
  const kind = choice<ReportKind>(parsed, 'kind', KINDS);
  const format = choice<ReportFormat>(parsed, 'format', FORMATS);
  const out = required(parsed, 'out');
  const courtCode = optional(parsed, 'court');
  const noticeId = optional(parsed, 'notice');
  if (noticeId !== undefined) {
    const checkedNotice = rowId.safeParse(noticeId);
    if (!checkedNotice.success)
      throw new UsageError(USAGE.badOptionValue('--notice', checkedNotice.error.issues[0].message), 'report');
  }

  await withCourt(dir, async ({ ctx }) => {
    const report = await buildReport(ctx, { campaignId, kind, courtCode, noticeId });
    if (!report.formats.includes(format)) {
      throw new UsageError(USAGE.formatNotOffered(report.title, FORMATS[format], report.formats.join('、')), 'report');
    }
    const file = outputFile(out, report.baseName, format);
    let pages: number | null = null;
    if (format === 'html') await writeOutputFile(ctx.dataDir, file, report.html);
    else if (format === 'xlsx') await writeOutputFile(ctx.dataDir, file, await report.workbook());
    else if (format === 'docx') await writeOutputFile(ctx.dataDir, file, await report.document!());
    else {
      if (!output.json) output.note(MESSAGES.reportPrinting);
      // One print: the printer's browser is closed at once, so the command ends without waiting.
      const printer = new ChromiumPdfPrinter();
      let pdf: Buffer;
      try {
        pdf = await printer.print(report.html, { landscape: report.landscape });
      } finally {
        await printer.close();
      }
      pages = pdfPageCount(pdf);
      await writeOutputFile(ctx.dataDir, file, pdf);
    }
    if (output.json) {
      output.document({
        kind,
        format,
        file,
        pages,
        items: report.recordCount,
        court: { code: report.courtCode, name: report.courtName },
        campaign: { id: campaignId, title: report.campaignTitle },
      });
      return;
    }
    output.line(MESSAGES.reportDone(report.title, FORMATS[format], pages, file));
  });
}
