// The higher court's board of subordinate courts. Plain data that crosses the process boundary.
import type { Light } from '../common/commonModel';

export interface ProvinceCell {
  total: number;
  completed: number;
  /** Open items past their deadline: the red lights. */
  overdue: number;
  completionRate: number | null;
  /** Open items due within the campaign's warning window (yellow) or later (green). */
  yellow: number;
  green: number;
}

/** A court's (or a group's) figures at the end of the previous reporting period, from item timestamps. */
export interface ProvincePrevious {
  total: number;
  completed: number;
  overdue: number;
  completionRate: number | null;
}

/**
 * Where a court stands in the ranking: 'ranked' (current data, has items), 'stale' (last bundle
 * older than the campaign's stale threshold: not ranked), 'missing' (on the roster, nothing
 * received: 未报送), 'empty' (reported, but no items of this campaign).
 */
export type ProvinceStanding = 'ranked' | 'stale' | 'missing' | 'empty';

export interface ProvinceCourtRow {
  code: string;
  name: string;
  level: string;
  parentCode: string;
  /** The intermediate jurisdiction the court counts under (an intermediate court's own code). */
  jurisdiction: string;
  /** 1 = the best court among the current ones; null for stale, missing and empty courts. */
  rank: number | null;
  standing: ProvinceStanding;
  /** On the roster (应报法院); false for a court whose data arrived but that is not listed. */
  onRoster: boolean;
  /** 后进 by the campaign's one rule (bottom N or below X %), among the ranked courts. */
  laggard: boolean;
  totals: ProvinceCell;
  /** One per column of ProvinceBoard.sections, in the same order. */
  cells: ProvinceCell[];
  previous: ProvincePrevious;
  lastBundleAt: string | null;
  bundleAgeDays: number | null;
  /** Bundle age against the subordinates page's thresholds (over 30 days yellow, over 60 red). */
  bundleLight: Light;
  /** 督办单 of this campaign this court issued to that court (not withdrawn). */
  orderCount: number;
  /** Of those, the ones overdue now (not closed, no reply sent, reply deadline passed). */
  overdueOrderCount: number;
  /** 批评 naming that court in issued 通报 of this campaign. */
  criticismCount: number;
}

/** A subtotal: one intermediate jurisdiction (the intermediate court and its basic courts), or the whole. */
export interface ProvinceGroup {
  /** The intermediate court's code; '' for the courts directly under this court; '*' for the total. */
  code: string;
  name: string;
  courtCount: number;
  /** Courts whose last bundle is within the stale threshold. */
  currentCount: number;
  /** currentCount / courtCount (null without courts). */
  reportingRate: number | null;
  totals: ProvinceCell;
  cells: ProvinceCell[];
  previous: ProvincePrevious;
}

export interface ProvinceRules {
  period: 'week' | 'month' | 'quarter';
  staleDays: number;
  laggardRule: 'bottom' | 'below';
  laggardCount: number;
  laggardBelow: number;
}

/** The higher court's matrix of subordinate courts × the campaign's sections. */
export interface ProvinceBoard {
  campaignId: string;
  campaignTitle: string;
  today: string;
  /** This court's level ('high', 'intermediate', 'basic'). */
  level: string;
  sections: Array<{ id: string | null; title: string }>;
  /** Ranked courts first (rank 1 = best), then stale, empty and missing ones. */
  courts: ProvinceCourtRow[];
  /** Whether the list comes from the roster (false: no roster yet, the courts known from sync). */
  fromRoster: boolean;
  /** This court's own items as one row (not ranked). */
  own: ProvinceGroup;
  /** One per intermediate jurisdiction, in code order. */
  jurisdictions: ProvinceGroup[];
  /** Every subordinate court plus this court's own items. */
  total: ProvinceGroup;
  rules: ProvinceRules;
  /** The previous reporting period the ↑↓ compare with: its first and last day. */
  previousPeriod: { start: string; end: string };
  laggardCount: number;
}
