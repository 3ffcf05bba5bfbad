// The pure half of printing reports to PDF in the desktop app: the hidden window that renders a
// report (sandboxed, isolated, no preload, no scripts, its own in-memory session) and the
// printToPDF settings, matching the Chromium printer's page set-up and "第 X 页 共 Y 页" footer.
// Only types come from Electron, so plain Node (the tests) can load it.
import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { PAGE, PAGE_MARGINS } from '../reports/reportHtml';
import type { PrintLayout } from '../reports/reportPdf';

/** A session of its own, kept in memory only: the report window shares nothing with the app. */
export const PDF_PARTITION = 'court-report-pdf';

export function pdfWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 1123,
    height: 794,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      javascript: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      devTools: false,
      images: true,
      partition: PDF_PARTITION,
    },
  };
}

/** "2.5cm" → inches, the unit printToPDF's margins take. */
export function cmToInches(value: string): number {
  const match = /^(\d+(?:\.\d+)?)cm$/.exec(value);
  if (!match) throw new Error(`页边距格式不正确：${value}`);
  return Math.round((Number(match[1]) / 2.54) * 10000) / 10000;
}

/**
 * `layout` (reportPdf.ts printLayout): a 公文 (reports/officialDocument.ts) lays out its own pages
 * — its @page size and margins, its own “— 1 —” page numbers, no report footer; other reports get
 * the footer and the report or the 公文 margins, as the Chromium printer gives them.
 */
export function pdfPrintOptions(landscape: boolean, layout: PrintLayout = 'report'): PrintToPDFOptions {
  if (layout === 'official-document')
    return { preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false };
  const margins = PAGE_MARGINS[layout];
  return {
    pageSize: PAGE.size,
    landscape,
    printBackground: true,
    // The page numbers are the document's own (reportPdf.ts PAGE_NUMBER_RULE, added by printableDocument).
    displayHeaderFooter: false,
    margins: {
      top: cmToInches(margins.top),
      bottom: cmToInches(margins.bottom),
      left: cmToInches(margins.left),
      right: cmToInches(margins.right),
    },
  };
}
