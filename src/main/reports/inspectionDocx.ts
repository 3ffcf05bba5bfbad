// The self-inspection report forms as a Word document (docx), for courts that file them in Word:
// A4 portrait in the GB/T 9704-2012 page layout (37 mm top, 28 mm left, a 156 × 225 mm text block),
// one form per section (so each starts on a new page), the title in 2号, the form's cells in 4号
// 仿宋, bordered tables whose header rows repeat and whose rows do not split, "第 X 页 共 Y 页" in the
// footer as court offices number their forms, and the summary last.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { InspectionForm, InspectionReportData } from './inspectionReport';
import { TEXT } from './reportText';
import { OFFICE_FONTS, wordFont } from './fonts/fontStacks';

const T = TEXT.inspection;
// The table faces every Windows since Vista has (fonts/fontStacks.ts OFFICE_FONTS).
const TITLE_FONT = wordFont(OFFICE_FONTS.tableTitle);
const BODY_FONT = wordFont(OFFICE_FONTS.tableBody);
/**
 * Half-points: 2号 22 pt title, 3号 16 pt court, headings and body, 4号 14 pt in the form's cells,
 * 小四 12 pt in the six-column problem table (at 4号 its dates and 序号 would break).
 */
const SIZE = { title: 44, court: 32, date: 32, heading: 32, body: 32, table: 28, dense: 24 };
// Built on use: docx's values are read only when a document is built (scripts/lib/lazyPackages.mjs).
const tableBorders = () => {
  const line = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
  return { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };
};
/** Twips per millimetre (1440 per inch). */
const TWIPS_PER_MM = 1440 / 25.4;
const mm = (value: number) => Math.round(value * TWIPS_PER_MM);
/** A4 in twips with the 公文 margins: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right. */
const PAGE = { width: 11906, height: 16838, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } };
const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

function run(text: string, options: { title?: boolean; size?: number; bold?: boolean } = {}): TextRun[] {
  // Line breaks the writer typed stay line breaks.
  return text.split(/\r?\n/).map(
    (line, index) =>
      new TextRun({
        text: line,
        break: index > 0 ? 1 : undefined,
        font: options.title ? TITLE_FONT : BODY_FONT,
        size: options.size ?? SIZE.table,
        bold: options.bold,
      }),
  );
}

function para(
  text: string,
  options: { title?: boolean; size?: number; bold?: boolean; center?: boolean; after?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { after: options.after ?? 0 },
    children: run(text, options),
  });
}

function cell(
  text: string,
  options: { width: number; span?: number; header?: boolean; center?: boolean; shade?: boolean; size?: number } = {
    width: 10,
  },
): TableCell {
  return new TableCell({
    width: { size: Math.round((options.width / 100) * TEXT_WIDTH), type: WidthType.DXA },
    columnSpan: options.span,
    verticalAlign: VerticalAlign.CENTER,
    shading: options.shade || options.header ? { fill: 'F0F0F0', color: 'auto', type: 'clear' } : undefined,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    children: [para(text, { title: options.header, center: options.center || options.header, size: options.size })],
  });
}

function table(rows: TableRow[]): Table {
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, borders: tableBorders(), rows });
}

const row = (cells: TableCell[], header = false, cantSplit = true) =>
  new TableRow({ children: cells, cantSplit, tableHeader: header });

function heading(report: InspectionReportData, title: string): Paragraph[] {
  return [
    para(report.courtName, { title: true, size: SIZE.court, center: true }),
    para(`${report.campaignTitle}${title}`, { title: true, size: SIZE.title, center: true, after: 60 }),
    para(`（${report.reportDate}）`, { size: SIZE.date, center: true, after: 200 }),
  ];
}

const subheading = (text: string) => para(text, { title: true, size: SIZE.heading, after: 100 });
const gap = () => new Paragraph({ spacing: { after: 120 }, children: [] });

function formChildren(report: InspectionReportData, form: InspectionForm): Array<Paragraph | Table> {
  const state = form.round > 1 ? `${form.statusText}（第 ${form.round} 次提交）` : form.statusText;
  const subject = cell(T.subject[form.scope], { width: 16, header: true });
  const filedOn = [cell(T.filedOn, { width: 16, header: true }), cell(form.filedOn, { width: 34 })];
  // A department's own form: the department is the subject; no post, no department line of its own.
  const identity =
    form.scope === 'department'
      ? [row([subject, cell(form.subjectName, { width: 34 }), ...filedOn])]
      : [
          row([
            subject,
            cell(form.subjectName, { width: 34 }),
            cell(T.position, { width: 16, header: true }),
            cell(form.position || '—', { width: 34 }),
          ]),
          row([cell(T.department, { width: 16, header: true }), cell(form.departmentName, { width: 34 }), ...filedOn]),
        ];
  const info = table([
    ...identity,
    row([cell(T.status, { width: 16, header: true }), cell(state, { width: 84, span: 3 })]),
  ]);
  // The date column holds "2026-12-24" on one line even in a wider fallback face (LibreOffice without 仿宋).
  const widths = [8, 17, 21, 17, 19, 18];
  const dense = SIZE.dense;
  let claims: Table;
  if (form.noProblem) {
    claims = table([
      row([
        cell(T.problems, { width: 16, header: true }),
        cell(`${T.noProblem}。${T.noProblemReason}：${form.noProblemReason}`, { width: 84 }),
      ]),
    ]);
  } else {
    const rows = [
      row(
        T.problemColumns.map((title, i) => cell(title, { width: widths[i], header: true, size: dense })),
        true,
      ),
    ];
    let n = 0;
    for (const group of form.groups) {
      rows.push(row([cell(group.heading, { width: 100, span: 6, shade: true, size: dense })]));
      for (const claim of group.claims) {
        n += 1;
        const problem = claim.problemNumber ? `${claim.problemNumber}. ${claim.problem}` : claim.problem;
        rows.push(
          row(
            [String(n), problem, claim.facts, claim.cause, claim.measures, claim.deadline].map((text, i) =>
              cell(text, { width: widths[i], center: i === 0 || i === 5, size: dense }),
            ),
          ),
        );
      }
    }
    if (n === 0) rows.push(row([cell(T.noClaims, { width: 100, span: 6, center: true, size: dense })]));
    claims = table(rows);
  }
  // The review rows may split: LibreOffice (and WPS) clip the unsplittable rows of a form's last
  // table at the foot of the page instead of moving them over.
  const review = table([
    row(
      [
        cell(T.reviewOpinion, { width: 16, header: true }),
        cell(form.decidedOn ? form.reviewNote || '—' : T.notReviewed, { width: 84, span: 3 }),
      ],
      false,
      false,
    ),
    row(
      [
        cell(T.reviewer, { width: 16, header: true }),
        cell(form.reviewer, { width: 34 }),
        cell(T.reviewedOn, { width: 16, header: true }),
        cell(form.decidedOn, { width: 34 }),
      ],
      false,
      false,
    ),
  ]);
  return [...heading(report, T.formTitle), info, gap(), subheading(T.problems), claims, gap(), review];
}

function summaryChildren(report: InspectionReportData): Array<Paragraph | Table> {
  const c = report.counts;
  const width = 100 / T.countColumns.length;
  const counts = table([
    row(
      T.countColumns.map((title) => cell(title, { width, header: true })),
      true,
    ),
    row(
      [c.expected, c.filed, c.accepted, c.pending, c.returned, c.draft].map((n) =>
        cell(String(n), { width, center: true }),
      ),
    ),
  ]);
  const widths = [10, 72, 18];
  const rows = [
    row(
      T.problemTableColumns.map((title, i) => cell(title, { width: widths[i], header: true })),
      true,
    ),
  ];
  for (const group of report.claimed) {
    rows.push(row([cell(group.heading, { width: 100, span: 3, shade: true })]));
    for (const p of group.problems)
      rows.push(
        row([
          cell(p.number === null ? '' : String(p.number), { width: 10, center: true }),
          cell(p.title, { width: 72 }),
          cell(String(p.reports), { width: 18, center: true }),
        ]),
      );
  }
  return [
    ...heading(report, T.summaryTitle),
    subheading(T.summaryCountsTitle),
    counts,
    para(T.countsNote, { size: SIZE.table, after: 200 }),
    subheading(T.summaryProblemsTitle),
    table(rows),
  ];
}

const footer = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'],
            font: BODY_FONT,
            size: SIZE.table,
          }),
        ],
      }),
    ],
  });

export async function inspectionReportDocx(report: InspectionReportData): Promise<Buffer> {
  const section = (children: Array<Paragraph | Table>): ISectionOptions => ({
    properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } },
    footers: { default: footer() },
    children,
  });
  const sections = report.forms.map((form) => section(formChildren(report, form)));
  if (sections.length === 0)
    sections.push(section([...heading(report, T.formTitle), para(T.noReports, { size: SIZE.body })]));
  sections.push(section(summaryChildren(report)));
  const document = new Document({
    creator: report.courtName,
    title: `${report.courtName}${report.campaignTitle}${T.formTitle}`,
    styles: { default: { document: { run: { font: BODY_FONT, size: SIZE.body } } } },
    sections,
  });
  return Packer.toBuffer(document);
}
