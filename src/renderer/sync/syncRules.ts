// Small rules shared by the sync screens: how stale a subordinate's last bundle is, and how a
// job's end becomes something to show.
import type { JobStatus } from '../../shared/model';

/** A subordinate not heard from in more days than these is shown yellow, then red. */
export const AGE_WARN_DAYS = 30;
export const AGE_ALERT_DAYS = 60;

export function ageColor(days: number | null): string | undefined {
  if (days === null) return undefined;
  if (days > AGE_ALERT_DAYS) return 'red';
  if (days > AGE_WARN_DAYS) return 'yellow';
  return undefined;
}

/** A refusal or failure as the screens show it: the Chinese message, the stable code small. */
export interface Refusal {
  message: string;
  code: string | null;
}

export function refusalOf(status: JobStatus): Refusal {
  return { message: status.error ?? status.message, code: status.errorCode ?? null };
}
