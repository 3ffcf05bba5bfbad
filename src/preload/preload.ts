// Electron preload (sandboxed, context-isolated): installs window.courtApi with exactly one
// function per API operation, each sending its own name over the one API channel. Nothing else is
// exposed — never ipcRenderer itself, never a generic invoke/send/on. The renderer cannot tell
// this bridge from the preview's (src/preload/previewBridge.ts).
import { contextBridge, ipcRenderer } from 'electron';
import type { Failure } from '../shared/api';
import { API_CHANNEL, BRIDGE_GLOBAL, OPERATION_NAMES } from '../shared/operationNames';

const transportFailure: Failure = {
  ok: false,
  code: 'E_TRANSPORT',
  message: '与督导台后台的连接中断，操作没有完成。您填写的内容没有丢失，请重试；如仍不行，请重新打开督导台。',
};

function operation(name: string): (input?: unknown) => Promise<unknown> {
  return (input?: unknown) => ipcRenderer.invoke(API_CHANNEL, name, input).catch(() => ({ ...transportFailure }));
}

const bridge = Object.freeze(Object.fromEntries(OPERATION_NAMES.map((name) => [name, operation(name)])));

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
