// Shapes of the demo data set. The data files describe *what* a campaign looks like and *how far*
// each item has got (a plan relative to "today"); demoData.ts turns plans into dated rows.
import type { Frequency, ItemKind } from '../../shared/model';
import type { DeptKey, PersonKey } from './demoOrg';

/**
 * Where an item stands today. `due` is the deadline in days from today (negative = past).
 * - signed / done: finished on time; signed off, or still waiting for the reviewer.
 * - signedLate / doneLate: finished `late` days after the deadline (逾期完成).
 * - returned: finished, then sent back by the reviewer with the reason in `review`.
 * - reworked: sent back once (reason in `review`), redone and then signed off.
 * - progress / dueSoon / overdue: under way at `pct` percent (green, yellow, red light).
 * - notStarted: nothing done yet.
 * - ongoing: a monthly or quarterly standing task; its deadline is the end of the current period.
 */
export type Plan =
  | { s: 'signed' | 'done'; due: number }
  | { s: 'signedLate' | 'doneLate'; due: number; late: number }
  | { s: 'returned' | 'reworked'; due: number }
  | { s: 'progress' | 'dueSoon' | 'overdue'; due: number; pct: number }
  | { s: 'notStarted'; due: number }
  | { s: 'ongoing'; pct?: number };

export const signed = (due: number): Plan => ({ s: 'signed', due });
export const done = (due: number): Plan => ({ s: 'done', due });
export const signedLate = (due: number, late: number): Plan => ({ s: 'signedLate', due, late });
export const doneLate = (due: number, late: number): Plan => ({ s: 'doneLate', due, late });
export const returned = (due: number): Plan => ({ s: 'returned', due });
export const reworked = (due: number): Plan => ({ s: 'reworked', due });
export const progress = (due: number, pct: number): Plan => ({ s: 'progress', due, pct });
export const dueSoon = (due: number, pct: number): Plan => ({ s: 'dueSoon', due, pct });
export const overdue = (due: number, pct: number): Plan => ({ s: 'overdue', due, pct });
export const notStarted = (due: number): Plan => ({ s: 'notStarted', due });
export const ongoing = (pct?: number): Plan => ({ s: 'ongoing', pct });

export interface DemoItem {
  title: string;
  content: string;
  kind: ItemKind;
  /** 牵头院领导 */
  lead: PersonKey;
  /** 责任部门 */
  dept: DeptKey;
  /** 责任人; the department's head when left out. */
  owner?: PersonKey;
  frequency?: Frequency;
  plan: Plan;
  /**
   * Progress notes, oldest first. For a finished item the last one is the completion report.
   * In monthly or quarterly items `{月}` becomes the note's month (十月) and `{季}` its quarter (第三季度).
   */
  notes: string[];
  /** Sign-off opinion, or the reason for sending back (returned, reworked). */
  review?: string;
}

export interface DemoSection {
  title: string;
  items?: DemoItem[];
  children?: DemoSection[];
}

export interface DemoCampaign {
  title: string;
  /** 'higher': issued by the high court below; 'self': this court's own campaign. */
  issuer: { kind: 'higher'; code: string; name: string } | { kind: 'self' };
  description: string;
  /** The campaign began on the first day of the month this many months before today. */
  monthsBack: number;
  /** The reviewer (审核人) who signs items off. */
  reviewer: PersonKey;
  sections: DemoSection[];
}

/** A demo timestamp: a date at a time of the working day, China time. */
export const demoTime = (date: string, hhmm: string) => `${date}T${hhmm}:00+08:00`;
