// Importing a checklist template from XLSX (导入推进清单模板).
import type { AreaHandlers } from '../api/handlerTypes';
import { ApiError } from '../api/errors';

export type TemplateImportOperation = 'items.importTemplate';

export const templateImportHandlers: AreaHandlers<TemplateImportOperation> = {
  'items.importTemplate': async () => {
    throw new ApiError('E_UNAVAILABLE', '模板导入尚未完成。');
  },
};
