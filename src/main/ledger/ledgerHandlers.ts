// Rectification ledger (整改台账), look-backs (回头看) and light history. (Being built.)
import type { AreaHandlers } from '../api/handlerTypes';
import { ApiError } from '../api/errors';

type LedgerOperation =
  | 'ledger.list' | 'ledger.closure' | 'ledger.getFinding' | 'ledger.createFinding' | 'ledger.updateFinding' | 'ledger.deleteFinding'
  | 'ledger.getMeasure' | 'ledger.createMeasure' | 'ledger.updateMeasure' | 'ledger.deleteMeasure'
  | 'ledger.addProgress' | 'ledger.submit' | 'ledger.signOff' | 'ledger.sendBack'
  | 'ledger.addEvidence' | 'ledger.removeEvidence' | 'ledger.openEvidence'
  | 'lookbacks.list' | 'lookbacks.record' | 'lookbacks.reschedule' | 'lights.history';

const notYet = async (): Promise<never> => {
  throw new ApiError('E_NOT_IMPLEMENTED', '此功能尚在开发中。');
};

export const ledgerHandlers: AreaHandlers<LedgerOperation> = {
  'ledger.list': notYet,
  'ledger.closure': notYet,
  'ledger.getFinding': notYet,
  'ledger.createFinding': notYet,
  'ledger.updateFinding': notYet,
  'ledger.deleteFinding': notYet,
  'ledger.getMeasure': notYet,
  'ledger.createMeasure': notYet,
  'ledger.updateMeasure': notYet,
  'ledger.deleteMeasure': notYet,
  'ledger.addProgress': notYet,
  'ledger.submit': notYet,
  'ledger.signOff': notYet,
  'ledger.sendBack': notYet,
  'ledger.addEvidence': notYet,
  'ledger.removeEvidence': notYet,
  'ledger.openEvidence': notYet,
  'lookbacks.list': notYet,
  'lookbacks.record': notYet,
  'lookbacks.reschedule': notYet,
  'lights.history': notYet,
};
