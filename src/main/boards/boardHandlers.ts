// The boards area of the operation table (挂图作战): this court's board and a campaign's board.
import type { AreaHandlers } from '../api/handlerTypes';
import { campaignBoard } from './campaignBoard';
import { courtBoard } from './courtBoard';

export type BoardOperation = 'boards.court' | 'boards.campaign';

export const boardHandlers: AreaHandlers<BoardOperation> = {
  'boards.court': (ctx) => courtBoard(ctx),
  'boards.campaign': (ctx, input) => campaignBoard(ctx, input),
};
