// Sends picked files as ledger evidence (整改前 / 整改后 / 回头看), one at a time so large scans do
// not all sit in memory at once. Used by the measure drawer and by the look-back dialog.
import type { LedgerEvidencePhase } from '../../shared/model';
import { send } from '../api/client';
import { MAX_EVIDENCE_BYTES, readBase64 } from '../common/fileTypes';
import { ledgerText as t } from './text';

export interface UploadOutcome {
  uploaded: number;
  /** One Chinese sentence per file that did not go through. */
  failures: string[];
}

export async function uploadLedgerEvidence(
  target: { measureId: string; phase: LedgerEvidencePhase; lookbackId?: string | null },
  files: File[],
  onFile?: (name: string) => void,
): Promise<UploadOutcome> {
  const outcome: UploadOutcome = { uploaded: 0, failures: [] };
  for (const file of files) {
    if (file.size > MAX_EVIDENCE_BYTES) {
      outcome.failures.push(t.tooLarge(file.name));
      continue;
    }
    if (file.size === 0) {
      outcome.failures.push(t.emptyFile(file.name));
      continue;
    }
    onFile?.(file.name);
    let dataBase64: string;
    try {
      dataBase64 = await readBase64(file);
    } catch {
      outcome.failures.push(t.unreadable(file.name));
      continue;
    }
    const result = await send('ledger.addEvidence', {
      measureId: target.measureId,
      phase: target.phase,
      lookbackId: target.lookbackId ?? null,
      name: file.name,
      mimeType: file.type || 'application/octet-stream',
      dataBase64,
    });
    if (result.ok) outcome.uploaded += 1;
    else outcome.failures.push(`“${file.name}”：${result.message}`);
  }
  return outcome;
}
