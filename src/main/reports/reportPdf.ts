// Printing a report's HTML to PDF. The printer is an interface so the desktop app can plug in
// Electron's printToPDF; the command line and the tests use Chromium through playwright-core.
// Either way the page footer carries "第 X 页 共 Y 页" — except a 公文 (officialDocument.ts), which
// is printed with its own @page size and margins and its own “— 1 —” page numbers. Both printers
// print printableDocument(html): the page numbers and the shipped fonts added to the report.
import { BODY_FONTS, PAGE, PAGE_MARGINS, pageStyleOf, type PageStyle } from './reportHtml';
import { isOfficialDocument } from './officialDocument';
import { addToHead, PRINT_ORIGIN, servedFontFile, withShippedFonts, type FontFaceOptions } from './fonts/shippedFonts';
import { stampProgramInfo } from './fonts/pdfInfo';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * How a document is printed: a 公文 lays out its own pages ('official-document'); every other
 * report gets the "第 X 页 共 Y 页" footer with the report margins or, when it asks for them
 * (reportHtml's print mark), the 公文 margins. Both printers decide it here, so they agree.
 */
export type PrintLayout = 'official-document' | PageStyle;

export function printLayout(html: string): PrintLayout {
  return isOfficialDocument(html) ? 'official-document' : pageStyleOf(html);
}

export interface PrintOptions {
  /** Landscape pages (wide tables); portrait for forms. Defaults to what the document's @page asks for. */
  landscape?: boolean;
}

export interface PdfPrinter {
  print(html: string, options?: PrintOptions): Promise<Buffer>;
}

/** Whether the document's own page rule asks for landscape pages (reportHtml's @page). */
export function wantsLandscape(html: string): boolean {
  return /@page\s*\{[^}]*\blandscape\b/.test(html);
}

/** Launch flags for a headless Chromium that reaches nothing outside this computer. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

/**
 * The page number "第 X 页 共 Y 页" centred in the bottom margin, in the body face. A CSS margin box
 * of the page itself rather than the printers' footer template: the footer template is rendered as
 * a document of its own on every page, which cannot use the page's fonts — it would need the
 * shipped fonts inline on each of a thousand-item list's hundred pages (seconds, and Chromium
 * printed some of those footers blank before their font was ready).
 */
export const PAGE_NUMBER_RULE = `@page { @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-family: ${BODY_FONTS}; font-size: 10.5pt; } }`;

/**
 * The document as both printers print it: a report gets its page numbers (a 公文 draws its own),
 * and the shipped fonts' rules (fonts/shippedFonts.ts) — inline for the Electron window, served
 * for the Chromium printer.
 */
export function printableDocument(html: string, fonts: FontFaceOptions['source']): string {
  const numbered =
    printLayout(html) === 'official-document'
      ? html
      : addToHead(html, `<style data-court-page-numbers>${PAGE_NUMBER_RULE}</style>`);
  return withShippedFonts(numbered, { source: fonts });
}

/** How long a warm browser waits for the next print before it is closed. */
export const BROWSER_IDLE_MS = 60_000;

/**
 * Chromium (Debian's by default, or COURT_CHROMIUM) driven by playwright-core. Launching the
 * browser costs about half a second, more than printing a short report: one browser is launched at
 * the first print and kept for the next ones, each printed in a context of its own (nothing — the
 * routed origin, loaded fonts, storage — passes from one document to the next). It is closed after
 * BROWSER_IDLE_MS without prints and by close(); a browser that crashed or was killed is launched
 * again at the next print. Prints may run at the same time (each has its own page).
 *
 * A live browser keeps the process running: whoever makes a printer closes it (or uses
 * sharedPdfPrinter(), closed by closeSharedPdfPrinter() when the process or worker ends).
 */
export class ChromiumPdfPrinter implements PdfPrinter {
  private browser: Promise<Browser> | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private printing = 0;
  private launchCount = 0;

  constructor(
    private readonly executablePath = process.env.COURT_CHROMIUM ?? '/usr/bin/chromium',
    private readonly idleMs = BROWSER_IDLE_MS,
  ) {}

  /** How many times this printer has launched Chromium (tests: prints reuse one browser). */
  get launches(): number {
    return this.launchCount;
  }

  async print(html: string, options: PrintOptions = {}): Promise<Buffer> {
    return stampProgramInfo(await this.render(html, options));
  }

  /** Closes the browser, if one is running; the next print launches a new one. */
  async close(): Promise<void> {
    this.stopIdleTimer();
    const browser = this.browser;
    this.browser = null;
    if (!browser) return;
    try {
      await (await browser).close();
    } catch {
      // It failed to launch or is already gone: nothing left to close.
    }
  }

  /**
   * A fresh context and page in the running browser, or in a new one (one launch however many
   * prints ask at once). A browser that died since the last print (killed, crashed) may not be
   * known to be gone until it is asked for a context: then it is forgotten and one new browser is
   * launched.
   */
  private async freshPage(): Promise<{ context: BrowserContext; page: Page }> {
    for (let attempt = 1; ; attempt += 1) {
      const launching = (this.browser ??= this.launch());
      const browser = await launching;
      let context: BrowserContext | null = null;
      try {
        context = await browser.newContext();
        return { context, page: await context.newPage() };
      } catch (error) {
        await context?.close().catch(() => undefined);
        if (attempt === 2 || browser.isConnected()) throw error;
        if (this.browser === launching) this.browser = null;
      }
    }
  }

  private launch(): Promise<Browser> {
    this.launchCount += 1;
    const launching = (async () => {
      // Loaded only when a PDF is printed: the rest of the app never needs it.
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath: this.executablePath, args: CHROMIUM_ARGS });
      // Crashed or killed: forgotten, so the next print launches another.
      browser.on('disconnected', () => {
        if (this.browser === launching) this.browser = null;
      });
      return browser;
    })();
    // A failed launch is not kept: the next print tries again.
    launching.catch(() => {
      if (this.browser === launching) this.browser = null;
    });
    return launching;
  }

  private stopIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  /** After the last running print: the browser is closed if no print comes within idleMs. */
  private startIdleTimer(): void {
    this.stopIdleTimer();
    if (this.printing > 0 || !this.browser) return;
    this.idleTimer = setTimeout(() => void this.close(), this.idleMs);
    // The timer alone never keeps the process running (the browser does, until closed).
    this.idleTimer.unref();
  }

  /** The PDF as Chromium prints it, with the shipped fonts (fonts/shippedFonts.ts) in page and footer. */
  private async render(html: string, options: PrintOptions): Promise<Buffer> {
    this.printing += 1;
    this.stopIdleTimer();
    try {
      const { context, page } = await this.freshPage();
      try {
        return await printPage(page, html, options);
      } finally {
        await context.close().catch(() => undefined);
      }
    } finally {
      this.printing -= 1;
      this.startIdleTimer();
    }
  }
}

async function printPage(page: Page, html: string, options: PrintOptions): Promise<Buffer> {
  // The document and the font slices its text uses, served from memory and the font folder:
  // the page reaches nothing else (every other request is refused).
  const served = printableDocument(html, 'served');
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === `${PRINT_ORIGIN}/report`)
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: served });
    const font = servedFontFile(url);
    if (font) return route.fulfill({ status: 200, contentType: 'font/woff2', path: font });
    return route.abort();
  });
  await page.goto(`${PRINT_ORIGIN}/report`, { waitUntil: 'load' });
  // Every font the text needs is loaded before printing (a face still loading prints blank).
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // A 公文 lays out its own pages (size, margins, “— 1 —” page numbers in margin boxes).
  const layout = printLayout(html);
  if (layout === 'official-document')
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false });
  const margin = PAGE_MARGINS[layout];
  return await page.pdf({
    format: PAGE.size,
    landscape: options.landscape ?? wantsLandscape(html),
    printBackground: true,
    displayHeaderFooter: false,
    margin: { top: margin.top, bottom: margin.bottom, left: margin.left, right: margin.right },
  });
}

let shared: ChromiumPdfPrinter | null = null;

/**
 * The printer of this process or worker thread, whose browser stays warm between prints. The
 * worker (workers/jobWorker.ts) and the command line close it when they end.
 */
export function sharedPdfPrinter(): ChromiumPdfPrinter {
  shared ??= new ChromiumPdfPrinter();
  return shared;
}

/** Closes the shared printer's browser (if it was ever used). */
export async function closeSharedPdfPrinter(): Promise<void> {
  await shared?.close();
}

/** How many pages a PDF has, from its page objects (Chromium writes them uncompressed). */
export function pdfPageCount(pdf: Buffer): number | null {
  const matches = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g);
  return matches ? matches.length : null;
}
