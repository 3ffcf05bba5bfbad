// Boards (挂图作战): the court's own board and one campaign's.
import * as z from 'zod';
import { defineOperation } from '../contract';
import { courtCode, empty, rowId } from '../common/schemas';
import type { CampaignBoard, CourtBoard } from './boardsModel';

export const boardOperations = {
  'boards.court': defineOperation<CourtBoard>()(empty, 'user'),
  'boards.campaign': defineOperation<CampaignBoard>()(
    z.object({ campaignId: rowId, courtCode: courtCode.optional() }),
    'user',
  ),
};
