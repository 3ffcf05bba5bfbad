// Saving a report into a folder the person chose (often a USB stick): the folder is checked before
// any work starts, the file is written beside its final name as .part and renamed when complete,
// an existing file is never overwritten (the new one becomes 名称（2）.pdf), and a cancelled or
// failed export leaves nothing behind.
import fs from 'node:fs';
import path from 'node:path';
import type { ReportFile, ReportFormat } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { saveFault } from '../api/databaseFaults';
import { JobCancelled, type JobControl } from '../jobs/jobRegistry';
import type { BuiltReport } from './reportKinds';
import { ChromiumPdfPrinter, pdfPageCount } from './reportPdf';
import { writeOutputFile } from '../durability/fileJournal';

/** How each format is named to people, in messages and progress. */
export const FORMAT_NAMES: Record<ReportFormat, string> = { pdf: 'PDF', xlsx: 'Excel', html: '网页', docx: 'Word' };

/** Characters Windows refuses in file names, and runs of spaces, become one underscore. */
export function safeFileName(name: string): string {
  return (
    name
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
export function checkFormat(report: BuiltReport, format: ReportFormat): void {
  if (report.formats.includes(format) && (format !== 'docx' || report.document)) return;
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

/** The PDF printer this host has: Electron's printToPDF in the app, Chromium elsewhere. */
function printPdf(ctx: ServiceContext, html: string, landscape: boolean): Promise<Buffer> {
  if (ctx.host.printPdf) return ctx.host.printPdf(html, { landscape });
  return new ChromiumPdfPrinter().print(html, { landscape });
}

/**
 * The export job's work, after the handler has checked the folder and the format and gathered the
 * data (step 1 of 3): produce the file's bytes (step 2) and save them (step 3).
 */
export async function saveReport(
  ctx: ServiceContext,
  report: BuiltReport,
  format: ReportFormat,
  folder: string,
  control: JobControl,
): Promise<ReportFile> {
  const checkCancel = () => {
    if (control.cancelled) throw new JobCancelled();
  };
  control.progress(1, 3, `已整理 ${report.recordCount} 条记录，正在生成${FORMAT_NAMES[format]}文件…`);
  let content: Buffer;
  let pages: number | null = null;
  if (format === 'pdf') {
    content = await printPdf(ctx, report.html, report.landscape);
    pages = pdfPageCount(content);
  } else if (format === 'xlsx') content = await report.workbook();
  else if (format === 'docx') content = await report.document!();
  else content = Buffer.from(report.html, 'utf8');
  checkCancel();

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
