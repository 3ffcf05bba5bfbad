// Print layout for the workbooks we write. Excel, WPS and LibreOffice do not grow a row to fit
// wrapped text when a file is opened (only when a cell is edited), so a row without a height shows
// one line and the rest of a long cell overlaps the rows below or is cut. Every row is therefore
// given the height its tallest cell needs, measured here from the column widths (the merged width
// for merged cells) and the text, and every sheet gets the same printed page: A4, fit to the page
// width, the header row repeated, the print area set, page numbers in the footer.
import type ExcelJS from 'exceljs';

/**
 * Points per line for each point of font size. Excel and WPS with 宋体/仿宋 need about 1.2–1.3
 * (12 pt → 15.6 pt); LibreOffice falling back to Noto CJK was measured at 1.43 (12 pt → 17.1 pt a
 * line in its PDF), and a row too low there cuts the last line. The larger figure keeps both whole.
 */
export const LINE_SPACING = 1.45;
/** Space above and below the text inside a cell, in points (both together). */
export const ROW_PADDING = 5;
/** No table row is lower than this (a one-line 12 pt row with a little air). */
export const MIN_ROW_HEIGHT = 20;

const DEFAULT_FONT_SIZE = 11;
/** Pixels per point at 96 dpi. */
const PX_PER_PT = 96 / 72;
/**
 * A column `width` characters wide is about 7 × width + 5 pixels (the width of Calibri 11's digit,
 * the workbook's default font, plus the grid padding); text gets that minus the cell's own inner
 * margins on both sides.
 */
const columnPixels = (width: number) => Math.floor(7 * width + 5) - 6;

/**
 * CJK ideographs, kana, hangul and full-width forms take a whole em; everything else half of one
 * (Latin letters and digits measured about 0.45–0.5 em in the fonts Office and LibreOffice fall back to).
 */
export function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    codePoint >= 0x20000 ||
    // ※ — … ‘’“” and circled numbers are drawn full width in CJK fonts.
    (codePoint >= 0x2010 && codePoint <= 0x206f) ||
    (codePoint >= 0x2460 && codePoint <= 0x24ff) ||
    (codePoint >= 0x25a0 && codePoint <= 0x27bf)
  );
}

/** Width units of a text: 2 for a wide character, 1 for any other. */
export function textUnits(text: string): number {
  let units = 0;
  for (const char of text) units += isWide(char.codePointAt(0)!) ? 2 : 1;
  return units;
}

/** Pixel width of one half-em unit at `size` points (a wide character is two of them). */
const unitPixels = (size: number) => (size * PX_PER_PT) / 2;
const NARROW_FACTOR = 1;

interface Run {
  text: string;
  size: number;
}

function runsOf(value: ExcelJS.CellValue, size: number): Run[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return [{ text: value, size }];
  if (typeof value === 'number' || typeof value === 'boolean') return [{ text: String(value), size }];
  if (value instanceof Date) return [{ text: '0000-00-00', size }];
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((run) => ({ text: run.text, size: run.font?.size ?? size }));
    if ('text' in value && typeof value.text === 'string') return [{ text: value.text, size }];
    if ('result' in value && value.result !== undefined) return runsOf(value.result as ExcelJS.CellValue, size);
  }
  return [{ text: String(value), size }];
}

/** Letters, digits and the signs that hold a Latin word or a number together (no break inside). */
const isWordChar = (code: number) =>
  (code >= 0x30 && code <= 0x39) ||
  (code >= 0x41 && code <= 0x5a) ||
  (code >= 0x61 && code <= 0x7a) ||
  code === 0x2d || // -
  code === 0x2e || // .
  code === 0x2f || // /
  code === 0x3a || // :
  code === 0x25 || // %
  code === 0x2b || // +
  code === 0x40 || // @
  code === 0x5f; // _

/**
 * The height in points the text of a cell needs in a column `widthChars` wide: wrapped greedily
 * at word boundaries (CJK anywhere), each explicit line break starting a new line, each line as
 * tall as its largest run's font. One pass over the characters: the 1,000-item checklist has
 * seven thousand cells.
 */
export function textHeight(value: ExcelJS.CellValue, widthChars: number, fontSize = DEFAULT_FONT_SIZE): number {
  const runs = runsOf(value, fontSize);
  if (runs.length === 0) return fontSize * LINE_SPACING;
  const room = columnPixels(widthChars);
  let height = 0;
  let lineWidth = 0;
  let lineSize = 0;
  let size = fontSize;
  const endLine = () => {
    height += (lineSize || size) * LINE_SPACING;
    lineWidth = 0;
    lineSize = 0;
  };
  /** Puts an unbreakable piece on the line, starting a new line when it does not fit. */
  const place = (width: number) => {
    if (lineWidth > 0 && lineWidth + width > room) endLine();
    if (width > room) {
      // A word longer than the whole line breaks inside it: its full lines, then the rest.
      const full = Math.floor(width / room);
      height += full * size * LINE_SPACING;
      lineWidth = width - full * room;
    } else lineWidth += width;
    lineSize = Math.max(lineSize, size);
  };
  for (const run of runs) {
    size = run.size;
    const unit = unitPixels(size);
    let word = 0;
    for (const char of run.text) {
      const code = char.codePointAt(0)!;
      if (isWordChar(code)) {
        word += NARROW_FACTOR * unit;
        continue;
      }
      if (word > 0) place(word);
      word = 0;
      if (code === 0x0a) endLine();
      else if (code === 0x0d) continue;
      else if (code === 0x20 || code === 0x09) {
        // A space at the start of a wrapped line takes no room; elsewhere it may hang over the edge.
        if (lineWidth > 0) lineWidth += unit;
      } else place(isWide(code) ? 2 * unit : NARROW_FACTOR * unit);
    }
    if (word > 0) place(word);
  }
  if (lineSize > 0 || lineWidth > 0) height += lineSize * LINE_SPACING;
  // An empty cell still takes one line.
  return height || fontSize * LINE_SPACING;
}

/** How many lines of `fontSize` a text needs in a column (for checks and estimates). */
export function textLines(value: ExcelJS.CellValue, widthChars: number, fontSize = DEFAULT_FONT_SIZE): number {
  return Math.round(textHeight(value, widthChars, fontSize) / (fontSize * LINE_SPACING));
}

interface Extent {
  right: number;
  bottom: number;
}

/** The last column and row a merged range starting at this (master) cell reaches. */
function mergeExtent(sheet: ExcelJS.Worksheet, cell: ExcelJS.Cell, lastColumn: number, lastRow: number): Extent {
  const row = Number(cell.row);
  const column = Number(cell.col);
  let right = column;
  while (right < lastColumn && sheet.getCell(row, right + 1).master.address === cell.address) right += 1;
  let bottom = row;
  while (bottom < lastRow && sheet.getCell(bottom + 1, column).master.address === cell.address) bottom += 1;
  return { right, bottom };
}

/**
 * Sets the height of every row from its cells' text: a row keeps a height already set when that is
 * more, never goes below MIN_ROW_HEIGHT, and a cell merged down over several rows spreads what it
 * needs beyond their heights over those rows.
 */
export function fitRowHeights(sheet: ExcelJS.Worksheet): void {
  const lastRow = sheet.rowCount;
  const lastColumn = sheet.columnCount;
  const widths = [0];
  for (let c = 1; c <= lastColumn; c += 1) widths.push(sheet.getColumn(c).width ?? 9);
  const heights = new Map<number, number>();
  const tall: Array<{ top: number; bottom: number; needs: number }> = [];
  for (let r = 1; r <= lastRow; r += 1) {
    const row = sheet.getRow(r);
    let needs = 0;
    row.eachCell((cell) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const extent = cell.isMerged
        ? mergeExtent(sheet, cell, lastColumn, lastRow)
        : { right: Number(cell.col), bottom: r };
      let width = 0;
      for (let c = Number(cell.col); c <= extent.right; c += 1) width += widths[c] ?? 9;
      const size = cell.font?.size ?? DEFAULT_FONT_SIZE;
      const wraps = cell.alignment?.wrapText === true;
      const cellNeeds = (wraps ? textHeight(cell.value, width, size) : size * LINE_SPACING) + ROW_PADDING;
      if (extent.bottom > r) tall.push({ top: r, bottom: extent.bottom, needs: cellNeeds });
      else needs = Math.max(needs, cellNeeds);
    });
    heights.set(r, Math.max(MIN_ROW_HEIGHT, row.height ?? 0, Math.ceil(needs)));
  }
  for (const span of tall) {
    let have = 0;
    for (let r = span.top; r <= span.bottom; r += 1) have += heights.get(r)!;
    const short = span.needs - have;
    if (short <= 0) continue;
    const rows = span.bottom - span.top + 1;
    for (let r = span.top; r <= span.bottom; r += 1) heights.set(r, heights.get(r)! + Math.ceil(short / rows));
  }
  for (const [r, height] of heights) sheet.getRow(r).height = height;
}

const columnLetters = (column: number): string => {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
};

/** Page margins in inches: 25 mm top, 20 mm bottom; landscape tables get 15 mm sides for width. */
export function pageMargins(landscape: boolean): ExcelJS.Margins {
  const mm = (value: number) => Math.round((value / 25.4) * 100) / 100;
  return {
    top: mm(25),
    bottom: mm(20),
    left: mm(landscape ? 15 : 20),
    right: mm(landscape ? 15 : 20),
    header: mm(8),
    footer: mm(8),
  };
}

export const PAGE_FOOTER = '第 &P 页 共 &N 页';

/**
 * The printed page of a table sheet: A4 in the given orientation, fit to one page wide and as many
 * pages high as it takes, the header row (if any) repeated on every page, page numbers in the footer.
 */
export function pageSetup(landscape: boolean, headerRow: number | null): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9, // A4
    orientation: landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: pageMargins(landscape),
    ...(headerRow === null ? {} : { printTitlesRow: `${headerRow}:${headerRow}` }),
  };
}

/** The rows a sheet prints: from A1 to its last used column and row. */
export function setPrintArea(sheet: ExcelJS.Worksheet): void {
  // exceljs writes "$" before each part; the "$" before the rows makes the range absolute.
  sheet.pageSetup.printArea = `A$1:${columnLetters(Math.max(1, sheet.columnCount))}$${Math.max(1, sheet.rowCount)}`;
}

/** Row heights and print area on every sheet; called just before a workbook is written. */
export function layoutWorkbook(workbook: ExcelJS.Workbook): void {
  for (const sheet of workbook.worksheets) {
    fitRowHeights(sheet);
    setPrintArea(sheet);
  }
}
