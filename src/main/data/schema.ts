// Kysely table types (camelCase; CamelCasePlugin maps them to the snake_case columns of
// migrations/). Only the main process's data layer imports this file.
import type { Generated } from 'kysely';
import type { RecordKind } from '../../shared/recordLabels';

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
}

export interface ProgressNotesTable extends OwnedColumns {
  itemId: string;
  noteDate: string;
  author: string;
  text: string;
  percent: number | null;
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
}

export interface SignoffsTable extends OwnedColumns {
  itemId: string;
  reviewer: string;
  decidedAt: string;
  decision: 'approved' | 'returned' | 'reopened';
  opinion: string;
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
  auditLog: AuditLogTable;
  settings: SettingsTable;
  changeCounter: ChangeCounterTable;
  schemaMigrations: SchemaMigrationsTable;
}

/** Tables whose rows are owned by one court and carry the common columns; each has a label
 * for people in src/shared/recordLabels.ts. */
export type OwnedTable = RecordKind;
