// Importing a checklist template from XLSX (导入推进清单模板). The service is in templateImport.ts.
import type { AreaHandlers } from '../api/handlerTypes';
import { importTemplate } from './templateImport';

export type TemplateImportOperation = 'items.importTemplate';

export const templateImportHandlers: AreaHandlers<TemplateImportOperation> = {
  'items.importTemplate': (ctx, input) => importTemplate(ctx, input),
};
