import type { ApiTransport } from '../../electron/api/client';
import type { ApiResult } from '../../electron/api/errors';
import { API_PATH, ServerMessageSchema } from '../../electron/api/wire';

type Pending = (result: ApiResult<unknown>) => void;

/**
 * The browser shell's transport: the API over a WebSocket to the page's own
 * origin, opened with the per-launch token. Calls made while (re)connecting
 * wait for the connection; a lost connection is retried with back-off.
 */
export function createWsTransport(
  token: string,
  onConnection: (up: boolean) => void,
): ApiTransport {
  const pending = new Map<number, Pending>();
  const listeners = new Set<(name: string, payload: unknown) => void>();
  const queue: string[] = [];
  let socket: WebSocket | undefined;
  let ready = false;
  let nextId = 1;
  let retryMs = 250;

  const connect = () => {
    const url = new URL(API_PATH, window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      ws.send(JSON.stringify({ type: 'hello', token }));
    };
    ws.onmessage = (event: MessageEvent<string>) => {
      const parsed = ServerMessageSchema.safeParse(JSON.parse(event.data));
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === 'welcome') {
        ready = true;
        retryMs = 250;
        onConnection(true);
        for (const text of queue.splice(0)) ws.send(text);
      } else if (message.type === 'result') {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else if (message.type === 'event') {
        for (const listener of listeners) listener(message.name, message.payload);
      }
    };
    ws.onclose = () => {
      ready = false;
      onConnection(false);
      for (const [id, resolve] of pending) {
        resolve({
          ok: false,
          error: { code: 'NOT_AVAILABLE', message: 'Connection to the kiosk core lost' },
        });
        pending.delete(id);
      }
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  };
  connect();

  return {
    call(method, params) {
      const id = nextId++;
      const text = JSON.stringify({ type: 'call', id, method, params });
      return new Promise((resolve) => {
        pending.set(id, resolve);
        if (ready && socket) socket.send(text);
        else queue.push(text);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
