// Printing a report's HTML to PDF. The printer is an interface so the desktop app can plug in
// Electron's printToPDF; the command line and the tests use Chromium through playwright-core.
// Either way the page footer carries "第 X 页 共 Y 页" — except a 公文 (officialDocument.ts), which
// is printed with its own @page size and margins and its own “— 1 —” page numbers. Both printers
// print printableDocument(html): the page numbers and the shipped fonts added to the report.
import { BODY_FONTS, PAGE, PAGE_MARGINS, pageStyleOf, type PageStyle } from './reportHtml';
import { isOfficialDocument } from './officialDocument';
import { addToHead, PRINT_ORIGIN, servedFontFile, withShippedFonts, type FontFaceOptions } from './fonts/shippedFonts';
import { stampProgramInfo } from './fonts/pdfInfo';

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

/** Chromium (Debian's by default, or COURT_CHROMIUM) driven by playwright-core. */
export class ChromiumPdfPrinter implements PdfPrinter {
  constructor(private readonly executablePath = process.env.COURT_CHROMIUM ?? '/usr/bin/chromium') {}

  async print(html: string, options: PrintOptions = {}): Promise<Buffer> {
    return stampProgramInfo(await this.render(html, options));
  }

  /** The PDF as Chromium prints it, with the shipped fonts (fonts/shippedFonts.ts) in page and footer. */
  private async render(html: string, options: PrintOptions): Promise<Buffer> {
    // Loaded only when a PDF is printed: the rest of the app never needs it.
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: this.executablePath, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
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
    } finally {
      await browser.close();
    }
  }
}

/** How many pages a PDF has, from its page objects (Chromium writes them uncompressed). */
export function pdfPageCount(pdf: Buffer): number | null {
  const matches = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g);
  return matches ? matches.length : null;
}
