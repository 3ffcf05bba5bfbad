// The boards area of the operation table (挂图作战): this court's board and a campaign's board.
import type { boardOperations } from '../../shared/boards/boardsContract';
import type { AreaHandlers } from '../api/handlerTypes';
import { campaignBoard } from './campaignBoard';
import { courtBoard } from './courtBoard';

/** Exactly the operations of src/shared/boards/boardsContract.ts. */
export type BoardOperation = keyof typeof boardOperations;

export const boardHandlers: AreaHandlers<BoardOperation> = {
  'boards.court': (ctx) => courtBoard(ctx),
  'boards.campaign': (ctx, input) => campaignBoard(ctx, input),
};
