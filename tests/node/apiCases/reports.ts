// Reports (报表): good and bad input for each operation.
import type { ReportOperation } from '../../../src/main/reports/reportHandlers';
import type { OperationCases } from './shared';

export const reportsCases: OperationCases<ReportOperation> = {
  'reports.preview': {
    good: async () => {
      throw new Error('待补：reports.preview');
    },
    bad: async () => {
      throw new Error('待补：reports.preview');
    },
  },
  'reports.export': {
    good: async () => {
      throw new Error('待补：reports.export');
    },
    bad: async () => {
      throw new Error('待补：reports.export');
    },
  },
};
