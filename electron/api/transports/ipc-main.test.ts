import { EventEmitter } from 'node:events';
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

/** A webContents as far as the transport uses it: an id and its navigation events. */
class FakeContents extends EventEmitter {
  constructor(readonly id: number) {
    super();
  }
}
const kioskWindow = new FakeContents(1);

const frame = (url: string | undefined, sender: FakeContents = kioskWindow) =>
  ({ senderFrame: url === undefined ? null : { url }, sender }) as unknown as IpcMainInvokeEvent;

describe('the IPC transport with the shell sender check', () => {
  const calls: { method: unknown; origin: string | undefined; connection: string | undefined }[] =
    [];
  const closed: string[] = [];
  const warnings: unknown[] = [];
  const { ipcMain, handlers } = fakeIpcMain();
  registerIpcTransport({
    ipcMain,
    dispatch: (method, _params, context) => {
      calls.push({ method, origin: context.origin, connection: context.connection });
      return Promise.resolve({ ok: true, value: null });
    },
    events: new EventHub(),
    log: { warn: (fields) => warnings.push(fields), error: () => undefined },
    senderAllowed,
    targets: () => [],
    onConnectionClosed: (connection) => closed.push(connection),
  });
  const info = handlers.get(ipcChannel('system.info'));

  it('a call from the kiosk page reaches the core with the app origin', async () => {
    expect(info).toBeDefined();
    await expect(info!(frame(APP_ENTRY), {})).resolves.toEqual({ ok: true, value: null });
    expect(calls.at(-1)).toMatchObject({ method: 'system.info', origin: 'app://kiosk' });
  });

  it('a reload or a closed window ends the connection, so a signed-in clerk is not carried over', async () => {
    const window = new FakeContents(7);
    await info!(frame(APP_ENTRY, window), {});
    const first = calls.at(-1)?.connection;
    window.emit('did-navigate');
    await info!(frame(APP_ENTRY, window), {});
    const second = calls.at(-1)?.connection;
    expect(first).toBeDefined();
    expect(second).not.toBe(first);
    expect(closed).toContain(first);
    window.emit('destroyed');
    expect(closed).toContain(second);
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
