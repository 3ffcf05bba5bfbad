// Evidence files (佐证材料) attached to checklist items. Plain data that crosses the process boundary.
import type { Owned } from '../common/commonModel';

export interface Evidence extends Owned {
  itemId: string;
  sha256: string;
  originalName: string;
  size: number;
  mimeType: string;
  /** What the file's bytes were found to be when stored ('pdf', 'docx', …; '' before 0008):
   * label it with evidenceTypeText (evidenceKinds.ts), never by its name. */
  detectedType: string;
  /** The progress note (进展) the file was handed in with, if any. */
  noteId: string | null;
}
