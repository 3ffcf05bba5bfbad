// The boards area of the operation table (挂图作战): this court's board and a campaign's board.
import type { AreaHandlers } from '../api/handlerTypes';
import { ApiError } from '../api/errors';

export type BoardOperation = 'boards.court' | 'boards.campaign';

export const boardHandlers: AreaHandlers<BoardOperation> = {
  'boards.court': async () => {
    throw new ApiError('E_UNAVAILABLE', '本院挂图尚未完成。');
  },
  'boards.campaign': async () => {
    throw new ApiError('E_UNAVAILABLE', '活动挂图尚未完成。');
  },
};
