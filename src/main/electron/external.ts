// The only place in the app that hands an address to the system browser. Everything else —
// window.open, target=_blank links, navigations — is denied; an https link to an allow-listed
// site is passed here and nothing more.
import { shell } from 'electron';
import { isAllowedExternalUrl } from './security';

export async function openExternalSafely(url: string): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false;
  try {
    await shell.openExternal(new URL(url).toString(), { activate: true });
    return true;
  } catch {
    return false;
  }
}
