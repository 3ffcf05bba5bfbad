// The higher court's board of subordinate courts (boards.province).
import * as z from 'zod';
import { defineOperation } from '../contract';
import { rowId } from '../common/schemas';
import type { ProvinceBoard } from './provinceModel';

export const provinceOperations = {
  'boards.province': defineOperation<ProvinceBoard>()(z.object({ campaignId: rowId }), 'user'),
};
