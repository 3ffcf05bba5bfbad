// The recovery part of the operation table (恢复包 from the parent court). The reinstalled court's
// operations are public (nobody can log in before a court is set up) and refused once one is; the
// parent's are for its administrator. Export, preview and import run as jobs.
import type { recoveryOperations } from '../../shared/recovery/recoveryContract';
import type { AreaHandlers } from '../api/handlerTypes';
import { ApiError } from '../api/errors';
import { hasRole } from '../access/access';
import { getProfile } from '../court/courtProfile';
import { receiveChunk, uploadedFile, useUpload, type UploadKind } from '../uploads/uploads';
import { DEFAULT_LIMITS } from '../sync/format/limits';
import {
  exportRecovery,
  importRecovery,
  pendingRecovery,
  previewRecovery,
  readRequestView,
  refuseWhenSetUp,
  requestRecovery,
} from './recoveryService';

/** Exactly the operations of src/shared/recovery/recoveryContract.ts. */
export type RecoveryOperation = keyof typeof recoveryOperations;

/** 恢复申请 and 恢复包 files chosen in the window, staged like bundle files. */
const RECOVERY_UPLOADS: UploadKind = {
  name: 'bundle',
  maxBytes: DEFAULT_LIMITS.maxTotalBytes,
  tooLarge: '文件过大，超出恢复包的大小上限。',
};

export const recoveryHandlers: AreaHandlers<RecoveryOperation> = {
  'recovery.pending': (ctx) => pendingRecovery(ctx),
  'recovery.request': (ctx, input) => requestRecovery(ctx, input),
  'recovery.upload': async (ctx, input) => {
    // The reinstalled court (no court yet) uploads its 恢复包; the parent's administrator a 恢复申请.
    if ((await getProfile(ctx)) && !hasRole(ctx.user, 'admin')) {
      throw new ApiError('E_FORBIDDEN', '只有管理员可以上传恢复申请。');
    }
    return receiveChunk(ctx, RECOVERY_UPLOADS, input);
  },
  'recovery.readRequest': async (ctx, input) => {
    const { file } = uploadedFile(ctx, RECOVERY_UPLOADS, input.uploadId);
    return readRequestView(ctx, file);
  },
  'recovery.export': async (ctx, input) => {
    // Refusals that need no work (not a request, wrong fingerprint, not a court held here) come
    // back at once; the job writes the package.
    const { file } = uploadedFile(ctx, RECOVERY_UPLOADS, input.uploadId);
    const view = await readRequestView(ctx, file);
    if (view.refusal) throw new ApiError('E_NOT_SUBORDINATE', view.refusal);
    const jobId = ctx.jobs.start('recovery.export', async () => ({
      kind: 'recoveryExport',
      file: await useUpload(ctx, RECOVERY_UPLOADS, input.uploadId, (staged) =>
        exportRecovery(ctx, { file: staged.file, fingerprint: input.fingerprint, folder: input.folder }),
      ),
    }));
    return { jobId };
  },
  'recovery.preview': async (ctx, input) => {
    await refuseWhenSetUp(ctx);
    const { file } = uploadedFile(ctx, RECOVERY_UPLOADS, input.uploadId);
    const jobId = ctx.jobs.start('recovery.preview', async () => ({
      kind: 'recoveryPreview',
      preview: await previewRecovery(ctx, file),
    }));
    return { jobId };
  },
  'recovery.import': async (ctx, input) => {
    await refuseWhenSetUp(ctx);
    uploadedFile(ctx, RECOVERY_UPLOADS, input.uploadId);
    const jobId = ctx.jobs.start('recovery.import', async () => ({
      kind: 'recoveryImport',
      result: await useUpload(ctx, RECOVERY_UPLOADS, input.uploadId, (staged) =>
        importRecovery(ctx, staged.file, input.parentFingerprint),
      ),
    }));
    return { jobId };
  },
};
