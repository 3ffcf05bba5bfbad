// The roster (应报法院) and reporting completeness (报送情况): plain data crossing the boundary.

export const rosterLevels = ['intermediate', 'basic'] as const;
export type RosterLevel = (typeof rosterLevels)[number];
export const reportingPeriods = ['week', 'month', 'quarter'] as const;
export type ReportingPeriodKind = (typeof reportingPeriods)[number];

/** One court on the roster, with what sync knows of it. */
export interface RosterCourt {
  id: string;
  version: number;
  code: string;
  name: string;
  level: RosterLevel;
  parentCode: string;
  /** The parent's name when known (this court, or another roster court). */
  parentName: string;
  jurisdiction: string;
  /** 已撤并 since (a day), or null. */
  mergedAt: string | null;
  mergedInto: string | null;
  mergedIntoName: string | null;
  addedBy: 'manual' | 'import' | 'relay';
  /** false when the entry is a superior's (上级法院名单): read-only here. */
  own: boolean;
  /** Whether this court trusts the court's bundles (a fingerprint was checked, or vouched by a relay). */
  trusted: boolean;
  /** Relayed through an intermediate court (its code), or null when direct / unknown. */
  via: string | null;
  lastSeq: number;
  /** When its last report up was written (or received), null when never. */
  lastBundleAt: string | null;
  ageDays: number | null;
  missingSeq: number | null;
  auditAlert: { message: string; at: string } | null;
  /** Live checklist items of this court held here. */
  itemCount: number;
  /** Whether any data of this court has been received: such an entry can be merged, not deleted. */
  hasData: boolean;
}

export interface RosterView {
  /** This court's code, name and level; only high and intermediate courts keep a roster. */
  court: { code: string; name: string; level: string };
  /** Whether this court keeps a roster at all (not a basic court). */
  keepsRoster: boolean;
  /** Whether the caller may change it (admin or reviewer). */
  canEdit: boolean;
  courts: RosterCourt[];
}

export interface RosterImportRow {
  rowNumber: number;
  code: string;
  name: string;
  /** The level as written in the file, and as understood (null when unknown). */
  levelText: string;
  level: RosterLevel | null;
  parentCode: string;
  jurisdiction: string;
  errors: string[];
}

export interface RosterImport {
  fileName: string;
  rows: RosterImportRow[];
  goodRows: number;
  badRows: number;
  /** null for a preview. */
  written: number | null;
}

export interface RosterTemplate {
  fileName: string;
  dataBase64: string;
}

export interface ReportingRulesView {
  campaignId: string;
  period: ReportingPeriodKind;
  dueDays: number;
  staleDays: number;
  laggardRule: 'bottom' | 'below';
  laggardCount: number;
  laggardBelow: number;
  /** false while the defaults apply. */
  saved: boolean;
  canEdit: boolean;
}

/** A reporting period: 2026-11 (month), 2026-Q4 (quarter), or the Monday of a week (2026-11-23). */
export interface ReportingPeriod {
  key: string;
  kind: ReportingPeriodKind;
  /** First and last day, inclusive. */
  start: string;
  end: string;
  /** The last day a report still counts as on time (end + due days). */
  dueDate: string;
  /** Whether the due date has passed (today > dueDate). */
  due: boolean;
}

/** on_time / late / missing, or pending: not yet due and nothing yet (未到期). */
export type ReportingState = 'on_time' | 'late' | 'missing' | 'pending';

export interface ReportingCourt {
  code: string;
  name: string;
  level: RosterLevel;
  parentCode: string;
  jurisdiction: string;
  mergedAt: string | null;
  mergedInto: string | null;
  lastBundleAt: string | null;
  /** The first report up created in the reporting window, or after it when late. */
  reportedAt: string | null;
  state: ReportingState;
  stale: boolean;
  /** Never sent a bundle at all (shown in red, with words). */
  never: boolean;
  relayedBy: string | null;
}

export interface ReportingCounts {
  expected: number;
  reported: number;
  onTime: number;
  late: number;
  missing: number;
  pending: number;
  stale: number;
  /** 已报 / 应报 in percent (one decimal), null when nothing is expected. */
  rate: number | null;
  onTimeRate: number | null;
}

export interface ReportingGroup {
  /** The intermediate court heading the jurisdiction, or this court for its direct courts. */
  code: string;
  name: string;
  courts: ReportingCourt[];
  counts: ReportingCounts;
}

export interface ReportingReport {
  campaignId: string;
  rules: ReportingRulesView;
  period: ReportingPeriod;
  /** Recent periods to choose from, newest first (the current one first). */
  periods: ReportingPeriod[];
  today: string;
  groups: ReportingGroup[];
  /** Courts merged away, shown greyed with their history; not counted. */
  merged: ReportingCourt[];
  total: ReportingCounts;
}
