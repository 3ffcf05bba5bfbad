// Plain data objects that cross the process boundary. No SQL, no Node types.

export type CourtLevel = 'high' | 'intermediate' | 'basic';
export type CampaignStatus = 'draft' | 'active' | 'closed';
export type ItemKind = 'mandatory' | 'own';
export type Frequency = 'once' | 'monthly' | 'quarterly';
export type ItemStatus = 'not_started' | 'in_progress' | 'completed' | 'signed_off' | 'returned';
/** Traffic light: green on track (or done), yellow due soon, red overdue, none without deadline. */
export type Light = 'green' | 'yellow' | 'red' | 'none';

export interface AppInfo {
  appVersion: string;
  schemaVersion: number;
  dataDir: string;
  today: string;
}

export interface CourtProfile {
  code: string;
  name: string;
  level: CourtLevel;
  parentCode: string | null;
  parentName: string | null;
  operatorName: string;
}

interface Owned {
  id: string;
  origin: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Department extends Owned {
  name: string;
  sortOrder: number;
}

export interface Person extends Owned {
  name: string;
  title: string;
  departmentId: string | null;
}

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

export interface ItemRow extends Owned {
  campaignId: string;
  sectionId: string | null;
  /** 序号: position in the whole checklist, 1-based, in display order. */
  number: number;
  sortOrder: number;
  title: string;
  content: string;
  kind: ItemKind;
  leadLeader: string;
  departmentId: string | null;
  departmentName: string;
  owner: string;
  deadline: string | null;
  frequency: Frequency;
  status: ItemStatus;
  percent: number;
  light: Light;
  /** Finished after its deadline: shown as 逾期完成 even once green. */
  completedLate: boolean;
  completedAt: string | null;
  evidenceCount: number;
  noteCount: number;
}

export interface ProgressNote extends Owned {
  itemId: string;
  noteDate: string;
  author: string;
  text: string;
  percent: number | null;
}

export interface Evidence extends Owned {
  itemId: string;
  sha256: string;
  originalName: string;
  size: number;
  mimeType: string;
}

export type SignoffDecision = 'approved' | 'returned' | 'reopened';
export interface Signoff extends Owned {
  itemId: string;
  reviewer: string;
  decidedAt: string;
  decision: SignoffDecision;
  opinion: string;
}

export interface ItemDetail extends ItemRow {
  notes: ProgressNote[];
  evidence: Evidence[];
  signoffs: Signoff[];
}

export interface CampaignProgress {
  overall: ProgressFigures;
  bySection: Array<ProgressFigures & { sectionId: string | null; number: string; title: string; depth: number }>;
  byDepartment: Array<ProgressFigures & { departmentId: string | null; name: string }>;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  court: string;
  operation: string;
  tableName: string;
  rowId: string;
  before: unknown;
  after: unknown;
  hash: string;
}

export interface AuditProblem {
  seq: number;
  kind: 'edited' | 'inserted' | 'deleted' | 'head';
  message: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  problems: AuditProblem[];
}

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';
export interface JobStatus {
  id: string;
  kind: string;
  state: JobState;
  done: number;
  total: number;
  /** What is happening now, in Chinese, for the progress bar's caption. */
  message: string;
  error: string | null;
}
