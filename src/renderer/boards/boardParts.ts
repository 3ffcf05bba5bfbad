// Small pieces both boards share: the app's light colours (as .dot-* in app.css) and percentages
// rounded down like the checklist's figures, so 99.6% never reads 100%.
import type { Light } from '../../shared/model';

export const LIGHT_COLOR: Record<Light, string> = {
  red: '#c92a2a',
  yellow: '#b07d00',
  green: '#2f9e44',
  none: '#7a828a',
};

export function percentOf(part: number, total: number): number {
  return total === 0 ? 0 : Math.floor((part * 100) / total);
}

/** 2026-11-24 on an axis: 11-24 within the year shown, the full date otherwise. */
export function axisDate(date: string, year: string): string {
  return date.startsWith(year) ? date.slice(5) : date;
}

const QUARTER_NAMES = ['一', '二', '三', '四'];

/** A reporting period on an axis: 2026-03 as is, 2026-Q1 as 2026年一季度. */
export function periodTick(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  return quarter ? `${quarter[1]}年${QUARTER_NAMES[Number(quarter[2]) - 1]}季度` : period;
}
