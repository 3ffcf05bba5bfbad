// Kysely table types (camelCase; CamelCasePlugin maps them to the snake_case columns of
// migrations/). Only the main process's data layer imports this file.
import type { Generated } from 'kysely';
import type { RecordKind } from '../../shared/recordLabels';
import type {
  EscalationTarget,
  InspectionScope,
  InspectionStatus,
  LedgerEventKind,
  LedgerEvidencePhase,
  LedgerSource,
  LookbackStatus,
  MeasureStatus,
  IndicatorLine,
  IndicatorUnit,
  IndicatorDirection,
  IndicatorPeriodKind,
  NoticeKind,
  OrderColour,
  OrderKind,
  OrderStatus,
  ResponseStatus,
} from '../../shared/model';

interface OwnedColumns {
  id: string;
  origin: string;
  version: Generated<number>;
  changeSeq: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface CourtsTable extends OwnedColumns {
  code: string;
  name: string;
  level: 'high' | 'intermediate' | 'basic';
  parentCode: string | null;
  parentName: string | null;
}

export interface DepartmentsTable extends OwnedColumns {
  name: string;
  sortOrder: number;
  headName: Generated<string>;
}

export interface PeopleTable extends OwnedColumns {
  name: string;
  title: string;
  departmentId: string | null;
}

export interface CampaignsTable extends OwnedColumns {
  title: string;
  issuingCourtCode: string;
  issuingCourtName: string;
  year: number;
  startDate: string | null;
  endDate: string | null;
  description: string;
  status: 'draft' | 'active' | 'closed';
  yellowDays: number;
  escalateGreen: Generated<EscalationTarget>;
  escalateYellow: Generated<EscalationTarget>;
  escalateRed: Generated<EscalationTarget>;
  lookbackMonths: Generated<number>;
}

export interface SectionsTable extends OwnedColumns {
  campaignId: string;
  parentId: string | null;
  title: string;
  sortOrder: number;
}

export interface ItemsTable extends OwnedColumns {
  campaignId: string;
  sectionId: string | null;
  sortOrder: number;
  title: string;
  content: string;
  kind: 'mandatory' | 'own';
  leadLeader: string;
  departmentId: string | null;
  owner: string;
  deadline: string | null;
  frequency: 'once' | 'monthly' | 'quarterly';
  status: 'not_started' | 'in_progress' | 'completed' | 'signed_off' | 'returned';
  percent: number;
  completedAt: string | null;
  completedLate: number;
  /** Local user id of whoever marked it complete (they may not sign it off). */
  completedBy: Generated<string | null>;
  /** On a court's copy of a mandatory item: the issuer's item id and definition version. */
  sourceItemId: Generated<string | null>;
  sourceVersion: Generated<number | null>;
  /** 亮点 (0/1): the written summary's 主要做法和成效 draws on it (migrations/0011_written_summary.sql). */
  highlight: Generated<number>;
}

export interface ProgressNotesTable extends OwnedColumns {
  itemId: string;
  noteDate: string;
  author: string;
  text: string;
  percent: number | null;
  /** 亮点 (0/1), as on items. */
  highlight: Generated<number>;
}

export interface EvidenceBlobsTable {
  sha256: string;
  size: number;
  createdAt: string;
}

export interface EvidenceTable extends OwnedColumns {
  itemId: string;
  sha256: string;
  originalName: string;
  size: number;
  mimeType: string;
  /** The progress note this file came with (记录进展), or null when added on its own (0008). */
  noteId: string | null;
  /** What the file's bytes say it is (e.g. 'pdf'); '' when stored before 0008. */
  detectedType: Generated<string>;
}

export interface SignoffsTable extends OwnedColumns {
  itemId: string;
  reviewer: string;
  decidedAt: string;
  decision: 'approved' | 'returned' | 'reopened';
  opinion: string;
  /** On a reopened decision: the item as it was signed off, as JSON (0008); '' otherwise. */
  snapshotJson: Generated<string>;
}

/** Local accounts; not owned rows, never synced. */
export interface UsersTable {
  id: string;
  username: string;
  displayName: string;
  /** Comma-separated roles: admin, reviewer, filer. */
  roles: string;
  departmentId: string | null;
  personId: string | null;
  passwordHash: string;
  mustChangePassword: Generated<number>;
  failedAttempts: Generated<number>;
  lockedUntil: string | null;
  disabled: Generated<number>;
  version: Generated<number>;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
}

export interface ProblemAspectsTable extends OwnedColumns {
  campaignId: string;
  title: string;
  sortOrder: number;
}

export interface ProblemsTable extends OwnedColumns {
  campaignId: string;
  aspectId: string;
  title: string;
  description: string;
  sortOrder: number;
}

export interface InspectionReportsTable extends OwnedColumns {
  campaignId: string;
  scope: InspectionScope;
  personId: string | null;
  departmentId: string | null;
  subjectName: string;
  status: InspectionStatus;
  round: number;
  noProblem: number;
  noProblemReason: string;
  submittedAt: string | null;
  submittedBy: string | null;
  submittedByName: string;
  decidedAt: string | null;
  reviewer: string;
  reviewNote: string;
}

export interface InspectionClaimsTable extends OwnedColumns {
  reportId: string;
  problemId: string | null;
  ownProblem: string;
  facts: string;
  cause: string;
  measures: string;
  deadline: string | null;
  sortOrder: number;
}

export interface InspectionRoundsTable extends OwnedColumns {
  reportId: string;
  round: number;
  submittedAt: string;
  submittedByName: string;
  snapshotJson: string;
  decision: 'accepted' | 'returned' | null;
  decidedAt: string | null;
  reviewer: string;
  reason: string;
}

export interface LedgerFindingsTable extends OwnedColumns {
  campaignId: string;
  source: LedgerSource;
  reference: string;
  title: string;
  detail: string;
  receivedDate: string | null;
  departmentId: string | null;
  claimId: string | null;
  sortOrder: number;
}

export interface LedgerMeasuresTable extends OwnedColumns {
  findingId: string;
  campaignId: string;
  text: string;
  owner: string;
  leadLeader: string;
  departmentId: string | null;
  deadline: string | null;
  longTerm: number;
  status: MeasureStatus;
  completedAt: string | null;
  completedLate: number;
  submittedBy: string | null;
  signedOffAt: string | null;
  signedOffBy: string;
  sortOrder: number;
}

export interface LedgerEventsTable extends OwnedColumns {
  measureId: string;
  kind: LedgerEventKind;
  eventDate: string;
  actor: string;
  text: string;
}

export interface LookbacksTable extends OwnedColumns {
  measureId: string;
  dueDate: string;
  status: LookbackStatus;
  checkedAt: string | null;
  checker: string;
  note: string;
}

export interface LedgerEvidenceTable extends OwnedColumns {
  measureId: string;
  lookbackId: string | null;
  phase: LedgerEvidencePhase;
  sha256: string;
  originalName: string;
  size: number;
  mimeType: string;
  /** What the file's bytes say it is (e.g. 'pdf'); '' when stored before 0008. */
  detectedType: Generated<string>;
}

/** Derived locally, never synced. */
export interface LightHistoryTable {
  id: Generated<number>;
  recordKind: 'item' | 'measure' | 'lookback';
  recordId: string;
  light: 'green' | 'yellow' | 'red';
  since: string;
  until: string | null;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  court: string;
  operation: string;
  tableName: string;
  rowId: string;
  beforeJson: string | null;
  afterJson: string | null;
  prevHash: string;
  hash: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface ChangeCounterTable {
  id: number;
  value: number;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  appliedAt: string;
  /** SHA-256 of the migration's text with LF line endings (0006); checked on every open. */
  checksum: string | null;
}

export interface SupervisionNotesTable extends OwnedColumns {
  campaignId: string;
  courtCode: string;
  itemId: string | null;
  kind: 'comment' | 'supervision';
  author: string;
  text: string;
}

/** 督办单: a higher court's supervision order to one court (0009). */
export interface SupervisionOrdersTable extends OwnedColumns {
  campaignId: string;
  courtCode: string;
  batchId: string;
  kind: OrderKind;
  colour: OrderColour;
  requirement: string;
  /** YYYY-MM-DD. */
  replyDue: string;
  docNumber: string;
  docYear: number;
  docSeq: number;
  /** JSON array of the receiving court's item ids. */
  itemIds: Generated<string>;
  issuedBy: string;
  issuedAt: string;
  status: Generated<OrderStatus>;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: Generated<string>;
  decidedReplyId: string | null;
}

/** The receiving court's 签收 or reply on a supervision order (0009). */
export interface OrderResponsesTable extends OwnedColumns {
  orderId: string;
  kind: 'sign' | 'reply';
  text: Generated<string>;
  /** JSON array of this court's item ids. */
  itemIds: Generated<string>;
  /** JSON array of this court's evidence ids (佐证材料 of those items). */
  evidenceIds: Generated<string>;
  status: Generated<ResponseStatus>;
  author: string;
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: Generated<string>;
  respondedAt: string | null;
}

/** 通报: a notice to every roster court (0009). */
export interface NoticesTable extends OwnedColumns {
  campaignId: string;
  kind: NoticeKind;
  title: string;
  addressees: string;
  body: string;
  issuerName: string;
  /** JSON array of {code, name, stance}. */
  namedCourts: Generated<string>;
  periodFrom: string | null;
  periodTo: string | null;
  status: Generated<'draft' | 'issued'>;
  docNumber: Generated<string>;
  docYear: number | null;
  docSeq: number | null;
  signedDate: string | null;
  draftedBy: string;
  issuedBy: string | null;
  issuedAt: string | null;
}

/** 应报法院: a court on this court's roster (0007). */
export interface RosterCourtsTable extends OwnedColumns {
  code: string;
  name: string;
  level: 'intermediate' | 'basic';
  parentCode: string;
  jurisdiction: Generated<string>;
  mergedAt: string | null;
  mergedInto: string | null;
  addedBy: Generated<'manual' | 'import' | 'relay'>;
}

/** A package a court imported (0007), reported up so its issuer knows who holds it. */
export interface PackageReceiptsTable extends OwnedColumns {
  sourceCode: string;
  seq: number;
  campaignId: string | null;
  importedAt: string;
}

/** A higher court's reporting rules for one campaign (0007, local). */
export interface CampaignReportingTable {
  campaignId: string;
  period: Generated<'week' | 'month' | 'quarter'>;
  dueDays: Generated<number>;
  staleDays: Generated<number>;
  laggardRule: Generated<'bottom' | 'below'>;
  laggardCount: Generated<number>;
  laggardBelow: Generated<number>;
  updatedAt: string;
  updatedBy: string;
}

/** A supervision note read at this court (0007, local). */
export interface NoteReadsTable {
  noteId: string;
  readAt: string;
  readBy: string;
}

export interface IndicatorsTable extends OwnedColumns {
  campaignId: string;
  name: string;
  line: IndicatorLine;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  target: number | null;
  period: IndicatorPeriodKind;
  rankingGoal: Generated<string>;
  sortOrder: number;
}

export interface IndicatorValuesTable extends OwnedColumns {
  indicatorId: string;
  period: string;
  value: number;
  note: Generated<string>;
  evidenceSha256: string | null;
  evidenceName: string | null;
  /** Who entered the value (录入人), by display name (0008). */
  enteredBy: Generated<string>;
}

/** A deadline moved (延期) or set in the past on a court's own record, with why and by whom (0008). */
export interface DeadlineChangesTable extends OwnedColumns {
  campaignId: string;
  recordKind: 'item' | 'measure';
  recordId: string;
  fromDeadline: string | null;
  toDeadline: string | null;
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

/** The clerk's edited parts of the written 活动总结 (migrations/0011_written_summary.sql). Local. */
export interface SummaryTextsTable {
  campaignId: string;
  part: 'situation' | 'practices' | 'problems' | 'nextSteps';
  body: string;
  savedAt: string;
  savedBy: string;
}

/** 恢复包: keys retired at this court (migrations/0010_recovery.sql). Local, append-only. */
export interface RecoveryRetiredKeysTable {
  id: Generated<number>;
  courtCode: string;
  courtName: string;
  signKey: string;
  boxKey: string;
  fingerprint: string;
  retiredAt: string;
  retiredBy: string;
  reason: string;
  replacedBy: string;
}

export interface SyncCourtsTable {
  code: string;
  name: string;
  level: string;
  parentCode: string;
  signKey: string;
  boxKey: string;
  fingerprint: string;
  relation: 'superior' | 'subordinate' | 'relayed';
  trustedAt: string;
  trustedBy: string;
  vouchedBy: string | null;
  lastSeq: number;
  lastBundleAt: string | null;
  lastImportedAt: string | null;
  lastChangeThrough: number | null;
  auditCount: number | null;
  auditHash: string | null;
  auditAlert: string | null;
  auditAlertAt: string | null;
}

export interface SyncOutboxTable {
  targetCode: string;
  seq: number;
  kind: 'report_up' | 'package_down';
  full: number;
  throughChangeSeq: number;
  campaignId: string | null;
  fileName: string;
  sha256: string;
  createdAt: string;
  state: Generated<'pending' | 'done'>;
  filePath: string | null;
  changeFrom: number | null;
  auditCount: number | null;
  auditHash: string | null;
}

export interface SyncReceivedTable {
  id: string;
  sourceCode: string;
  targetCode: string;
  kind: 'report_up' | 'package_down';
  seq: number;
  full: number;
  campaignId: string | null;
  sha256: string;
  size: number;
  filePath: string;
  relayedBy: string | null;
  receivedAt: string;
  forwardedSeq: number | null;
  /** The bundle's manifest createdAt (0007); null for bundles received before. */
  bundleCreatedAt: string | null;
}

export interface Database {
  courts: CourtsTable;
  departments: DepartmentsTable;
  people: PeopleTable;
  campaigns: CampaignsTable;
  sections: SectionsTable;
  items: ItemsTable;
  progressNotes: ProgressNotesTable;
  evidenceBlobs: EvidenceBlobsTable;
  evidence: EvidenceTable;
  signoffs: SignoffsTable;
  users: UsersTable;
  problemAspects: ProblemAspectsTable;
  problems: ProblemsTable;
  inspectionReports: InspectionReportsTable;
  inspectionClaims: InspectionClaimsTable;
  inspectionRounds: InspectionRoundsTable;
  ledgerFindings: LedgerFindingsTable;
  ledgerMeasures: LedgerMeasuresTable;
  ledgerEvents: LedgerEventsTable;
  lookbacks: LookbacksTable;
  ledgerEvidence: LedgerEvidenceTable;
  supervisionNotes: SupervisionNotesTable;
  indicators: IndicatorsTable;
  indicatorValues: IndicatorValuesTable;
  rosterCourts: RosterCourtsTable;
  packageReceipts: PackageReceiptsTable;
  deadlineChanges: DeadlineChangesTable;
  supervisionOrders: SupervisionOrdersTable;
  orderResponses: OrderResponsesTable;
  notices: NoticesTable;
  campaignReporting: CampaignReportingTable;
  noteReads: NoteReadsTable;
  syncCourts: SyncCourtsTable;
  recoveryRetiredKeys: RecoveryRetiredKeysTable;
  summaryTexts: SummaryTextsTable;
  syncOutbox: SyncOutboxTable;
  syncReceived: SyncReceivedTable;
  lightHistory: LightHistoryTable;
  auditLog: AuditLogTable;
  settings: SettingsTable;
  changeCounter: ChangeCounterTable;
  schemaMigrations: SchemaMigrationsTable;
}

/** Tables whose rows are owned by one court and carry the common columns; each has a label
 * for people in src/shared/recordLabels.ts. */
export type OwnedTable = RecordKind;
