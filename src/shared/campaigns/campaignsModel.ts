// Campaigns (专项活动) and their section tree, with the progress figures shown on them. Plain data
// that crosses the process boundary: no SQL, no Node types.
import type { EscalationTarget, Owned } from '../common/commonModel';

export const campaignStatuses = ['draft', 'active', 'closed'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

export interface ProgressFigures {
  total: number;
  /** Completed, whether or not signed off yet. */
  done: number;
  signedOff: number;
  overdue: number;
  yellow: number;
  /** Whole percentages, 0-100, rounded down so 99.6% never shows as 100%. */
  percentDone: number;
  percentSignedOff: number;
}

export interface Campaign extends Owned {
  title: string;
  issuingCourtCode: string;
  issuingCourtName: string;
  year: number;
  startDate: string | null;
  endDate: string | null;
  description: string;
  status: CampaignStatus;
  yellowDays: number;
  escalateGreen: EscalationTarget;
  escalateYellow: EscalationTarget;
  escalateRed: EscalationTarget;
  lookbackMonths: number;
  figures: ProgressFigures;
}

export interface Section extends Owned {
  campaignId: string;
  parentId: string | null;
  title: string;
  sortOrder: number;
  /** Official-document numbering by depth: 一、 then （一） then 1. */
  number: string;
  depth: number;
}

export interface CampaignDetail {
  campaign: Campaign;
  /** Depth-first in display order. */
  sections: Section[];
}
