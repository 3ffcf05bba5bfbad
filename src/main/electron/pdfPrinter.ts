// Prints a report to PDF inside the desktop app with Electron's own Chromium: the HTML is written
// to a private temporary file, shown in a hidden sandboxed window with scripts off, printed with
// printToPDF, and the file is always removed afterwards — also when printing fails. The window is
// kept for the next report (creating one costs more than loading a document into it): prints take
// turns in it, it is destroyed when printing fails (the next print makes a new one), after a minute
// without prints, and when the app's own window closes (a hidden window would keep the app open).
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

/** How long the hidden window waits for the next print before it is destroyed. */
const WINDOW_IDLE_MS = 60_000;

/** The report files being printed right now: the only things the report session may load. */
const allowedFiles = new Set<string>();
let sessionGuarded = false;

/** The hidden window kept between prints, the prints waiting their turn, and the idle timer. */
let printingWindow: BrowserWindow | null = null;
let queue: Promise<unknown> = Promise.resolve();
let idleTimer: NodeJS.Timeout | null = null;

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

/** Destroys the hidden window (the app's window closed, or no print for a while). */
export function closePrintingWindow(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const window = printingWindow;
  printingWindow = null;
  if (window && !window.isDestroyed()) window.destroy();
}

/** Prints one report at a time: the next waits until the window is free. */
export function printPdf(html: string, options: { landscape: boolean }): Promise<Buffer> {
  const turn = queue.then(() => printInWindow(html, options));
  queue = turn.catch(() => undefined);
  return turn;
}

async function printInWindow(html: string, options: { landscape: boolean }): Promise<Buffer> {
  guardReportSession();
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const folder = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'court-report-'));
  const file = path.join(folder, 'report.html');
  const url = pathToFileURL(file).href;
  let printed = false;
  try {
    await fs.promises.writeFile(file, printableDocument(html, 'inline'), 'utf8');
    allowedFiles.add(fileKey(file));
    if (!printingWindow || printingWindow.isDestroyed()) printingWindow = new BrowserWindow(pdfWindowOptions());
    const window = printingWindow;
    // Resolves on the load event, which waits for the inline fonts the page's text uses.
    await window.loadURL(url);
    const pdf = await window.webContents.printToPDF(pdfPrintOptions(options.landscape, printLayout(html)));
    printed = true;
    return await stampProgramInfo(pdf);
  } finally {
    allowedFiles.delete(fileKey(file));
    // A window that failed to print is not trusted with the next report.
    if (!printed) closePrintingWindow();
    else {
      idleTimer = setTimeout(closePrintingWindow, WINDOW_IDLE_MS);
      idleTimer.unref();
    }
    await fs.promises.rm(folder, { recursive: true, force: true });
  }
}
