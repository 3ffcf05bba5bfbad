// The higher court's board over its subordinates' data (下级法院进度矩阵).
import type { AreaHandlers } from '../api/handlerTypes';
import { provinceBoard } from './provinceBoard';

export type ProvinceOperation = 'boards.province';

export const provinceHandlers: AreaHandlers<ProvinceOperation> = {
  'boards.province': (ctx, input) => provinceBoard(ctx, input.campaignId),
};
