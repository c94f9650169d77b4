import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { captureLogger } from '../../../test/support/capture-logger';
import { startBrowserShell, type BrowserShell } from '../../shell/browser-shell';
import { createCore } from '../../shell/composition-root';
import { CLOSE_BAD_TOKEN, ServerMessageSchema, type ServerMessage } from '../wire';

let shell: BrowserShell;
const capture = captureLogger();

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-ws-'));
  const core = createCore({ dataDir, shell: 'browser', logger: capture.logger });
  shell = await startBrowserShell({ dataDir, rendererDir: dataDir, core });
});
afterAll(async () => {
  await shell.close();
});

const token = () => new URL(shell.url).searchParams.get('token') ?? '';

/** Opens a socket as a page of `origin` and collects what the server says. */
function open(origin = shell.origin) {
  const port = new URL(shell.origin).port;
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api`, { origin });
  const messages: ServerMessage[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (data: Buffer) => {
    messages.push(ServerMessageSchema.parse(JSON.parse(data.toString())));
    for (const wake of waiters.splice(0)) wake();
  });
  const next = async (count: number) => {
    while (messages.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
    return messages[count - 1]!;
  };
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => {
      resolve();
    });
    ws.once('error', reject);
  });
  const closed = new Promise<number>((resolve) =>
    ws.once('close', (code) => {
      resolve(code);
    }),
  );
  return {
    ws,
    next,
    opened,
    closed,
    send: (value: unknown) => {
      ws.send(JSON.stringify(value));
    },
  };
}

async function authenticated() {
  const client = open();
  await client.opened;
  client.send({ type: 'hello', token: token() });
  expect(await client.next(1)).toEqual({ type: 'welcome' });
  return client;
}

describe('the loopback WebSocket transport', () => {
  it('rejects a wrong token with a typed error, closes, and logs it', async () => {
    const client = open();
    await client.opened;
    client.send({ type: 'hello', token: 'f'.repeat(64) });
    expect(await client.next(1)).toMatchObject({ type: 'error', error: { code: 'BAD_TOKEN' } });
    expect(await client.closed).toBe(CLOSE_BAD_TOKEN);
    expect(capture.lines().some((l) => l.msg === 'WebSocket client refused: bad token')).toBe(true);
  });

  it('refuses a call made before the token was presented', async () => {
    const client = open();
    await client.opened;
    client.send({ type: 'call', id: 1, method: 'system.info', params: {} });
    expect(await client.next(1)).toMatchObject({ type: 'error', error: { code: 'BAD_TOKEN' } });
    expect(await client.closed).toBe(CLOSE_BAD_TOKEN);
  });

  it('refuses a page from another origin before any message', async () => {
    const client = open('http://evil.example');
    await expect(client.opened).rejects.toThrow(/403/);
  });

  it('answers an unknown method with UNKNOWN_METHOD', async () => {
    const client = await authenticated();
    client.send({ type: 'call', id: 7, method: 'card.format', params: {} });
    expect(await client.next(2)).toMatchObject({
      type: 'result',
      id: 7,
      result: { ok: false, error: { code: 'UNKNOWN_METHOD' } },
    });
    client.ws.close();
  });

  it('answers an invalid payload with INVALID_PAYLOAD and the handler never runs', async () => {
    const client = await authenticated();
    const secret = 'x'.repeat(2001);
    client.send({
      type: 'call',
      id: 8,
      method: 'log.write',
      params: { level: 'info', message: secret },
    });
    const answer = await client.next(2);
    expect(answer).toMatchObject({
      type: 'result',
      id: 8,
      result: { ok: false, error: { code: 'INVALID_PAYLOAD' } },
    });
    expect(
      answer.type === 'result' && !answer.result.ok && answer.result.error.issues?.[0]?.path,
    ).toBe('message');
    const lines = capture.lines();
    expect(lines.some((l) => l.msg === 'invalid API payload' && l.method === 'log.write')).toBe(
      true,
    );
    expect(lines.some((l) => l.msg === secret)).toBe(false);
    client.ws.close();
  });

  it('serves a valid call through the contract', async () => {
    const client = await authenticated();
    client.send({ type: 'call', id: 9, method: 'system.info', params: {} });
    expect(await client.next(2)).toMatchObject({
      type: 'result',
      id: 9,
      result: { ok: true, value: { shell: 'browser', mode: 'staff', locale: 'vi' } },
    });
    client.ws.close();
  });
});
