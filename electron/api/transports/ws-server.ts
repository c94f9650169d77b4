import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Dispatch, DispatchLog } from '../dispatcher';
import type { EventHub } from '../event-hub';
import { API_PATH, ClientMessageSchema, CLOSE_BAD_TOKEN, type ServerMessage } from '../wire';

export interface WsTransportOptions {
  readonly server: Server;
  readonly token: string;
  /** The Origins allowed to open the socket: the shell's own, by IP and by the name localhost. */
  readonly allowedOrigins: () => readonly string[];
  readonly dispatch: Dispatch;
  readonly events: EventHub;
  readonly log: DispatchLog;
  /** Time a client has to say hello with the token. */
  readonly helloTimeoutMs?: number;
}

function tokenMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The browser shell's transport: the API over a WebSocket on loopback.
 * A page must come from the shell's own origin and present the random
 * per-launch token before any call reaches the dispatcher.
 */
export function attachWsTransport(options: WsTransportOptions): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  options.server.on('upgrade', (request: IncomingMessage, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const origin = request.headers.origin;
    if (path !== API_PATH || origin === undefined || !options.allowedOrigins().includes(origin)) {
      options.log.warn({ path, origin: origin ?? '(none)' }, 'WebSocket upgrade refused');
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      serveConnection(ws, origin, options);
    });
  });
  return wss;
}

function serveConnection(ws: WebSocket, origin: string, options: WsTransportOptions): void {
  let authenticated = false;
  const send = (message: ServerMessage) => {
    ws.send(JSON.stringify(message));
  };
  const refuseToken = (reason: string) => {
    options.log.warn({ reason }, 'WebSocket client refused: bad token');
    send({
      type: 'error',
      error: { code: 'BAD_TOKEN', message: 'Missing or wrong session token' },
    });
    ws.close(CLOSE_BAD_TOKEN, 'bad token');
  };
  const helloTimer = setTimeout(() => {
    if (!authenticated) refuseToken('no hello in time');
  }, options.helloTimeoutMs ?? 5000);
  let unsubscribe: (() => void) | undefined;

  ws.on('message', (data: Buffer, isBinary) => {
    let raw: unknown;
    try {
      raw = isBinary ? undefined : JSON.parse(data.toString('utf8'));
    } catch {
      raw = undefined;
    }
    const parsed = ClientMessageSchema.safeParse(raw);
    if (!parsed.success) {
      options.log.warn({ authenticated }, 'unparseable WebSocket message');
      if (!authenticated) {
        refuseToken('message before hello');
        return;
      }
      send({ type: 'error', error: { code: 'INVALID_PAYLOAD', message: 'Unparseable message' } });
      return;
    }
    const message = parsed.data;
    if (message.type === 'hello') {
      if (!tokenMatches(options.token, message.token)) {
        refuseToken('token mismatch');
        return;
      }
      authenticated = true;
      clearTimeout(helloTimer);
      unsubscribe ??= options.events.subscribe((name, payload) => {
        send({ type: 'event', name, payload });
      });
      send({ type: 'welcome' });
      return;
    }
    if (!authenticated) {
      refuseToken('call before hello');
      return;
    }
    void options
      .dispatch(message.method, message.params, { transport: 'ws', origin })
      .then((result) => {
        if (ws.readyState === ws.OPEN) send({ type: 'result', id: message.id, result });
      });
  });
  ws.on('close', () => {
    clearTimeout(helloTimer);
    unsubscribe?.();
  });
}
