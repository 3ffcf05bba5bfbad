// Sends a picked bundle file to the main process in pieces of UPLOAD_CHUNK_BYTES (sync.upload),
// so that a large bundle never has to sit in one message or in memory at once.
import { UPLOAD_CHUNK_BYTES, type Failure, type Results } from '../../shared/api';
import { send, type Result } from '../api/client';
import { readBase64 } from '../common/fileTypes';
import { syncText as t } from './text';

export type UploadOutcome = { ok: true; uploadId: string } | { ok: false; failure: Pick<Failure, 'message' | 'code'> } | { ok: false; aborted: true };

/**
 * Uploads `file` piece by piece; `onProgress` gets the bytes sent so far. `aborted()` is asked
 * between pieces: a person may give up (放弃) halfway, and what was sent is then discarded.
 */
export async function uploadBundle(file: File, onProgress: (sentBytes: number) => void, aborted: () => boolean): Promise<UploadOutcome> {
  let uploadId: string | null = null;
  const discard = async () => {
    if (uploadId) await send('sync.discardUpload', { uploadId });
  };
  // An empty file still goes once, so that the main process answers that it is not a bundle.
  const pieces = Math.max(1, Math.ceil(file.size / UPLOAD_CHUNK_BYTES));
  for (let index = 0; index < pieces; index++) {
    if (aborted()) {
      await discard();
      return { ok: false, aborted: true };
    }
    const start = index * UPLOAD_CHUNK_BYTES;
    const piece = file.slice(start, Math.min(file.size, start + UPLOAD_CHUNK_BYTES));
    let chunkBase64: string;
    try {
      chunkBase64 = piece.size === 0 ? '' : await readBase64(piece);
    } catch {
      await discard();
      return { ok: false, failure: { message: t.unreadable, code: 'E_UNREADABLE' } };
    }
    const result: Result<Results['sync.upload']> = await send('sync.upload', { uploadId, fileName: file.name, chunkBase64, final: index === pieces - 1 });
    if (!result.ok) {
      await discard();
      return { ok: false, failure: { message: result.message, code: result.code } };
    }
    uploadId = result.value.uploadId;
    onProgress(Math.min(file.size, start + piece.size));
  }
  return uploadId ? { ok: true, uploadId } : { ok: false, failure: { message: t.unreadable, code: 'E_UNREADABLE' } };
}
