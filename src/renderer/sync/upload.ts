// Sends a picked bundle file to the main process in pieces (sync.upload), so that a large bundle
// never has to sit in one message or in memory at once. The piece-by-piece sending is shared with
// evidence uploads (common/uploadInPieces.ts).
import { uploadInPieces, type UploadOutcome } from '../common/uploadInPieces';
import { syncText as t } from './text';

export type { UploadOutcome };

/**
 * Uploads `file` piece by piece; `onProgress` gets the bytes sent so far. `aborted()` is asked
 * between pieces: a person may give up (放弃) halfway, and what was sent is then discarded.
 */
export function uploadBundle(
  file: File,
  onProgress: (sentBytes: number) => void,
  aborted: () => boolean,
): Promise<UploadOutcome> {
  return uploadInPieces('sync.upload', file, { onProgress, aborted, unreadable: t.unreadable });
}
