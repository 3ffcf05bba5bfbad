// The checklist (推进清单): its sections, items, progress notes, sign-off, progress figures, and a
// template imported from a workbook.
import * as z from 'zod';
import { defineOperation, MANAGERS, REVIEWER, WORKERS } from '../contract';
import {
  byId,
  byVersionedId,
  courtCode,
  exactText,
  fileName,
  isoDate,
  optionalDate,
  optionalText,
  requiredText,
  rowId,
  text,
  uploadId,
  version,
  workbookFile,
} from '../common/schemas';
import type { CampaignDetail } from '../campaigns/campaignsModel';
import { lights } from '../common/commonModel';
import {
  type CampaignProgress,
  frequencies,
  type ItemDetail,
  itemKinds,
  type ItemOverview,
  type ItemRow,
  itemSortKeys,
  itemStatuses,
  type ItemWindow,
  NEW_DEPARTMENT,
  NO_DEPARTMENT_FILTER,
  type ProgressNote,
  templateFields,
  type TemplateImport,
} from './checklistModel';

const itemFields = {
  sectionId: z.union([rowId, z.null()]).optional().default(null),
  title: requiredText(200, '任务名称'),
  content: optionalText(4000, '具体内容', 'paragraphs'),
  kind: z.enum(itemKinds).optional().default('own'),
  leadLeader: optionalText(40, '牵头院领导'),
  departmentId: z.union([rowId, z.null()]).optional().default(null),
  owner: optionalText(40, '责任人'),
  deadline: optionalDate,
  frequency: z.enum(frequencies).optional().default('once'),
  percent: z
    .number()
    .int('进度应为整数')
    .min(0, '进度应在 0 到 100 之间')
    .max(100, '进度应在 0 到 100 之间')
    .optional()
    .default(0),
};

/**
 * Why a deadline is set in the past (required then), or, on items.update by a reviewer or an
 * administrator, why an existing deadline moves (a 延期; 填报人 are refused and use 延期 by a reviewer).
 */
/** The checklist page's filters, applied in the main process; absent fields do not filter. */
const itemFilters = z
  .object({
    /** 'all', 'none' (no section, or one the tree lacks), or a section with its sub-sections. */
    section: z.union([z.literal('all'), z.literal('none'), rowId]).optional(),
    /** False: the section's own items only, not its sub-sections' (a section's siblings). */
    subSections: z.boolean().optional(),
    status: z.enum(itemStatuses).optional(),
    light: z.enum(lights).optional(),
    department: z.union([rowId, z.literal(NO_DEPARTMENT_FILTER)]).optional(),
    kind: z.enum(itemKinds).optional(),
    /** Search words, found as items.search finds them. */
    query: text(100, '搜索词').optional(),
  })
  .optional();
const itemScope = { campaignId: rowId, courtCode: courtCode.optional() };
/** Most rows one window may ask for: a few screens. */
export const ITEM_WINDOW_MAX = 500;

const deadlineReason = optionalText(500, '完成时限的说明', 'paragraphs');

export const checklistOperations = {
  'sections.create': defineOperation<CampaignDetail>()(
    z.object({
      campaignId: rowId,
      parentId: z.union([rowId, z.null()]).optional().default(null),
      title: requiredText(100, '栏目名称'),
    }),
    MANAGERS,
  ),
  'sections.update': defineOperation<CampaignDetail>()(
    z.object({ id: rowId, version, title: requiredText(100, '栏目名称') }),
    MANAGERS,
  ),
  'sections.move': defineOperation<CampaignDetail>()(
    z.object({ id: rowId, direction: z.enum(['up', 'down']) }),
    MANAGERS,
  ),
  'sections.delete': defineOperation<CampaignDetail>()(byVersionedId, MANAGERS),
  /** courtCode: another court's checklist held here (a subordinate's, read-only); this court's by default. */
  'items.list': defineOperation<ItemRow[]>()(z.object({ campaignId: rowId, courtCode: courtCode.optional() }), 'user'),
  /** One window of the filtered, sorted checklist: the rows a screen shows, with the filtered total. */
  'items.window': defineOperation<ItemWindow>()(
    z.object({
      ...itemScope,
      filters: itemFilters,
      sort: z.object({ key: z.enum(itemSortKeys), desc: z.boolean() }).optional(),
      offset: z.number().int().min(0).max(10_000_000),
      limit: z.number().int().min(1).max(ITEM_WINDOW_MAX),
    }),
    'user',
  ),
  /** The ids matching the filters, in display order: 全选 of what is shown, and which selected rows still exist. */
  'items.ids': defineOperation<{ ids: string[] }>()(z.object({ ...itemScope, filters: itemFilters }), 'user'),
  /** The section tree's counts and the departments the items name. */
  'items.overview': defineOperation<ItemOverview>()(z.object(itemScope), 'user'),
  'items.search': defineOperation<{ ids: string[]; mode: 'fulltext' | 'substring' }>()(
    z.object({ campaignId: rowId, query: text(100, '搜索词'), courtCode: courtCode.optional() }),
    'user',
  ),
  'items.get': defineOperation<ItemDetail>()(byId, 'user'),
  'items.create': defineOperation<ItemDetail>()(
    z.object({ campaignId: rowId, ...itemFields, deadlineReason }),
    WORKERS,
  ),
  'items.update': defineOperation<ItemDetail>()(
    z.object({ id: rowId, version, ...itemFields, deadlineReason }),
    WORKERS,
  ),
  /** 延期: moves an existing deadline of this court's own item, with the reason; recorded in deadline_changes. */
  'items.extendDeadline': defineOperation<ItemDetail>()(
    z.object({ id: rowId, version, deadline: isoDate, reason: requiredText(500, '延期理由', 'paragraphs') }),
    MANAGERS,
  ),
  'items.delete': defineOperation<{ deleted: number }>()(
    z.object({ ids: z.array(rowId).min(1, '请先选择事项').max(10000) }),
    WORKERS,
  ),
  'items.move': defineOperation<{ id: string }>()(
    z.object({
      id: rowId,
      sectionId: z.union([rowId, z.null()]),
      beforeId: z.union([rowId, z.null()]).optional().default(null),
    }),
    MANAGERS,
  ),
  'items.bulkUpdate': defineOperation<{ updated: number }>()(
    z
      .object({
        ids: z.array(rowId).min(1, '请先选择事项').max(10000),
        owner: text(40, '责任人').min(1, '请填写责任人').optional(),
        // No default here: leaving the deadline out must keep each item's own deadline.
        deadline: z.union([isoDate, z.null()]).optional(),
        departmentId: z.union([rowId, z.null()]).optional(),
        /** Required when the new deadline moves an existing one or lies in the past. */
        deadlineReason,
      })
      .refine(
        (v) => v.owner !== undefined || v.deadline !== undefined || v.departmentId !== undefined,
        '请至少选择一项要修改的内容',
      ),
    MANAGERS,
  ),
  'items.markComplete': defineOperation<ItemDetail>()(
    z.object({ id: rowId, version, note: optionalText(2000, '完成说明', 'paragraphs') }),
    WORKERS,
  ),
  // The reviewer is the logged-in user, never a name typed by the caller.
  'items.signOff': defineOperation<ItemDetail>()(
    z.object({ id: rowId, version, opinion: optionalText(1000, '审核意见', 'paragraphs') }),
    REVIEWER,
  ),
  'items.sendBack': defineOperation<ItemDetail>()(
    z.object({ id: rowId, version, reason: requiredText(1000, '退回理由', 'paragraphs') }),
    REVIEWER,
  ),
  'items.reopen': defineOperation<ItemDetail>()(
    z.object({ id: rowId, version, reason: requiredText(1000, '重新打开的理由', 'paragraphs') }),
    REVIEWER,
  ),
  'progress.add': defineOperation<ProgressNote>()(
    z
      .object({
        itemId: rowId,
        noteDate: isoDate,
        /** Who did the work; defaults to the logged-in user. */
        author: text(20, '填报人').optional(),
        text: requiredText(4000, '进展情况', 'paragraphs'),
        percent: z.number().int().min(0, '进度应在 0 到 100 之间').max(100, '进度应在 0 到 100 之间').optional(),
        /** Finished files.upload ids: stored as the item's evidence, linked to this note. */
        uploadIds: z.array(uploadId).max(50, '一次最多附 50 个文件').optional(),
        /** Also hand the item in for 销号 (as items.markComplete does), in the same transaction. */
        submitForSignOff: z.boolean().optional(),
        /** File names and types of uploadIds, in the same order (the screens send them; default: the upload's name). */
        files: z
          .array(z.object({ name: fileName, mimeType: text(200, '文件类型') }))
          .max(50)
          .optional(),
      })
      .refine((v) => !v.files || v.files.length === (v.uploadIds?.length ?? 0), {
        message: '文件名与上传的文件数目不一致',
        path: ['files'],
      }),
    WORKERS,
  ),
  'stats.campaignProgress': defineOperation<CampaignProgress>()(
    z.object({ campaignId: rowId, courtCode: courtCode.optional() }),
    'user',
  ),
  /** A checklist template as higher courts send it (XLSX). Preview unless confirm. */
  'items.importTemplate': defineOperation<TemplateImport>()(
    z.object({
      campaignId: rowId,
      ...workbookFile,
      /** Which sheet; the first with data when absent. */
      sheet: exactText(100, '工作表名称').optional(),
      /** Field → 0-based column index (null: not mapped); guessed from the header row when absent. */
      mapping: z
        .partialRecord(z.enum(templateFields), z.union([z.number().int().min(0).max(200), z.null()]))
        .optional(),
      /**
       * Department name in the file that this court lacks → an existing department's id, or
       * NEW_DEPARTMENT to create it on confirm (administrators only, as departments.create).
       */
      departmentMap: z
        .record(
          exactText(40, '部门名称').refine((name) => name.length > 0, '请填写部门名称'),
          z.union([rowId, z.literal(NEW_DEPARTMENT)], { error: '请选择对应的部门或新建部门' }),
        )
        .optional()
        .default({}),
      confirm: z.boolean().optional().default(false),
      skipInvalid: z.boolean().optional().default(false),
    }),
    MANAGERS,
  ),
};
