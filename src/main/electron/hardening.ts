// Applies Electron's security checklist at run time: every permission denied, every navigation
// away from the app prevented, window.open denied, <webview> refused — for every web contents
// the app ever creates, not only the main window.
import { app, session, type Session, type WebContents } from 'electron';
import { openExternalSafely } from './external';
import { isAllowedExternalUrl, isAllowedNavigation } from './security';

export function hardenSession(target: Session = session.defaultSession): void {
  // Camera, microphone, notifications, geolocation, clipboard reads, MIDI, HID, serial …: all no.
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
}

export function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    // Never a new Electron window. An allow-listed https link opens in the system browser.
    if (isAllowedExternalUrl(url)) void openExternalSafely(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    // The report preview is an <iframe srcdoc>: a sub-frame may show its own inline document.
    if (!event.isMainFrame && event.url === 'about:srcdoc') return;
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Must run before any window exists. */
export function installGlobalGuards(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('session-created', (created) => hardenSession(created));
}
