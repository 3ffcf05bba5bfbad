// The higher court's board over its subordinates' data (下级法院进度矩阵).
import type { AreaHandlers } from '../api/handlerTypes';
import { ApiError } from '../api/errors';

export type ProvinceOperation = 'boards.province';

export const provinceHandlers: AreaHandlers<ProvinceOperation> = {
  'boards.province': async () => {
    throw new ApiError('E_UNAVAILABLE', '下级法院进度矩阵尚未完成。');
  },
};
