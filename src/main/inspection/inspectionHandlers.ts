// Self-inspection (问题查摆): the problem catalogue, reports and their review. (Being built.)
import type { AreaHandlers } from '../api/handlerTypes';
import { ApiError } from '../api/errors';

type InspectionOperation =
  | 'problems.catalogue' | 'problems.createAspect' | 'problems.updateAspect' | 'problems.deleteAspect'
  | 'problems.create' | 'problems.update' | 'problems.delete'
  | 'inspection.list' | 'inspection.get' | 'inspection.create' | 'inspection.saveDraft' | 'inspection.submit'
  | 'inspection.return' | 'inspection.accept' | 'inspection.delete' | 'inspection.checks'
  | 'ledger.createFromClaim';

const notYet = async (): Promise<never> => {
  throw new ApiError('E_NOT_IMPLEMENTED', '此功能尚在开发中。');
};

export const inspectionHandlers: AreaHandlers<InspectionOperation> = {
  'problems.catalogue': notYet,
  'problems.createAspect': notYet,
  'problems.updateAspect': notYet,
  'problems.deleteAspect': notYet,
  'problems.create': notYet,
  'problems.update': notYet,
  'problems.delete': notYet,
  'inspection.list': notYet,
  'inspection.get': notYet,
  'inspection.create': notYet,
  'inspection.saveDraft': notYet,
  'inspection.submit': notYet,
  'inspection.return': notYet,
  'inspection.accept': notYet,
  'inspection.delete': notYet,
  'inspection.checks': notYet,
  'ledger.createFromClaim': notYet,
};
