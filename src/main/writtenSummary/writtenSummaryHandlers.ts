// The written 活动总结 area of the operation table: the summary drafted, edited and reset, and the
// 亮点 marks it draws on.
import type { writtenSummaryOperations } from '../../shared/writtenSummary/writtenSummaryContract';
import type { AreaHandlers } from '../api/handlerTypes';
import { markItemHighlight, markNoteHighlight } from './highlights';
import { getWrittenSummary, resetWrittenSummary, saveWrittenSummary } from './writtenSummary';

/** Exactly the operations of src/shared/writtenSummary/writtenSummaryContract.ts. */
export type WrittenSummaryOperation = keyof typeof writtenSummaryOperations;

export const writtenSummaryHandlers: AreaHandlers<WrittenSummaryOperation> = {
  'summary.get': (ctx, input) => getWrittenSummary(ctx, input.campaignId, input.courtCode),
  'summary.save': (ctx, input) => saveWrittenSummary(ctx, input),
  'summary.reset': (ctx, input) => resetWrittenSummary(ctx, input),
  'items.markHighlight': (ctx, input) => markItemHighlight(ctx, input),
  'progress.markHighlight': (ctx, input) => markNoteHighlight(ctx, input),
};
