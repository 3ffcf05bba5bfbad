// The self-inspection report forms as a Word document (docx), for courts that file them in Word:
// A4 portrait, one form per section (so each starts on a new page), title runs in 宋体, body in
// 仿宋, bordered tables whose header rows repeat and whose rows do not split, and the summary last.
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

const T = TEXT.inspection;
const TITLE_FONT = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体' };
const BODY_FONT = { ascii: 'FangSong', hAnsi: 'FangSong', eastAsia: '仿宋' };
/** Half-points: 二号 22pt title, 三号 16pt court, 小四 12pt body, 五号 10.5pt table text. */
const SIZE = { title: 44, court: 32, date: 28, heading: 30, body: 24, table: 21 };
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
/** A4 in twips, margins 2.5 cm top, 2 cm elsewhere. */
const PAGE = { width: 11906, height: 16838, margin: { top: 1418, bottom: 1134, left: 1134, right: 1134 } };
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
  options: { width: number; span?: number; header?: boolean; center?: boolean; shade?: boolean } = { width: 10 },
): TableCell {
  return new TableCell({
    width: { size: Math.round((options.width / 100) * TEXT_WIDTH), type: WidthType.DXA },
    columnSpan: options.span,
    verticalAlign: VerticalAlign.CENTER,
    shading: options.shade || options.header ? { fill: 'F0F0F0', color: 'auto', type: 'clear' } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [para(text, { title: options.header, center: options.center || options.header })],
  });
}

function table(rows: TableRow[]): Table {
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, borders: BORDERS, rows });
}

const row = (cells: TableCell[], header = false) =>
  new TableRow({ children: cells, cantSplit: true, tableHeader: header });

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
  const widths = [7, 17, 23, 17, 20, 16];
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
        T.problemColumns.map((title, i) => cell(title, { width: widths[i], header: true })),
        true,
      ),
    ];
    let n = 0;
    for (const group of form.groups) {
      rows.push(row([cell(group.heading, { width: 100, span: 6, shade: true })]));
      for (const claim of group.claims) {
        n += 1;
        const problem = claim.problemNumber ? `${claim.problemNumber}. ${claim.problem}` : claim.problem;
        rows.push(
          row(
            [String(n), problem, claim.facts, claim.cause, claim.measures, claim.deadline].map((text, i) =>
              cell(text, { width: widths[i], center: i === 0 || i === 5 }),
            ),
          ),
        );
      }
    }
    if (n === 0) rows.push(row([cell(T.noClaims, { width: 100, span: 6, center: true })]));
    claims = table(rows);
  }
  const review = table([
    row([
      cell(T.reviewOpinion, { width: 16, header: true }),
      cell(form.decidedOn ? form.reviewNote || '—' : T.notReviewed, { width: 84, span: 3 }),
    ]),
    row([
      cell(T.reviewer, { width: 16, header: true }),
      cell(form.reviewer, { width: 34 }),
      cell(T.reviewedOn, { width: 16, header: true }),
      cell(form.decidedOn, { width: 34 }),
    ]),
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
