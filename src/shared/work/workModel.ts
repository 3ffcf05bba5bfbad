// My work (我的待办): what waits for the logged-in person. Plain data that crosses the process boundary.
import type { Light } from '../common/commonModel';

export type WorkKind = 'item' | 'report' | 'measure' | 'lookback';

/** What the work waits for: filling in, review, sign-off, or a re-check. */
export type WorkAction = 'fill' | 'revise' | 'review' | 'sign_off' | 'recheck';

export interface WorkEntry {
  kind: WorkKind;
  id: string;
  campaignId: string;
  campaignTitle: string;
  title: string;
  departmentName: string;
  deadline: string | null;
  light: Light;
  action: WorkAction;
  /** Status in Chinese, as shown elsewhere for this kind of record. */
  statusText: string;
  /** Why a reviewer sent it back (退回理由), while it waits to be revised; else null. */
  returnReason: string | null;
}
