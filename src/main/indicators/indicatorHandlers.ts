// The indicators area of the operation table (指标): definitions per campaign and each court's
// period values. The service is in indicators.ts; importing values from Excel in valueImport.ts.
import type { AreaHandlers } from '../api/handlerTypes';
import {
  createIndicator,
  deleteIndicator,
  deleteValue,
  listIndicators,
  recordValue,
  updateIndicator,
} from './indicators';
import { importValues } from './valueImport';

export type IndicatorOperation =
  | 'indicators.list'
  | 'indicators.create'
  | 'indicators.update'
  | 'indicators.delete'
  | 'indicators.recordValue'
  | 'indicators.deleteValue'
  | 'indicators.importValues';

export const indicatorHandlers: AreaHandlers<IndicatorOperation> = {
  'indicators.list': (ctx, input) => listIndicators(ctx, input),
  'indicators.create': (ctx, input) => createIndicator(ctx, input),
  'indicators.update': (ctx, input) => updateIndicator(ctx, input),
  'indicators.delete': (ctx, input) => deleteIndicator(ctx, input),
  'indicators.recordValue': (ctx, input) => recordValue(ctx, input),
  'indicators.deleteValue': (ctx, input) => deleteValue(ctx, input),
  'indicators.importValues': (ctx, input) => importValues(ctx, input),
};
