// Campaigns (专项活动): their list, details, status and traffic-light rules.
import * as z from 'zod';
import { defineOperation, MANAGERS } from '../contract';
import { escalationTargets } from '../common/commonModel';
import { byId, byVersionedId, optionalDate, optionalText, requiredText, rowId, version } from '../common/schemas';
import { type Campaign, type CampaignDetail, campaignStatuses } from './campaignsModel';

const campaignFields = {
  title: requiredText(80, '活动名称'),
  issuingCourtName: optionalText(60, '部署法院'),
  year: z
    .number({ error: '请填写年度' })
    .int('年度应为整数')
    .min(2000, '年度应在 2000 至 2100 之间')
    .max(2100, '年度应在 2000 至 2100 之间'),
  startDate: optionalDate,
  endDate: optionalDate,
  description: optionalText(4000, '活动说明', 'paragraphs'),
  yellowDays: z
    .number()
    .int()
    .min(0, '提前预警天数不能为负数')
    .max(90, '提前预警天数不能超过 90 天')
    .optional()
    .default(7),
};
const checkDateOrder = (value: { startDate?: string | null; endDate?: string | null }, ctx: z.RefinementCtx) => {
  if (value.startDate && value.endDate && value.endDate < value.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: '结束日期不能早于开始日期' });
  }
};

export const campaignOperations = {
  'campaigns.list': defineOperation<Campaign[]>()(
    z
      .object({ includeClosed: z.boolean().optional().default(true) })
      .optional()
      .default({ includeClosed: true }),
    'user',
  ),
  'campaigns.get': defineOperation<CampaignDetail>()(byId, 'user'),
  'campaigns.create': defineOperation<Campaign>()(z.object(campaignFields).superRefine(checkDateOrder), MANAGERS),
  'campaigns.update': defineOperation<Campaign>()(
    z.object({ id: rowId, version, ...campaignFields }).superRefine(checkDateOrder),
    MANAGERS,
  ),
  'campaigns.setStatus': defineOperation<Campaign>()(
    z.object({ id: rowId, version, status: z.enum(campaignStatuses) }),
    MANAGERS,
  ),
  'campaigns.delete': defineOperation<{ id: string }>()(byVersionedId, MANAGERS),
  'campaigns.setLightRules': defineOperation<Campaign>()(
    z.object({
      id: rowId,
      version,
      yellowDays: z
        .number({ error: '请填写提前预警天数' })
        .int('提前预警天数应为整数')
        .min(0, '提前预警天数不能为负数')
        .max(90, '提前预警天数不能超过 90 天'),
      escalateGreen: z.enum(escalationTargets, { error: '请选择绿灯的提醒对象' }),
      escalateYellow: z.enum(escalationTargets, { error: '请选择黄灯的提醒对象' }),
      escalateRed: z.enum(escalationTargets, { error: '请选择红灯的提醒对象' }),
      lookbackMonths: z
        .number({ error: '请填写回头看间隔' })
        .int('回头看间隔应为整数')
        .min(1, '回头看间隔至少 1 个月')
        .max(24, '回头看间隔不能超过 24 个月'),
    }),
    MANAGERS,
  ),
};
