// The checklist (推进清单): items, their progress notes and sign-offs, progress figures, and a
// template imported from a workbook. Plain data that crosses the process boundary.
import type { ProgressFigures } from '../campaigns/campaignsModel';
import type { ImportRowCheck, Light, LightSpan, Owned } from '../common/commonModel';
import type { Evidence } from '../evidence/evidenceModel';

export const itemKinds = ['mandatory', 'own'] as const;
export type ItemKind = (typeof itemKinds)[number];

export const frequencies = ['once', 'monthly', 'quarterly'] as const;
export type Frequency = (typeof frequencies)[number];

export const itemStatuses = ['not_started', 'in_progress', 'completed', 'signed_off', 'returned'] as const;
export type ItemStatus = (typeof itemStatuses)[number];

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

export const templateFields = [
  'section',
  'title',
  'content',
  'leadLeader',
  'department',
  'owner',
  'deadline',
  'kind',
] as const;
export type TemplateField = (typeof templateFields)[number];

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
