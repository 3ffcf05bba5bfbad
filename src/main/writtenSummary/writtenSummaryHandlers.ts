// The written 活动总结 area of the operation table: the summary drafted, edited and reset, and the
// 亮点 marks it draws on. (Being built: every handler refuses until its service lands.)
import type { writtenSummaryOperations } from '../../shared/writtenSummary/writtenSummaryContract';
import type { AreaHandlers } from '../api/handlerTypes';
import { ApiError } from '../api/errors';

/** Exactly the operations of src/shared/writtenSummary/writtenSummaryContract.ts. */
export type WrittenSummaryOperation = keyof typeof writtenSummaryOperations;

const notYet = (): never => {
  throw new ApiError('E_NOT_READY', '此功能尚未完成');
};

export const writtenSummaryHandlers: AreaHandlers<WrittenSummaryOperation> = {
  'summary.get': notYet,
  'summary.save': notYet,
  'summary.reset': notYet,
  'items.markHighlight': notYet,
  'progress.markHighlight': notYet,
};
