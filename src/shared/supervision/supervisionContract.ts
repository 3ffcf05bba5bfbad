// Supervision notes (督导意见) a higher court writes on a subordinate's work.
import * as z from 'zod';
import { defineOperation, MANAGERS } from '../contract';
import { byVersionedId, courtCode, requiredText, rowId } from '../common/schemas';
import type { SupervisionNote } from './supervisionModel';

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
};
