// Sync bundles between courts: exporting, uploading, previewing and importing them, trusted courts,
// the history and the subordinate courts seen.
import * as z from 'zod';
import { ADMIN, defineOperation, MANAGERS } from '../contract';
import { courtCode, empty, exportFolder, rowId, uploadId, uploadPiece } from '../common/schemas';
import type { PackageReach, SubordinateCourt, SyncHistoryEntry, SyncOverview, TrustedCourt } from './syncModel';

/** A key fingerprint as read out: 40 digits, spaces and dashes allowed between them. */
export const fingerprintText = z
  .string({ error: '请填写指纹' })
  .transform((v) => v.replace(/[\s-]/g, ''))
  .refine((v) => /^\d{40}$/.test(v), '指纹应为 40 位数字（8 组，每组 5 位）');

export const syncOperations = {
  'sync.overview': defineOperation<SyncOverview>()(empty, 'user'),
  'sync.export': defineOperation<{ jobId: string }>()(
    z.object({ folder: exportFolder, full: z.boolean().optional().default(false) }),
    MANAGERS,
  ),
  'sync.publish': defineOperation<{ jobId: string }>()(z.object({ campaignId: rowId, folder: exportFolder }), MANAGERS),
  'sync.upload': defineOperation<{ uploadId: string; bytes: number }>()(uploadPiece, MANAGERS),
  'sync.discardUpload': defineOperation<{ discarded: boolean }>()(z.object({ uploadId }), MANAGERS),
  'sync.preview': defineOperation<{ jobId: string }>()(z.object({ uploadId }), MANAGERS),
  // Trusting a new court's key is part of importing; the import checks the confirmed fingerprint.
  'sync.import': defineOperation<{ jobId: string }>()(
    z.object({
      uploadId,
      /** Fingerprints a person compared and confirmed for courts met for the first time. */
      trust: z.array(fingerprintText).max(500).optional().default([]),
      /** Courts not on this court's roster whose report up a person accepted (加入应报名单). */
      addToRoster: z.array(courtCode).max(500).optional().default([]),
    }),
    MANAGERS,
  ),
  'sync.trusted': defineOperation<TrustedCourt[]>()(empty, 'user'),
  'sync.untrust': defineOperation<{ code: string }>()(z.object({ code: courtCode }), ADMIN),
  'sync.history': defineOperation<SyncHistoryEntry[]>()(
    z
      .object({ limit: z.number().int().min(1).max(1000).optional().default(200) })
      .optional()
      .default({ limit: 200 }),
    'user',
  ),
  'sync.subordinates': defineOperation<SubordinateCourt[]>()(empty, 'user'),
  'sync.packageReach': defineOperation<PackageReach>()(z.object({ campaignId: rowId }), 'user'),
};
