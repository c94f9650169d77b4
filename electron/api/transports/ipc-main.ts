import type { IpcMain, WebContents } from 'electron';
import { methods } from '../contract';
import type { Dispatch, DispatchLog } from '../dispatcher';
import type { ApiResult } from '../errors';
import type { EventHub } from '../event-hub';
import { IPC_EVENT_CHANNEL, ipcChannel } from './ipc-channels';

export interface IpcTransportOptions {
  readonly ipcMain: IpcMain;
  readonly dispatch: Dispatch;
  readonly events: EventHub;
  readonly log: DispatchLog;
  /** Whether a frame URL may call the API (the app's own origin only). */
  readonly senderAllowed: (frameUrl: string | undefined) => boolean;
  /** The pages that receive events. */
  readonly targets: () => readonly WebContents[];
  /** A page was reloaded or closed: whatever it was signed in to ends with it. */
  readonly onConnectionClosed?: (connection: string) => void;
}

/** scheme://host[:port]; URL.origin is "null" for custom schemes such as app:// outside a browser. */
function originOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

/**
 * The Electron transport: one ipcMain.handle per contract method. The sender
 * frame is checked before the dispatcher validates the payload, so a frame
 * that navigated elsewhere (or an injected one) reaches no service.
 */
export function registerIpcTransport(options: IpcTransportOptions): () => void {
  // One page load of one webContents is one connection, like one socket of
  // the browser shell: a reload or a closed window starts anonymous again.
  const loads = new Map<number, number>();
  const connectionOf = (contents: WebContents): string => {
    let load = loads.get(contents.id);
    if (load === undefined) {
      load = 0;
      loads.set(contents.id, load);
      const end = () => {
        options.onConnectionClosed?.(
          `ipc:${String(contents.id)}:${String(loads.get(contents.id) ?? 0)}`,
        );
      };
      contents.on('did-navigate', () => {
        end();
        loads.set(contents.id, (loads.get(contents.id) ?? 0) + 1);
      });
      contents.once('destroyed', () => {
        end();
        loads.delete(contents.id);
      });
    }
    return `ipc:${String(contents.id)}:${String(load)}`;
  };
  for (const method of Object.keys(methods)) {
    options.ipcMain.handle(
      ipcChannel(method),
      async (event, params: unknown): Promise<ApiResult<unknown>> => {
        const frameUrl = event.senderFrame?.url;
        if (!options.senderAllowed(frameUrl)) {
          options.log.warn(
            { method, frameUrl: frameUrl ?? '(none)' },
            'IPC call from a foreign frame refused',
          );
          return {
            ok: false,
            error: {
              code: 'FORBIDDEN_ORIGIN',
              message: 'Calls are accepted only from the kiosk page',
            },
          };
        }
        return options.dispatch(method, params, {
          transport: 'ipc',
          origin: originOf(frameUrl ?? ''),
          connection: connectionOf(event.sender),
        });
      },
    );
  }
  const unsubscribe = options.events.subscribe((name, payload) => {
    for (const contents of options.targets()) {
      if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, name, payload);
    }
  });
  return () => {
    unsubscribe();
    for (const method of Object.keys(methods)) options.ipcMain.removeHandler(ipcChannel(method));
  };
}
