import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Dispatch, DispatchLog } from '../dispatcher';
import { allowedEvent, allowedMethod, type ConnectionScope } from '../display-scope';
import type { EventHub } from '../event-hub';
import { API_PATH, ClientMessageSchema, CLOSE_BAD_TOKEN, type ServerMessage } from '../wire';

/**
 * Limits of the loopback socket. A page that has not presented the token may
 * send only a hello's worth of bytes and must do so quickly; a page that has
 * may send calls up to `maxFrameBytes` (files travel over the HTTP upload,
 * not here). Every figure is per shell process: all clients are on loopback,
 * so a "client" is a connection.
 */
export interface WsLimits {
  /** Bytes a socket may send before its hello is accepted. */
  readonly unauthenticatedBytes: number;
  /** Largest message of an authenticated socket. */
  readonly maxFrameBytes: number;
  /** Sockets still waiting for their hello, at once. */
  readonly maxPending: number;
  /** Authenticated sockets at once (a kiosk has one tab; developers a few). */
  readonly maxAuthenticated: number;
  /** Calls of one socket in flight at once; more are answered NOT_AVAILABLE at once. */
  readonly maxInFlight: number;
}

export const defaultWsLimits: WsLimits = {
  unauthenticatedBytes: 64 * 1024,
  maxFrameBytes: 2 * 1024 * 1024,
  maxPending: 64,
  maxAuthenticated: 8,
  maxInFlight: 256,
};

export interface WsTransportOptions {
  readonly server: Server;
  readonly token: string;
  /**
   * The machine's hall-display key (electron/shell/display-key.ts): a hello
   * with it opens the display's scope only; absent, only the token opens.
   */
  readonly displayKey?: string;
  /** The Origins allowed to open the socket: the shell's own, by IP and by the name localhost. */
  readonly allowedOrigins: () => readonly string[];
  readonly dispatch: Dispatch;
  readonly events: EventHub;
  readonly log: DispatchLog;
  /** Time a client has to say hello with the token. */
  readonly helloTimeoutMs?: number;
  readonly limits?: Partial<WsLimits>;
  /** A connection closed: whatever it was signed in to ends with it. */
  readonly onConnectionClosed?: (connection: string) => void;
}

export function tokenMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
}

/**
 * The browser shell's transport: the API over a WebSocket on loopback.
 * A page must come from the shell's own origin and present the random
 * per-launch token before any call reaches the dispatcher. No input can end
 * the process: every socket has an error listener, sizes and counts are
 * bounded before anything is buffered, and a handler's failure is logged.
 */
export function attachWsTransport(options: WsTransportOptions): WebSocketServer {
  const limits: WsLimits = { ...defaultWsLimits, ...options.limits };
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxFrameBytes });
  const counts = { pending: 0, authenticated: 0 };
  wss.on('error', (error) => {
    options.log.warn({ err: error }, 'WebSocket server error');
  });
  options.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error) => {
      options.log.warn({ err: error }, 'socket error during upgrade');
    });
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const origin = request.headers.origin;
    if (path !== API_PATH || origin === undefined || !options.allowedOrigins().includes(origin)) {
      options.log.warn(
        { path, origin: (origin ?? '(none)').slice(0, 200) },
        'WebSocket upgrade refused',
      );
      refuseUpgrade(socket, '403 Forbidden');
      return;
    }
    if (counts.pending >= limits.maxPending) {
      options.log.warn({ pending: counts.pending }, 'WebSocket upgrade refused: too many pending');
      refuseUpgrade(socket, '503 Service Unavailable');
      return;
    }
    counts.pending++;
    let pending = true;
    const leavePending = () => {
      if (pending) counts.pending--;
      pending = false;
    };
    socket.once('close', leavePending);
    // Counted on the raw socket, so an oversized first frame is cut off
    // while it arrives instead of being buffered up to maxPayload.
    let received = head.length;
    const countBytes = (chunk: Buffer) => {
      received += chunk.length;
      if (pending && received > limits.unauthenticatedBytes) {
        options.log.warn({ received }, 'WebSocket client refused: too much before hello');
        socket.destroy();
      }
    };
    socket.on('data', countBytes);
    wss.handleUpgrade(request, socket, head, (ws) => {
      serveConnection(ws, origin, options, limits, {
        tryAuthenticate: () => {
          if (counts.authenticated >= limits.maxAuthenticated) return false;
          leavePending();
          socket.off('data', countBytes);
          counts.authenticated++;
          ws.once('close', () => {
            counts.authenticated--;
          });
          return true;
        },
      });
    });
  });
  return wss;
}

interface Admission {
  /** Moves the socket from pending to authenticated; false when the cap is reached. */
  tryAuthenticate(): boolean;
}

function serveConnection(
  ws: WebSocket,
  origin: string,
  options: WsTransportOptions,
  limits: WsLimits,
  admission: Admission,
): void {
  const connection = `ws:${randomUUID()}`;
  let authenticated = false;
  let scope: ConnectionScope = 'session';
  let inFlight = 0;
  ws.on('error', (error) => {
    options.log.warn({ err: error, authenticated }, 'WebSocket client error; closed');
  });
  const send = (message: ServerMessage) => {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(JSON.stringify(message), (error) => {
      if (error) options.log.warn({ err: error }, 'WebSocket send failed');
    });
  };
  const refuse = (reason: string, code: 'BAD_TOKEN' | 'NOT_AVAILABLE' = 'BAD_TOKEN') => {
    options.log.warn({ reason }, 'WebSocket client refused: bad token');
    send({
      type: 'error',
      error: {
        code,
        message: code === 'BAD_TOKEN' ? 'Missing or wrong session token' : reason,
      },
    });
    ws.close(CLOSE_BAD_TOKEN, code === 'BAD_TOKEN' ? 'bad token' : 'too many connections');
    // A client that never completes the closing handshake is cut off.
    setTimeout(() => {
      ws.terminate();
    }, 1000).unref();
  };
  const helloTimer = setTimeout(() => {
    if (!authenticated) refuse('no hello in time');
  }, options.helloTimeoutMs ?? 5000);
  let unsubscribe: (() => void) | undefined;

  const onMessage = (data: Buffer, isBinary: boolean) => {
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
        refuse('message before hello');
        return;
      }
      send({ type: 'error', error: { code: 'INVALID_PAYLOAD', message: 'Unparseable message' } });
      return;
    }
    const message = parsed.data;
    if (message.type === 'hello') {
      if (authenticated) return;
      if (tokenMatches(options.token, message.token)) scope = 'session';
      else if (options.displayKey !== undefined && tokenMatches(options.displayKey, message.token))
        scope = 'display';
      else {
        refuse('token mismatch');
        return;
      }
      if (!admission.tryAuthenticate()) {
        refuse('too many kiosk connections', 'NOT_AVAILABLE');
        return;
      }
      authenticated = true;
      clearTimeout(helloTimer);
      unsubscribe ??= options.events.subscribe((name, payload) => {
        if (allowedEvent(scope, name)) send({ type: 'event', name, payload });
      });
      send({ type: 'welcome' });
      return;
    }
    if (!authenticated) {
      refuse('call before hello');
      return;
    }
    if (inFlight >= limits.maxInFlight) {
      send({
        type: 'result',
        id: message.id,
        result: {
          ok: false,
          error: { code: 'NOT_AVAILABLE', message: 'Too many calls in flight on this connection' },
        },
      });
      return;
    }
    if (!allowedMethod(scope, message.method)) {
      options.log.warn(
        { method: message.method.slice(0, 80) },
        'display connection called a method outside its scope',
      );
      send({
        type: 'result',
        id: message.id,
        result: {
          ok: false,
          error: { code: 'AUTH_FORBIDDEN', message: 'The hall display may not call this method' },
        },
      });
      return;
    }
    inFlight++;
    options
      .dispatch(message.method, message.params, { transport: 'ws', origin, connection })
      .then(
        (result) => {
          send({ type: 'result', id: message.id, result });
        },
        (error: unknown) => {
          options.log.error({ err: error, method: message.method }, 'dispatch failed');
          send({
            type: 'result',
            id: message.id,
            result: { ok: false, error: { code: 'INTERNAL', message: 'Internal error' } },
          });
        },
      )
      .finally(() => {
        inFlight--;
      });
  };
  ws.on('message', (data: Buffer, isBinary) => {
    try {
      onMessage(data, isBinary);
    } catch (error) {
      options.log.error({ err: error }, 'WebSocket message handler failed');
    }
  });
  ws.on('close', () => {
    clearTimeout(helloTimer);
    unsubscribe?.();
    if (authenticated) options.onConnectionClosed?.(connection);
  });
}
