// Evidence files (佐证材料) attached to checklist items. Plain data that crosses the process boundary.
import type { Owned } from '../common/commonModel';

export interface Evidence extends Owned {
  itemId: string;
  sha256: string;
  originalName: string;
  size: number;
  mimeType: string;
}
