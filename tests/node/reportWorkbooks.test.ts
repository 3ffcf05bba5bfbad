// The workbooks as an office suite opens them: every report kind's XLSX built through buildReport()
// from real court databases (demo data plus long, multi-line texts), unzipped and read back as XML:
// each row as tall as its wrapped text needs, A4 fit to the page width with the orientation set,
// the header row repeated and the print area named, page numbers in the footer; and the headers
// over the values they name (the inspection summary's 填报情况, the forms' 状态 and dates).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './harness';
import { LONG_TITLE, sampleReports, type Samples } from './officeSamples';
import { readZipEntries } from './zipEntries';
import { INSPECTION_STATUS_TEXT, TEXT } from '../../src/main/reports/reportText';
import { LINE_SPACING, textHeight, textLines } from '../../src/main/reports/xlsxLayout';

interface Workbook {
  kind: string;
  landscape: boolean;
  /** Unzipped entries by name. */
  xml: Map<string, string>;
  book: ExcelJS.Workbook;
}

let samples: Samples;
const workbooks: Workbook[] = [];
const folder = tempDir('court-workbooks-');

beforeAll(async () => {
  samples = await sampleReports();
  for (const { kind, report } of samples.reports) {
    if (!report.formats.includes('xlsx')) continue;
    const buffer = await report.workbook();
    const file = path.join(folder, `${kind}.xlsx`);
    fs.writeFileSync(file, buffer);
    const xml = new Map((await readZipEntries(file)).map((e) => [e.name, e.bytes.toString('utf8')]));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    workbooks.push({ kind, landscape: report.landscape, xml, book });
  }
}, 120_000);

afterAll(async () => {
  await samples?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/** The worksheet XML of the n-th sheet (1-based), as exceljs names them. */
const sheetXml = (w: Workbook, n: number) => w.xml.get(`xl/worksheets/sheet${n}.xml`)!;

/**
 * An independent lower bound of the lines a cell's text takes: per explicit line, its width
 * (wide characters one em, others half an em, at the font size) over the column's inner width
 * (7 px a character of width, 96 dpi) rounded up. Word wrapping can only add lines to this.
 */
function minimumLines(text: string, widthChars: number, size: number): number {
  const room = 7 * widthChars - 1;
  const em = (size * 96) / 72;
  return text.split(/\r?\n/).reduce((sum, line) => {
    let px = 0;
    for (const char of line) px += /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(char) ? em : em / 2;
    return sum + Math.max(1, Math.ceil(px / room));
  }, 0);
}

/** Points per line per point of font size that LibreOffice was measured to use (Noto CJK fallback). */
const LIBREOFFICE_PITCH = 1.43;

/** The text of a cell with the largest font among its runs. */
function cellText(cell: ExcelJS.Cell): { text: string; size: number } {
  const value = cell.value;
  if (value && typeof value === 'object' && 'richText' in value) {
    return {
      text: value.richText.map((run) => run.text).join(''),
      size: Math.min(...value.richText.map((run) => run.font?.size ?? 11)),
    };
  }
  return { text: cell.text, size: cell.font?.size ?? 11 };
}

describe('the row height rule', () => {
  it('counts CJK and full-width characters double, Latin single, explicit breaks, and each run at its own size', () => {
    // A column 20 characters wide holds 139 px: eight 16 px (12 pt) ideographs, seventeen 8 px letters.
    expect(textLines('一'.repeat(8), 20, 12)).toBe(1);
    expect(textLines('一'.repeat(9), 20, 12)).toBe(2);
    expect(textLines('（'.repeat(9), 20, 12)).toBe(2);
    expect(textLines('a'.repeat(17), 20, 12)).toBe(1);
    expect(textLines('a'.repeat(18), 20, 12)).toBe(2);
    // Words wrap whole: two 10-letter words do not share a 17-letter line.
    expect(textLines('abcdefghij abcdefghij', 20, 12)).toBe(2);
    expect(textLines('甲\n乙\r\n丙', 20, 12)).toBe(3);
    expect(textLines('', 20, 12)).toBe(1);
    const rich = {
      richText: [
        { text: '标题', font: { size: 12 } },
        { text: '\n内容\n说明', font: { size: 10 } },
      ],
    };
    expect(textHeight(rich, 20, 12)).toBeCloseTo((12 + 10 + 10) * LINE_SPACING);
    // The same text in a column twice as wide takes half the lines.
    expect(textLines('一'.repeat(32), 20, 12)).toBe(4);
    expect(textLines('一'.repeat(32), 40, 12)).toBe(2);
  });
});

describe('every workbook prints on A4 as an office suite opens it', () => {
  it('builds a workbook for every kind that offers one', () => {
    expect(workbooks.map((w) => w.kind)).toEqual([
      'checklist',
      'inspection',
      'ledger',
      'summary',
      'province',
      'orders',
    ]);
  });

  it('sets A4, orientation, fit to one page wide, fit-to-page, the footer and margins on every sheet', () => {
    for (const w of workbooks) {
      w.book.worksheets.forEach((sheet, index) => {
        const xml = sheetXml(w, index + 1);
        const label = `${w.kind}/${sheet.name}`;
        const setup = /<pageSetup [^>]*\/>/.exec(xml)?.[0];
        expect(setup, label).toBeDefined();
        expect(attr(setup!, 'paperSize'), label).toBe('9');
        expect(['portrait', 'landscape'], label).toContain(attr(setup!, 'orientation'));
        expect(attr(setup!, 'fitToWidth'), label).toBe('1');
        expect(attr(setup!, 'fitToHeight'), label).toBe('0');
        expect(xml, label).toMatch(/<sheetPr>.*<pageSetUpPr fitToPage="1"\/>.*<\/sheetPr>/s);
        expect(xml, label).toContain('<oddFooter>第 &amp;P 页 共 &amp;N 页</oddFooter>');
        const margins = /<pageMargins [^>]*\/>/.exec(xml)![0];
        expect(Number(attr(margins, 'top')), label).toBeGreaterThan(0.9);
      });
      // The report's own orientation on its first sheet.
      expect(attr(/<pageSetup [^>]*\/>/.exec(sheetXml(w, 1))![0], 'orientation'), w.kind).toBe(
        w.landscape ? 'landscape' : 'portrait',
      );
    }
  });

  it('names a print area and the repeated header row of every sheet in workbook.xml', () => {
    for (const w of workbooks) {
      const book = w.xml.get('xl/workbook.xml')!;
      w.book.worksheets.forEach((sheet, index) => {
        const label = `${w.kind}/${sheet.name}`;
        const names = [...book.matchAll(/<definedName name="([^"]+)" localSheetId="(\d+)">([^<]*)<\/definedName>/g)]
          .filter((m) => Number(m[2]) === index)
          .map((m) => [m[1], m[3].replace(/&apos;/g, "'")]);
        const area = names.find(([name]) => name === '_xlnm.Print_Area')?.[1];
        expect(area, label).toBe(
          `'${sheet.name}'!$A$1:$${sheet.getColumn(sheet.columnCount).letter}$${sheet.rowCount}`,
        );
        const titles = names.find(([name]) => name === '_xlnm.Print_Titles')?.[1];
        expect(titles, label).toMatch(/!\$(\d+):\$\1$/);
        // The repeated row is a header: bold titles over the table.
        const row = Number(/!\$(\d+):/.exec(titles!)![1]);
        const header = sheet.getRow(row);
        expect(header.getCell(1).font?.bold, label).toBe(true);
      });
    }
  });

  it('gives every row the height its wrapped text needs, with the merged width for merged cells', () => {
    let checked = 0;
    let tall = 0;
    for (const w of workbooks) {
      w.book.worksheets.forEach((sheet, index) => {
        const xml = sheetXml(w, index + 1);
        const heights = new Map([...xml.matchAll(/<row [^>]*>/g)].map((m) => [Number(attr(m[0], 'r')), m[0]] as const));
        const merges = (sheet.model.merges ?? []).map((range) => {
          const [from, to] = range.split(':').map((a) => sheet.getCell(a));
          return { top: Number(from.row), left: Number(from.col), bottom: Number(to.row), right: Number(to.col) };
        });
        sheet.eachRow((row, r) => {
          const tag = heights.get(r)!;
          expect(attr(tag, 'customHeight'), `${w.kind}/${sheet.name} 第 ${r} 行`).toBe('1');
          const height = Number(attr(tag, 'ht'));
          row.eachCell((cell, c) => {
            const merge = merges.find((m) => m.top === r && m.left === c);
            if (cell.isMerged && !merge) return;
            if (merge && merge.bottom > r) return;
            let width = 0;
            for (let col = c; col <= (merge?.right ?? c); col += 1) width += sheet.getColumn(col).width ?? 9;
            const { text, size } = cellText(cell);
            if (!cell.alignment?.wrapText || !text) return;
            const lines = minimumLines(text, width, size);
            checked += 1;
            if (lines > 1) tall += 1;
            expect(
              height,
              `${w.kind}/${sheet.name} ${cell.address}：${text.slice(0, 30)}（${lines} 行）`,
            ).toBeGreaterThanOrEqual(lines * size * LIBREOFFICE_PITCH);
          });
        });
      });
    }
    expect(checked).toBeGreaterThan(300);
    expect(tall).toBeGreaterThan(50);
  });

  it('keeps the long, multi-line item whole: title, three lines of content and the note', () => {
    const checklist = workbooks.find((w) => w.kind === 'checklist')!;
    const sheet = checklist.book.worksheets[0];
    let found = 0;
    sheet.eachRow((row) => {
      const task = row.getCell(2).value;
      if (!task || typeof task !== 'object' || !('richText' in task) || task.richText[0].text !== LONG_TITLE) return;
      found += 1;
      // 2 title lines at 12 pt and at least 4 content lines at 10 pt; the note 5+ lines at 12 pt.
      expect(row.height).toBeGreaterThanOrEqual(5 * 12 * LIBREOFFICE_PITCH + 5);
    });
    expect(found).toBe(1);
  });
});

describe('headers over the values they name', () => {
  it('查摆报告汇总: 填报情况 holds the filing states with their counts, 认领份数 the claims', async () => {
    const inspection = workbooks.find((w) => w.kind === 'inspection')!;
    const report = samples.reports.find((r) => r.kind === 'inspection')!.report;
    const sheet = inspection.book.getWorksheet(TEXT.inspection.sheetSummary)!;
    const rows: string[][] = [];
    sheet.eachRow((row, r) => (rows[r] = [1, 2, 3].map((c) => row.getCell(c).text)));
    const stateHeader = rows.findIndex((cells) => cells?.[0] === '填报情况');
    expect(stateHeader).toBeGreaterThan(0);
    expect(rows[stateHeader][2]).toBe('份数');
    expect(rows[stateHeader - 1][0]).toBe(TEXT.inspection.summaryCountsTitle);
    const states = rows.slice(stateHeader + 1, stateHeader + 7);
    expect(states.map((cells) => cells[0])).toEqual(TEXT.inspection.countColumns);
    // The counts are the operation's own: filed = submitted + accepted.
    const count = (label: string) => Number(states.find((cells) => cells[0] === label)![2]);
    expect(count('已报')).toBe(count('已审核') + count('待审核'));
    expect(count('应报')).toBeGreaterThanOrEqual(count('已报'));
    const claimsHeader = rows.findIndex((cells) => cells?.[2] === '认领份数');
    expect(claimsHeader).toBeGreaterThan(stateHeader);
    expect(rows[claimsHeader - 1][0]).toBe(TEXT.inspection.summaryProblemsTitle);
    expect(rows[claimsHeader]).toEqual(['序号', '问题', '认领份数']);
    // The claims table is the one that repeats on every printed page.
    expect(sheet.pageSetup.printTitlesRow).toBe(`${claimsHeader}:${claimsHeader}`);
    for (const cells of rows.slice(claimsHeader + 1).filter((c) => c && c[0] !== c[1])) {
      expect(cells[0], cells[1]).toMatch(/^\d+$/);
      expect(cells[2], cells[1]).toMatch(/^\d+$/);
    }
    expect(report.recordCount).toBeGreaterThan(0);
  });

  it('查摆报告: 状态 holds report states, 填报日期 and 整改时限 dates, 方面 the aspect headings', () => {
    const inspection = workbooks.find((w) => w.kind === 'inspection')!;
    const sheet = inspection.book.getWorksheet(TEXT.inspection.sheetForms)!;
    const header = sheet.getRow(3);
    const column = (title: string) => {
      let found = 0;
      header.eachCell((cell, c) => {
        if (cell.text === title) found = c;
      });
      expect(found, title).toBeGreaterThan(0);
      return found;
    };
    const states = Object.values(INSPECTION_STATUS_TEXT);
    let rows = 0;
    sheet.eachRow((row, r) => {
      if (r <= 3) return;
      rows += 1;
      const state = row.getCell(column('状态')).text;
      expect(
        states.some((s) => state.startsWith(s)),
        state,
      ).toBe(true);
      expect(row.getCell(column('填报日期')).text).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
      expect(row.getCell(column('整改时限')).text).toMatch(/^(\d{4}-\d{2}-\d{2}|长期坚持)?$/);
      expect(row.getCell(column('方面')).text).toMatch(/^([一二三四五六七八九十]+、.+|.*问题)?$/);
    });
    expect(rows).toBeGreaterThan(5);
  });

  it('推进清单 and 整改台账: 状态 holds states and 完成时限/整改时限 dates under their headers', () => {
    for (const [kind, dateTitle] of [
      ['checklist', '完成时限'],
      ['ledger', '整改时限'],
    ] as const) {
      const sheet = workbooks.find((w) => w.kind === kind)!.book.worksheets[0];
      const titles: string[] = [];
      sheet.getRow(3).eachCell((cell, c) => (titles[c] = cell.text));
      const dateColumn = titles.indexOf(dateTitle);
      const stateColumn = titles.indexOf('状态');
      expect(dateColumn, kind).toBeGreaterThan(0);
      let rows = 0;
      sheet.eachRow((row, r) => {
        if (r <= 3 || row.getCell(1).isMerged) return;
        rows += 1;
        expect(row.getCell(dateColumn).text, `${kind} 第 ${r} 行`).toMatch(/^(\d{4}-\d{2}-\d{2}|长期坚持)?$/);
        expect(row.getCell(stateColumn).text, `${kind} 第 ${r} 行`).toMatch(
          /^(推进中|已完成|已销号|待销号|未开始|已退回|整改中|回头看|已暂停|尚未)?/,
        );
        expect(row.getCell(stateColumn).text.length, `${kind} 第 ${r} 行`).toBeLessThan(16);
      });
      expect(rows, kind).toBeGreaterThan(10);
    }
  });
});
