// Pure rules shared by the main process (figures, lists) and the renderer (instant feedback):
// traffic lights and official-document numbering. No I/O here.
import type { ItemStatus, Light, ProgressFigures } from './model';

export function isDone(status: ItemStatus): boolean {
  return status === 'completed' || status === 'signed_off';
}

/** YYYY-MM-DD plus a number of days, in UTC so no time zone shifts the date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The one deadline rule behind every traffic light (checklist items, ledger measures,
 * look-backs): green when done or on track, yellow within `yellowDays` of the deadline, red once
 * past it, none without a deadline. Returns a judge for one day and one warning window: ISO
 * dates compare as strings, so judging thousands of records parses no dates.
 */
export function deadlineRule(today: string, yellowDays: number): (done: boolean, deadline: string | null) => Light {
  const yellowUntil = addDays(today, yellowDays);
  return (done, deadline) => {
    if (done) return 'green';
    if (!deadline) return 'none';
    if (deadline < today) return 'red';
    if (deadline <= yellowUntil) return 'yellow';
    return 'green';
  };
}

/** Judges records of several campaigns, each with its own warning window, on one day. */
export function deadlineJudge(today: string): (yellowDays: number, done: boolean, deadline: string | null) => Light {
  const rules = new Map<number, ReturnType<typeof deadlineRule>>();
  return (yellowDays, done, deadline) => {
    let rule = rules.get(yellowDays);
    if (!rule) rules.set(yellowDays, (rule = deadlineRule(today, yellowDays)));
    return rule(done, deadline);
  };
}

/** A checklist item's light. "Late but done" is kept separately (completedLate). */
export function lightRule(today: string, yellowDays: number): (status: ItemStatus, deadline: string | null) => Light {
  const judge = deadlineRule(today, yellowDays);
  return (status, deadline) => judge(isDone(status), deadline);
}

export function lightFor(status: ItemStatus, deadline: string | null, today: string, yellowDays: number): Light {
  return lightRule(today, yellowDays)(status, deadline);
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 38 → 三十八 (enough for section counts). */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}

/** Section numbering by depth, as in official documents: 一、 （一） 1. （1） */
export function sectionNumber(depth: number, position: number): string {
  switch (depth) {
    case 0:
      return `${chineseNumeral(position)}、`;
    case 1:
      return `（${chineseNumeral(position)}）`;
    case 2:
      return `${position}.`;
    default:
      return `（${position}）`;
  }
}

export function emptyFigures(): ProgressFigures {
  return { total: 0, done: 0, signedOff: 0, overdue: 0, yellow: 0, percentDone: 0, percentSignedOff: 0 };
}

export function addToFigures(figures: ProgressFigures, status: ItemStatus, light: Light): void {
  figures.total += 1;
  if (isDone(status)) figures.done += 1;
  if (status === 'signed_off') figures.signedOff += 1;
  if (light === 'red') figures.overdue += 1;
  if (light === 'yellow') figures.yellow += 1;
}

export function finishFigures(figures: ProgressFigures): ProgressFigures {
  const percent = (part: number) => (figures.total === 0 ? 0 : Math.floor((part * 100) / figures.total));
  figures.percentDone = percent(figures.done);
  figures.percentSignedOff = percent(figures.signedOff);
  return figures;
}

/** What a deadline being typed deserves before it is saved; the API applies the same rule. */
export interface DeadlineCheck {
  /** Before today: allowed only with a reason (stored as a deadline change). */
  past: boolean;
  /** Outside the campaign's start/end dates: accepted, but the form warns. */
  outsideCampaign: boolean;
  /** The warning lines to show, in order; empty when nothing is odd. */
  warnings: string[];
}

export function checkDeadline(
  deadline: string | null | undefined,
  today: string,
  campaign: { startDate: string | null; endDate: string | null },
): DeadlineCheck {
  const result: DeadlineCheck = { past: false, outsideCampaign: false, warnings: [] };
  if (!deadline) return result;
  if (deadline < today) {
    result.past = true;
    result.warnings.push('完成时限早于今天，请写明理由（将记入延期记录）。');
  }
  const { startDate, endDate } = campaign;
  if ((startDate && deadline < startDate) || (endDate && deadline > endDate)) {
    result.outsideCampaign = true;
    const span = `${startDate ?? '…'} 至 ${endDate ?? '…'}`;
    result.warnings.push(`完成时限不在本专项活动的起止日期（${span}）之内，请确认无误。`);
  }
  return result;
}
