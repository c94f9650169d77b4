import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY, senderAllowed } from '../../shell/window-policy';
import { EventHub } from '../event-hub';
import { registerIpcTransport } from './ipc-main';
import { ipcChannel } from './ipc-channels';

type Handler = (event: IpcMainInvokeEvent, params: unknown) => Promise<unknown>;

/** Electron's ipcMain as far as the transport uses it: handlers kept by channel. */
function fakeIpcMain(): { ipcMain: IpcMain; handlers: Map<string, Handler> } {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, handler: Handler) => {
      handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => {
      handlers.delete(channel);
    },
  } as unknown as IpcMain;
  return { ipcMain, handlers };
}

const frame = (url: string | undefined) =>
  ({ senderFrame: url === undefined ? null : { url } }) as unknown as IpcMainInvokeEvent;

describe('the IPC transport with the shell sender check', () => {
  const calls: { method: unknown; origin: string | undefined }[] = [];
  const warnings: unknown[] = [];
  const { ipcMain, handlers } = fakeIpcMain();
  registerIpcTransport({
    ipcMain,
    dispatch: (method, _params, context) => {
      calls.push({ method, origin: context.origin });
      return Promise.resolve({ ok: true, value: null });
    },
    events: new EventHub(),
    log: { warn: (fields) => warnings.push(fields), error: () => undefined },
    senderAllowed,
    targets: () => [],
  });
  const info = handlers.get(ipcChannel('system.info'));

  it('a call from the kiosk page reaches the core with the app origin', async () => {
    expect(info).toBeDefined();
    await expect(info!(frame(APP_ENTRY), {})).resolves.toEqual({ ok: true, value: null });
    expect(calls.at(-1)).toEqual({ method: 'system.info', origin: 'app://kiosk' });
  });

  it('a call from a navigated, injected or vanished frame is refused before the core', async () => {
    const before = calls.length;
    for (const url of [
      'https://evil.example/',
      'app://other/index.html',
      'file:///etc/passwd',
      undefined,
    ]) {
      await expect(info!(frame(url), {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN_ORIGIN' },
      });
    }
    expect(calls.length).toBe(before);
    expect(warnings).toHaveLength(4);
  });
});
