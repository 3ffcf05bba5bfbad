// Rules for indicators (指标), shared by the main process and the screens: whether a period's value
// met its target, the trend between periods, and the reporting periods themselves (2026-03 for a
// month, 2026-Q1 for a quarter). Pure functions on plain values.
import type { Attainment, IndicatorDirection, IndicatorPeriodKind, IndicatorUnit } from './model';

/**
 * How far short of the target still counts as "close" (接近): for percentages 2 percentage
 * points; for other units 5% of the target, and for counts of cases or days at least 1.
 */
export const CLOSE_MARGIN = { percentPoints: 2, shareOfTarget: 0.05, minimumWholeUnits: 1 } as const;

/** Floating-point slack, so 93 against a target of 95 with a margin of 2 is close, not missed. */
const EPSILON = 1e-9;

export function closeMargin(target: number, unit: IndicatorUnit): number {
  if (unit === 'percent') return CLOSE_MARGIN.percentPoints;
  const share = Math.abs(target) * CLOSE_MARGIN.shareOfTarget;
  return unit === 'cases' || unit === 'days' ? Math.max(CLOSE_MARGIN.minimumWholeUnits, share) : share;
}

/** met / close / missed against the target, respecting direction; null when there is no target. */
export function attainment(
  value: number,
  target: number | null,
  direction: IndicatorDirection,
  unit: IndicatorUnit,
): Attainment | null {
  if (target === null) return null;
  // How far the value falls short of the target, whichever way is better.
  const shortfall = direction === 'up' ? target - value : value - target;
  if (shortfall <= EPSILON) return 'met';
  return shortfall <= closeMargin(target, unit) + EPSILON ? 'close' : 'missed';
}

/** From the previous period's value to this one: better, worse or the same, respecting direction. */
export function trend(
  previous: number | null,
  current: number | null,
  direction: IndicatorDirection,
): 'better' | 'worse' | 'same' | null {
  if (previous === null || current === null) return null;
  const change = current - previous;
  if (Math.abs(change) <= EPSILON) return 'same';
  return change > 0 === (direction === 'up') ? 'better' : 'worse';
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const QUARTER_NAMES = ['一', '二', '三', '四'] as const;

interface ParsedPeriod {
  year: number;
  kind: IndicatorPeriodKind;
  /** Month 1-12 or quarter 1-4. */
  index: number;
}

function parsePeriod(period: string): ParsedPeriod {
  const month = MONTH.exec(period);
  if (month) return { year: Number(month[1]), kind: 'monthly', index: Number(month[2]) };
  const quarter = QUARTER.exec(period);
  if (quarter) return { year: Number(quarter[1]), kind: 'quarterly', index: Number(quarter[2]) };
  throw new Error(`not an indicator period: ${period}`);
}

function formatPeriod(year: number, kind: IndicatorPeriodKind, index: number): string {
  return kind === 'monthly' ? `${year}-${String(index).padStart(2, '0')}` : `${year}-Q${index}`;
}

/** Steps a period by `count` months or quarters (negative: back), wrapping the year. */
export function shiftPeriod(period: string, count: number): string {
  const { year, kind, index } = parsePeriod(period);
  const perYear = kind === 'monthly' ? 12 : 4;
  const serial = year * perYear + (index - 1) + count;
  return formatPeriod(Math.floor(serial / perYear), kind, (serial % perYear) + 1);
}

/** The month or quarter a YYYY-MM-DD date falls in. */
export function periodOf(date: string, kind: IndicatorPeriodKind): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return kind === 'monthly'
    ? formatPeriod(year, kind, month)
    : formatPeriod(year, kind, Math.floor((month - 1) / 3) + 1);
}

export const previousPeriod = (period: string): string => shiftPeriod(period, -1);

/** The same month or quarter a year earlier: 2026-03 → 2025-03, 2026-Q1 → 2025-Q1. */
export function sameLastYear(period: string): string {
  const { year, kind, index } = parsePeriod(period);
  return formatPeriod(year - 1, kind, index);
}

/** The first day of the period, YYYY-MM-DD. */
export function periodStart(period: string): string {
  const { year, kind, index } = parsePeriod(period);
  const month = kind === 'monthly' ? index : (index - 1) * 3 + 1;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/** A period starting after today is future; the current month or quarter may already be entered. */
export function isFuturePeriod(period: string, today: string): boolean {
  return periodStart(period) > today;
}

export function periodMatchesKind(period: string, kind: IndicatorPeriodKind): boolean {
  return (kind === 'monthly' ? MONTH : QUARTER).test(period);
}

/** 2026-03 → 2026年3月; 2026-Q1 → 2026年第一季度. */
export function periodLabel(period: string): string {
  const { year, kind, index } = parsePeriod(period);
  return kind === 'monthly' ? `${year}年${index}月` : `${year}年第${QUARTER_NAMES[index - 1]}季度`;
}
