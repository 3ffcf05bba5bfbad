// The rectification ledger (整改台账): findings, measures, their events, evidence and look-backs
// (回头看), and the closure figures. Plain data that crosses the process boundary.
import type { Light, LightSpan, Owned } from '../common/commonModel';

export const ledgerSources = [
  'inspection_feedback',
  'audit_supervision',
  'self_inspection',
  'superior_notice',
  'petition',
  'problem_lead',
] as const;
export type LedgerSource = (typeof ledgerSources)[number];

export const measureStatuses = [
  'identified',
  'in_progress',
  'submitted',
  'signed_off',
  'lookback_passed',
  'returned',
  'reopened',
] as const;
export type MeasureStatus = (typeof measureStatuses)[number];

export type LedgerEventKind = 'progress' | 'submit' | 'sign_off' | 'send_back' | 'lookback_pass' | 'lookback_relapse';

export const ledgerEvidencePhases = ['before', 'after', 'lookback'] as const;
export type LedgerEvidencePhase = (typeof ledgerEvidencePhases)[number];

export type LookbackStatus = 'scheduled' | 'passed' | 'relapsed';

export interface LedgerFinding extends Owned {
  campaignId: string;
  source: LedgerSource;
  reference: string;
  title: string;
  detail: string;
  receivedDate: string | null;
  departmentId: string | null;
  departmentName: string;
  claimId: string | null;
  sortOrder: number;
  /** 序号 within the campaign's ledger. */
  number: number;
  /** Every measure that is not long-term is signed off (or passed look-back). */
  closed: boolean;
  measureCount: number;
}

export interface LedgerMeasure extends Owned {
  findingId: string;
  campaignId: string;
  text: string;
  owner: string;
  leadLeader: string;
  departmentId: string | null;
  departmentName: string;
  deadline: string | null;
  longTerm: boolean;
  status: MeasureStatus;
  completedAt: string | null;
  completedLate: boolean;
  signedOffAt: string | null;
  signedOffBy: string;
  sortOrder: number;
  light: Light;
  /** Ever shown red (from the light history), even if done now. */
  wasRed: boolean;
  /** Whom the current colour is escalated to, by the campaign's rules, resolved to a name. */
  escalateTo: string;
  evidenceCount: number;
  /** The next scheduled look-back date, if any. */
  nextLookback: string | null;
}

/** One ledger table row: a measure with its finding (or a finding with no measure yet). */
export interface LedgerRow {
  finding: LedgerFinding;
  measure: LedgerMeasure | null;
}

export interface LedgerEvent extends Owned {
  measureId: string;
  kind: LedgerEventKind;
  eventDate: string;
  actor: string;
  text: string;
}

export interface LedgerEvidence extends Owned {
  measureId: string;
  lookbackId: string | null;
  phase: LedgerEvidencePhase;
  sha256: string;
  originalName: string;
  size: number;
  mimeType: string;
  /** What the file's bytes were found to be when stored ('' before 0008); see evidenceKinds.ts. */
  detectedType: string;
}

export interface Lookback extends Owned {
  measureId: string;
  dueDate: string;
  status: LookbackStatus;
  checkedAt: string | null;
  checker: string;
  note: string;
  light: Light;
}

export interface LookbackRow extends Lookback {
  campaignId: string;
  campaignTitle: string;
  findingTitle: string;
  measureText: string;
  owner: string;
  departmentName: string;
}

export interface MeasureDetail extends LedgerMeasure {
  finding: LedgerFinding;
  events: LedgerEvent[];
  evidence: LedgerEvidence[];
  lookbacks: Lookback[];
  lightHistory: LightSpan[];
}

export interface FindingDetail extends LedgerFinding {
  measures: LedgerMeasure[];
}

export interface ClosureFigure {
  /** 受理/发现 */
  total: number;
  /** 办结: every non-long-term measure signed off. */
  closed: number;
  /** Findings whose only open measures are long-term (长期整改), counted apart. */
  longTerm: number;
  open: number;
  /** 办结率 with one decimal, e.g. 99.8; never 100.0 unless all closed. null when total is 0. */
  rate: number | null;
}

export interface LedgerClosure {
  campaignId: string;
  overall: ClosureFigure;
  bySource: Array<ClosureFigure & { source: LedgerSource }>;
  /** Per finding: its measures closed of total. */
  byFinding: Array<{
    findingId: string;
    number: number;
    title: string;
    source: LedgerSource;
    measures: number;
    closedMeasures: number;
    longTermMeasures: number;
    closed: boolean;
  }>;
}
