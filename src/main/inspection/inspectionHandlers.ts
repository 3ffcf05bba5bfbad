// Self-inspection (问题查摆): the problem catalogue, reports and their review, the evasion checks,
// and turning an accepted claim into a ledger entry. Who may call what is in the shared contract; the
// services check departments and the two-person rule once they know the record.
import type { inspectionOperations } from '../../shared/inspection/inspectionContract';
import type { AreaHandlers } from '../api/handlerTypes';
import * as catalogue from './catalogue';
import * as reports from './reports';
import { evasionChecks } from './evasionChecks';
import { createFromClaim } from './claimToLedger';

/** Exactly the operations of src/shared/inspection/inspectionContract.ts. */
export type InspectionOperation = keyof typeof inspectionOperations;

export const inspectionHandlers: AreaHandlers<InspectionOperation> = {
  'problems.catalogue': (ctx, input) => catalogue.getCatalogue(ctx, input.campaignId),
  'problems.createAspect': (ctx, input) => catalogue.createAspect(ctx, input),
  'problems.updateAspect': (ctx, input) => catalogue.updateAspect(ctx, input),
  'problems.deleteAspect': (ctx, input) => catalogue.deleteAspect(ctx, input),
  'problems.create': (ctx, input) => catalogue.createProblem(ctx, input),
  'problems.update': (ctx, input) => catalogue.updateProblem(ctx, input),
  'problems.delete': (ctx, input) => catalogue.deleteProblem(ctx, input),
  'inspection.list': (ctx, input) => reports.listReports(ctx, input.campaignId, input.courtCode),
  'inspection.get': (ctx, input) => reports.getReport(ctx, input.id),
  'inspection.create': (ctx, input) => reports.createReport(ctx, input),
  'inspection.saveDraft': (ctx, input) => reports.saveDraft(ctx, input),
  'inspection.submit': (ctx, input) => reports.submitReport(ctx, input),
  'inspection.return': (ctx, input) => reports.returnReport(ctx, input),
  'inspection.accept': (ctx, input) => reports.acceptReport(ctx, input),
  'inspection.delete': (ctx, input) => reports.deleteReport(ctx, input),
  'inspection.reopen': (ctx, input) => reports.reopenReport(ctx, input),
  'inspection.checks': (ctx, input) => evasionChecks(ctx, input.campaignId),
  'ledger.createFromClaim': (ctx, input) => createFromClaim(ctx, input.claimId),
};
