// Supervision notes (督导意见) a higher court writes on a subordinate's work, and their read state
// at the court they are addressed to.
import * as z from 'zod';
import { defineOperation, MANAGERS } from '../contract';
import { byVersionedId, courtCode, empty, requiredText, rowId } from '../common/schemas';
import type { SupervisionNote, UnreadNote } from './supervisionModel';

export const supervisionOperations = {
  'supervision.list': defineOperation<SupervisionNote[]>()(
    z.object({ campaignId: rowId, courtCode: courtCode.optional() }),
    'user',
  ),
  'supervision.add': defineOperation<SupervisionNote>()(
    z.object({
      campaignId: rowId,
      courtCode,
      itemId: z.union([rowId, z.null()]).optional().default(null),
      kind: z.enum(['comment', 'supervision'], { error: '请选择意见类型' }).optional().default('comment'),
      text: requiredText(2000, '督导意见', 'paragraphs'),
    }),
    MANAGERS,
  ),
  'supervision.delete': defineOperation<{ id: string }>()(byVersionedId, MANAGERS),
  /** Received notes not yet read that the logged-in person is responsible for: 督导意见 first, newest first. */
  'supervision.unread': defineOperation<UnreadNote[]>()(empty, 'user'),
  /** Marks received notes read: the ones named, or (all) every unread one the person is shown. */
  'supervision.markRead': defineOperation<{ marked: number }>()(
    z.object({
      ids: z.array(rowId, { error: '请选择要标为已读的督导意见' }).max(500, '一次最多标记 500 条').optional(),
      all: z.boolean({ error: '请选择要标为已读的督导意见' }).optional(),
    }),
    'user',
  ),
};
