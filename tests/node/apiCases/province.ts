// The higher court's matrix: good and bad input for each operation.
import type { ProvinceOperation } from '../../../src/main/province/provinceHandlers';
import type { OperationCases } from './shared';

export const provinceCases: OperationCases<ProvinceOperation> = {
  'boards.province': {
    good: async () => {
      throw new Error('待补：boards.province');
    },
    bad: async () => {
      throw new Error('待补：boards.province');
    },
  },
};
