// The indicators area of the operation table (指标): definitions per campaign and each court's
// period values. The service is in indicators.ts; importing values from Excel in valueImport.ts.
import type { indicatorOperations } from '../../shared/indicators/indicatorsContract';
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

/** Exactly the operations of src/shared/indicators/indicatorsContract.ts. */
export type IndicatorOperation = keyof typeof indicatorOperations;

export const indicatorHandlers: AreaHandlers<IndicatorOperation> = {
  'indicators.list': (ctx, input) => listIndicators(ctx, input),
  'indicators.create': (ctx, input) => createIndicator(ctx, input),
  'indicators.update': (ctx, input) => updateIndicator(ctx, input),
  'indicators.delete': (ctx, input) => deleteIndicator(ctx, input),
  'indicators.recordValue': (ctx, input) => recordValue(ctx, input),
  'indicators.deleteValue': (ctx, input) => deleteValue(ctx, input),
  'indicators.importValues': (ctx, input) => importValues(ctx, input),
};
