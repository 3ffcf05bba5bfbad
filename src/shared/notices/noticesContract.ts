// 通报 (notices): drafted from a campaign's figures, edited, issued to every roster court. Printed
// and saved (PDF, Word) through reports.preview / reports.export with kind 'notice'. The service is
// in src/main/notices/.
import * as z from 'zod';
import { defineOperation, MANAGERS } from '../contract';
import { byId, byVersionedId, courtCode, empty, isoDate, requiredText, rowId, version } from '../common/schemas';
import { noticeKinds, type Notice } from './noticesModel';

const namedCourts = z
  .array(
    z.object({
      code: courtCode,
      stance: z.enum(['praise', 'criticism'], { error: '请选择表扬或批评' }),
    }),
    { error: '请选择通报的法院' },
  )
  .max(500, '一份通报最多点名 500 个法院')
  .optional()
  .default([]);

export const noticeOperations = {
  /** A new draft, pre-filled with the campaign's figures and the courts named. */
  'notices.draft': defineOperation<Notice>()(
    z.object({ campaignId: rowId, kind: z.enum(noticeKinds, { error: '请选择通报类型' }), namedCourts }),
    MANAGERS,
  ),
  'notices.save': defineOperation<Notice>()(
    z.object({
      id: rowId,
      version,
      kind: z.enum(noticeKinds, { error: '请选择通报类型' }),
      title: requiredText(200, '标题'),
      addressees: requiredText(500, '主送机关', 'paragraphs'),
      body: requiredText(20000, '正文', 'paragraphs'),
      issuerName: requiredText(100, '发文机关署名'),
      signedDate: isoDate,
      namedCourts,
    }),
    MANAGERS,
  ),
  /** Gives the 文号 and issues the notice: it goes down in the next package to every roster court. */
  'notices.issue': defineOperation<Notice>()(byVersionedId, MANAGERS),
  /** Only a draft may be deleted. */
  'notices.delete': defineOperation<{ id: string }>()(byVersionedId, MANAGERS),
  /** This court's notices (drafts too) and the issued notices of its superiors, newest first. */
  'notices.list': defineOperation<Notice[]>()(z.object({ campaignId: rowId.optional() }), 'user'),
  'notices.get': defineOperation<Notice>()(byId, 'user'),
  /** Issued notices of superiors that criticise this court, newest first (for 本院挂图). */
  'notices.aboutUs': defineOperation<Notice[]>()(empty, 'user'),
};
