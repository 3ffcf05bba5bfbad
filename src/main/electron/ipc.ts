// Transport 1: the one IPC channel. Checks who is asking (our window's main frame showing our app),
// then hands the call to the same dispatch table the preview uses. dispatch never throws.
import { ipcMain, type WebContents } from 'electron';
import { dispatch } from '../api/dispatch';
import type { ServiceContext } from '../api/context';
import { API_CHANNEL } from './channel';
import { isTrustedSender, SENDER_REFUSED } from './security';

export function registerApi(ctx: ServiceContext, isOurWindow: (contents: WebContents) => boolean): void {
  ipcMain.handle(API_CHANNEL, async (event, name: unknown, input: unknown) => {
    const frame = event.senderFrame;
    if (!frame) return SENDER_REFUSED;
    const main = event.sender.mainFrame;
    const isMainFrameOfOurWindow =
      isOurWindow(event.sender) &&
      frame.parent === null &&
      frame.processId === main.processId &&
      frame.routingId === main.routingId;
    if (!isTrustedSender(frame.url, isMainFrameOfOurWindow)) return SENDER_REFUSED;
    // Names are never coerced: anything but a string is simply an unknown operation.
    // Each window has its own log-in session.
    return dispatch(ctx, typeof name === 'string' ? name : '', input, `window:${event.sender.id}`);
  });
}
