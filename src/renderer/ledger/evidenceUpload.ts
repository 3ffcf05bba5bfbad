// Sends picked files as ledger evidence (整改前 / 整改后 / 回头看): each in pieces (files.upload),
// one file at a time so large scans never sit in memory at once, then stored with
// ledger.addEvidence. Used by the measure drawer and by the look-back dialog, which show the
// progress and may cancel between pieces.
//
// ledger.addEvidence is sent directly, once per file from this plain loop, instead of as a
// query-layer write: the screens are refreshed once when the loop ends, not after every file.
import type { LedgerEvidencePhase } from '../../shared/model';
import { send } from '../api/client';
import { refreshAll } from '../api/queries';
import { MAX_EVIDENCE_BYTES } from '../common/fileTypes';
import { discardUpload, uploadInPieces } from '../common/uploadInPieces';
import { ledgerText as t } from './text';

export interface UploadOutcome {
  uploaded: number;
  /** One Chinese sentence per file that did not go through. */
  failures: string[];
  /** The person cancelled: the file under way and the ones after it were not sent. */
  cancelled: boolean;
}

export interface UploadProgress {
  name: string;
  sent: number;
  total: number;
}

export interface UploadWatch {
  /** The file under way and how much of it has been sent. */
  onProgress?(progress: UploadProgress): void;
  /** Asked between pieces: true once the person cancelled (取消上传). */
  aborted?(): boolean;
}

export async function uploadLedgerEvidence(
  target: { measureId: string; phase: LedgerEvidencePhase; lookbackId?: string | null },
  files: File[],
  watch: UploadWatch = {},
): Promise<UploadOutcome> {
  const outcome: UploadOutcome = { uploaded: 0, failures: [], cancelled: false };
  const aborted = () => watch.aborted?.() ?? false;
  for (const file of files) {
    if (aborted()) {
      outcome.cancelled = true;
      break;
    }
    if (file.size > MAX_EVIDENCE_BYTES) {
      outcome.failures.push(t.tooLarge(file.name));
      continue;
    }
    if (file.size === 0) {
      outcome.failures.push(t.emptyFile(file.name));
      continue;
    }
    watch.onProgress?.({ name: file.name, sent: 0, total: file.size });
    const uploaded = await uploadInPieces('files.upload', file, {
      onProgress: (sent) => watch.onProgress?.({ name: file.name, sent, total: file.size }),
      aborted,
      unreadable: t.unreadable(file.name),
    });
    if (!uploaded.ok) {
      if ('aborted' in uploaded) {
        outcome.cancelled = true;
        break;
      }
      outcome.failures.push(
        uploaded.failure.code === 'E_UNREADABLE'
          ? uploaded.failure.message
          : `“${file.name}”：${uploaded.failure.message}`,
      );
      continue;
    }
    const result = await send('ledger.addEvidence', {
      measureId: target.measureId,
      phase: target.phase,
      lookbackId: target.lookbackId ?? null,
      name: file.name,
      mimeType: file.type || 'application/octet-stream',
      uploadId: uploaded.uploadId,
    });
    if (result.ok) outcome.uploaded += 1;
    else {
      await discardUpload('files.upload', uploaded.uploadId);
      // A refused type already names the file (「x.pdf」实为可执行程序…).
      outcome.failures.push(result.code === 'E_FILE_TYPE' ? result.message : `“${file.name}”：${result.message}`);
    }
  }
  if (outcome.uploaded > 0) void refreshAll();
  return outcome;
}
