// The Chromium PDF printer keeps one browser warm between prints (src/main/reports/reportPdf.ts):
// two prints launch Chromium once, prints at the same time both come out whole, a browser that was
// killed is replaced at the next print, close() leaves no browser behind, and the PDF's program
// information is appended to what Chromium wrote (fonts/pdfInfo.ts) — read back by pdfinfo.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { reportDocument } from '../../src/main/reports/reportHtml';
import { ChromiumPdfPrinter, pdfPageCount } from '../../src/main/reports/reportPdf';
import { appendProgramInfo, PDF_CREATOR } from '../../src/main/reports/fonts/pdfInfo';
import { tempDir } from './harness';

const printers: ChromiumPdfPrinter[] = [];
const folders: string[] = [];
afterAll(async () => {
  await Promise.all(printers.map((printer) => printer.close()));
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

function newPrinter(): ChromiumPdfPrinter {
  const printer = new ChromiumPdfPrinter();
  printers.push(printer);
  return printer;
}

/** The Chromium browser processes this test process started (Debian's wrapper execs the browser). */
function browserProcesses(): number[] {
  const listed = spawnSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' }).stdout;
  return listed
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([pid, command]) => pid && command?.includes('chrom'))
    .map(([pid]) => Number(pid));
}

/** The renderer processes under a browser process (the page kept between prints has one). */
function rendererProcesses(browser: number): number[] {
  const listed = spawnSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' }).stdout;
  const rows = listed
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, pid, parent, args]) => ({ pid: Number(pid), parent: Number(parent), args }));
  const under = new Set([browser]);
  for (let grew = true; grew;) {
    grew = false;
    for (const row of rows)
      if (under.has(row.parent) && !under.has(row.pid)) {
        under.add(row.pid);
        grew = true;
      }
  }
  return rows.filter((row) => under.has(row.pid) && row.args.includes('--type=renderer')).map((row) => row.pid);
}

function document(title: string): string {
  return reportDocument({ documentTitle: title, landscape: true, body: `<h1>${title}</h1><p>第一页</p>` });
}

/** The PDF's text, as pdftotext reads it. */
function textOf(pdf: Buffer): string {
  const dir = tempDir('court-printer-');
  folders.push(dir);
  const file = path.join(dir, 'report.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

describe('the warm Chromium printer', () => {
  it('launches the browser once for consecutive and simultaneous prints, each a whole document', async () => {
    const printer = newPrinter();
    const before = browserProcesses();
    expect(printer.launches).toBe(0);
    const first = await printer.print(document('第一份报表'));
    const second = await printer.print(document('第二份报表'));
    // Two reports at once, each in a page of its own.
    const [third, fourth] = await Promise.all([
      printer.print(document('第三份报表')),
      printer.print(document('第四份报表')),
    ]);
    expect(printer.launches).toBe(1);
    expect(browserProcesses().filter((pid) => !before.includes(pid))).toHaveLength(1);
    const titles = ['第一份报表', '第二份报表', '第三份报表', '第四份报表'];
    [first, second, third, fourth].forEach((pdf, index) => {
      expect(pdfPageCount(pdf)).toBe(1);
      const text = textOf(pdf);
      expect(text).toContain(titles[index]);
      // Nothing of another document.
      for (const other of titles.filter((_, i) => i !== index)) expect(text).not.toContain(other);
    });
    await printer.close();
    expect(browserProcesses().filter((pid) => !before.includes(pid))).toEqual([]);
  });

  it('launches a new browser at the next print when the running one was killed', async () => {
    const printer = newPrinter();
    const before = browserProcesses();
    await printer.print(document('杀掉之前'));
    const [browser] = browserProcesses().filter((pid) => !before.includes(pid));
    expect(browser).toBeGreaterThan(0);
    process.kill(browser, 'SIGKILL');
    // Whether or not the printer has heard of it yet, the next print gets a browser that works.
    const after = await printer.print(document('杀掉之后'));
    expect(textOf(after)).toContain('杀掉之后');
    expect(printer.launches).toBe(2);
    await printer.close();
    expect(browserProcesses().filter((pid) => !before.includes(pid))).toEqual([]);
  });

  it('prints in a new page when the renderer of the page kept from the last print was killed', async () => {
    const printer = newPrinter();
    const before = browserProcesses();
    await printer.print(document('渲染进程之前'));
    await printer.settled();
    const [browser] = browserProcesses().filter((pid) => !before.includes(pid));
    const renderers = rendererProcesses(browser);
    expect(renderers.length).toBeGreaterThan(0);
    for (const pid of renderers) process.kill(pid, 'SIGKILL');
    const after = await printer.print(document('渲染进程之后'));
    const text = textOf(after);
    expect(text).toContain('渲染进程之后');
    expect(text).not.toContain('渲染进程之前');
    // The browser itself was fine: no second launch.
    expect(printer.launches).toBe(1);
  });

  it('closes the browser after the idle time without prints', async () => {
    const printer = new ChromiumPdfPrinter(undefined, 50);
    printers.push(printer);
    const before = browserProcesses();
    await printer.print(document('稍后关闭'));
    expect(browserProcesses().filter((pid) => !before.includes(pid))).toHaveLength(1);
    await expect.poll(() => browserProcesses().filter((pid) => !before.includes(pid)), { timeout: 20_000 }).toEqual([]);
    // And the next print launches it again.
    await printer.print(document('再次打印'));
    expect(printer.launches).toBe(2);
  });

  it('names the program in the PDF by appending to what Chromium wrote', async () => {
    const printer = newPrinter();
    const pdf = await printer.print(document('程序信息'));
    // An incremental update: the last trailer points back at Chromium's.
    expect(pdf.toString('latin1').slice(-400)).toMatch(/\/Prev \d+>>\nstartxref\n\d+\n%%EOF\n$/);
    const dir = tempDir('court-printer-');
    folders.push(dir);
    const file = path.join(dir, 'info.pdf');
    fs.writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const field = (name: string) => new RegExp(`^${name}:\\s+(.*)$`, 'm').exec(info)?.[1];
    expect(field('Creator')).toBe(PDF_CREATOR);
    expect(field('Producer')).toBe(PDF_CREATOR);
    expect(field('Title')).toBe('程序信息');
    const loaded = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(loaded.getCreator()).toBe(PDF_CREATOR);
    expect(loaded.getPageCount()).toBe(1);
    // A PDF laid out otherwise (a cross-reference stream) is left to pdf-lib.
    const other = await PDFDocument.create();
    other.addPage();
    expect(appendProgramInfo(Buffer.from(await other.save({ useObjectStreams: true })))).toBeNull();
  });
});
