// Saving a report into a folder the person chose (often a USB stick): the folder is checked before
// any work starts, the file is written beside its final name as .part and renamed when complete,
// an existing file is never overwritten (the new one becomes 名称（2）.pdf), and a cancelled or
// failed export leaves nothing behind.
import fs from 'node:fs';
import path from 'node:path';
import type { ReportFile, ReportFormat } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { JobCancelled, type JobControl } from '../jobs/jobRegistry';
import type { BuiltReport } from './reportKinds';
import { ChromiumPdfPrinter, pdfPageCount } from './reportPdf';
import { renameDurable, siblingTemp, writeFlushed } from '../durability/durableFiles';
import { FileJournal } from '../durability/fileJournal';
import { crashPoint } from '../durability/crashPoints';

/** How each format is named to people, in messages and progress. */
export const FORMAT_NAMES: Record<ReportFormat, string> = { pdf: 'PDF', xlsx: 'Excel', html: '网页', docx: 'Word' };

/** Characters Windows refuses in file names, and runs of spaces, become one underscore. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim().slice(0, 120) || '报表';
}

/**
 * The folder must be given in full, exist, be a folder and be writable. Refusals carry a field
 * error on `folder` so the screen can show them beside the folder box.
 */
export function checkExportFolder(folder: string): string {
  const refuse = (code: string, message: string): never => {
    throw new ApiError(code, message, { folder: message });
  };
  if (!path.isAbsolute(folder)) refuse('E_INVALID', `“${folder}”不是完整的文件夹路径，请点“选择文件夹…”或填写以盘符或“/”开头的路径。`);
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

/** File-system failures in words a clerk can act on. */
function writeFailure(error: unknown, folder: string): ApiError {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC') return new ApiError('E_WRITE', `文件夹“${folder}”所在的磁盘已满，报表没有保存。请清理空间或换一个文件夹。`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new ApiError('E_WRITE', `没有权限写入文件夹“${folder}”，报表没有保存。请换一个文件夹。`);
  if (code === 'ENOENT') return new ApiError('E_WRITE', `文件夹“${folder}”已不存在（U 盘可能已拔出），报表没有保存。`);
  return new ApiError('E_WRITE', `保存报表时出错，报表没有保存。请重试或换一个文件夹。`);
}

/**
 * The export job's work, after the handler has checked the folder and the format and gathered the
 * data (step 1 of 3): produce the file's bytes (step 2) and save them (step 3).
 */
export async function saveReport(ctx: ServiceContext, report: BuiltReport, format: ReportFormat, folder: string, control: JobControl): Promise<ReportFile> {
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
  let target = freeFilePath(folder, report.baseName, format);
  const partial = siblingTemp(target);
  // A crash before the rename leaves the .part beside the chosen name: the journal lets the next
  // start remove it, so the folder holds the whole report or nothing.
  const journal = new FileJournal(ctx.dataDir);
  try {
    journal.record({ kind: 'temp', path: partial });
    try {
      writeFlushed(partial, content);
    } catch (error) {
      throw writeFailure(error, folder);
    }
    crashPoint('report.written');
    checkCancel();
    // Another save may have taken the name while this one was printing: look again just before.
    if (fs.existsSync(target)) target = freeFilePath(folder, report.baseName, format);
    try {
      renameDurable(partial, target);
    } catch (error) {
      throw writeFailure(error, folder);
    }
    crashPoint('report.renamed');
  } finally {
    fs.rmSync(partial, { force: true });
    journal.close();
  }
  control.progress(3, 3, '已保存');
  return { kind: report.kind, format, path: target, bytes: content.length, pages };
}
