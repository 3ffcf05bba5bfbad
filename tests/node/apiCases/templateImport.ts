// Checklist template import: good and bad input for each operation.
import type { TemplateImportOperation } from '../../../src/main/checklist/templateImportHandlers';
import type { OperationCases } from './shared';

export const templateImportCases: OperationCases<TemplateImportOperation> = {
  'items.importTemplate': {
    good: async () => {
      throw new Error('待补：items.importTemplate');
    },
    bad: async () => {
      throw new Error('待补：items.importTemplate');
    },
  },
};
