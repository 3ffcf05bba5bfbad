// Small rules shared by the sync screens: how stale a subordinate's last bundle is, and how a
// job's end becomes something to show.
import type { JobStatus } from '../../shared/model';
import { bundleLight } from '../../shared/bundleAge';

export { AGE_ALERT_DAYS, AGE_WARN_DAYS } from '../../shared/bundleAge';

/** The Mantine colour of a bundle's age; none while it is fresh or before the first bundle. */
export function ageColor(days: number | null): string | undefined {
  const light = bundleLight(days);
  return light === 'red' || light === 'yellow' ? light : undefined;
}

/** A refusal or failure as the screens show it: the Chinese message, the stable code small. */
export interface Refusal {
  message: string;
  code: string | null;
}

export function refusalOf(status: JobStatus): Refusal {
  return { message: status.error ?? status.message, code: status.errorCode ?? null };
}

/** The witness's message without its heading ("审计日志与上次上报不一致："), for lists under that heading. */
export function withoutAlertPrefix(message: string): string {
  return message.replace(/^审计日志与上次上报不一致：/, '');
}
