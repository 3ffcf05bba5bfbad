// Self-inspection (问题查摆): the problem catalogue, reports, their rounds and the evasion checks.
// Plain data that crosses the process boundary.
import type { Owned } from '../common/commonModel';

export interface Problem extends Owned {
  campaignId: string;
  aspectId: string;
  title: string;
  description: string;
  sortOrder: number;
  /** 1-based across the whole catalogue, as in "38 个问题". */
  number: number;
}

export interface ProblemAspect extends Owned {
  campaignId: string;
  title: string;
  sortOrder: number;
  /** 一、 二、 … */
  number: string;
  problems: Problem[];
}

export interface ProblemCatalogue {
  campaignId: string;
  aspects: ProblemAspect[];
  problemCount: number;
}

export const inspectionScopes = ['person', 'department'] as const;
export type InspectionScope = (typeof inspectionScopes)[number];

export const inspectionStatuses = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type InspectionStatus = (typeof inspectionStatuses)[number];

export interface InspectionClaim extends Owned {
  reportId: string;
  /** A catalogue problem, or null for one the filer found themselves (ownProblem). */
  problemId: string | null;
  problemTitle: string;
  ownProblem: string;
  /** 具体事实: who, which case or event. */
  facts: string;
  cause: string;
  measures: string;
  deadline: string | null;
  sortOrder: number;
  /** The ledger finding created from this claim, if any. */
  findingId: string | null;
}

export interface InspectionReportSummary extends Owned {
  campaignId: string;
  scope: InspectionScope;
  personId: string | null;
  departmentId: string | null;
  departmentName: string;
  subjectName: string;
  status: InspectionStatus;
  round: number;
  noProblem: boolean;
  noProblemReason: string;
  claimCount: number;
  submittedAt: string | null;
  submittedByName: string;
  decidedAt: string | null;
  reviewer: string;
  /** The reviewer's reason when returned (退回重填), or opinion when accepted. */
  reviewNote: string;
}

/** A submission as it was sent, frozen. */
export interface InspectionRound extends Owned {
  reportId: string;
  round: number;
  submittedAt: string;
  submittedByName: string;
  noProblem: boolean;
  noProblemReason: string;
  claims: Array<
    Pick<InspectionClaim, 'problemId' | 'problemTitle' | 'ownProblem' | 'facts' | 'cause' | 'measures' | 'deadline'>
  >;
  decision: 'accepted' | 'returned' | null;
  decidedAt: string | null;
  reviewer: string;
  reason: string;
}

export interface InspectionReportDetail extends InspectionReportSummary {
  claims: InspectionClaim[];
  /** Oldest first. */
  rounds: InspectionRound[];
}

export type EvasionKind = 'no_facts' | 'short_facts' | 'copied_within' | 'copied_between' | 'vague_no_problem';

export interface EvasionFinding {
  kind: EvasionKind;
  reportId: string;
  claimId: string | null;
  /** The other report (or claim) the text was copied from or to. */
  otherReportId: string | null;
  otherClaimId: string | null;
  /** Plain Chinese for the reviewer. */
  message: string;
}

export interface EvasionChecks {
  campaignId: string;
  findings: EvasionFinding[];
  /** Catalogue problems no submitted or accepted report claims. */
  unclaimedProblems: Array<{ problemId: string; number: number; title: string; aspectTitle: string }>;
  /** People (and departments) with no report, or only a draft. */
  notFiled: Array<{
    scope: InspectionScope;
    id: string;
    name: string;
    departmentName: string;
    status: 'none' | 'draft' | 'returned';
  }>;
}
