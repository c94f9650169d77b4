import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutageCheck, OUTAGE_TIMEOUT_MS } from './outage-check';

/**
 * The kiosk's start screen asks on every citizen: a portal that accepts the
 * connection and then never answers (a dead upstream behind a live proxy)
 * must cost at most the bound, and count as down.
 */
let silent: Server;
const held = new Set<Socket>();
let url = '';

beforeAll(async () => {
  silent = createServer((socket) => {
    held.add(socket);
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const address = silent.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  url = `http://127.0.0.1:${String(address.port)}/`;
});
afterAll(async () => {
  for (const socket of held) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

describe('the printer and portal check of the kiosk start screen', () => {
  it('a portal that never answers is down within the bound, and only printer and portal are asked', async () => {
    const check = createOutageCheck({ url, trainingMode: false });
    const started = Date.now();
    const report = await check();
    const took = Date.now() - started;
    expect(took).toBeLessThan(OUTAGE_TIMEOUT_MS + 1500);
    expect(report.checks.map((c) => c.id).sort()).toEqual(['portal', 'printer']);
    expect(report.checks.find((c) => c.id === 'portal')?.status).toBe('fail');
  });

  it('callers that ask while a check runs share it', async () => {
    const check = createOutageCheck({ url, trainingMode: false });
    const [a, b] = await Promise.all([check(), check()]);
    expect(a).toBe(b);
  });
});
