// Small static charts for the printed campaign summary, drawn as inline SVG (no script, nothing
// fetched): completion by section as horizontal bars, the red/yellow/green split as one stacked
// bar, and the burn-down of open items as a line with the ideal line dashed. Text takes the
// document's body face through the .chart rules of the page.
import { escapeHtml } from './reportHtml';
import { TEXT } from './reportText';

const WIDTH = 640;
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

/** Completion rate per row, as horizontal bars with "NN%（完成/总数）" at the end. */
export function barChart(rows: ReadonlyArray<{ label: string; done: number; total: number }>): string {
  if (rows.length === 0) return `<p class="empty">${TEXT.summary.noChartData}</p>`;
  const labelWidth = 230;
  const track = WIDTH - labelWidth - 120;
  const rowHeight = 26;
  const parts = rows.map((row, index) => {
    const y = 6 + index * rowHeight;
    const rate = row.total ? row.done / row.total : 0;
    const label = row.label.length > 17 ? `${row.label.slice(0, 16)}…` : row.label;
    return (
      text(labelWidth - 8, y + 14, label, 'end') +
      `<rect x="${labelWidth}" y="${y + 2}" width="${track}" height="16" fill="${COLOURS.track}"/>` +
      `<rect x="${labelWidth}" y="${y + 2}" width="${(track * rate).toFixed(1)}" height="16" fill="${COLOURS.bar}"/>` +
      text(labelWidth + track + 6, y + 14, `${Math.floor(rate * 100)}%（${row.done}/${row.total}）`)
    );
  });
  return svg(rows.length * rowHeight + 10, parts.join(''), TEXT.summary.chartSections);
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
    const lx = 10 + i * 150;
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
