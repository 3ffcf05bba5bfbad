// Saving a report into a folder the person chose (often a USB stick): the folder is checked before
// any work starts, the file is written beside its final name as .part and renamed when complete,
// an existing file is never overwritten (the new one becomes 名称（2）.pdf), and a cancelled or
// failed export leaves nothing behind.
import fs from 'node:fs';
import path from 'node:path';
import type { ReportFile, ReportFormat, ReportPreview } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { saveFault } from '../api/databaseFaults';
import { JobCancelled, type JobControl } from '../jobs/jobRegistry';
import { buildReport, type BuiltReport, type ReportScope } from './reportKinds';
import { pdfPageCount, sharedPdfPrinter } from './reportPdf';
import { writeOutputFile } from '../durability/fileJournal';
import type { WorkerValues } from '../workers/workerProtocol';

/** How each format is named to people, in messages and progress. */
export const FORMAT_NAMES: Record<ReportFormat, string> = { pdf: 'PDF', xlsx: 'Excel', html: '网页', docx: 'Word' };

/** Characters Windows refuses in file names, and runs of spaces, become one underscore. */
export function safeFileName(name: string): string {
  return (
    name
      // eslint-disable-next-line no-control-regex -- control characters are not allowed in Windows file names
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
      .trim()
      .slice(0, 120) || '报表'
  );
}

/**
 * The folder must be given in full, exist, be a folder and be writable. Refusals carry a field
 * error on `folder` so the screen can show them beside the folder box.
 */
export function checkExportFolder(folder: string): string {
  const refuse = (code: string, message: string): never => {
    throw new ApiError(code, message, { folder: message });
  };
  if (!path.isAbsolute(folder))
    refuse('E_INVALID', `“${folder}”不是完整的文件夹路径，请点“选择文件夹…”或填写以盘符或“/”开头的路径。`);
  const resolved = path.resolve(folder);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch {
    return refuse('E_NOT_FOUND', `找不到文件夹“${folder}”，请确认 U 盘已插好或重新选择。`);
  }
  if (!stat.isDirectory()) refuse('E_INVALID', `“${folder}”是一个文件，不是文件夹，请重新选择。`);
  try {
    fs.accessSync(resolved, fs.constants.W_OK);
  } catch {
    refuse('E_INVALID', `文件夹“${folder}”不能写入（可能是只读的 U 盘或没有权限），请换一个文件夹。`);
  }
  return resolved;
}

/** The kind must offer the format: 推进清单 has no Word version, for instance. */
export function checkFormat(report: Pick<BuiltReport, 'title' | 'formats'>, format: ReportFormat): void {
  if (report.formats.includes(format)) return;
  const offered = report.formats.map((f) => FORMAT_NAMES[f]).join('、');
  const message = `${report.title}不能保存为 ${format.toUpperCase()} 文件，可以保存为：${offered}。`;
  throw new ApiError('E_INVALID', message, { format: message });
}

/** `<name>.<ext>`, or the first free `<name>（2）.<ext>`, `<name>（3）.<ext>` … in the folder. */
export function freeFilePath(folder: string, baseName: string, extension: string): string {
  const name = safeFileName(baseName);
  for (let n = 1; ; n += 1) {
    const candidate = path.join(folder, `${name}${n === 1 ? '' : `（${n}）`}.${extension}`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

/**
 * The reports.export job. The report is gathered and built in a worker thread, which also produces
 * the file's bytes and saves them — except a PDF on a host that prints it itself (Electron's
 * printToPDF, which only the main process can drive): the worker hands the document back, and it
 * is printed and saved here.
 */
export async function exportReport(
  ctx: ServiceContext,
  scope: ReportScope,
  format: ReportFormat,
  folder: string,
  control: JobControl,
): Promise<ReportFile> {
  const hostPrints = format === 'pdf' && Boolean(ctx.host.printPdf);
  const outcome = await ctx.workers.run(
    { op: 'reports.save', scope, format, folder, hostPrints },
    { user: ctx.user, now: ctx.now(), control },
  );
  if ('saved' in outcome) return outcome.saved;
  const { html, landscape, kind, baseName } = outcome.print;
  const content = await ctx.host.printPdf!(html, { landscape });
  checkCancel(control);
  return storeReport(ctx, { kind, baseName }, format, folder, { content, pages: pdfPageCount(content) }, control);
}

/**
 * In a worker thread: the export job's work after the handler's checks. Gathers the data and
 * builds the document (step 1 of 3), produces the file's bytes (step 2) and saves them (step 3).
 */
export async function saveReportHere(
  ctx: ServiceContext,
  scope: ReportScope,
  format: ReportFormat,
  folder: string,
  hostPrints: boolean,
  control: JobControl,
): Promise<WorkerValues['reports.save']> {
  const report = await buildReport(ctx, scope);
  checkFormat(report, format);
  control.progress(1, 3, `已整理 ${report.recordCount} 条记录，正在生成${FORMAT_NAMES[format]}文件…`);
  if (format === 'pdf' && hostPrints) {
    return { print: { kind: report.kind, baseName: report.baseName, html: report.html, landscape: report.landscape } };
  }
  const file = await reportContent(report, format);
  checkCancel(control);
  return { saved: await storeReport(ctx, report, format, folder, file, control) };
}

/** In a worker thread: the report as the preview shows it (the same document a save prints). */
export async function previewReportHere(ctx: ServiceContext, scope: ReportScope): Promise<ReportPreview> {
  const report = await buildReport(ctx, scope);
  return {
    kind: report.kind,
    title: report.title,
    baseName: report.baseName,
    html: report.html,
    landscape: report.landscape,
    formats: report.formats,
  };
}

function checkCancel(control: JobControl): void {
  if (control.cancelled) throw new JobCancelled();
}

/** The file's bytes (a PDF printed by this thread's warm Chromium), and for a PDF its page count. */
async function reportContent(
  report: BuiltReport,
  format: ReportFormat,
): Promise<{ content: Buffer; pages: number | null }> {
  if (format === 'pdf') {
    const content = await sharedPdfPrinter().print(report.html, { landscape: report.landscape });
    return { content, pages: pdfPageCount(content) };
  }
  if (format === 'xlsx') return { content: await report.workbook(), pages: null };
  if (format === 'docx') return { content: await report.document!(), pages: null };
  return { content: Buffer.from(report.html, 'utf8'), pages: null };
}

/** Saves the bytes under the report's name, or the first free （2）, （3）… name (steps 2 and 3). */
async function storeReport(
  ctx: ServiceContext,
  report: Pick<BuiltReport, 'kind' | 'baseName'>,
  format: ReportFormat,
  folder: string,
  { content, pages }: { content: Buffer; pages: number | null },
  control: JobControl,
): Promise<ReportFile> {
  control.progress(2, 3, '正在保存文件…');
  const first = freeFilePath(folder, report.baseName, format);
  let target: string;
  try {
    // Another save may have taken the name while this one was printing: look again just before
    // the rename. A crash before it leaves only a journaled temporary file, removed at next start.
    target = await writeOutputFile(ctx.dataDir, first, content, () =>
      fs.existsSync(first) ? freeFilePath(folder, report.baseName, format) : first,
    );
  } catch (error) {
    throw saveFault(error, folder, '报表');
  }
  control.progress(3, 3, '已保存');
  return { kind: report.kind, format, path: target, bytes: content.length, pages };
}
