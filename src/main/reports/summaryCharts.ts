// Small static charts for the printed campaign summary, drawn as inline SVG (no script, nothing
// fetched): completion by section as horizontal bars, the red/yellow/green split as one stacked
// bar, and the burn-down of open items as a line with the ideal line dashed. Text takes the
// document's body face through the .chart rules of the page.
import { escapeHtml } from './reportHtml';
import { TEXT } from './reportText';

/** The 156 mm text block of the portrait 公文 page, in CSS pixels (96 per inch): charts never overflow it. */
const WIDTH = 588;
const COLOURS = {
  bar: '#3a6ea5',
  track: '#e6e6e6',
  red: '#d9342b',
  yellow: '#e8b20e',
  green: '#2f9e44',
  done: '#9aa5b1',
  ideal: '#888',
  open: '#c0392b',
};

const svg = (height: number, body: string, label: string) =>
  `<svg class="chart" role="img" aria-label="${escapeHtml(label)}" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;

const text = (x: number, y: number, value: string, anchor: 'start' | 'middle' | 'end' = 'start', size = 12) =>
  `<text x="${x}" y="${y}" font-size="${size}" text-anchor="${anchor}">${escapeHtml(value)}</text>`;

/** Width in em at the chart's 12 px: CJK and full-width characters 1, ASCII (digits, Latin) about half. */
const emWidth = (value: string) => [...value].reduce((sum, c) => sum + (c.charCodeAt(0) < 0x2000 ? 0.55 : 1), 0);

/** Characters a line may not start with (Chinese line-breaking rules): closing brackets and stops. */
const NO_LINE_START = /^[）)」』”’》〉】、，。；：！？,.;:!?%]/;

/**
 * A label broken into lines of at most `maxEm` (SVG text does not wrap by itself), never cut: a
 * long section title takes two or more lines of about equal length, no line starting with a
 * closing bracket or stop, and its row grows to hold them.
 */
export function wrapLabel(label: string, maxEm: number): string[] {
  const total = emWidth(label);
  if (total <= maxEm) return [label];
  const target = Math.min(maxEm, total / Math.ceil(total / maxEm) + 0.5);
  const lines: string[] = [];
  let line = '';
  for (const c of label) {
    if (line && emWidth(line + c) > target && !NO_LINE_START.test(c)) {
      lines.push(line);
      line = '';
    }
    line += c;
  }
  if (line) lines.push(line);
  return lines;
}

/** Completion rate per row, as horizontal bars with "完成/总数 · NN%" at the end of each bar. */
export function barChart(rows: ReadonlyArray<{ label: string; done: number; total: number }>): string {
  if (rows.length === 0) return `<p class="empty">${TEXT.summary.noChartData}</p>`;
  const labelWidth = 236;
  const numberWidth = 96;
  const track = WIDTH - labelWidth - numberWidth;
  const lineHeight = 14;
  let y = 4;
  const parts = rows.map((row) => {
    const lines = wrapLabel(row.label, (labelWidth - 10) / 12);
    const height = Math.max(24, lines.length * lineHeight + 10);
    const middle = y + height / 2;
    const rate = row.total ? row.done / row.total : 0;
    const firstBaseline = middle - ((lines.length - 1) * lineHeight) / 2 + 4;
    const label = `<text x="${labelWidth - 8}" y="${firstBaseline.toFixed(1)}" font-size="12" text-anchor="end">${lines
      .map((line, i) => `<tspan x="${labelWidth - 8}" dy="${i === 0 ? 0 : lineHeight}">${escapeHtml(line)}</tspan>`)
      .join('')}</text>`;
    const part =
      label +
      `<rect x="${labelWidth}" y="${(middle - 8).toFixed(1)}" width="${track}" height="16" fill="${COLOURS.track}"/>` +
      `<rect x="${labelWidth}" y="${(middle - 8).toFixed(1)}" width="${(track * rate).toFixed(1)}" height="16" fill="${COLOURS.bar}"/>` +
      text(labelWidth + track + 6, Math.round(middle + 4), barFigures(row.done, row.total));
    y += height;
    return part;
  });
  return svg(Math.ceil(y + 4), parts.join(''), TEXT.summary.chartSections);
}

/** "7/12 · 58%": the count and the rate (rounded down, so 99.5% never reads as 100%). */
export function barFigures(done: number, total: number): string {
  return `${done}/${total} · ${total ? Math.floor((done * 100) / total) : 0}%`;
}

/** One bar split into its parts, with a legend underneath. */
export function stackedBar(
  parts: ReadonlyArray<{ label: string; value: number; colour: keyof typeof COLOURS }>,
): string {
  const total = parts.reduce((sum, p) => sum + p.value, 0);
  if (total === 0) return `<p class="empty">${TEXT.summary.noChartData}</p>`;
  const barWidth = WIDTH - 20;
  let x = 10;
  const segments = parts.map((p) => {
    const w = (barWidth * p.value) / total;
    const segment =
      `<rect x="${x.toFixed(1)}" y="6" width="${w.toFixed(1)}" height="26" fill="${COLOURS[p.colour]}"/>` +
      (w > 34
        ? `<text x="${(x + w / 2).toFixed(1)}" y="24" font-size="12" text-anchor="middle" fill="#fff">${p.value}</text>`
        : '');
    x += w;
    return segment;
  });
  const legend = parts.map((p, i) => {
    const lx = 10 + i * 145;
    return (
      `<rect x="${lx}" y="44" width="12" height="12" fill="${COLOURS[p.colour]}"/>` +
      text(lx + 18, 55, `${p.label} ${p.value} 项（${Math.round((p.value / total) * 100)}%）`)
    );
  });
  return svg(64, segments.join('') + legend.join(''), TEXT.summary.chartLights);
}

/** Open items over time, with the ideal line (dashed) when the campaign has an end date. */
export function burnDownChart(points: ReadonlyArray<{ date: string; open: number; ideal: number | null }>): string {
  if (points.length < 2) return `<p class="empty">${TEXT.summary.noChartData}</p>`;
  const height = 200;
  const left = 44;
  const right = WIDTH - 16;
  const top = 24;
  const bottom = height - 28;
  const max = Math.max(1, ...points.map((p) => Math.max(p.open, p.ideal ?? 0)));
  const xOf = (i: number) => left + ((right - left) * i) / (points.length - 1);
  const yOf = (v: number) => bottom - ((bottom - top) * v) / max;
  const line = (values: Array<number | null>) =>
    values
      .map((v, i) => (v === null ? null : `${xOf(i).toFixed(1)},${yOf(v).toFixed(1)}`))
      .filter((p): p is string => p !== null)
      .join(' ');
  const ideal = points.some((p) => p.ideal !== null)
    ? `<polyline points="${line(points.map((p) => p.ideal))}" fill="none" stroke="${COLOURS.ideal}" stroke-width="1.5" stroke-dasharray="5 4"/>`
    : '';
  const ticks = [0, Math.floor((points.length - 1) / 2), points.length - 1];
  const axes =
    `<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="#000" stroke-width="0.8"/>` +
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${bottom}" stroke="#000" stroke-width="0.8"/>` +
    text(left - 6, yOf(max) + 4, String(max), 'end') +
    text(left - 6, bottom + 4, '0', 'end') +
    ticks
      .map((i, n) => text(xOf(i), bottom + 18, points[i].date, n === 0 ? 'start' : n === 2 ? 'end' : 'middle'))
      .join('');
  const legend =
    `<line x1="${right - 250}" y1="10" x2="${right - 226}" y2="10" stroke="${COLOURS.open}" stroke-width="2"/>` +
    text(right - 220, 14, TEXT.summary.burnLegendOpen) +
    (ideal
      ? `<line x1="${right - 120}" y1="10" x2="${right - 96}" y2="10" stroke="${COLOURS.ideal}" stroke-width="1.5" stroke-dasharray="5 4"/>` +
        text(right - 90, 14, TEXT.summary.burnLegendIdeal)
      : '');
  const open = `<polyline points="${line(points.map((p) => p.open))}" fill="none" stroke="${COLOURS.open}" stroke-width="2"/>`;
  return svg(height, axes + ideal + open + legend, TEXT.summary.chartBurnDown);
}
