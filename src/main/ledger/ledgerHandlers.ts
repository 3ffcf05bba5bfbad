// The ledger's part of the operation table: rectification ledger (整改台账), look-backs (回头看)
// and the light history of any record. The services live beside this file.
import type { LightSpan } from '../../shared/model';
import type { ledgerOperations } from '../../shared/ledger/ledgerContract';
import type { AreaHandlers } from '../api/handlerTypes';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { lightHistory, sweepLights } from '../lights/lightHistory';
import { ledgerClosure } from './closure';
import { createFinding, deleteFinding, updateFinding } from './findings';
import { addLedgerEvidence, openLedgerEvidence, removeLedgerEvidence } from './ledgerEvidence';
import { listLedger, loadFindingDetail, loadMeasureDetail } from './ledgerViews';
import { listLookbacks, recordLookback, rescheduleLookback } from './lookbacks';
import {
  addProgress,
  createMeasure,
  deleteMeasure,
  sendBackMeasure,
  reopenMeasure,
  signOffMeasure,
  submitMeasure,
  updateMeasure,
} from './measures';
// Registers the daily sweep of measure and look-back colours with the light history.
import './ledgerLights';

export { loadFindingDetail, loadMeasureDetail } from './ledgerViews';
export { insertFinding, insertMeasure } from './ledgerWrites';

/** Exactly the operations of src/shared/ledger/ledgerContract.ts. */
export type LedgerOperation = keyof typeof ledgerOperations;

const HISTORY_TABLES = { item: 'items', measure: 'ledgerMeasures', lookback: 'lookbacks' } as const;

/** The colours a checklist item, measure or look-back has shown, oldest first. */
async function recordLightHistory(
  ctx: ServiceContext,
  kind: keyof typeof HISTORY_TABLES,
  id: string,
): Promise<LightSpan[]> {
  const found = await ctx.db.selectFrom(HISTORY_TABLES[kind]).select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw new ApiError('E_NOT_FOUND', '找不到这条记录，可能已被删除，请刷新后再试。');
  await sweepLights(ctx);
  return lightHistory(ctx.db, kind, id);
}

export const ledgerHandlers: AreaHandlers<LedgerOperation> = {
  'ledger.list': (ctx, input) => listLedger(ctx, input),
  'ledger.closure': (ctx, input) => ledgerClosure(ctx, input.campaignId, input.courtCode),
  'ledger.getFinding': (ctx, input) => loadFindingDetail(ctx, input.id),
  'ledger.createFinding': (ctx, input) => createFinding(ctx, input),
  'ledger.updateFinding': (ctx, input) => updateFinding(ctx, input),
  'ledger.deleteFinding': (ctx, input) => deleteFinding(ctx, input),
  'ledger.getMeasure': (ctx, input) => loadMeasureDetail(ctx, input.id),
  'ledger.createMeasure': (ctx, input) => createMeasure(ctx, input),
  'ledger.updateMeasure': (ctx, input) => updateMeasure(ctx, input),
  'ledger.deleteMeasure': (ctx, input) => deleteMeasure(ctx, input),
  'ledger.addProgress': (ctx, input) => addProgress(ctx, input),
  'ledger.submit': (ctx, input) => submitMeasure(ctx, input),
  'ledger.signOff': (ctx, input) => signOffMeasure(ctx, input),
  'ledger.sendBack': (ctx, input) => sendBackMeasure(ctx, input),
  'ledger.reopenMeasure': (ctx, input) => reopenMeasure(ctx, input),
  'ledger.addEvidence': (ctx, input) => addLedgerEvidence(ctx, input),
  'ledger.removeEvidence': (ctx, input) => removeLedgerEvidence(ctx, input),
  'ledger.openEvidence': (ctx, input) => openLedgerEvidence(ctx, input.id),
  'lookbacks.list': (ctx, input) => listLookbacks(ctx, input),
  'lookbacks.record': (ctx, input) => recordLookback(ctx, input),
  'lookbacks.reschedule': (ctx, input) => rescheduleLookback(ctx, input),
  'lights.history': (ctx, input) => recordLightHistory(ctx, input.kind, input.id),
};
