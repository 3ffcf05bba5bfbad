// Sends a picked file to the main process in pieces of UPLOAD_CHUNK_BYTES — evidence with
// files.upload, bundle files with sync.upload — so a large file never sits in one message or in
// memory at once. The finished upload's id is then handed to the operation that uses the file.
// These are direct sends rather than query-layer writes: the pieces only stage a file in the main
// process (nothing on any screen changes until the operation that uses it), they run from plain
// async loops outside React, and a refresh of every screen after each piece would be pure waste.
import { UPLOAD_CHUNK_BYTES, type Failure, type Input, type Results } from '../../shared/api';
import { send, type Result } from '../api/client';
import { readBase64 } from './fileTypes';

export type UploadOperation = 'files.upload' | 'sync.upload';

export type UploadOutcome =
  | { ok: true; uploadId: string }
  | { ok: false; failure: Pick<Failure, 'message' | 'code'> }
  | { ok: false; aborted: true };

export interface UploadOptions {
  /** The bytes sent so far, after each piece. */
  onProgress(sentBytes: number): void;
  /** Asked between pieces: a person may give up (取消) halfway; what was sent is then discarded. */
  aborted?: () => boolean;
  /** The screen's sentence for a file that cannot be read here. */
  unreadable: string;
}

/** Gives up a staged upload (after 放弃, or when the operation that was to use it failed). */
export async function discardUpload(operation: UploadOperation, uploadId: string): Promise<void> {
  if (operation === 'files.upload') await send('files.discardUpload', { uploadId });
  else await send('sync.discardUpload', { uploadId });
}

/** Uploads `file` piece by piece; the outcome names the finished upload, or why there is none. */
export async function uploadInPieces(
  operation: UploadOperation,
  file: File,
  options: UploadOptions,
): Promise<UploadOutcome> {
  const aborted = options.aborted ?? (() => false);
  const unreadable = { ok: false as const, failure: { message: options.unreadable, code: 'E_UNREADABLE' } };
  let uploadId: string | null = null;
  const discard = async () => {
    if (uploadId) await discardUpload(operation, uploadId);
  };
  // An empty file still goes once, so that the main process answers for it.
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
      return unreadable;
    }
    const input: Input<'files.upload'> = { uploadId, fileName: file.name, chunkBase64, final: index === pieces - 1 };
    const result: Result<Results['files.upload']> =
      operation === 'files.upload' ? await send('files.upload', input) : await send('sync.upload', input);
    if (!result.ok) {
      await discard();
      return { ok: false, failure: { message: result.message, code: result.code } };
    }
    uploadId = result.value.uploadId;
    options.onProgress(Math.min(file.size, start + piece.size));
  }
  if (aborted()) {
    await discard();
    return { ok: false, aborted: true };
  }
  return uploadId ? { ok: true, uploadId } : unreadable;
}
