// The sync area of the operation table. Export, publish, preview and import run as jobs in a
// worker thread; the rest are quick reads.
import fs from 'node:fs';
import type { syncOperations } from '../../shared/sync/syncContract';
import type { AreaHandlers } from '../api/handlerTypes';
import { requireProfile } from '../court/courtProfile';
import { readHistory } from './syncHistory';
import { startSyncJob } from './syncJobs';
import { discardUpload, receiveChunk, uploadedFile, type UploadKind } from '../uploads/uploads';
import { DEFAULT_LIMITS } from './format/limits';
import {
  defaultExportFolder,
  rememberExportFolder,
  subordinateCourts,
  syncOverview,
  trustedCourts,
  untrustCourt,
} from './syncViews';
import { packageReach } from './packageReach';

/** Exactly the operations of src/shared/sync/syncContract.ts. */
export type SyncOperation = keyof typeof syncOperations;

/** Bundle files chosen in the window, staged for preview and import. */
const BUNDLE_UPLOADS: UploadKind = {
  name: 'bundle',
  maxBytes: DEFAULT_LIMITS.maxTotalBytes,
  tooLarge: '文件过大，超出同步包的大小上限。',
};

/** The default folder is created on demand; any other folder must already exist (a USB stick).
 * The folder is remembered and offered next time. */
async function prepareFolder(
  ctx: Parameters<AreaHandlers<'sync.export'>['sync.export']>[0],
  folder: string,
): Promise<string> {
  if (folder === defaultExportFolder()) fs.mkdirSync(folder, { recursive: true });
  await rememberExportFolder(ctx, folder);
  return folder;
}

export const syncHandlers: AreaHandlers<SyncOperation> = {
  'sync.overview': (ctx) => syncOverview(ctx),
  'sync.export': async (ctx, input) => {
    await requireProfile(ctx);
    return {
      jobId: startSyncJob(ctx, 'sync.export', {
        op: 'export',
        options: { folder: await prepareFolder(ctx, input.folder), full: input.full },
      }),
    };
  },
  'sync.publish': async (ctx, input) => {
    await requireProfile(ctx);
    return {
      jobId: startSyncJob(ctx, 'sync.publish', {
        op: 'publish',
        options: { folder: await prepareFolder(ctx, input.folder), campaignId: input.campaignId },
      }),
    };
  },
  'sync.upload': async (ctx, input) => receiveChunk(ctx, BUNDLE_UPLOADS, input),
  'sync.discardUpload': async (ctx, input) => ({ discarded: discardUpload(ctx, BUNDLE_UPLOADS, input.uploadId) }),
  'sync.preview': async (ctx, input) => {
    const { file, fileName } = uploadedFile(ctx, BUNDLE_UPLOADS, input.uploadId);
    return {
      jobId: startSyncJob(ctx, 'sync.preview', { op: 'import', options: { file, fileName, dryRun: true, trust: [] } }),
    };
  },
  'sync.import': async (ctx, input) => {
    const { file, fileName } = uploadedFile(ctx, BUNDLE_UPLOADS, input.uploadId);
    // The staged copy is no longer needed once it is in; after a refusal it stays for another try.
    return {
      jobId: startSyncJob(
        ctx,
        'sync.import',
        {
          op: 'import',
          options: { file, fileName, dryRun: false, trust: input.trust, addToRoster: input.addToRoster },
        },
        () => discardUpload(ctx, BUNDLE_UPLOADS, input.uploadId),
      ),
    };
  },
  'sync.trusted': (ctx) => trustedCourts(ctx),
  'sync.untrust': (ctx, input) => untrustCourt(ctx, input.code),
  'sync.history': async (ctx, input) => readHistory(ctx.dataDir, input.limit),
  'sync.subordinates': (ctx) => subordinateCourts(ctx),
  'sync.packageReach': (ctx, input) => packageReach(ctx, input.campaignId),
};
