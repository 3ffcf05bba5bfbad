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
  /** 部门负责人: the escalation target for yellow lights by default. */
  headName: string;
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
  /**
   * Set on this court's copy of a superior's mandatory item: the issuer's item id. Its title,
   * content, section, order, deadline, frequency and kind follow the issuer and are read-only.
   * (ItemDetail extends ItemRow, so the drawer has it too.)
   */
  sourceItemId: string | null;
  /** Ever shown red (from the light history), even if done or extended since. */
  wasRed: boolean;
  /** Whom the current colour is escalated to, by the campaign's rules, resolved to a name. */
  escalateTo: string;
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
  lightHistory: LightSpan[];
  /** Local user id of whoever marked it complete: they may not sign it off. */
  completedBy: string | null;
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
  /** The audit entry concerned; 0 for problems of the database file or of evidence files. */
  seq: number;
  kind: 'edited' | 'inserted' | 'deleted' | 'head' | 'database' | 'evidence-missing' | 'evidence-damaged';
  message: string;
}

/** The court's integrity check: database file, audit chain, evidence files. */
export interface AuditVerifyResult {
  ok: boolean;
  /** Audit entries checked. */
  checked: number;
  /** Distinct evidence files checked (every one a live record cites). */
  evidenceChecked?: number;
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
  /** Stable code when it failed or was refused, e.g. E_TAMPERED. */
  errorCode?: string | null;
  /** What the work produced, once done. */
  result?: JobResult | null;
}

// ───────────────────────── Accounts and roles ─────────────────────────

/** 管理员: court profile, users, departments. 审核人: reviews reports, signs off. 填报人: records
 * work for their own department. One account may hold several roles. */
export type Role = 'admin' | 'reviewer' | 'filer';

/** Who is logged in, as the renderer sees it. Never carries the password hash. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  departmentId: string | null;
  departmentName: string;
  personId: string | null;
  mustChangePassword: boolean;
}

export interface UserAccount extends SessionUser {
  version: number;
  disabled: boolean;
  /** Locked after repeated failed log-ins until this time (ISO), or null. */
  lockedUntil: string | null;
  failedAttempts: number;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AuthStatus {
  /** The court profile exists (otherwise: the setup wizard). */
  hasProfile: boolean;
  /** At least one account exists (otherwise: create the first administrator). */
  hasUsers: boolean;
  user: SessionUser | null;
}

// ───────────────────────── Traffic-light rules ─────────────────────────

/** Whom a colour is escalated to: the owner, the department head, or the lead court leader. */
export type EscalationTarget = 'owner' | 'department_head' | 'lead_leader';

export interface LightRules {
  yellowDays: number;
  escalateGreen: EscalationTarget;
  escalateYellow: EscalationTarget;
  escalateRed: EscalationTarget;
  /** Months after sign-off when a ledger measure is re-checked (回头看). */
  lookbackMonths: number;
}

export type LightRecordKind = 'item' | 'measure' | 'lookback';

/** One stretch of one colour in a record's history; `until` null while it lasts. */
export interface LightSpan {
  light: 'green' | 'yellow' | 'red';
  since: string;
  until: string | null;
}

// ───────────────────────── Self-inspection (问题查摆) ─────────────────────────

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

export type InspectionScope = 'person' | 'department';
export type InspectionStatus = 'draft' | 'submitted' | 'returned' | 'accepted';

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

// ───────────────────────── Rectification ledger (整改台账) ─────────────────────────

export type LedgerSource =
  'inspection_feedback' | 'audit_supervision' | 'self_inspection' | 'superior_notice' | 'petition' | 'problem_lead';
export type MeasureStatus =
  'identified' | 'in_progress' | 'submitted' | 'signed_off' | 'lookback_passed' | 'returned' | 'reopened';
export type LedgerEventKind = 'progress' | 'submit' | 'sign_off' | 'send_back' | 'lookback_pass' | 'lookback_relapse';
export type LedgerEvidencePhase = 'before' | 'after' | 'lookback';
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

// ───────────────────────── My work ─────────────────────────

export type WorkKind = 'item' | 'report' | 'measure' | 'lookback';
/** What the work waits for: filling in, review, sign-off, or a re-check. */
export type WorkAction = 'fill' | 'revise' | 'review' | 'sign_off' | 'recheck';

export interface WorkEntry {
  kind: WorkKind;
  id: string;
  campaignId: string;
  campaignTitle: string;
  title: string;
  departmentName: string;
  deadline: string | null;
  light: Light;
  action: WorkAction;
  /** Status in Chinese, as shown elsewhere for this kind of record. */
  statusText: string;
}

// ───────────────────────── Sync bundles ─────────────────────────

export type BundleKind = 'report_up' | 'package_down';
export type TrustRelation = 'superior' | 'subordinate' | 'relayed';

/** A court whose bundles this installation accepts. */
export interface TrustedCourt {
  code: string;
  name: string;
  level: string;
  parentCode: string;
  relation: TrustRelation;
  /** Read over the phone: eight groups of five digits. */
  fingerprint: string;
  trustedAt: string;
  /** Who confirmed the fingerprint here, or 经 <code> 转报 when a relaying court vouched for it. */
  trustedBy: string;
  vouchedBy: string | null;
  lastSeq: number;
  lastBundleAt: string | null;
  lastImportedAt: string | null;
  /** 审计日志与上次上报不一致: what the witness found, or null. */
  auditAlert: string | null;
}

export interface SyncOverview {
  court: { code: string; name: string; level: string; parentCode: string | null; parentName: string | null };
  fingerprint: string;
  /** The parent court's trusted entry once a package down from it was imported (bundles up are then encrypted). */
  parent: TrustedCourt | null;
  /** The sequence number the next report-up bundle will carry. */
  nextSeq: number;
  lastExport: { seq: number; at: string; fileName: string; full: boolean } | null;
  /** Own changes not yet in any bundle to the parent. */
  pendingChanges: number;
  /** Subordinates' bundles imported and not yet forwarded upward. */
  pendingRelays: number;
  defaultFolder: string;
  /** Removable drives and the like found on this computer, offered as export folders. */
  drives: { path: string; label: string }[];
}

/** New / updated / unchanged / older rows of one court in one campaign (campaignId null: court-wide rows). */
export interface SyncChangeCount {
  courtCode: string;
  courtName: string;
  campaignId: string | null;
  campaignTitle: string;
  added: number;
  updated: number;
  unchanged: number;
  older: number;
}

export interface BundleSummary {
  kind: BundleKind;
  full: boolean;
  source: { code: string; name: string; fingerprint: string };
  target: { code: string; name: string };
  seq: number;
  changeFrom: number;
  changeThrough: number;
  createdAt: string;
  encrypted: boolean;
  rows: number;
  files: number;
  /** Subordinates' own signed bundles carried inside (relay), each verified on its own. */
  nested: { source: { code: string; name: string }; seq: number; full: boolean; rows: number; files: number }[];
  campaign: { id: string; title: string } | null;
}

/** What an import did (or, for a preview, would do). */
export interface ImportReport {
  dryRun: boolean;
  /** 'imported': changes written; 'unchanged': nothing to do (e.g. the same bundle again). */
  outcome: 'imported' | 'unchanged';
  bundle: BundleSummary;
  /** Courts met for the first time: a person must compare these fingerprints before importing.
   * `replacesVouched`: a relay had vouched for a key of this court; the confirmed one replaces it. */
  needsTrust: { code: string; name: string; level: string; fingerprint: string; replacesVouched?: boolean }[];
  /** Courts whose keys this import would trust because the court relaying their bundles vouches for them. */
  newlyVouched: {
    code: string;
    name: string;
    level: string;
    fingerprint: string;
    vouchedBy: { code: string; name: string };
  }[];
  /** Subordinates whose audit log no longer agrees with what they reported before (the witness). */
  auditAlerts: { code: string; name: string; message: string }[];
  /** Evidence files that were missing or damaged here and were restored from the bundle. */
  restoredFiles: number;
  changes: SyncChangeCount[];
  totals: { added: number; updated: number; unchanged: number; older: number; files: number };
  /** Mandatory items created or updated in this court's own checklist from a package down. */
  materialized: { added: number; updated: number; removed: number };
  message: string;
}

export interface ExportReport {
  filePath: string;
  fileName: string;
  kind: BundleKind;
  full: boolean;
  seq: number;
  target: { code: string; name: string };
  encrypted: boolean;
  rows: number;
  files: number;
  nested: number;
  bytes: number;
  message: string;
}

export type SyncDirection = 'export' | 'import' | 'preview';
export type SyncResultKind = 'ok' | 'unchanged' | 'refused' | 'cancelled' | 'failed';

export interface SyncHistoryEntry {
  id: string;
  at: string;
  direction: SyncDirection;
  kind: BundleKind | null;
  fileName: string;
  courtCode: string;
  courtName: string;
  seq: number | null;
  rows: number;
  files: number;
  added: number;
  updated: number;
  unchanged: number;
  result: SyncResultKind;
  /** Stable code on refusal, e.g. E_TAMPERED. */
  code: string | null;
  message: string;
  actor: string;
}

export interface SubordinateCourt {
  code: string;
  name: string;
  level: string;
  parentCode: string;
  /** Direct subordinate, or relayed through an intermediate court (its code). */
  via: string | null;
  lastSeq: number;
  lastBundleAt: string | null;
  lastImportedAt: string | null;
  /** Whole days since the last bundle was written; null before the first. */
  ageDays: number | null;
  /** The first missing sequence number when a later bundle was refused for a gap. */
  missingSeq: number | null;
  itemCount: number;
  /** 审计日志与上次上报不一致: what the witness found (and when), or null. */
  auditAlert: { message: string; at: string } | null;
}

export interface SupervisionNote {
  id: string;
  origin: string;
  /** The writing court's name (its code when the name is not held). */
  originName: string;
  version: number;
  campaignId: string;
  courtCode: string;
  itemId: string | null;
  itemTitle: string | null;
  kind: 'comment' | 'supervision';
  author: string;
  text: string;
  createdAt: string;
  updatedAt: string;
}

/** What a finished job hands back, by kind. */
export type JobResult =
  | { kind: 'syncPreview'; report: ImportReport }
  | { kind: 'syncImport'; report: ImportReport }
  | { kind: 'syncExport'; report: ExportReport }
  | { kind: 'reportExport'; report: ReportFile };

// ───────────────────────── Indicators (指标) ─────────────────────────

export type IndicatorLine =
  'filing' | 'criminal' | 'civil_commercial' | 'ip' | 'administrative' | 'enforcement' | 'general';
export type IndicatorUnit = 'percent' | 'cases' | 'days' | 'yuan';
/** up: higher is better (正向); down: lower is better (负向). */
export type IndicatorDirection = 'up' | 'down';
export type IndicatorPeriodKind = 'monthly' | 'quarterly';
/** met: target reached; close: within the close margin of it; missed: further off. */
export type Attainment = 'met' | 'close' | 'missed';

export interface IndicatorValue {
  id: string;
  origin: string;
  version: number;
  indicatorId: string;
  /** 2026-03 (monthly) or 2026-Q1 (quarterly). */
  period: string;
  value: number;
  note: string;
  evidenceName: string | null;
  attainment: Attainment | null;
  /** The value of the same period a year earlier, when held. */
  lastYear: number | null;
  /** value − lastYear, in the indicator's unit (percentage points for %). */
  changeFromLastYear: number | null;
  updatedAt: string;
}

export interface IndicatorRow {
  id: string;
  origin: string;
  version: number;
  campaignId: string;
  name: string;
  line: IndicatorLine;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  target: number | null;
  period: IndicatorPeriodKind;
  rankingGoal: string;
  sortOrder: number;
  /** Issued by a superior: only its values are this court's to enter. */
  issued: boolean;
  /** This court's (or the viewed court's) values, oldest period first. */
  values: IndicatorValue[];
  latest: IndicatorValue | null;
  /** Compared with the previous period: better, worse or the same, respecting direction. */
  trend: 'better' | 'worse' | 'same' | null;
}

/** One row of an imported sheet as read, with what is wrong with it in Chinese (empty: good). */
export interface ImportRowCheck {
  /** The row's number in the sheet, as Excel shows it (1-based). */
  rowNumber: number;
  errors: string[];
}

export interface IndicatorImportRow extends ImportRowCheck {
  indicatorName: string;
  /** The matched indicator; null when no indicator of the campaign has that name. */
  indicatorId: string | null;
  period: string;
  value: number | null;
  note: string;
  /** A value for this period is already held and would be replaced. */
  replaces: boolean;
}

/** indicators.importValues: the rows read and, after confirm, how many were written. */
export interface IndicatorImport {
  fileName: string;
  rows: IndicatorImportRow[];
  goodRows: number;
  badRows: number;
  /** null for a preview. */
  written: number | null;
}

export type TemplateField =
  'section' | 'title' | 'content' | 'leadLeader' | 'department' | 'owner' | 'deadline' | 'kind';

export interface TemplateColumn {
  /** 0-based. */
  index: number;
  /** The header cell's text ("列 C" when blank). */
  header: string;
  /** The first few non-empty values below the header. */
  samples: string[];
}

export interface TemplateImportRow extends ImportRowCheck {
  section: string;
  title: string;
  content: string;
  leadLeader: string;
  department: string;
  owner: string;
  /** 2026-12-31, or null when the cell is empty. */
  deadline: string | null;
  kind: 'mandatory' | 'own';
}

/** items.importTemplate: the sheet as understood, the mapping used, and per-row checks. */
export interface TemplateImport {
  fileName: string;
  sheets: string[];
  sheet: string;
  /** 1-based row number of the header row found. */
  headerRow: number;
  columns: TemplateColumn[];
  mapping: Partial<Record<TemplateField, number | null>>;
  rows: TemplateImportRow[];
  goodRows: number;
  badRows: number;
  /** Sections that would be (or were) created because no section of that title exists. */
  newSections: string[];
  /** null for a preview. */
  written: { items: number; sections: number } | null;
}

// ───────────────────────── Boards (挂图作战) ─────────────────────────

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

// ───────────────────────── Reports (报表) ─────────────────────────

export type ReportKind = 'checklist' | 'inspection' | 'ledger' | 'summary';
export type ReportFormat = 'pdf' | 'xlsx' | 'html' | 'docx';

export interface ReportPreview {
  kind: ReportKind;
  title: string;
  /** Suggested file name without extension, e.g. 某某法院能力作风建设年推进清单. */
  baseName: string;
  /** A self-contained A4 document, as printed. */
  html: string;
  /** Printed on landscape A4 (the preview draws the paper the same way round). */
  landscape: boolean;
  /** Formats this kind can be saved as. */
  formats: ReportFormat[];
}

export interface ReportFile {
  kind: ReportKind;
  format: ReportFormat;
  path: string;
  bytes: number;
  /** For PDF. */
  pages: number | null;
}
