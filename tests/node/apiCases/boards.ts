// Boards (挂图作战): good and bad input for each operation.
import type { BoardOperation } from '../../../src/main/boards/boardHandlers';
import type { OperationCases } from './shared';

export const boardsCases: OperationCases<BoardOperation> = {
  'boards.court': {
    good: async () => {
      throw new Error('待补：boards.court');
    },
    bad: async () => {
      throw new Error('待补：boards.court');
    },
  },
  'boards.campaign': {
    good: async () => {
      throw new Error('待补：boards.campaign');
    },
    bad: async () => {
      throw new Error('待补：boards.campaign');
    },
  },
};
