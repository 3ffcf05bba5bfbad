// A 通报 as a Word document in the GB/T 9704-2012 layout, the same page as the printed PDF
// (officialDocument.ts): A4 portrait, margins 37 / 26 / 35 / 28 mm, a 22-line × 28-character grid
// of 3号 仿宋 (22 lines by exact line spacing, no document grid: LibreOffice/WPS snap a taller
// title line to two grid lines; 28 characters by run spacing), the red 发文机关标志 and separator, the title in 2号 小标宋, headings 一、in 黑体 and
// （一）in 楷体, 落款 and 成文日期, and the page number “— n —” (a PAGE field) in 4号 宋体 at the outer
// bottom corner: odd pages right, even pages left (evenAndOddHeaders), one character in.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type Table,
  TextRun,
} from 'docx';
import {
  addresseesLine,
  bodyParagraphs,
  markFontSize,
  officialDate,
  OFFICIAL_LINE_PT,
  OFFICIAL_PAGE,
  OFFICIAL_SIZES,
  paragraphLevel,
  signaturePaddings,
  type OfficialDocumentContent,
} from './officialDocument';
import { OFFICE_FONTS, wordFont } from './fonts/fontStacks';

const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);

/** Faces as Word names them (one name each: fonts/fontStacks.ts OFFICE_FONTS, docs/documents.md 字体). */
export const DOCX_FONTS = {
  title: wordFont(OFFICE_FONTS.documentTitle),
  body: wordFont(OFFICE_FONTS.documentBody),
  heading: wordFont(OFFICE_FONTS.heading),
  kai: wordFont(OFFICE_FONTS.kai),
  number: wordFont(OFFICE_FONTS.number),
};

/** Page set-up in twips: A4, the 公文 margins, the footer 23 mm above the paper's edge (7 mm under the text block). */
export const DOCX_PAGE = {
  width: 11906,
  height: 16838,
  margin: {
    top: twips(OFFICIAL_PAGE.topMm),
    right: twips(OFFICIAL_PAGE.rightMm),
    bottom: twips(OFFICIAL_PAGE.bottomMm),
    left: twips(OFFICIAL_PAGE.leftMm),
    header: twips(15),
    footer: twips(OFFICIAL_PAGE.bottomMm - OFFICIAL_PAGE.pageNumberGapMm - 5),
  },
};

/** One line in twentieths of a point: 22 lines in 225 mm (579), as exact line spacing. */
export const LINE_PITCH = Math.floor(OFFICIAL_LINE_PT * 20);
/**
 * 28 characters of 16 pt in 156 mm: each body character 442.2 / 28 − 16 ≈ −0.21 pt narrower, as run
 * spacing in twentieths of a point (−4). Not a character grid (docGrid linesAndChars with a negative
 * charSpace): LibreOffice, standing in for WPS here, lays a negative charSpace out at ~21 characters
 * a line, while run spacing gives 28 in Word and LibreOffice alike.
 */
export const BODY_CHARACTER_SPACING = Math.round(
  ((OFFICIAL_PAGE.textWidthMm * 72) / 25.4 / OFFICIAL_PAGE.charsPerLine - OFFICIAL_SIZES.body) * 20,
);

const half = (pt: number) => Math.round(pt * 2);
const RED = 'E60012';
// A function, not a constant: docx's values are read only when a document is built, so starting the
// program does not load the package (scripts/lib/lazyPackages.mjs).
const exact = () => ({ line: LINE_PITCH, lineRule: LineRuleType.EXACT });

function line(
  text: string,
  options: {
    font?: typeof DOCX_FONTS.body;
    size?: number;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    indentChars?: number;
    rightChars?: number;
    color?: string;
    before?: number;
    after?: number;
    lineTwips?: number;
    keepNext?: boolean;
    border?: boolean;
  } = {},
): Paragraph {
  const size = options.size ?? OFFICIAL_SIZES.body;
  return new Paragraph({
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    spacing: {
      line: options.lineTwips ?? LINE_PITCH,
      lineRule: LineRuleType.EXACT,
      before: options.before ?? 0,
      after: options.after ?? 0,
    },
    indent: {
      firstLine: options.indentChars ? Math.round(options.indentChars * OFFICIAL_SIZES.body * 20) : undefined,
      right: options.rightChars ? Math.round(options.rightChars * OFFICIAL_SIZES.body * 20) : undefined,
    },
    keepNext: options.keepNext,
    border: options.border ? { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 4 } } : undefined,
    children: [
      new TextRun({
        text,
        font: options.font ?? DOCX_FONTS.body,
        size: half(size),
        color: options.color,
        characterSpacing: size === OFFICIAL_SIZES.body ? BODY_CHARACTER_SPACING : undefined,
      }),
    ],
  });
}

function pageFooter(side: 'left' | 'right'): Footer {
  const run = (children: Array<string | (typeof PageNumber)[keyof typeof PageNumber]>) =>
    new TextRun({ children, font: DOCX_FONTS.number, size: half(OFFICIAL_SIZES.pageNumber) });
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: OFFICIAL_SIZES.pageNumber * 20 } : { left: OFFICIAL_SIZES.pageNumber * 20 },
        children: [run(['— ', PageNumber.CURRENT, ' —'])],
      }),
    ],
  });
}

/** One line of the body text (3号 仿宋 on the grid unless told otherwise). */
export { line as officialLine };

/** Empty lines of the grid. */
export const blankLines = (count: number) =>
  Array.from({ length: count }, () => new Paragraph({ spacing: exact(), children: [] }));

export async function officialDocumentDocx(doc: OfficialDocumentContent): Promise<Buffer> {
  const blank = blankLines;
  const markSize = markFontSize(doc.mark);
  const date = doc.signedDate ? officialDate(doc.signedDate) : '';
  const pad = signaturePaddings(doc.signature, date);
  const to = addresseesLine(doc.addressees);
  const body = bodyParagraphs(doc.body).map((text) => {
    const level = paragraphLevel(text);
    const font = level === 'h1' ? DOCX_FONTS.heading : level === 'h2' ? DOCX_FONTS.kai : DOCX_FONTS.body;
    return line(text, { font, indentChars: 2, keepNext: level !== 'p' });
  });
  const children: Paragraph[] = [
    // 发文机关标志: its top 35 mm under the text block's top edge.
    line(doc.mark, {
      font: DOCX_FONTS.title,
      size: markSize,
      color: RED,
      align: AlignmentType.CENTER,
      before: twips(35) - LINE_PITCH,
      lineTwips: Math.round(markSize * 1.2 * 20),
    }),
    ...blank(2),
    // 文号 two lines under the mark, then the red separator 4 mm under it (the paragraph's border).
    line(doc.docNumber, { align: AlignmentType.CENTER, border: true, after: 0 }),
    ...blank(1),
    line(doc.title, {
      font: DOCX_FONTS.title,
      size: OFFICIAL_SIZES.title,
      align: AlignmentType.CENTER,
      before: LINE_PITCH,
      lineTwips: Math.round(OFFICIAL_SIZES.title * 1.5 * 20),
    }),
    ...blank(1),
    ...(to ? [line(to, { align: AlignmentType.LEFT })] : []),
    ...body,
    ...blank(1),
    line(doc.signature, { align: AlignmentType.RIGHT, rightChars: pad.signature }),
    line(date, { align: AlignmentType.RIGHT, rightChars: pad.date }),
  ];
  return officialDocx(
    { creator: doc.author ?? doc.signature, title: doc.documentTitle, description: doc.title },
    children,
  );
}

/**
 * A Word document on the 公文 page (shared by the 通报 and the written 活动总结): A4, the GB/T 9704
 * margins, the 22 × 28 grid of 3号 仿宋 and “— n —” at the outer bottom corner; `children` the body.
 */
export async function officialDocx(
  meta: { creator: string; title: string; description: string },
  children: Array<Paragraph | Table>,
): Promise<Buffer> {
  const document = new Document({
    creator: meta.creator,
    title: meta.title,
    description: meta.description,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: DOCX_FONTS.body, size: half(OFFICIAL_SIZES.body) },
          paragraph: { spacing: exact() },
        },
      },
    },
    sections: [
      {
        properties: {
          page: { size: { width: DOCX_PAGE.width, height: DOCX_PAGE.height }, margin: DOCX_PAGE.margin },
        },
        footers: { default: pageFooter('right'), even: pageFooter('left') },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
