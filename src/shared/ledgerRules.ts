// Pure rules of the rectification ledger (整改台账), shared by the main process (lists, figures,
// refusals) and the renderer (which buttons to show, how a rate reads): measure and look-back
// lights, what counts as done or closed, and the closure rate (办结率). No I/O here; the Chinese
// state names are UI text and live with the screens.
import { deadlineRule } from './checklistRules';
import type { Light, LookbackStatus, MeasureStatus } from './model';

/** The work is finished as far as the owner is concerned: submitted, signed off, or re-checked. */
export function isMeasureDone(status: MeasureStatus): boolean {
  return status === 'submitted' || status === 'signed_off' || status === 'lookback_passed';
}

/** Closed for the closure figures (办结): signed off (对账销号), possibly re-checked since. */
export function isMeasureClosed(status: MeasureStatus): boolean {
  return status === 'signed_off' || status === 'lookback_passed';
}

/** How a reviewer's 重新打开 of a signed-off measure reads in its events (kept as a send-back event). */
export const REOPENED_PREFIX = '重新打开：';

/** States from which the owner may submit a measure for sign-off. */
export const SUBMITTABLE: readonly MeasureStatus[] = ['identified', 'in_progress', 'returned', 'reopened'];
/** States that still take progress notes (signed-off work is reopened only by a look-back). */
export const TAKES_PROGRESS: readonly MeasureStatus[] = [
  'identified',
  'in_progress',
  'returned',
  'reopened',
  'submitted',
];

/**
 * Long-term measures (长期整改) stay open by design: they take progress notes but are never
 * submitted for sign-off, so they cannot be counted as closed by accident. To close one, first
 * clear its long-term mark.
 */
export function canSubmitMeasure(status: MeasureStatus, longTerm: boolean): boolean {
  return !longTerm && SUBMITTABLE.includes(status);
}

/** A measure's light: the checklist's deadline rule, with handing the work in counting as done. */
export function measureLightRule(
  today: string,
  yellowDays: number,
): (status: MeasureStatus, deadline: string | null) => Light {
  const judge = deadlineRule(today, yellowDays);
  return (status, deadline) => judge(isMeasureDone(status), deadline);
}

/** A scheduled look-back is red once its due date has passed, yellow within `yellowDays`. */
export function lookbackLightRule(
  today: string,
  yellowDays: number,
): (status: LookbackStatus, dueDate: string) => Light {
  const judge = deadlineRule(today, yellowDays);
  return (status, dueDate) => judge(status !== 'scheduled', dueDate);
}

export type FindingClosure = 'closed' | 'longTerm' | 'open';

/**
 * Where a finding stands for the closure figures. Open: no measure yet, or a measure that is not
 * long-term is not signed off. Long-term: otherwise, while a long-term measure is still open.
 * Closed: every measure signed off.
 */
export function findingClosure(measures: ReadonlyArray<{ status: MeasureStatus; longTerm: boolean }>): FindingClosure {
  if (measures.length === 0) return 'open';
  let longTermOpen = false;
  for (const measure of measures) {
    if (isMeasureClosed(measure.status)) continue;
    if (!measure.longTerm) return 'open';
    longTermOpen = true;
  }
  return longTermOpen ? 'longTerm' : 'closed';
}

/**
 * 办结率 in percent with one decimal, rounded half up (450 of 451 → 99.8; 7 of 8 → 87.5), but
 * never 100.0 while anything is left (99.96% reads 99.9); null when there is nothing to count.
 * Integer arithmetic, so no floating-point edge rounds the wrong way.
 */
export function closureRate(closed: number, total: number): number | null {
  if (total <= 0) return null;
  let tenths = Math.floor((closed * 2000 + total) / (2 * total));
  if (tenths >= 1000 && closed < total) tenths = 999;
  return tenths / 10;
}

/** 99.8 → "99.8%", 100 → "100.0%", null → "—". */
export function formatClosureRate(rate: number | null): string {
  return rate === null ? '—' : `${rate.toFixed(1)}%`;
}
