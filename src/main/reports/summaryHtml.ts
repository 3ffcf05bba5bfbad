// The statistics of the campaign summary (活动总结): the figures, the static charts (completion by
// section, red/yellow/green, burn-down), the overdue items and the indicator table. Printed as the
// 附件 of the written summary (summaryDocument.ts), after its text on a page of its own.
import type { IndicatorRow } from '../../shared/model';
import type { SummaryReportData } from './summaryReport';
import { barChart, burnDownChart, stackedBar } from './summaryCharts';
import { dataTable, escapeHtml, multiline } from './reportHtml';
import { ATTAINMENT_TEXT, TEXT, UNIT_TEXT } from './reportText';
import { rateText } from './provinceReport';

const S = TEXT.summary;

/** The statistics' own rules, inside the annex (summaryDocument.ts scopes the tables). */
export const SUMMARY_STATISTICS_STYLE = `
p.figure { text-indent: 2em; margin: 0 0 4pt; font-size: 12pt; line-height: 1.7; }
h3 { font-size: 12pt; font-weight: bold; margin: 8pt 0 4pt; break-after: avoid; page-break-after: avoid; }
.chart-block { break-inside: avoid; page-break-inside: avoid; margin-bottom: 6pt; }
svg.chart { display: block; max-width: 100%; height: auto; }
svg.chart text { font-family: inherit; fill: #000; }
td.missed { font-weight: bold; }
`;

/** 2026-Q1 → 2026年第1季度, 2026-03 → 2026年3月. */
export function periodText(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}年第${quarter[2]}季度`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  return month ? `${month[1]}年${Number(month[2])}月` : period;
}

/** A value in the indicator's unit: 96.3%, 12 件. */
export function valueText(value: number | null, unit: IndicatorRow['unit']): string {
  if (value === null) return '—';
  return unit === 'percent' ? `${value}%` : `${value} ${UNIT_TEXT[unit]}`;
}

/** The change from the same period last year, signed; percentages in 个百分点. */
export function changeText(change: number | null, unit: IndicatorRow['unit']): string {
  if (change === null) return '—';
  const sign = change > 0 ? '+' : '';
  return unit === 'percent' ? `${sign}${change} 个百分点` : `${sign}${change} ${UNIT_TEXT[unit]}`;
}

export function indicatorCells(indicator: IndicatorRow, index: number): string[] {
  const latest = indicator.latest;
  return [
    String(index + 1),
    indicator.name + (indicator.rankingGoal ? `（${indicator.rankingGoal}）` : ''),
    S.direction[indicator.direction],
    valueText(indicator.target, indicator.unit),
    latest ? periodText(latest.period) : S.noValue,
    latest ? valueText(latest.value, indicator.unit) : '—',
    latest?.attainment ? ATTAINMENT_TEXT[latest.attainment] : '—',
    changeText(latest?.changeFromLastYear ?? null, indicator.unit),
  ];
}

/** The statistics as printed in the annex: the headings number on from 一、主要数据. */
export function summaryStatisticsHtml(report: SummaryReportData): string {
  const figures = report.figures.map((line) => `<p class="figure">${escapeHtml(line)}</p>`).join('\n');
  const sectionBars = barChart(report.sections.map((s) => ({ label: s.title, done: s.completed, total: s.total })));
  const lights = stackedBar([
    { label: S.lightNames.red, value: report.lights.red, colour: 'red' },
    { label: S.lightNames.yellow, value: report.lights.yellow, colour: 'yellow' },
    { label: S.lightNames.green, value: report.lights.green, colour: 'green' },
    { label: '已完成', value: report.lights.completed, colour: 'done' },
  ]);
  const burn = burnDownChart(report.burnDown);

  const overdueRows = report.overdue.map(
    (item) =>
      `<tr><td class="c">${item.number}</td><td>${multiline(item.title)}</td><td class="c">${escapeHtml(item.leadLeader)}</td><td class="c">${escapeHtml(item.department)}</td>` +
      `<td class="c nowrap">${escapeHtml(item.deadline)}</td><td class="c">${item.daysOverdue}</td><td class="c">${escapeHtml(item.status)}</td></tr>`,
  );
  const overdue = dataTable(
    S.overdueColumns.map((title, index) => ({ title, width: [7, 33, 11, 13, 14, 9, 13][index] })),
    overdueRows,
    S.noOverdue,
  );
  const indicatorRows = report.indicators.map((indicator, index) => {
    const cells = indicatorCells(indicator, index);
    const missed = indicator.latest?.attainment === 'missed';
    return `<tr>${cells.map((c, i) => `<td class="${i === 1 ? '' : 'c'}${i === 6 && missed ? ' missed' : ''}">${escapeHtml(c)}</td>`).join('')}</tr>`;
  });
  const indicators = dataTable(
    S.indicatorColumns.map((title, index) => ({ title, width: [7, 22, 7, 10, 14, 10, 12, 18][index] })),
    indicatorRows,
    S.noIndicators,
  );
  const province = report.province
    ? `<div class="chart-block"><h3>${escapeHtml(report.province.heading)}</h3>${dataTable(
        ['辖区', '应报法院', '报送率', '完成率', '已完成/事项', '逾期'].map((title, index) => ({
          title,
          width: [34, 12, 16, 12, 14, 12][index],
        })),
        report.province.lines.map(
          (line) =>
            `<tr${line.kind === 'total' ? ' class="section"' : ''}><td>${escapeHtml(line.name)}</td>` +
            `<td class="c">${line.courtCount ?? ''}</td>` +
            `<td class="c">${line.courtCount === null ? '' : rateText(line.reportingRate)}</td>` +
            `<td class="c">${rateText(line.totals.completionRate)}</td>` +
            `<td class="c">${line.totals.completed}/${line.totals.total}</td><td class="c">${line.totals.overdue}</td></tr>`,
        ),
        '',
      )}</div>`
    : '';
  return `<h2>${S.annexFigures}</h2>
${figures}
${province}
<h2>${S.charts}</h2>
<div class="chart-block"><h3>${S.chartSections}</h3>${sectionBars}</div>
<div class="chart-block"><h3>${S.chartLights}</h3>${lights}</div>
<div class="chart-block"><h3>${S.chartBurnDown}</h3>${burn}</div>
<h2>${S.overdue}</h2>
${overdue}
<h2>${S.indicators}</h2>
${indicators}`;
}
