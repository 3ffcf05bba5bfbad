// Boards (挂图作战): the court's own board and one campaign's. Plain data that crosses the process
// boundary.
import type { Light } from '../common/commonModel';
import type { IndicatorRow } from '../indicators/indicatorsModel';
import type { WorkEntry } from '../work/workModel';

/** Counts of a group of checklist items; lights are those of open items. */
export interface BoardCounts {
  total: number;
  completed: number;
  open: number;
  overdue: number;
  red: number;
  yellow: number;
  green: number;
  /** completed / total, 0–1; null when there are no items. */
  completionRate: number | null;
}

export interface DueItem {
  id: string;
  campaignId: string;
  campaignTitle: string;
  number: string;
  title: string;
  deadline: string;
  owner: string;
  departmentName: string;
  light: Light;
  /** Why a reviewer sent it back (退回理由), while it waits to be revised; else null. */
  returnReason: string | null;
}

export interface CourtBoardCampaign {
  id: string;
  title: string;
  endDate: string | null;
  items: BoardCounts;
  dueThisWeek: number;
  /** Rectification ledger closure; null when the campaign has no findings here. */
  ledger: {
    findings: number;
    closedFindings: number;
    measures: number;
    closedMeasures: number;
    closureRate: number | null;
  } | null;
  /** Self-inspection reports by state. */
  inspection: { total: number; draft: number; submitted: number; returned: number; accepted: number };
  /** Latest values against target. */
  indicators: { total: number; met: number; close: number; missed: number; noValue: number };
}

/** The court's own board (本院挂图): every active campaign at a glance. */
export interface CourtBoard {
  today: string;
  campaigns: CourtBoardCampaign[];
  /** Open items due within the next 7 days (and today), soonest first. */
  dueThisWeek: DueItem[];
  myWork: WorkEntry[];
}

export interface CampaignBoard {
  campaignId: string;
  courtCode: string;
  today: string;
  totals: BoardCounts;
  bySection: Array<BoardCounts & { sectionId: string | null; title: string }>;
  byDepartment: Array<BoardCounts & { departmentId: string | null; name: string }>;
  /** Open items at the end of each day (weekly once the span is long), from the first item to today. */
  burnDown: Array<{ date: string; open: number; ideal: number | null }>;
  indicators: IndicatorRow[];
}
