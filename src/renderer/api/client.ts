// The one typed client for every operation. It reads whichever bridge the transport installed on
// window (the Electron preload or the preview bridge); nothing here knows which one it is.
import {
  BRIDGE_GLOBAL,
  type Bridge,
  type Failure,
  type Input,
  type OperationName,
  type Result,
  type Results,
} from '../../shared/api';
import { commonText } from '../common/text';

type InputArgs<K extends OperationName> = undefined extends Input<K> ? [input?: Input<K>] : [input: Input<K>];

function bridge(): Bridge | undefined {
  return (window as unknown as Record<string, Bridge | undefined>)[BRIDGE_GLOBAL];
}

/** Codes meaning this window's log-in is over (account disabled, password reset by an administrator). */
const SESSION_ENDED = new Set(['E_LOGIN_REQUIRED', 'E_MUST_CHANGE_PASSWORD']);
const sessionListeners = new Set<() => void>();

/** Called when any call finds the log-in ended, so the app can return to the log-in screen. */
export function onSessionEnded(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

export async function send<K extends OperationName>(name: K, ...args: InputArgs<K>): Promise<Result<Results[K]>> {
  const api = bridge();
  if (!api) return { ok: false, code: 'E_NO_BRIDGE', message: commonText.noBridge };
  try {
    const call = api[name] as (input: Input<K> | undefined) => Promise<Result<Results[K]>>;
    const result = await call(args[0]);
    if (!result || typeof result !== 'object' || typeof (result as { ok?: unknown }).ok !== 'boolean') {
      return { ok: false, code: 'E_TRANSPORT', message: commonText.transportFailed };
    }
    if (!result.ok && SESSION_ENDED.has(result.code)) sessionListeners.forEach((listener) => listener());
    return result;
  } catch {
    return { ok: false, code: 'E_TRANSPORT', message: commonText.transportFailed };
  }
}

export type { Failure, Result };
