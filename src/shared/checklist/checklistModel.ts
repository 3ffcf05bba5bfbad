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
  /** 亮点: the written 活动总结's 主要做法和成效 draws on it. */
  highlight: boolean;
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
  /** 亮点, as on items. */
  highlight: boolean;
}

export type SignoffDecision = 'approved' | 'returned' | 'reopened';

export interface Signoff extends Owned {
  itemId: string;
  reviewer: string;
  decidedAt: string;
  decision: SignoffDecision;
  opinion: string;
  /** On a reopened decision: the item as it was when it was signed off (or completed); else null. */
  snapshot: SignedOffSnapshot | null;
}

/** The item as it stood when a reviewer reopened it (kept in the 'reopened' sign-off row). */
export interface SignedOffSnapshot {
  status: ItemStatus;
  title: string;
  content: string;
  deadline: string | null;
  percent: number;
  owner: string;
  departmentName: string;
  completedAt: string | null;
  completedByName: string;
  signedOffBy: string;
  signedOffAt: string | null;
  evidenceNames: string[];
}

/** A deadline moved (延期) or set in the past, with the reason and who decided it. */
export interface DeadlineChange extends Owned {
  recordKind: 'item' | 'measure';
  recordId: string;
  fromDeadline: string | null;
  toDeadline: string | null;
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

/** The columns the checklist sorts by (序号 is the display order). */
export const itemSortKeys = [
  'number',
  'title',
  'kind',
  'leadLeader',
  'departmentName',
  'owner',
  'deadline',
  'status',
  'percent',
  'light',
  'evidenceCount',
] as const;
export type ItemSortKey = (typeof itemSortKeys)[number];

/** The department filter's value for items without a department. */
export const NO_DEPARTMENT_FILTER = '__none__';

/** One window of the checklist as filtered and sorted: what the table draws, nothing more. */
export interface ItemWindow {
  /** Rows matching the filters (the table's length). */
  total: number;
  /** Rows offset … offset+limit-1 of that list, each with its 序号 in the whole checklist. */
  rows: ItemRow[];
  /** With search words: how many items the words alone found; null without. */
  searchCount: number | null;
}

/** What the checklist page shows besides the rows: the tree's counts and the departments named. */
export interface ItemOverview {
  /** Items of the checklist, unfiltered. */
  total: number;
  /** Per section, its items and its sub-sections'; sectionId null: no section or one the tree lacks. */
  sectionCounts: Array<{ sectionId: string | null; count: number }>;
  /** Departments the items name (another court's list names its own). */
  departments: Array<{ id: string; name: string }>;
}

export interface ItemDetail extends ItemRow {
  notes: ProgressNote[];
  evidence: Evidence[];
  signoffs: Signoff[];
  /** 延期 and past deadlines, newest first. */
  deadlineChanges: DeadlineChange[];
  lightHistory: LightSpan[];
  /** Local user id of whoever marked it complete: they may not sign it off. */
  completedBy: string | null;
  /** That account's display name, for the drawer's "完成：姓名 · 时间" (null when unknown). */
  completedByName: string | null;
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
  /** 频次: 'monthly' or 'quarterly' when the deadline cell says so (每月, 每季度, …; see frequencyWords). */
  frequency: Frequency;
  kind: 'mandatory' | 'own';
}

/**
 * Words in a template's deadline column that set an item's 频次 instead of a date (a trailing
 * 前/完成 is dropped first). Such an item runs until the campaign ends: its deadline is the
 * campaign's end date, or none when the campaign has none. The preview lists these words.
 */
export const frequencyWords = {
  monthly: ['每月', '每个月', '按月', '逐月', '每月底', '每月末'],
  quarterly: ['每季度', '每个季度', '每季', '按季度', '按季', '逐季', '每季度末', '每季末'],
} as const satisfies Record<Exclude<Frequency, 'once'>, readonly string[]>;

/** In items.importTemplate's departmentMap: create a department of that name. */
export const NEW_DEPARTMENT = 'new';

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
  /** Department names in the file that this court does not have, in the order they first appear. */
  unknownDepartments: string[];
  /** The choice applied to each unknown name: an existing department's id, or NEW_DEPARTMENT. */
  departmentMap: Record<string, string>;
  /** Headers of the columns that hold something but feed no field (备注, 进展情况…); 序号 is not named. */
  ignoredColumns: string[];
  /** null for a preview. */
  written: { items: number; sections: number; departments: number } | null;
}
