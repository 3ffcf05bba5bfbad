// Indicators (指标): defining them, entering period values, and importing a value sheet.
import * as z from 'zod';
import { defineOperation, MANAGERS, WORKERS } from '../contract';
import {
  byVersionedId,
  checkFileSource,
  courtCode,
  evidenceFile,
  optionalText,
  requiredText,
  rowId,
  version,
  workbookFile,
} from '../common/schemas';
import {
  indicatorDirections,
  type IndicatorImport,
  indicatorLines,
  indicatorPeriodKinds,
  type IndicatorRow,
  indicatorUnits,
} from './indicatorsModel';

/** 2026-03 for a month, 2026-Q1 for a quarter. Whether it fits the indicator, and is not in the
 * future, is checked by the service, which knows the indicator and today. */
export const indicatorPeriod = z
  .string({ error: '请选择期间' })
  .regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, '期间格式应为 2026-03（月度）或 2026-Q1（季度）');
const indicatorFields = {
  name: requiredText(80, '指标名称'),
  line: z.enum(indicatorLines, { error: '请选择条线' }),
  unit: z.enum(indicatorUnits, { error: '请选择单位' }),
  direction: z.enum(indicatorDirections, { error: '请选择指标方向' }),
  target: z
    .union([z.number().finite('目标值不正确'), z.null()])
    .optional()
    .default(null),
  period: z.enum(indicatorPeriodKinds, { error: '请选择报送周期' }),
  rankingGoal: optionalText(60, '争先目标'),
};
const checkIndicatorTarget = (value: { unit: string; target: number | null }, ctx: z.RefinementCtx) => {
  if (value.target === null) return;
  if (value.unit === 'percent' && (value.target < 0 || value.target > 100))
    ctx.addIssue({ code: 'custom', path: ['target'], message: '百分比目标应在 0 到 100 之间' });
  if (value.unit !== 'percent' && value.target < 0)
    ctx.addIssue({ code: 'custom', path: ['target'], message: '目标值不能为负数' });
};

export const indicatorOperations = {
  'indicators.list': defineOperation<IndicatorRow[]>()(
    z.object({ campaignId: rowId, courtCode: courtCode.optional() }),
    'user',
  ),
  'indicators.create': defineOperation<IndicatorRow>()(
    z.object({ campaignId: rowId, ...indicatorFields }).superRefine(checkIndicatorTarget),
    MANAGERS,
  ),
  'indicators.update': defineOperation<IndicatorRow>()(
    z.object({ id: rowId, version, ...indicatorFields }).superRefine(checkIndicatorTarget),
    MANAGERS,
  ),
  'indicators.delete': defineOperation<{ id: string }>()(byVersionedId, MANAGERS),
  // Entering a period's figure is everyday work; the service keeps filers to what they may do.
  'indicators.recordValue': defineOperation<IndicatorRow>()(
    z.object({
      indicatorId: rowId,
      period: indicatorPeriod,
      value: z.number({ error: '请填写数值' }).finite('数值不正确'),
      note: optionalText(1000, '说明', 'paragraphs'),
      /** Expected version when replacing an existing value of the same period. */
      version: version.optional(),
      evidence: z.object(evidenceFile).superRefine(checkFileSource).optional(),
    }),
    WORKERS,
  ),
  'indicators.deleteValue': defineOperation<IndicatorRow>()(byVersionedId, MANAGERS),
  /** Period values from a sheet: a preview writes nothing; confirm writes the good rows. */
  'indicators.importValues': defineOperation<IndicatorImport>()(
    z.object({
      campaignId: rowId,
      ...workbookFile,
      confirm: z.boolean().optional().default(false),
      /** With confirm: write the good rows even though some rows have errors. */
      skipInvalid: z.boolean().optional().default(false),
    }),
    WORKERS,
  ),
};
