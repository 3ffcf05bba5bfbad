// Printing a report's HTML to PDF. The printer is an interface so the desktop app can plug in
// Electron's printToPDF; the command line and the tests use Chromium through playwright-core.
// Either way the page footer carries "第 X 页 共 Y 页" — except a 公文 (officialDocument.ts), which
// is printed with its own @page size and margins and its own “— 1 —” page numbers.
import { BODY_FONTS, PAGE } from './reportHtml';
import { isOfficialDocument } from './officialDocument';

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

/** The page-number footer, in the body face (the footer is rendered apart from the page's own styles). */
export const FOOTER_TEMPLATE =
  `<div style="width:100%; text-align:center; font-size:10.5pt; font-family:${BODY_FONTS.replace(/"/g, "'")};">` +
  '第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>';

/** Chromium (Debian's by default, or COURT_CHROMIUM) driven by playwright-core. */
export class ChromiumPdfPrinter implements PdfPrinter {
  constructor(private readonly executablePath = process.env.COURT_CHROMIUM ?? '/usr/bin/chromium') {}

  async print(html: string, options: PrintOptions = {}): Promise<Buffer> {
    // Loaded only when a PDF is printed: the rest of the app never needs it.
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: this.executablePath, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      // A 公文 lays out its own pages (size, margins, “— 1 —” page numbers in margin boxes).
      if (isOfficialDocument(html))
        return await page.pdf({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false });
      return await page.pdf({
        format: PAGE.size,
        landscape: options.landscape ?? wantsLandscape(html),
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: FOOTER_TEMPLATE,
        margin: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginSide, right: PAGE.marginSide },
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
