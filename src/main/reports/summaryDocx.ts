// The written 活动总结 as an editable Word document on the 公文 page (noticeDocx.ts officialDocx:
// A4, GB/T 9704 margins, 22 lines × 28 characters, “— n —” at the outer corner): the title in 2号
// 小标宋, the four parts under 一、 headings in 黑体 (（一） in 楷体), body in 3号 仿宋, 落款 and date;
// then, on a new page, the 附件 with the figures and the tables of overdue items and indicators.
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { WrittenSummary } from '../../shared/model';
import { blankLines, DOCX_FONTS, LINE_PITCH, officialDocx, officialLine } from './noticeDocx';
import { officialDate, OFFICIAL_SIZES, signaturePaddings } from './officialDocument';
import { summaryParagraphs } from './summaryDocument';
import { indicatorCells } from './summaryHtml';
import type { SummaryReportData } from './summaryReport';
import { TEXT } from './reportText';

const S = TEXT.summary;
/** The annex tables' type: 五号 (10.5 pt), the size court offices use in tables. */
const TABLE_PT = 10.5;
const half = (pt: number) => Math.round(pt * 2);

// Built on use: docx's values are read only when a document is built (scripts/lib/lazyPackages.mjs).
const borders = () => {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return { top: border, bottom: border, left: border, right: border };
};

function cell(text: string, widthPct: number, options: { header?: boolean; center?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: widthPct * 50, type: WidthType.PERCENTAGE },
    borders: borders(),
    verticalAlign: VerticalAlign.CENTER,
    shading: options.header ? { fill: 'F0F0F0' } : undefined,
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    children: [
      new Paragraph({
        alignment: options.header || options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
        // Exact spacing: the table's lines do not snap to the body's 22-line grid.
        spacing: { line: 280, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [
          new TextRun({
            text,
            font: options.header ? DOCX_FONTS.heading : DOCX_FONTS.body,
            size: half(TABLE_PT),
            // The tables' small type keeps its own pitch: the 28-character grid is the body text's.
            snapToGrid: false,
          }),
        ],
      }),
    ],
  });
}

/** A bordered table whose header row repeats on every page. */
function table(columns: readonly string[], widths: readonly number[], rows: string[][], emptyText: string): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((title, i) => cell(title, widths[i], { header: true })),
  });
  const body = rows.length
    ? rows.map(
        (cells) =>
          new TableRow({
            cantSplit: true,
            children: cells.map((text, i) => cell(text, widths[i], { center: i !== 1 })),
          }),
      )
    : [
        new TableRow({
          children: [
            new TableCell({
              columnSpan: columns.length,
              borders: borders(),
              children: [
                new Paragraph({
                  alignment: AlignmentType.CENTER,
                  children: [new TextRun({ text: emptyText, size: half(TABLE_PT), snapToGrid: false })],
                }),
              ],
            }),
          ],
        }),
      ];
  return new Table({ width: { size: 5000, type: WidthType.PERCENTAGE }, rows: [header, ...body] });
}

export async function summaryDocx(summary: WrittenSummary, report: SummaryReportData): Promise<Buffer> {
  const date = officialDate(summary.reportDate);
  const pad = signaturePaddings(summary.courtName, date);
  const paragraphs = summaryParagraphs(summary);
  // Headings keep with what follows; the last paragraph keeps with the 落款, never left alone on a page.
  const text = paragraphs.map(({ level, text: line }, index) =>
    officialLine(line, {
      font: level === 'h1' ? DOCX_FONTS.heading : level === 'h2' ? DOCX_FONTS.kai : DOCX_FONTS.body,
      indentChars: 2,
      keepNext: level !== 'p' || index === paragraphs.length - 1,
    }),
  );
  const heading = (title: string) =>
    officialLine(title, {
      font: DOCX_FONTS.heading,
      align: AlignmentType.LEFT,
      keepNext: true,
      before: LINE_PITCH / 2,
    });
  const overdueRows = report.overdue.map((item) => [
    String(item.number),
    item.title,
    item.leadLeader,
    item.department,
    item.deadline,
    String(item.daysOverdue),
    item.status,
  ]);
  const indicatorRows = report.indicators.map((indicator, index) => indicatorCells(indicator, index));
  const children: Array<Paragraph | Table> = [
    // The title two lines under the top of the text block (no 发文机关标志 on a report).
    officialLine(summary.title, {
      font: DOCX_FONTS.title,
      size: OFFICIAL_SIZES.title,
      align: AlignmentType.CENTER,
      before: LINE_PITCH,
      lineTwips: Math.round(OFFICIAL_SIZES.title * 1.5 * 20),
    }),
    ...blankLines(1),
    ...text,
    officialLine('', { keepNext: true }),
    officialLine(summary.courtName, { align: AlignmentType.RIGHT, rightChars: pad.signature, keepNext: true }),
    officialLine(date, { align: AlignmentType.RIGHT, rightChars: pad.date }),
    // 附件, on a page of its own.
    new Paragraph({ children: [new PageBreak()] }),
    officialLine(S.annexMark, { font: DOCX_FONTS.heading, align: AlignmentType.LEFT }),
    officialLine(S.annexTitle, {
      font: DOCX_FONTS.title,
      size: OFFICIAL_SIZES.title,
      align: AlignmentType.CENTER,
      before: LINE_PITCH,
      lineTwips: Math.round(OFFICIAL_SIZES.title * 1.5 * 20),
    }),
    officialLine(S.dateLine(date), { align: AlignmentType.CENTER }),
    heading(S.annexFigures),
    ...report.figures.map((figure) => officialLine(figure, { indentChars: 2 })),
    heading(S.overdue),
    table(S.overdueColumns, [7, 33, 11, 13, 14, 9, 13], overdueRows, S.noOverdue),
    heading(S.indicators),
    table(S.indicatorColumns, [7, 22, 7, 10, 14, 10, 12, 18], indicatorRows, S.noIndicators),
  ];
  return officialDocx({ creator: summary.courtName, title: summary.title, description: summary.title }, children);
}
