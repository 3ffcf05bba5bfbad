// The higher court's board over its subordinates' data (下级法院进度矩阵).
import type { provinceOperations } from '../../shared/province/provinceContract';
import type { AreaHandlers } from '../api/handlerTypes';
import { provinceBoard } from './provinceBoard';

/** Exactly the operations of src/shared/province/provinceContract.ts. */
export type ProvinceOperation = keyof typeof provinceOperations;

export const provinceHandlers: AreaHandlers<ProvinceOperation> = {
  'boards.province': (ctx, input) => provinceBoard(ctx, input.campaignId),
};
