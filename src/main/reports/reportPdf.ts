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
 * Added to the document the Chromium printer loads: on screen the page shows nothing, so Chromium
 * does not lay out, shape and raster a long report for a 1280-pixel window (each font slice that
 * arrived made it lay out all of it again) before laying it out once more for the paper — that was
 * most of a 1,000-item list's print. The printed pages are laid out as before; the fonts the text
 * needs are loaded by the printer itself (loadDeclaredFonts), as the hidden text asks for none.
 */
export const SCREEN_HIDDEN_STYLE =
  '<style data-court-print-only>@media screen { body { display: none !important; } }</style>';

/** A page kept between prints. Its routes serve the document it is printing now (at an address of its own) and the font slices. */
interface PrintTab {
  /** The launch of the browser the page lives in: a page of a browser closed or relaunched since is not used again. */
  launch: Promise<Browser>;
  context: BrowserContext;
  page: Page;
  document: { url: string; html: string } | null;
}

let printNumber = 0;

/**
 * Chromium (Debian's by default, or COURT_CHROMIUM) driven by playwright-core. Launching the
 * browser costs about half a second, more than printing a short report: one browser is launched at
 * the first print and kept for the next ones. So is one page: a new page costs a new renderer
 * process that decodes the fonts and warms its caches again (a third of a long report's print).
 * Each print loads its own document at an address of its own into the page, and afterwards the page
 * goes back to about:blank before it is kept, so it holds no report between prints; what passes from
 * one print to the next is the renderer with the shipped fonts decoded. The browser is closed after
 * BROWSER_IDLE_MS without prints and by close(); a browser that crashed or was killed is launched
 * again at the next print, and a kept page that fails is replaced by a new one for the same print.
 * Prints may run at the same time: one takes the kept page, the others a page of their own.
 *
 * A live browser keeps the process running: whoever makes a printer closes it (or uses
 * sharedPdfPrinter(), closed by closeSharedPdfPrinter() when the process or worker ends).
 */
export class ChromiumPdfPrinter implements PdfPrinter {
  private browser: Promise<Browser> | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private printing = 0;
  private launchCount = 0;
  private keptTab: PrintTab | null = null;
  /** The last printed page being blanked before it is kept: the next print waits for it. */
  private keeping: Promise<void> = Promise.resolve();

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

  /** Resolves once the page of the last print is blank and kept for the next (tests). */
  async settled(): Promise<void> {
    await this.keeping;
  }

  /** Closes the browser, if one is running; the next print launches a new one. */
  async close(): Promise<void> {
    this.stopIdleTimer();
    const browser = this.browser;
    this.browser = null;
    this.keptTab = null;
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
  private async freshTab(): Promise<PrintTab> {
    for (let attempt = 1; ; attempt += 1) {
      const launch = (this.browser ??= this.launch());
      const browser = await launch;
      let context: BrowserContext | null = null;
      try {
        context = await browser.newContext();
        const tab: PrintTab = { launch, context, page: await context.newPage(), document: null };
        // The document and the font slices its text uses, served from memory and the font folder:
        // the page reaches nothing else (every other request is refused).
        await tab.page.route('**/*', async (route) => {
          const url = route.request().url();
          if (tab.document && url === tab.document.url)
            return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: tab.document.html });
          const font = servedFontFile(url);
          if (font) return route.fulfill({ status: 200, contentType: 'font/woff2', path: font });
          return route.abort();
        });
        return tab;
      } catch (error) {
        await context?.close().catch(() => undefined);
        if (attempt === 2 || browser.isConnected()) throw error;
        if (this.browser === launch) this.browser = null;
      }
    }
  }

  /** The page kept from the last print, if it is still good to print in. */
  private async takeKeptTab(): Promise<PrintTab | null> {
    await this.keeping;
    const tab = this.keptTab;
    this.keptTab = null;
    if (!tab) return null;
    if (tab.launch === this.browser && !tab.page.isClosed()) return tab;
    await tab.context.close().catch(() => undefined);
    return null;
  }

  /** After a print: the page is blanked, then kept for the next print (or closed when one is kept already). */
  private keep(tab: PrintTab): void {
    tab.document = null;
    this.keeping = this.keeping.then(async () => {
      try {
        await tab.page.goto('about:blank', { timeout: 10_000 });
        if (!this.keptTab && tab.launch === this.browser) {
          this.keptTab = tab;
          return;
        }
      } catch {
        // A page that cannot even go blank is not kept.
      }
      await tab.context.close().catch(() => undefined);
    });
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
      const kept = await this.takeKeptTab();
      if (kept) {
        try {
          return await this.printIn(kept, html, options);
        } catch {
          // The kept page failed (its renderer crashed, say): the print is tried once in a new page.
        }
      }
      return await this.printIn(await this.freshTab(), html, options);
    } finally {
      this.printing -= 1;
      this.startIdleTimer();
    }
  }

  /** One print in a page: kept for the next print when it worked, closed when it did not. */
  private async printIn(tab: PrintTab, html: string, options: PrintOptions): Promise<Buffer> {
    let printed = false;
    try {
      const pdf = await printPage(tab, html, options);
      printed = true;
      return pdf;
    } finally {
      if (printed) this.keep(tab);
      else await tab.context.close().catch(() => undefined);
    }
  }
}

async function printPage(tab: PrintTab, html: string, options: PrintOptions): Promise<Buffer> {
  printNumber += 1;
  tab.document = {
    url: `${PRINT_ORIGIN}/report/${printNumber}`,
    html: addToHead(printableDocument(html, 'served'), SCREEN_HIDDEN_STYLE),
  };
  const { page } = tab;
  await page.goto(tab.document.url, { waitUntil: 'load' });
  await loadDeclaredFonts(page);
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

/**
 * Every font the document declares, loaded before printing (a face still loading prints blank).
 * The rules name only the slices holding the document's characters (fonts/shippedFonts.ts), and a
 * page hidden on screen asks for none by itself. A slice that fails to load is left to the
 * fallback faces, as a page would.
 */
async function loadDeclaredFonts(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await Promise.all(Array.from(document.fonts, (face) => face.load().catch(() => undefined)));
    await document.fonts.ready;
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
