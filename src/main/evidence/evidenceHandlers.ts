// The evidence files' part of the operation table (佐证材料): adding, removing and opening a
// checklist item's evidence; the pieces any evidence file is uploaded in; the folder dialog.
import type { evidenceOperations } from '../../shared/evidence/evidenceContract';
import type { AreaHandlers } from '../api/handlerTypes';
import { discardUpload, receiveChunk } from '../uploads/uploads';
import { EVIDENCE_UPLOADS } from './evidenceFiles';
import * as evidence from './evidenceStore';

/** Exactly the operations of src/shared/evidence/evidenceContract.ts. */
export type EvidenceOperation = keyof typeof evidenceOperations;

export const evidenceHandlers: AreaHandlers<EvidenceOperation> = {
  'evidence.add': (ctx, input) => evidence.addEvidence(ctx, input),
  'evidence.remove': (ctx, input) => evidence.removeEvidence(ctx, input),
  'evidence.open': (ctx, input) => evidence.openEvidence(ctx, input.id),
  'files.chooseFolder': async (ctx) => ({ path: ctx.host.chooseFolder ? await ctx.host.chooseFolder() : null }),
  'files.upload': async (ctx, input) => receiveChunk(ctx, EVIDENCE_UPLOADS, input),
  'files.discardUpload': async (ctx, input) => ({ discarded: discardUpload(ctx, EVIDENCE_UPLOADS, input.uploadId) }),
};
