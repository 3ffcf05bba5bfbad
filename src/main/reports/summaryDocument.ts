// The written 活动总结 as printed (HTML, and the PDF made from it): a report on the 公文 page of
// officialDocument.ts — A4, GB/T 9704 margins, 22 lines × 28 characters of 3号 仿宋, the title in
// 2号 小标宋, “— 1 —” at the outer bottom corner — but no red 发文机关标志 (a court's summary is a
// report, not a 红头文件): title, the four parts under their 一、 headings, 落款 (the court) and the
// date. The statistics follow as its 附件 on a page of their own, in the tables' smaller type.
import type { WrittenSummary } from '../../shared/model';
import {
  bodyParagraphs,
  officialDate,
  officialPageStyle,
  OFFICIAL_HEADING_FONTS,
  OFFICIAL_LINE_PT,
  OFFICIAL_PRINT_MARK,
  OFFICIAL_SIZES,
  OFFICIAL_TITLE_FONTS,
  paragraphLevel,
  signaturePaddings,
  titleHtml,
} from './officialDocument';
import { escapeHtml } from './reportHtml';
import { SUMMARY_STATISTICS_STYLE, summaryStatisticsHtml } from './summaryHtml';
import type { SummaryReportData } from './summaryReport';
import { TEXT } from './reportText';

/** One paragraph of a part: a （一） heading in 楷体, else body text indented two characters. */
export interface SummaryParagraph {
  level: 'h1' | 'h2' | 'p';
  text: string;
}

/** The text as printed: each part's heading, then its filled text one paragraph per line. */
export function summaryParagraphs(summary: WrittenSummary): SummaryParagraph[] {
  return summary.parts.flatMap((part) => [
    { level: 'h1' as const, text: part.heading },
    ...bodyParagraphs(part.text).map((text) => ({ level: paragraphLevel(text), text })),
  ]);
}

/** The annex's tables and charts in the tables' type (11 pt), inside the 公文 page. */
const ANNEX_STYLE = `
.annex { font-size: 11pt; line-height: 1.45; letter-spacing: 0; text-align: left; }
.annex .annex-mark { font-family: ${OFFICIAL_HEADING_FONTS}; font-size: ${OFFICIAL_SIZES.body}pt; line-height: ${OFFICIAL_LINE_PT}pt; margin: 0; }
.annex .annex-title { font-family: ${OFFICIAL_TITLE_FONTS}; font-weight: normal; font-size: ${OFFICIAL_SIZES.title}pt; line-height: 1.5; text-align: center; margin: ${OFFICIAL_LINE_PT}pt 0 0; }
.annex .annex-date { font-size: ${OFFICIAL_SIZES.body}pt; line-height: ${OFFICIAL_LINE_PT}pt; text-align: center; margin: 0 0 ${OFFICIAL_LINE_PT / 2}pt; }
.annex h2 { font-family: ${OFFICIAL_HEADING_FONTS}; font-weight: normal; font-size: 14pt; margin: 12pt 0 6pt; break-after: avoid; page-break-after: avoid; }
.annex table { width: calc(100% - 1pt); border-collapse: collapse; table-layout: fixed; }
.annex thead { display: table-header-group; }
.annex th, .annex td { border: 0.75pt solid #000; padding: 2.5pt 4pt; vertical-align: middle; word-break: break-word; overflow-wrap: anywhere; }
.annex th { font-family: ${OFFICIAL_HEADING_FONTS}; font-weight: normal; background: #f0f0f0; text-align: center; }
.annex tr { break-inside: avoid; page-break-inside: avoid; }
.annex tr.section td { font-weight: bold; background: #fafafa; }
.annex .c { text-align: center; }
.annex .nowrap { white-space: nowrap; }
.annex .empty { text-align: center; padding: 12pt; }
.doc-end { break-inside: avoid; page-break-inside: avoid; }
.new-page { break-before: page; page-break-before: always; }
@media screen { .new-page { border-top: 1px dashed #adb5bd; margin-top: 28px; padding-top: 28px; } }
`;

export function summaryDocumentHtml(summary: WrittenSummary, report: SummaryReportData): string {
  const paragraphs = summaryParagraphs(summary).map(
    ({ level, text }) => `<p${level === 'p' ? '' : ` class="${level}"`}>${escapeHtml(text)}</p>`,
  );
  // The 落款 never stands alone on a page: it goes with the last paragraph of the text.
  const last = paragraphs.pop() ?? '';
  const date = officialDate(summary.reportDate);
  const pad = signaturePaddings(summary.courtName, date);
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
${OFFICIAL_PRINT_MARK}
<meta name="description" content="${escapeHtml(summary.title)}">
<meta name="author" content="${escapeHtml(summary.courtName)}">
<title>${escapeHtml(summary.title)}</title>
<style>${officialPageStyle()}${ANNEX_STYLE}${SUMMARY_STATISTICS_STYLE}</style>
</head>
<body>
<h1 class="doc-title">${titleHtml(summary.title)}</h1>
<div class="doc-body">
${paragraphs.join('\n')}
<div class="doc-end">
${last}
<div class="doc-sign">
<div style="padding-right:${pad.signature}em">${escapeHtml(summary.courtName)}</div>
<div style="padding-right:${pad.date}em">${escapeHtml(date)}</div>
</div>
</div>
</div>
<section class="annex new-page">
<p class="annex-mark">${TEXT.summary.annexMark}</p>
<h2 class="annex-title">${escapeHtml(TEXT.summary.annexTitle)}</h2>
<p class="annex-date">${escapeHtml(TEXT.summary.dateLine(date))}</p>
${summaryStatisticsHtml(report)}
</section>
</body>
</html>
`;
}
