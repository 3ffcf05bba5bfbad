// The roster (应报法院) a higher court keeps, its Excel import, and each campaign's reporting rules
// and completeness (报送情况).
import * as z from 'zod';
import { defineOperation, MANAGERS } from '../contract';
import {
  byVersionedId,
  courtCode,
  empty,
  isoDate,
  optionalText,
  requiredText,
  rowId,
  version,
  workbookFile,
} from '../common/schemas';
import {
  reportingPeriods,
  rosterLevels,
  type ReportingReport,
  type ReportingRulesView,
  type RosterCourt,
  type RosterImport,
  type RosterTemplate,
  type RosterView,
} from './rosterModel';

const rosterFields = {
  name: requiredText(60, '法院名称'),
  level: z.enum(rosterLevels, { error: '请选择层级（中级法院或基层法院）' }),
  parentCode: courtCode,
  jurisdiction: optionalText(40, '辖区'),
};

/** 2026-11 (month), 2026-Q4 (quarter) or 2026-11-23 (the Monday of a week). */
export const reportingPeriodKey = z
  .string({ error: '请选择报送期间' })
  .regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4]|\d{2}-\d{2})$/, '报送期间格式不正确');

export const rosterOperations = {
  'roster.list': defineOperation<RosterView>()(empty, 'user'),
  'roster.add': defineOperation<RosterCourt>()(z.object({ code: courtCode, ...rosterFields }), MANAGERS),
  'roster.update': defineOperation<RosterCourt>()(z.object({ id: rowId, version: version, ...rosterFields }), MANAGERS),
  /** 已撤并: merged away on a day, optionally into another court; history kept. */
  'roster.merge': defineOperation<RosterCourt>()(
    z.object({
      id: rowId,
      version: version,
      mergedAt: isoDate,
      mergedInto: z.union([courtCode, z.null()]).optional().default(null),
    }),
    MANAGERS,
  ),
  'roster.unmerge': defineOperation<RosterCourt>()(byVersionedId, MANAGERS),
  /** Only an entry added by mistake: a court with received data can only be merged. */
  'roster.delete': defineOperation<{ id: string }>()(byVersionedId, MANAGERS),
  /** A roster sheet: a preview writes nothing; confirm writes every row in one transaction, or none. */
  'roster.import': defineOperation<RosterImport>()(
    z.object({ ...workbookFile, confirm: z.boolean().optional().default(false) }),
    MANAGERS,
  ),
  'roster.template': defineOperation<RosterTemplate>()(empty, 'user'),
  'reporting.rules': defineOperation<ReportingRulesView>()(z.object({ campaignId: rowId }), 'user'),
  'reporting.setRules': defineOperation<ReportingRulesView>()(
    z.object({
      campaignId: rowId,
      period: z.enum(reportingPeriods, { error: '请选择报送周期' }),
      dueDays: z
        .number({ error: '请填写报送期限天数' })
        .int('天数应为整数')
        .min(0, '报送期限不能为负')
        .max(60, '报送期限最多 60 天'),
      staleDays: z
        .number({ error: '请填写陈旧天数' })
        .int('天数应为整数')
        .min(1, '陈旧天数至少 1 天')
        .max(365, '陈旧天数最多 365 天'),
      laggardRule: z.enum(['bottom', 'below'], { error: '请选择后进规则' }),
      laggardCount: z
        .number({ error: '请填写后进名数' })
        .int('名数应为整数')
        .min(1, '后进名数至少 1')
        .max(500, '后进名数最多 500'),
      laggardBelow: z
        .number({ error: '请填写完成率门槛' })
        .int('门槛应为整数')
        .min(1, '门槛至少 1%')
        .max(100, '门槛最多 100%'),
    }),
    MANAGERS,
  ),
  'reporting.completeness': defineOperation<ReportingReport>()(
    z.object({ campaignId: rowId, period: reportingPeriodKey.optional() }),
    'user',
  ),
};
