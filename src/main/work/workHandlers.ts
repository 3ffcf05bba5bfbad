// My work's part of the operation table (我的待办). The service is in myWork.ts.
import type { workOperations } from '../../shared/work/workContract';
import type { AreaHandlers } from '../api/handlerTypes';
import { myWork } from './myWork';

/** Exactly the operations of src/shared/work/workContract.ts. */
export type WorkOperation = keyof typeof workOperations;

export const workHandlers: AreaHandlers<WorkOperation> = {
  'work.mine': (ctx) => myWork(ctx),
};
