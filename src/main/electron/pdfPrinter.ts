// Prints a report to PDF inside the desktop app with Electron's own Chromium: the HTML is written
// to a private temporary file, shown in a hidden sandboxed window with scripts off, printed with
// printToPDF, and the window and the file are always removed afterwards — also when printing fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';
import { PDF_PARTITION, pdfPrintOptions, pdfWindowOptions } from './pdfWindow';
import { isOfficialDocument } from '../reports/officialDocument';

/** The report files being printed right now: the only things the report session may load. */
const allowedFiles = new Set<string>();
let sessionGuarded = false;

/** Compares as the file system does (Windows ignores case), whatever the URL's percent-encoding. */
const fileKey = (file: string) =>
  process.platform === 'win32' ? path.resolve(file).toLowerCase() : path.resolve(file);

function isReportFile(url: string): boolean {
  if (!url.startsWith('file:')) return false;
  try {
    return allowedFiles.has(fileKey(fileURLToPath(url)));
  } catch {
    return false;
  }
}

/** The report session loads nothing but the report's own temporary file: no network, no other file. */
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
    await fs.promises.writeFile(file, html, 'utf8');
    allowedFiles.add(fileKey(file));
    window = new BrowserWindow(pdfWindowOptions());
    await window.loadURL(url);
    return await window.webContents.printToPDF(pdfPrintOptions(options.landscape, isOfficialDocument(html)));
  } finally {
    allowedFiles.delete(fileKey(file));
    if (window && !window.isDestroyed()) window.destroy();
    await fs.promises.rm(folder, { recursive: true, force: true });
  }
}
