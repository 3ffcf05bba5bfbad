// 恢复包: rebuilding a court from what its parent court holds after a disk failure with no backup.
// The reinstalled court's steps are open before a court is set up (nobody can log in yet); the
// service refuses them once a court exists. The parent's steps are for its administrator.
import * as z from 'zod';
import { ADMIN, defineOperation } from '../contract';
import { courtCode, empty, exportFolder, requiredText, uploadId, uploadPiece } from '../common/schemas';
import { fingerprintText } from '../sync/syncContract';
import type { PendingRecovery, RecoveryRequestFile, RecoveryRequestView } from './recoveryModel';

export const recoveryOperations = {
  /** Reinstalled court: the request already made on this computer, if any. */
  'recovery.pending': defineOperation<PendingRecovery | null>()(empty, 'public'),
  /** Reinstalled court: writes the 恢复申请 (new keys made here) into a folder (a USB drive). */
  'recovery.request': defineOperation<RecoveryRequestFile>()(
    z.object({ courtCode, courtName: requiredText(100, '法院名称'), folder: exportFolder }),
    'public',
  ),
  /** Either side: one piece of a 恢复申请 or 恢复包 chosen in the window. */
  'recovery.upload': defineOperation<{ uploadId: string; bytes: number }>()(uploadPiece, 'public'),
  /** Parent: what the uploaded 恢复申请 asks for, and what this court holds of that court. */
  'recovery.readRequest': defineOperation<RecoveryRequestView>()(z.object({ uploadId }), ADMIN),
  /** Parent: writes the 恢复包 sealed to the new key (fingerprint checked by phone) and retires
   * the old key (a job; result kind recoveryExport). */
  'recovery.export': defineOperation<{ jobId: string }>()(
    z.object({ uploadId, fingerprint: fingerprintText, folder: exportFolder }),
    ADMIN,
  ),
  /** Reinstalled court: opens the uploaded 恢复包 with its new key and shows what it holds (a job;
   * result kind recoveryPreview). */
  'recovery.preview': defineOperation<{ jobId: string }>()(z.object({ uploadId }), 'public'),
  /** Reinstalled court: imports it, the parent's fingerprint compared by phone (a job; result
   * kind recoveryImport). */
  'recovery.import': defineOperation<{ jobId: string }>()(
    z.object({ uploadId, parentFingerprint: fingerprintText }),
    'public',
  ),
};

export type { RecoveryRequestFile, RecoveryRequestView };
