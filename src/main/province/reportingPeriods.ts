// Reporting periods (报送期间): a week (Monday to Sunday, keyed by its Monday, 2026-11-23), a month
// (2026-11) or a quarter (2026-Q4), in local days. A period's reports are due by its last day plus
// the campaign's due days.
import dayjs, { type Dayjs } from 'dayjs';
import type { ReportingPeriod, ReportingPeriodKind } from '../../shared/province/rosterModel';
import { ApiError } from '../api/errors';

const DAY = 'YYYY-MM-DD';

function startOf(kind: ReportingPeriodKind, day: Dayjs): Dayjs {
  if (kind === 'week') return day.subtract((day.day() + 6) % 7, 'day').startOf('day');
  if (kind === 'month') return day.startOf('month');
  return day.startOf('year').month(Math.floor(day.month() / 3) * 3);
}

function keyOf(kind: ReportingPeriodKind, start: Dayjs): string {
  if (kind === 'week') return start.format(DAY);
  if (kind === 'month') return start.format('YYYY-MM');
  return `${start.year()}-Q${Math.floor(start.month() / 3) + 1}`;
}

function build(kind: ReportingPeriodKind, start: Dayjs, dueDays: number, today: string): ReportingPeriod {
  const next = kind === 'week' ? start.add(7, 'day') : start.add(kind === 'month' ? 1 : 3, 'month');
  const end = next.subtract(1, 'day');
  const dueDate = end.add(dueDays, 'day').format(DAY);
  return {
    key: keyOf(kind, start),
    kind,
    start: start.format(DAY),
    end: end.format(DAY),
    dueDate,
    due: today > dueDate,
  };
}

/** The period that contains `today`. */
export function currentPeriod(kind: ReportingPeriodKind, dueDays: number, today: string): ReportingPeriod {
  return build(kind, startOf(kind, dayjs(today)), dueDays, today);
}

/** The current period and the `count - 1` before it, newest first. */
export function recentPeriods(
  kind: ReportingPeriodKind,
  dueDays: number,
  today: string,
  count: number,
): ReportingPeriod[] {
  const periods: ReportingPeriod[] = [];
  let start = startOf(kind, dayjs(today));
  for (let i = 0; i < count; i++) {
    periods.push(build(kind, start, dueDays, today));
    start = startOf(kind, start.subtract(1, 'day'));
  }
  return periods;
}

/** The period a key names, refused when it is not of the campaign's kind or lies in the future. */
export function periodOfKey(kind: ReportingPeriodKind, key: string, dueDays: number, today: string): ReportingPeriod {
  let start: Dayjs | null = null;
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  const week = /^\d{4}-\d{2}-\d{2}$/.test(key) ? dayjs(key, DAY) : null;
  if (kind === 'month' && month) start = dayjs(`${month[1]}-${month[2]}-01`);
  if (kind === 'quarter' && quarter)
    start = dayjs(`${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}-01`);
  if (kind === 'week' && week?.isValid() && week.day() === 1 && week.format(DAY) === key) start = week;
  if (!start || !start.isValid())
    throw new ApiError('E_INVALID', '所选报送期间与本活动的报送周期不一致，请重新选择。', { period: '期间不正确' });
  if (start.format(DAY) > today)
    throw new ApiError('E_INVALID', '不能选择尚未开始的报送期间。', { period: '期间尚未开始' });
  return build(kind, start, dueDays, today);
}
