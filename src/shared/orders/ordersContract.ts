// 督办单 (supervision orders): issued by a higher court to named roster courts, signed for and
// answered by the receiving court (its replies through its own reviewer), closed or returned by
// the issuer; the 督办 ledger. The service is in src/main/orders/.
import * as z from 'zod';
import { defineOperation, MANAGERS, REVIEWER, WORKERS } from '../contract';
import { byId, courtCode, empty, isoDate, optionalText, requiredText, rowId, version } from '../common/schemas';
import {
  orderColours,
  orderKinds,
  type IssueOrdersResult,
  type OrderDefaults,
  type OrderLedger,
  type OrderTask,
  type SupervisionOrder,
} from './ordersModel';

const courtCodes = z
  .array(courtCode, { error: '请选择要督办的法院' })
  .min(1, '请至少选择一个法院')
  .max(500, '一次最多向 500 个法院发出督办单');
const itemIds = (label: string) =>
  z
    .array(rowId, { error: `请选择${label}` })
    .max(200, `一次最多关联 200 项${label}`)
    .optional()
    .default([]);

export const orderOperations = {
  /** The dialog's starting point: 文号 prefix and next number, suggested colours for the courts. */
  'orders.defaults': defineOperation<OrderDefaults>()(
    z.object({ campaignId: rowId, courtCodes: courtCodes.optional().default([]) }),
    MANAGERS,
  ),
  'orders.issue': defineOperation<IssueOrdersResult>()(
    z.object({
      campaignId: rowId,
      courtCodes,
      /** Items at those courts the order concerns (each must belong to one of the courts). */
      itemIds: itemIds('事项'),
      kind: z.enum(orderKinds, { error: '请选择督办类型' }),
      colour: z.enum(orderColours, { error: '请选择督办颜色' }),
      requirement: requiredText(2000, '督办要求', 'paragraphs'),
      replyDue: isoDate,
      docPrefix: requiredText(20, '发文机关代字'),
    }),
    MANAGERS,
  ),
  /** The issuer changes an open order: colour, requirement or reply deadline. */
  'orders.update': defineOperation<SupervisionOrder>()(
    z.object({
      id: rowId,
      version,
      colour: z.enum(orderColours, { error: '请选择督办颜色' }).optional(),
      requirement: requiredText(2000, '督办要求', 'paragraphs').optional(),
      replyDue: isoDate.optional(),
    }),
    MANAGERS,
  ),
  /** Orders this court may see (issued, received, or on the path), newest first. */
  'orders.list': defineOperation<SupervisionOrder[]>()(
    z.object({
      campaignId: rowId.optional(),
      courtCode: courtCode.optional(),
      relation: z.enum(['issued', 'received'], { error: '请选择督办单范围' }).optional(),
    }),
    'user',
  ),
  'orders.get': defineOperation<SupervisionOrder>()(byId, 'user'),
  /** 签收, at the receiving court. */
  'orders.sign': defineOperation<SupervisionOrder>()(byId, WORKERS),
  /** Drafts or edits this court's reply (without replyId: a new one); submit sends it to a reviewer. */
  'orders.saveReply': defineOperation<SupervisionOrder>()(
    z.object({
      orderId: rowId,
      replyId: rowId.optional(),
      version: version.optional(),
      text: requiredText(4000, '办理情况', 'paragraphs'),
      itemIds: itemIds('事项'),
      evidenceIds: itemIds('佐证材料'),
      submit: z.boolean().optional().default(false),
    }),
    WORKERS,
  ),
  /** A reviewer other than the drafter approves a pending reply (it is sent up) or sends it back. */
  'orders.reviewReply': defineOperation<SupervisionOrder>()(
    z.object({
      replyId: rowId,
      version,
      approve: z.boolean({ error: '请选择同意报送或退回修改' }),
      note: optionalText(500, '退回理由', 'paragraphs'),
    }),
    REVIEWER,
  ),
  /** 办结, by the issuer. */
  'orders.close': defineOperation<SupervisionOrder>()(
    z.object({ id: rowId, version, note: optionalText(500, '办结意见', 'paragraphs') }),
    MANAGERS,
  ),
  /** 退回, by the issuer, with a reason: the order goes back to the court's 待办. */
  'orders.return': defineOperation<SupervisionOrder>()(
    z.object({ id: rowId, version, reason: requiredText(500, '退回理由', 'paragraphs') }),
    MANAGERS,
  ),
  /** What waits on the logged-in person: to sign, reply, review, decide, or overdue. */
  'orders.tasks': defineOperation<OrderTask[]>()(empty, 'user'),
  /** The 督办 ledger by court and jurisdiction: one campaign, or every campaign. */
  'orders.ledger': defineOperation<OrderLedger>()(z.object({ campaignId: rowId.optional() }), 'user'),
};
