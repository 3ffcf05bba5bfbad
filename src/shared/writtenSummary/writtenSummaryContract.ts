// The written 活动总结 (its four parts drafted from the data, edited and kept per campaign) and the
// 亮点 marks on items and progress notes that its 主要做法和成效 draws on.
import * as z from 'zod';
import { defineOperation, MANAGERS, WORKERS } from '../contract';
import { courtCode, rowId, text, version } from '../common/schemas';
import type { ItemDetail, ProgressNote } from '../checklist/checklistModel';
import { summaryParts, type WrittenSummary } from './writtenSummaryModel';

const SUMMARY_PART_MAX = 20000;

export const writtenSummaryOperations = {
  /** The summary as drafted and as saved, with its fields; a held subordinate's read-only. */
  'summary.get': defineOperation<WrittenSummary>()(
    z.object({ campaignId: rowId, courtCode: courtCode.optional() }),
    'user',
  ),
  /** Keeps the clerk's templates of the parts sent (the others unchanged). */
  'summary.save': defineOperation<WrittenSummary>()(
    z.object({
      campaignId: rowId,
      parts: z.partialRecord(z.enum(summaryParts), text(SUMMARY_PART_MAX, '总结正文', 'paragraphs')),
    }),
    MANAGERS,
  ),
  /** Drops the saved templates of the parts named (all when none): they are drafted from the data again. */
  'summary.reset': defineOperation<WrittenSummary>()(
    z.object({ campaignId: rowId, parts: z.array(z.enum(summaryParts)).max(4).optional() }),
    MANAGERS,
  ),
  /** Marks or unmarks an item of this court as a 亮点. */
  'items.markHighlight': defineOperation<ItemDetail>()(
    z.object({ id: rowId, version, highlight: z.boolean({ error: '请说明是否标为亮点' }) }),
    WORKERS,
  ),
  /** Marks or unmarks a progress note of this court as a 亮点. */
  'progress.markHighlight': defineOperation<ProgressNote>()(
    z.object({ id: rowId, version, highlight: z.boolean({ error: '请说明是否标为亮点' }) }),
    WORKERS,
  ),
};
