// Browser-side twin of the Electron preload for the local preview: installs the same
// window.courtApi (one function per operation), calling the preview server with the per-launch
// token from the address the launcher opened. The renderer cannot tell the two apart.
import type { Failure } from '../shared/api';
import { BRIDGE_GLOBAL, OPERATION_NAMES } from '../shared/operationNames';

const TOKEN_KEY = 'court-preview-token';

function takeToken(): string {
  const match = /(?:^#|&)token=([0-9a-f]{64})/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    // Keep the token out of the address bar and of anything copied from it.
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const token = takeToken();
const offline: Failure = {
  ok: false,
  code: 'E_TRANSPORT',
  message: '无法连接督导台后台服务，请确认程序仍在运行后重试。您填写的内容没有丢失。',
};

async function call(name: string, input: unknown): Promise<unknown> {
  try {
    const response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input ?? {}),
    });
    return await response.json();
  } catch {
    return offline;
  }
}

const bridge = Object.freeze(
  Object.fromEntries(OPERATION_NAMES.map((name) => [name, (input: unknown) => call(name, input)])),
);
Object.defineProperty(window, BRIDGE_GLOBAL, { value: bridge, writable: false, configurable: false });
