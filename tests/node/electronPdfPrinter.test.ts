// The desktop app's PDF printer (src/main/electron/pdfPrinter.ts), checked without the Electron
// binary: the hidden window's settings directly from the pure module, the printer's real bundle
// run against a stand-in `electron` module (temporary file removed whether printing works or fails,
// the window kept for the next print and destroyed when printing fails, nothing but the report file
// loaded), and static checks on the sources.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { cmToInches, PDF_PARTITION, pdfPrintOptions, pdfWindowOptions } from '../../src/main/electron/pdfWindow';
import { PAGE_NUMBER_RULE, printableDocument, printLayout } from '../../src/main/reports/reportPdf';
import { PAGE_MARGINS, reportDocument } from '../../src/main/reports/reportHtml';
import { PDFDocument } from 'pdf-lib';
import { PDF_CREATOR } from '../../src/main/reports/fonts/pdfInfo';

const repoRoot = path.resolve(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');

describe('the hidden report window', () => {
  it('is sandboxed, isolated, without Node, scripts or a preload, hidden, in its own session', () => {
    const options = pdfWindowOptions();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      javascript: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
      partition: PDF_PARTITION,
    });
    expect(options.webPreferences).not.toHaveProperty('preload');
    // Not "persist:": the session lives in memory and leaves nothing on disk.
    expect(PDF_PARTITION.startsWith('persist:')).toBe(false);
  });

  it('prints A4 with the report page margins, either way round; the page numbers are the document’s own', () => {
    const landscape = pdfPrintOptions(true);
    expect(landscape).toMatchObject({
      pageSize: 'A4',
      landscape: true,
      displayHeaderFooter: false,
      printBackground: true,
    });
    expect(landscape).not.toHaveProperty('footerTemplate');
    // "第 X 页 共 Y 页" as a margin box of the printed document, in the body face.
    expect(PAGE_NUMBER_RULE).toContain('@bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页";');
    const printable = printableDocument(
      reportDocument({ documentTitle: '推进清单', landscape: true, body: '<p>表</p>' }),
      'inline',
    );
    expect(printable).toContain(PAGE_NUMBER_RULE);
    expect(landscape.margins).toEqual({
      top: cmToInches('2.5cm'),
      bottom: cmToInches('2cm'),
      left: cmToInches('2cm'),
      right: cmToInches('2cm'),
    });
    expect(pdfPrintOptions(false).landscape).toBe(false);
    expect(cmToInches('2.54cm')).toBe(1);
    expect(() => cmToInches('20mm')).toThrow();
  });

  it('prints a portrait form with the 公文 margins and the same footer as the Chromium printer', () => {
    const html = reportDocument({ documentTitle: '查摆报告表', landscape: false, body: '<p>表</p>' });
    expect(printLayout(html)).toBe('official');
    const options = pdfPrintOptions(false, printLayout(html));
    expect(options).toMatchObject({
      pageSize: 'A4',
      landscape: false,
      displayHeaderFooter: false,
    });
    expect(printableDocument(html, 'inline')).toContain(PAGE_NUMBER_RULE);
    // GB/T 9704: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (a 156 × 225 mm text block).
    expect(options.margins).toEqual({
      top: cmToInches('3.7cm'),
      bottom: cmToInches('3.5cm'),
      left: cmToInches('2.8cm'),
      right: cmToInches('2.6cm'),
    });
    expect(options.margins).toEqual(
      Object.fromEntries(Object.entries(PAGE_MARGINS.official).map(([side, value]) => [side, cmToInches(value)])),
    );
    // The document's own @page rule says the same, so the preview's print dialog agrees.
    expect(html).toContain('margin: 3.7cm 2.6cm 3.5cm 2.8cm;');
    // Landscape tables keep the report margins.
    const wide = reportDocument({ documentTitle: '整改台账', landscape: true, body: '<p>表</p>' });
    expect(printLayout(wide)).toBe('report');
    expect(pdfPrintOptions(true, printLayout(wide))).toEqual(pdfPrintOptions(true));
  });
});

describe('printPdf (its bundle, with a stand-in electron)', () => {
  let code = '';
  beforeAll(async () => {
    const result = await build({
      entryPoints: [path.join(repoRoot, 'src/main/electron/pdfPrinter.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['electron', 'playwright-core'],
      write: false,
      logLevel: 'silent',
    });
    code = result.outputFiles[0].text;
  });

  function load(printToPDF: (options: unknown) => Promise<Buffer>) {
    const windows: Array<{
      options: Record<string, unknown>;
      loaded: string[];
      destroyed: boolean;
      htmlSeen: string | null;
      printedWith: unknown;
    }> = [];
    let requestFilter: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | null =
      null;
    const partitions: string[] = [];
    class FakeWindow {
      record: (typeof windows)[number];
      webContents: { printToPDF: (options: unknown) => Promise<Buffer> };
      constructor(options: Record<string, unknown>) {
        this.record = { options, loaded: [], destroyed: false, htmlSeen: null, printedWith: null };
        windows.push(this.record);
        const record = this.record;
        this.webContents = {
          printToPDF: async (printOptions: unknown) => {
            record.printedWith = printOptions;
            // What the window shows while printing: the report file, readable, with the HTML.
            record.htmlSeen = fs.readFileSync(new URL(record.loaded[record.loaded.length - 1]), 'utf8');
            return printToPDF(printOptions);
          },
        };
      }
      async loadURL(url: string) {
        this.record.loaded.push(url);
      }
      isDestroyed() {
        return this.record.destroyed;
      }
      destroy() {
        this.record.destroyed = true;
      }
    }
    const electron = {
      BrowserWindow: FakeWindow,
      session: {
        fromPartition: (name: string) => {
          partitions.push(name);
          return { webRequest: { onBeforeRequest: (listener: typeof requestFilter) => (requestFilter = listener) } };
        },
      },
    };
    const realRequire = createRequire(path.join(repoRoot, 'package.json'));
    const mod = {
      exports: {} as {
        printPdf(html: string, options: { landscape: boolean }): Promise<Buffer>;
        closePrintingWindow(): void;
      },
    };
    new Function('exports', 'require', 'module', '__filename', '__dirname', code)(
      mod.exports,
      (id: string) => (id === 'electron' ? electron : realRequire(id)),
      mod,
      'pdfPrinter.js',
      repoRoot,
    );
    const allowed = (url: string) => {
      let answer: boolean | null = null;
      requestFilter!({ url }, (response) => (answer = !response.cancel));
      return answer;
    };
    return {
      printPdf: mod.exports.printPdf,
      closePrintingWindow: mod.exports.closePrintingWindow,
      windows,
      partitions,
      allowed,
    };
  }

  it('prints the HTML from a temporary file in the hidden window, then removes the file and keeps the window', async () => {
    let allowedDuring: boolean[] = [];
    const printer = load(async () => {
      const file = printer.windows[0].loaded[0];
      allowedDuring = [
        printer.allowed(file)!,
        // Chromium may spell the same file differently (percent-encoding): still the report.
        printer.allowed(file.replace(/report\.html$/, '%72eport.html'))!,
        printer.allowed(file.replace(/report\.html$/, 'other.html'))!,
        printer.allowed('https://evil.example/')!,
        printer.allowed('file:///etc/passwd')!,
        printer.allowed('data:font/woff2;base64,d09GMgABAAAA')!,
        printer.allowed('data:text/html,<p>x</p>')!,
      ];
      // What printToPDF gives: a PDF whose Creator is Chromium's.
      const printed = await PDFDocument.create({ updateMetadata: false });
      printed.addPage();
      printed.setTitle('推进清单');
      printed.setCreator('HeadlessChrome');
      return Buffer.from(await printed.save());
    });
    const html = reportDocument({
      documentTitle: '推进清单',
      landscape: true,
      body: '<h1>能力作风建设年推进清单</h1>',
    });
    const pdf = await printer.printPdf(html, { landscape: true });
    // The printed PDF names the program and keeps its title.
    const saved = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(saved.getCreator()).toBe(PDF_CREATOR);
    expect(saved.getProducer()).toBe(PDF_CREATOR);
    expect(saved.getTitle()).toBe('推进清单');
    expect(saved.getPageCount()).toBe(1);
    expect(printer.windows).toHaveLength(1);
    const [win] = printer.windows;
    expect(win.options).toEqual(pdfWindowOptions());
    expect(win.loaded).toHaveLength(1);
    expect(win.loaded[0]).toMatch(/^file:\/\/.*court-report-[^/]+\/report\.html$/);
    // The document as printed carries its page numbers and the shipped fonts inline (data: URLs).
    expect(win.htmlSeen).toBe(printableDocument(html, 'inline'));
    expect(win.htmlSeen).toContain(PAGE_NUMBER_RULE);
    expect(win.htmlSeen).toMatch(/@font-face\{font-family:'Noto Serif SC'[^}]*src:url\(data:font\/woff2;base64,/);
    expect(win.printedWith).toEqual(pdfPrintOptions(true));
    // Kept for the next report; destroyed when the app's window closes.
    expect(win.destroyed).toBe(false);
    printer.closePrintingWindow();
    expect(win.destroyed).toBe(true);
    expect(fs.existsSync(path.dirname(new URL(win.loaded[0]).pathname))).toBe(false);
    expect(printer.partitions).toEqual([PDF_PARTITION]);
    // Only the report's own file may load, and only while it prints.
    expect(allowedDuring).toEqual([true, true, false, false, false, true, false]);
    expect(printer.allowed(win.loaded[0])).toBe(false);
  });

  it('prints reports one at a time in one window, and makes a new window after one was destroyed', async () => {
    let printing = 0;
    let mostAtOnce = 0;
    const printer = load(async () => {
      printing += 1;
      mostAtOnce = Math.max(mostAtOnce, printing);
      await new Promise((resolve) => setTimeout(resolve, 20));
      printing -= 1;
      const printed = await PDFDocument.create({ updateMetadata: false });
      printed.addPage();
      return Buffer.from(await printed.save());
    });
    const html = (title: string) => reportDocument({ documentTitle: title, landscape: true, body: `<p>${title}</p>` });
    const pdfs = await Promise.all([
      printer.printPdf(html('甲'), { landscape: true }),
      printer.printPdf(html('乙'), { landscape: true }),
    ]);
    expect(pdfs).toHaveLength(2);
    expect(mostAtOnce).toBe(1);
    expect(printer.windows).toHaveLength(1);
    expect(printer.windows[0].loaded).toHaveLength(2);
    expect(printer.windows[0].loaded[0]).not.toBe(printer.windows[0].loaded[1]);
    // Gone (closed by the system, say): the next print makes another from the same options.
    printer.windows[0].destroyed = true;
    await printer.printPdf(html('丙'), { landscape: true });
    expect(printer.windows).toHaveLength(2);
    expect(printer.windows[1].options).toEqual(pdfWindowOptions());
    printer.closePrintingWindow();
    expect(printer.windows[1].destroyed).toBe(true);
  });

  it('destroys the window and removes the file when printing fails, passing the error on', async () => {
    const printer = load(async () => {
      throw new Error('printing failed');
    });
    const form = reportDocument({ documentTitle: '查摆报告表', landscape: false, body: '<p>x</p>' });
    await expect(printer.printPdf(form, { landscape: false })).rejects.toThrow('printing failed');
    const [win] = printer.windows;
    expect(win.printedWith).toEqual(pdfPrintOptions(false, 'official'));
    expect(win.destroyed).toBe(true);
    expect(fs.existsSync(path.dirname(new URL(win.loaded[0]).pathname))).toBe(false);
  });
});

describe('Electron sources (static checks for the PDF window)', () => {
  const printer = read('src/main/electron/pdfPrinter.ts');

  it('creates the window only from pdfWindowOptions, and destroys it in a finally block when printing fails', () => {
    expect(printer.match(/new BrowserWindow\(/g)).toHaveLength(1);
    expect(printer).toMatch(/new BrowserWindow\(pdfWindowOptions\(\)\)/);
    const tryAt = printer.indexOf('try {');
    const finallyAt = printer.indexOf('} finally {');
    expect(tryAt).toBeGreaterThan(0);
    expect(printer.indexOf('new BrowserWindow(')).toBeGreaterThan(tryAt);
    expect(printer.indexOf('printToPDF(')).toBeLessThan(finallyAt);
    expect(printer.slice(finallyAt)).toMatch(/if \(!printed\) closePrintingWindow\(\);/);
    expect(printer).toMatch(/function closePrintingWindow\(\)[\s\S]*?window\.destroy\(\)/);
    expect(printer.slice(finallyAt)).toMatch(/fs\.promises\.rm\(folder/);
  });

  it('the pure half imports Electron for types only, and the host object passes printPdf on', () => {
    expect(read('src/main/electron/pdfWindow.ts')).toMatch(/import type \{[^}]+\} from 'electron'/);
    expect(read('src/main/electron/pdfWindow.ts')).not.toMatch(/import \{[^}]*\} from 'electron'/);
    const main = read('src/main/electron/main.ts');
    expect(main).toMatch(/import \{ closePrintingWindow, printPdf \} from '\.\/pdfPrinter'/);
    // The hidden window would keep the app open after its own window closed.
    expect(main).toMatch(/win\.on\('closed', \(\) => \{[\s\S]*?closePrintingWindow\(\);/);
    expect(main).toMatch(/host: \{[\s\S]*?\bprintPdf,[\s\S]*?\}/);
  });
});
