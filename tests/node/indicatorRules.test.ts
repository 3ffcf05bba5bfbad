// Indicator rules (指标): attainment both ways with the close margin's boundaries, trend, and the
// months and quarters values are entered for, across year ends.
import { describe, expect, it } from 'vitest';
import {
  attainment,
  CLOSE_MARGIN,
  closeMargin,
  isFuturePeriod,
  periodLabel,
  periodMatchesKind,
  periodOf,
  periodStart,
  previousPeriod,
  sameLastYear,
  shiftPeriod,
  trend,
} from '../../src/shared/indicatorRules';

describe('attainment', () => {
  it('higher is better: met at or above the target, close within 2 percentage points', () => {
    expect(CLOSE_MARGIN.percentPoints).toBe(2);
    expect(attainment(95, 95, 'up', 'percent')).toBe('met');
    expect(attainment(99.1, 95, 'up', 'percent')).toBe('met');
    expect(attainment(94.99, 95, 'up', 'percent')).toBe('close');
    expect(attainment(93, 95, 'up', 'percent')).toBe('close');
    expect(attainment(92.99, 95, 'up', 'percent')).toBe('missed');
    // Seed 004: 自动履行率 40.98% against 40; 诉前纠纷化解率 27.9% against 30.
    expect(attainment(40.98, 40, 'up', 'percent')).toBe('met');
    expect(attainment(27.9, 30, 'up', 'percent')).toBe('missed');
    expect(attainment(28.1, 30, 'up', 'percent')).toBe('close');
  });

  it('lower is better: met at or below the target, close just above it', () => {
    expect(attainment(8, 8, 'down', 'percent')).toBe('met');
    expect(attainment(6.5, 8, 'down', 'percent')).toBe('met');
    expect(attainment(9.8, 8, 'down', 'percent')).toBe('close');
    expect(attainment(10, 8, 'down', 'percent')).toBe('close');
    expect(attainment(10.01, 8, 'down', 'percent')).toBe('missed');
    expect(attainment(1.5, 1.5, 'down', 'percent')).toBe('met');
    expect(attainment(3.6, 1.5, 'down', 'percent')).toBe('missed');
  });

  it('counts and days: 5% of the target, at least 1; yuan: 5% of the target', () => {
    expect(closeMargin(0, 'cases')).toBe(1);
    expect(closeMargin(200, 'cases')).toBe(10);
    expect(closeMargin(10, 'days')).toBe(1);
    expect(closeMargin(1000, 'yuan')).toBe(50);
    expect(attainment(0, 0, 'down', 'cases')).toBe('met');
    expect(attainment(1, 0, 'down', 'cases')).toBe('close');
    expect(attainment(2, 0, 'down', 'cases')).toBe('missed');
    expect(attainment(45, 50, 'down', 'days')).toBe('met');
    expect(attainment(52, 50, 'down', 'days')).toBe('close');
    expect(attainment(53, 50, 'down', 'days')).toBe('missed');
    expect(attainment(190, 200, 'up', 'cases')).toBe('close');
    expect(attainment(189, 200, 'up', 'cases')).toBe('missed');
    expect(attainment(950, 1000, 'up', 'yuan')).toBe('close');
    expect(attainment(949, 1000, 'up', 'yuan')).toBe('missed');
  });

  it('is not judged without a target', () => {
    expect(attainment(50, null, 'up', 'percent')).toBeNull();
  });
});

describe('trend', () => {
  it('respects direction', () => {
    expect(trend(90, 92, 'up')).toBe('better');
    expect(trend(92, 90, 'up')).toBe('worse');
    expect(trend(8, 7, 'down')).toBe('better');
    expect(trend(7, 8, 'down')).toBe('worse');
    expect(trend(0.1 + 0.2, 0.3, 'up')).toBe('same');
    expect(trend(null, 5, 'up')).toBeNull();
    expect(trend(5, null, 'down')).toBeNull();
  });
});

describe('periods', () => {
  it('finds the month or quarter of a date', () => {
    expect(periodOf('2026-03-15', 'monthly')).toBe('2026-03');
    expect(periodOf('2026-03-31', 'quarterly')).toBe('2026-Q1');
    expect(periodOf('2026-04-01', 'quarterly')).toBe('2026-Q2');
    expect(periodOf('2026-12-31', 'quarterly')).toBe('2026-Q4');
  });

  it('steps back across the year end', () => {
    expect(previousPeriod('2026-03')).toBe('2026-02');
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(previousPeriod('2026-Q2')).toBe('2026-Q1');
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
    expect(shiftPeriod('2025-12', 1)).toBe('2026-01');
    expect(shiftPeriod('2025-Q4', 1)).toBe('2026-Q1');
    expect(shiftPeriod('2026-10', -22)).toBe('2024-12');
  });

  it('finds the same period last year', () => {
    expect(sameLastYear('2026-03')).toBe('2025-03');
    expect(sameLastYear('2026-Q1')).toBe('2025-Q1');
    expect(sameLastYear('2026-12')).toBe('2025-12');
  });

  it('allows the current month or quarter, not a later one', () => {
    expect(periodStart('2026-Q4')).toBe('2026-10-01');
    expect(isFuturePeriod('2026-11', '2026-11-24')).toBe(false);
    expect(isFuturePeriod('2026-11', '2026-11-01')).toBe(false);
    expect(isFuturePeriod('2026-12', '2026-11-30')).toBe(true);
    expect(isFuturePeriod('2026-Q4', '2026-10-01')).toBe(false);
    expect(isFuturePeriod('2027-Q1', '2026-12-31')).toBe(true);
    expect(isFuturePeriod('2027-01', '2026-12-31')).toBe(true);
    expect(isFuturePeriod('2025-12', '2026-01-01')).toBe(false);
  });

  it('tells months from quarters', () => {
    expect(periodMatchesKind('2026-03', 'monthly')).toBe(true);
    expect(periodMatchesKind('2026-03', 'quarterly')).toBe(false);
    expect(periodMatchesKind('2026-Q1', 'quarterly')).toBe(true);
    expect(periodMatchesKind('2026-Q1', 'monthly')).toBe(false);
    expect(periodMatchesKind('2026-13', 'monthly')).toBe(false);
    expect(periodMatchesKind('2026-Q5', 'quarterly')).toBe(false);
  });

  it('names periods as people write them', () => {
    expect(periodLabel('2026-03')).toBe('2026年3月');
    expect(periodLabel('2026-12')).toBe('2026年12月');
    expect(periodLabel('2026-Q1')).toBe('2026年第一季度');
    expect(periodLabel('2025-Q4')).toBe('2025年第四季度');
  });
});
