// The higher court's board of subordinate courts. Plain data that crosses the process boundary.
import type { Light } from '../common/commonModel';

export interface ProvinceCell {
  total: number;
  completed: number;
  overdue: number;
  completionRate: number | null;
}

export interface ProvinceCourtRow {
  code: string;
  name: string;
  level: string;
  parentCode: string;
  /** 1 = furthest behind (后进 first). */
  rank: number;
  totals: ProvinceCell;
  /** One per column of ProvinceBoard.sections, in the same order. */
  cells: ProvinceCell[];
  lastBundleAt: string | null;
  bundleAgeDays: number | null;
  /** Bundle age against the subordinates page's thresholds (over 30 days yellow, over 60 red). */
  bundleLight: Light;
}

/** The higher court's matrix of subordinate courts × the campaign's sections. */
export interface ProvinceBoard {
  campaignId: string;
  campaignTitle: string;
  today: string;
  sections: Array<{ id: string | null; title: string }>;
  courts: ProvinceCourtRow[];
}
