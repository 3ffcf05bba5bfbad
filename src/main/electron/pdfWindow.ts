// The pure half of printing reports to PDF in the desktop app: the hidden window that renders a
// report (sandboxed, isolated, no preload, no scripts, its own in-memory session) and the
// printToPDF settings, matching the Chromium printer's page set-up and "第 X 页 共 Y 页" footer.
// Only types come from Electron, so plain Node (the tests) can load it.
import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { PAGE } from '../reports/reportHtml';
import { FOOTER_TEMPLATE } from '../reports/reportPdf';

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
 * `official`: a 公文 (reports/officialDocument.ts) that lays out its own pages: its @page size and
 * margins, its own “— 1 —” page numbers, no report footer.
 */
export function pdfPrintOptions(landscape: boolean, official = false): PrintToPDFOptions {
  if (official) return { preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false };
  return {
    pageSize: PAGE.size,
    landscape,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: FOOTER_TEMPLATE,
    margins: {
      top: cmToInches(PAGE.marginTop),
      bottom: cmToInches(PAGE.marginBottom),
      left: cmToInches(PAGE.marginSide),
      right: cmToInches(PAGE.marginSide),
    },
  };
}
