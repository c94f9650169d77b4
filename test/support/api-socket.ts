import WebSocket from 'ws';

export interface CallAnswer {
  readonly ok: boolean;
  readonly value?: unknown;
  readonly error?: { readonly code: string; readonly message: string };
}

export interface ApiSocket {
  readonly ws: WebSocket;
  call(method: string, params?: unknown): Promise<CallAnswer>;
  /** Resolves with the close code once the socket has closed. */
  readonly closed: Promise<number>;
  close(): Promise<void>;
}

/**
 * Opens the browser shell's API socket as its own page would (same Origin),
 * says hello with the token and waits for the welcome: what a script on the
 * kiosk's machine that read the token can do.
 */
export async function openApiSocket(shellUrl: string): Promise<ApiSocket> {
  const url = new URL(shellUrl);
  const token = url.searchParams.get('token') ?? '';
  const ws = new WebSocket(`${url.origin.replace('http', 'ws')}/api`, { origin: url.origin });
  ws.on('error', () => undefined);
  const waiting = new Map<number, (answer: CallAnswer) => void>();
  let welcomed: () => void = () => undefined;
  const welcome = new Promise<void>((resolve) => (welcomed = resolve));
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as {
      type: string;
      id?: number;
      result?: CallAnswer;
    };
    if (message.type === 'welcome') welcomed();
    if (message.type === 'result' && message.id !== undefined && message.result) {
      waiting.get(message.id)?.(message.result);
      waiting.delete(message.id);
    }
  });
  const closed = new Promise<number>((resolve) => ws.once('close', resolve));
  // A call the shell never answers because it closed the socket (e.g. 1009 for a frame
  // over the 2 MB cap) gets an answer saying so, as the page's own transport gives one,
  // instead of leaving the test waiting until its timeout.
  void closed.then((code) => {
    for (const [id, answer] of waiting) {
      answer({ ok: false, error: { code: 'SOCKET_CLOSED', message: `socket closed (${code})` } });
      waiting.delete(id);
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'hello', token }));
  await welcome;
  let next = 1;
  return {
    ws,
    closed,
    call: (method, params = {}) =>
      new Promise((resolve) => {
        const id = next++;
        if (ws.readyState !== WebSocket.OPEN) {
          resolve({ ok: false, error: { code: 'SOCKET_CLOSED', message: 'socket not open' } });
          return;
        }
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ type: 'call', id, method, params }));
      }),
    close: async () => {
      ws.close();
      await closed;
    },
  };
}
