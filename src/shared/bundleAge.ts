// How stale a subordinate court's last bundle is: the subordinates page and the higher court's
// matrix colour it the same way.
import type { Light } from './model';

/** A subordinate not heard from in more days than these is shown yellow, then red. */
export const AGE_WARN_DAYS = 30;
export const AGE_ALERT_DAYS = 60;

/** 'none' before the first bundle. */
export function bundleLight(ageDays: number | null): Light {
  if (ageDays === null) return 'none';
  if (ageDays > AGE_ALERT_DAYS) return 'red';
  if (ageDays > AGE_WARN_DAYS) return 'yellow';
  return 'green';
}
