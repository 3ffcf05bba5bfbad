// Placeholder until the inspection cases land.
import type { OperationCases } from './shared';

type InspectionOperation =
  | 'problems.catalogue' | 'problems.createAspect' | 'problems.updateAspect' | 'problems.deleteAspect'
  | 'problems.create' | 'problems.update' | 'problems.delete'
  | 'inspection.list' | 'inspection.get' | 'inspection.create' | 'inspection.saveDraft' | 'inspection.submit'
  | 'inspection.return' | 'inspection.accept' | 'inspection.delete' | 'inspection.checks'
  | 'ledger.createFromClaim';

export const inspectionCases = {} as OperationCases<InspectionOperation>;
