// Evidence files (佐证材料) of checklist items, the pieces any file is uploaded in, and the
// system's folder dialog.
import * as z from 'zod';
import { defineOperation, WORKERS } from '../contract';
import {
  byId,
  byVersionedId,
  checkFileSource,
  empty,
  evidenceFile,
  rowId,
  uploadId,
  uploadPiece,
} from '../common/schemas';
import type { Evidence } from './evidenceModel';

export const evidenceOperations = {
  'evidence.add': defineOperation<Evidence>()(
    z.object({ itemId: rowId, ...evidenceFile }).superRefine(checkFileSource),
    WORKERS,
  ),
  'evidence.remove': defineOperation<{ id: string }>()(byVersionedId, WORKERS),
  'evidence.open': defineOperation<{ opened: boolean }>()(byId, 'user'),
  /** The system's folder dialog, where there is one (null in the browser preview). */
  'files.chooseFolder': defineOperation<{ path: string | null }>()(empty, 'user'),
  /** A piece of an evidence file; the finished upload's id goes to evidence.add, ledger.addEvidence
   * or indicators.recordValue (evidence.uploadId), which store it and discard the upload. */
  // Whoever may add evidence (evidence.add, ledger.addEvidence, indicators.recordValue) may send its file.
  'files.upload': defineOperation<{ uploadId: string; bytes: number }>()(uploadPiece, WORKERS),
  /** An upload given up (放弃) or not used after all. */
  'files.discardUpload': defineOperation<{ discarded: boolean }>()(z.object({ uploadId }), WORKERS),
};
