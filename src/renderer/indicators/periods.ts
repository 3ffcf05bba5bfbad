// Reporting periods as the tab offers them (up to the current one, never a future one) and
// numbers as the units write them. Period arithmetic and labels (2026-03 → 2026年3月, 2026-Q1 →
// 2026年第一季度) come from src/shared/indicatorRules.ts, as the main process uses them.
import type { IndicatorPeriodKind, IndicatorUnit } from '../../shared/model';
import { periodLabel, periodOf, previousPeriod } from '../../shared/indicatorRules';
import { indicatorText as t, indicatorUnitText } from './text';

export { periodLabel, previousPeriod };

/** The month or quarter `today` (YYYY-MM-DD) falls in. */
export const currentPeriod = (kind: IndicatorPeriodKind, today: string): string => periodOf(today, kind);

/**
 * Periods on offer, newest first: the current one and those of the previous three years. Periods
 * already recorded but older than that stay on offer too, so they can still be corrected.
 */
export function periodOptions(kind: IndicatorPeriodKind, today: string, recorded: string[]): string[] {
  const count = kind === 'monthly' ? 36 : 12;
  const periods: string[] = [];
  let period = currentPeriod(kind, today);
  for (let i = 0; i < count; i += 1) {
    periods.push(period);
    period = previousPeriod(period);
  }
  const latest = periods[0];
  for (const p of recorded) if (!periods.includes(p) && p <= latest) periods.push(p);
  // 2026-Q4 sorts after 2026-12 only within its own kind; each indicator has one kind.
  return periods.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

/** A number as the unit writes it: 96.2%, 12 件, 3.5 天, 12,000 元. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(value);
}

export function formatValue(value: number, unit: IndicatorUnit): string {
  return unit === 'percent' ? `${formatNumber(value)}%` : `${formatNumber(value)} ${indicatorUnitText[unit]}`;
}

/** The change against last year with its sign: "+2.8 个百分点" for %, "-3 件" otherwise. */
export function formatChange(change: number, unit: IndicatorUnit): string {
  const sign = change > 0 ? '+' : change < 0 ? '-' : '±';
  const amount = formatNumber(Math.abs(change));
  return unit === 'percent' ? `${sign}${amount} ${t.percentPoints}` : `${sign}${amount} ${indicatorUnitText[unit]}`;
}
