/**
 * The preload of the kiosk window. It runs sandboxed (bundled to CommonJS,
 * since a sandboxed preload cannot load ES modules) and exposes exactly one
 * object, `window.kiosk`: the contract's verbs. The page never sees
 * ipcRenderer, so it can call nothing the contract does not declare.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createKioskApi, type ApiTransport } from '../api/client';
import type { ApiResult } from '../api/errors';
import { IPC_EVENT_CHANNEL, ipcChannel } from '../api/transports/ipc-channels';

const transport: ApiTransport = {
  call: (method, params) =>
    ipcRenderer.invoke(ipcChannel(method), params) as Promise<ApiResult<unknown>>,
  subscribe(listener) {
    const forward = (_event: IpcRendererEvent, name: string, payload: unknown) => {
      listener(name, payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
  },
};

contextBridge.exposeInMainWorld('kiosk', createKioskApi(transport));
