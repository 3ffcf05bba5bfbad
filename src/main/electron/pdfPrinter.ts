// Prints a report to PDF inside the desktop app with Electron's own Chromium: the HTML is written
// to a private temporary file, shown in a hidden sandboxed window with scripts off, printed with
// printToPDF, and the window and the file are always removed afterwards — also when printing fails.
// The document carries the shipped fonts as data: URLs (reports/fonts/shippedFonts.ts), so the
// window needs no file or network access for them, and the PDF names the program (fonts/pdfInfo.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';
import { PDF_PARTITION, pdfPrintOptions, pdfWindowOptions } from './pdfWindow';
import { printableDocument, printLayout } from '../reports/reportPdf';
import { stampProgramInfo } from '../reports/fonts/pdfInfo';

/** The report files being printed right now: the only things the report session may load. */
const allowedFiles = new Set<string>();
let sessionGuarded = false;

/** Compares as the file system does (Windows ignores case), whatever the URL's percent-encoding. */
const fileKey = (file: string) =>
  process.platform === 'win32' ? path.resolve(file).toLowerCase() : path.resolve(file);

function isReportFile(url: string): boolean {
  // The shipped fonts' slices, inline in the document: content, not a place to reach.
  if (url.startsWith('data:font/woff2;')) return true;
  if (!url.startsWith('file:')) return false;
  try {
    return allowedFiles.has(fileKey(fileURLToPath(url)));
  } catch {
    return false;
  }
}

/** The report session loads nothing but the report's own temporary file (and its inline fonts): no network, no other file. */
function guardReportSession(): void {
  if (sessionGuarded) return;
  sessionGuarded = true;
  session
    .fromPartition(PDF_PARTITION)
    .webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isReportFile(details.url) }));
}

export async function printPdf(html: string, options: { landscape: boolean }): Promise<Buffer> {
  guardReportSession();
  const folder = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'court-report-'));
  const file = path.join(folder, 'report.html');
  const url = pathToFileURL(file).href;
  let window: BrowserWindow | null = null;
  try {
    await fs.promises.writeFile(file, printableDocument(html, 'inline'), 'utf8');
    allowedFiles.add(fileKey(file));
    window = new BrowserWindow(pdfWindowOptions());
    // Resolves on the load event, which waits for the inline fonts the page's text uses.
    await window.loadURL(url);
    const printed = await window.webContents.printToPDF(pdfPrintOptions(options.landscape, printLayout(html)));
    return await stampProgramInfo(printed);
  } finally {
    allowedFiles.delete(fileKey(file));
    if (window && !window.isDestroyed()) window.destroy();
    await fs.promises.rm(folder, { recursive: true, force: true });
  }
}
