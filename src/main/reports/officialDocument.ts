// The printed 公文 (official document) in the GB/T 9704-2012 layout, shared by every portrait
// document the app prints as one (the 通报 now; others may follow): A4 portrait, top margin 37 mm,
// left 28 mm, a 156 × 225 mm text block (right 26 mm, bottom 35 mm), 22 lines of 28 characters of
// 3号 (16 pt) 仿宋 per page, the red 发文机关标志 and separator, the title in 2号 小标宋, headings
// 一、in 黑体 and （一）in 楷体, 落款 and 成文日期 under the body, and the page number “— 1 —” in 4号
// at the outer bottom corner (odd pages right, even pages left, one character in from the edge).
//
// The page number is drawn by CSS margin boxes (@page :right/:left @bottom-right/@bottom-left),
// not by the printer's footer template: a document carrying OFFICIAL_PRINT_MARK is printed with
// its own @page size and margins and without the report footer (reportPdf.ts, electron/pdfWindow.ts).
import { escapeHtml } from './reportHtml';
import { BODY_STACK, HEADING_STACK, KAI_STACK, NUMBER_STACK, TITLE_STACK } from './fonts/fontStacks';

/** Millimetres of the page and its text block (版心). */
export const OFFICIAL_PAGE = {
  widthMm: 210,
  heightMm: 297,
  topMm: 37,
  leftMm: 28,
  rightMm: 26,
  bottomMm: 35,
  textWidthMm: 156,
  textHeightMm: 225,
  /** 22 lines per page: 225 mm / 22 ≈ 10.23 mm ≈ 28.95 pt. */
  linesPerPage: 22,
  charsPerLine: 28,
  /** The page number's top edge sits 7 mm under the text block. */
  pageNumberGapMm: 7,
} as const;

/** Points: 2号 22 pt (title), 3号 16 pt (body), 4号 14 pt (page number). */
export const OFFICIAL_SIZES = { title: 22, body: 16, pageNumber: 14 } as const;

/** One line of the 22-line grid, in points (225 mm / 22). */
export const OFFICIAL_LINE_PT = 28.95;

// The faces (one place for every document: fonts/fontStacks.ts, docs/documents.md 字体).
export const OFFICIAL_TITLE_FONTS = TITLE_STACK;
export const OFFICIAL_BODY_FONTS = BODY_STACK;
export const OFFICIAL_HEADING_FONTS = HEADING_STACK;
export const OFFICIAL_KAI_FONTS = KAI_STACK;
/** The page number: 宋体 4号. */
export const OFFICIAL_NUMBER_FONTS = NUMBER_STACK;

/** The red of the 发文机关标志 and the separator line. */
export const OFFICIAL_RED = '#e60012';

/** A document with this meta tag lays out its own pages: printers use its @page and add no footer. */
export const OFFICIAL_PRINT_MARK = '<meta name="court-print" content="official-document">';

/** Whether a document asks to be printed with its own @page rules and page numbers. */
export function isOfficialDocument(html: string): boolean {
  return html.includes(OFFICIAL_PRINT_MARK);
}

/**
 * 16 pt characters are a little wider than 156 mm / 28: a slight negative letter spacing puts
 * exactly 28 characters on a line, as the standard's grid does.
 */
const LETTER_SPACING_PT = -0.21;

/** The page rules and faces every official document shares. */
export function officialPageStyle(): string {
  const p = OFFICIAL_PAGE;
  const number = (side: 'left' | 'right') => `@bottom-${side} {
    content: "— " counter(page) " —";
    font-family: ${OFFICIAL_NUMBER_FONTS};
    font-size: ${OFFICIAL_SIZES.pageNumber}pt;
    letter-spacing: 0;
    vertical-align: top;
    text-align: ${side};
    padding-top: ${p.pageNumberGapMm - 1.5}mm;
    padding-${side}: 1em;
  }`;
  return `
@page { size: A4 portrait; margin: ${p.topMm}mm ${p.rightMm}mm ${p.bottomMm}mm ${p.leftMm}mm; }
@page :right { ${number('right')} }
@page :left { ${number('left')} }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; color: #000;
  font-family: ${OFFICIAL_BODY_FONTS};
  font-size: ${OFFICIAL_SIZES.body}pt;
  line-height: ${OFFICIAL_LINE_PT}pt;
  letter-spacing: ${LETTER_SPACING_PT}pt;
  text-align: justify;
  -webkit-font-smoothing: antialiased;
}
.doc-head { text-align: center; padding-top: 35mm; }
.doc-mark {
  color: ${OFFICIAL_RED};
  font-family: ${OFFICIAL_TITLE_FONTS};
  font-weight: normal;
  text-align: center;
  letter-spacing: 0.05em;
  line-height: 1.2;
  margin: 0;
  white-space: nowrap;
}
.doc-number { margin-top: ${OFFICIAL_LINE_PT * 2}pt; text-align: center; height: ${OFFICIAL_LINE_PT}pt; }
.doc-rule { border: 0; border-top: 1.1pt solid ${OFFICIAL_RED}; margin: 4mm 0 0; height: 0; }
.doc-title {
  font-family: ${OFFICIAL_TITLE_FONTS};
  font-size: ${OFFICIAL_SIZES.title}pt;
  font-weight: normal;
  line-height: ${Math.round(OFFICIAL_SIZES.title * 1.5)}pt;
  letter-spacing: 0;
  text-align: center;
  margin: ${OFFICIAL_LINE_PT * 2}pt 1em ${OFFICIAL_LINE_PT}pt;
}
.doc-to { margin: 0; text-indent: 0; }
.doc-body p { margin: 0; text-indent: 2em; orphans: 2; widows: 2; }
.doc-body p.h1 { font-family: ${OFFICIAL_HEADING_FONTS}; break-after: avoid; page-break-after: avoid; }
.doc-body p.h2 { font-family: ${OFFICIAL_KAI_FONTS}; break-after: avoid; page-break-after: avoid; }
.doc-sign { margin-top: ${OFFICIAL_LINE_PT}pt; break-inside: avoid; page-break-inside: avoid; }
.doc-sign div { text-align: right; white-space: nowrap; }
/* On screen (the app's preview draws the report paper with 25 / 20 mm margins): the same 156 mm
   text block, 28 mm from the paper's left edge and 37 mm from its top. */
@media screen { body { width: ${p.textWidthMm}mm; margin-left: ${p.leftMm - 20}mm; padding-top: ${p.topMm - 25}mm; } }
`;
}

/** How wide a line of text is in characters: CJK and full-width one each, ASCII (digits) half. */
export function textWidthInChars(text: string): number {
  let width = 0;
  for (const c of text) width += c.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return width;
}

/**
 * The 发文机关署名 and 成文日期 without a seal (GB/T 9704-2012 7.3.5.2): the signature two
 * characters in from the right; the date on the next line, its first character two characters
 * right of the signature's first — or, when the date is the longer, the date two characters in
 * and the signature moved left to keep the two-character step. Right paddings in characters.
 */
export function signaturePaddings(signature: string, date: string): { signature: number; date: number } {
  const sig = textWidthInChars(signature);
  const day = textWidthInChars(date);
  if (sig - day >= 2) return { signature: 2, date: sig - day };
  return { signature: 4 + day - sig, date: 2 };
}

/** The mark's size: as large as 42 pt allows, but always on one line of the text block. */
export function markFontSize(mark: string): number {
  const width = textWidthInChars(mark) * 1.05;
  const widthPt = (OFFICIAL_PAGE.textWidthMm * 72) / 25.4;
  return Math.max(16, Math.min(42, Math.floor((widthPt - 4) / Math.max(width, 1))));
}

/** 2026-12-05 → 2026年12月5日 (arabic numerals, as the 2012 standard writes the date). */
export function officialDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * A title as HTML that never breaks inside a short quoted name (“能力作风建设年”): a 公文 title breaks
 * between words, and a campaign's name split over two lines reads wrong. Longer quotes may break.
 */
export function titleHtml(title: string): string {
  return title
    .split(/(“[^“”]{1,14}”)/)
    .map((part, index) =>
      index % 2 === 1 ? `<span style="white-space:nowrap">${escapeHtml(part)}</span>` : escapeHtml(part),
    )
    .join('');
}

/** A body paragraph's level: 一、 heading, （一）heading, or plain text. */
export function paragraphLevel(text: string): 'h1' | 'h2' | 'p' {
  const short = text.length <= 40 && !/[。；：]$/.test(text);
  if (short && /^[一二三四五六七八九十]+、/.test(text)) return 'h1';
  if (short && /^（[一二三四五六七八九十]+）/.test(text)) return 'h2';
  return 'p';
}

/** Paragraphs of a typed body: one per non-empty line. */
export function bodyParagraphs(body: string): string[] {
  return body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** 主送 as printed: one line ending with a full-width colon. */
export function addresseesLine(addressees: string): string {
  const text = addressees
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join('，')
    .replace(/[:：]$/, '');
  return text ? `${text}：` : '';
}

export interface OfficialDocumentContent {
  /** The <title> of the HTML (the PDF's title). */
  documentTitle: string;
  /** 发文机关标志, e.g. 黑龙江省高级人民法院 (printed red). */
  mark: string;
  /** 文号; empty for a draft (the line stays, blank). */
  docNumber: string;
  title: string;
  addressees: string;
  body: string;
  signature: string;
  /** YYYY-MM-DD. */
  signedDate: string | null;
  /** Extra lines under the title, e.g. （草稿）. */
  draftNote?: string;
  author?: string;
}

/** The whole self-contained document, ready for preview and for printing. */
export function officialDocumentHtml(doc: OfficialDocumentContent): string {
  const paragraphs = bodyParagraphs(doc.body)
    .map((text) => {
      const level = paragraphLevel(text);
      return `<p${level === 'p' ? '' : ` class="${level}"`}>${escapeHtml(text)}</p>`;
    })
    .join('\n');
  const date = doc.signedDate ? officialDate(doc.signedDate) : '';
  const pad = signaturePaddings(doc.signature, date);
  const to = addresseesLine(doc.addressees);
  const meta = [
    `<meta name="description" content="${escapeHtml(doc.title)}">`,
    doc.author ? `<meta name="author" content="${escapeHtml(doc.author)}">` : '',
  ].join('');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
${OFFICIAL_PRINT_MARK}
${meta}
<title>${escapeHtml(doc.documentTitle)}</title>
<style>${officialPageStyle()}</style>
</head>
<body>
<div class="doc-head">
<h1 class="doc-mark" style="font-size:${markFontSize(doc.mark)}pt">${escapeHtml(doc.mark)}</h1>
<div class="doc-number">${escapeHtml(doc.docNumber)}</div>
<hr class="doc-rule">
</div>
<h2 class="doc-title">${titleHtml(doc.title)}</h2>
${doc.draftNote ? `<p class="doc-to" style="text-align:center">${escapeHtml(doc.draftNote)}</p>` : ''}
${to ? `<p class="doc-to">${escapeHtml(to)}</p>` : ''}
<div class="doc-body">
${paragraphs}
</div>
<div class="doc-sign">
<div style="padding-right:${pad.signature}em">${escapeHtml(doc.signature)}</div>
<div style="padding-right:${pad.date}em">${escapeHtml(date)}</div>
</div>
</body>
</html>
`;
}
