// Sends a chosen 恢复申请 or 恢复包 to the main process in pieces (recovery.upload), as the sync
// screens send bundles. A separate loop from common/uploadInPieces.ts because that one knows only
// files.upload and sync.upload, and the reinstalled court, with nobody logged in, may call neither.
// The contract has no recovery.discardUpload: a piece sent before a failure stays staged until the
// main process clears its uploads.
import { UPLOAD_CHUNK_BYTES } from '../../shared/api';
import { send, type Result } from '../api/client';
import { readBase64 } from '../common/fileTypes';
import { recoveryText as t } from './text';

export type RecoveryUpload = { ok: true; uploadId: string } | { ok: false; message: string; code: string | null };

/** Uploads `file` piece by piece; `onProgress` hears the bytes sent so far. */
export async function uploadRecoveryFile(
  file: File,
  onProgress: (sentBytes: number) => void,
  aborted: () => boolean = () => false,
): Promise<RecoveryUpload | { ok: false; aborted: true }> {
  let uploadId: string | null = null;
  // An empty file still goes once, so that the main process answers for it.
  const pieces = Math.max(1, Math.ceil(file.size / UPLOAD_CHUNK_BYTES));
  for (let index = 0; index < pieces; index++) {
    if (aborted()) return { ok: false, aborted: true };
    const start = index * UPLOAD_CHUNK_BYTES;
    const piece = file.slice(start, Math.min(file.size, start + UPLOAD_CHUNK_BYTES));
    let chunkBase64: string;
    try {
      chunkBase64 = piece.size === 0 ? '' : await readBase64(piece);
    } catch {
      return { ok: false, message: t.unreadable, code: 'E_UNREADABLE' };
    }
    const result: Result<{ uploadId: string; bytes: number }> = await send('recovery.upload', {
      uploadId,
      fileName: file.name,
      chunkBase64,
      final: index === pieces - 1,
    });
    if (!result.ok) return { ok: false, message: result.message, code: result.code };
    uploadId = result.value.uploadId;
    onProgress(Math.min(file.size, start + piece.size));
  }
  return uploadId ? { ok: true, uploadId } : { ok: false, message: t.unreadable, code: 'E_UNREADABLE' };
}
