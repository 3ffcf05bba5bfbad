// Placeholder until the ledger cases land.
import type { OperationCases } from './shared';

type LedgerOperation =
  | 'ledger.list' | 'ledger.closure' | 'ledger.getFinding' | 'ledger.createFinding' | 'ledger.updateFinding' | 'ledger.deleteFinding'
  | 'ledger.getMeasure' | 'ledger.createMeasure' | 'ledger.updateMeasure' | 'ledger.deleteMeasure'
  | 'ledger.addProgress' | 'ledger.submit' | 'ledger.signOff' | 'ledger.sendBack'
  | 'ledger.addEvidence' | 'ledger.removeEvidence' | 'ledger.openEvidence'
  | 'lookbacks.list' | 'lookbacks.record' | 'lookbacks.reschedule' | 'lights.history' | 'work.mine';

export const ledgerCases = {} as OperationCases<LedgerOperation>;
