import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { RequestsInFlight } from './requests-in-flight';

describe('RequestsInFlight', () => {
  it('is idle only once the page being answered has been sent', async () => {
    const inFlight = new RequestsInFlight();
    const order: string[] = [];
    const server = createServer((_request, response) => {
      inFlight.track(response);
      void inFlight.idle().then(() => order.push('idle'));
      setTimeout(() => {
        order.push('sent');
        response.end('page');
      }, 30);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    expect(await (await fetch(`http://127.0.0.1:${String(port)}/`)).text()).toBe('page');
    await inFlight.idle();
    expect(order).toEqual(['sent', 'idle']);
    await new Promise((resolve) => server.close(resolve));
  });

  it('with nothing in flight, idle resolves on the next turn', async () => {
    await expect(new RequestsInFlight().idle()).resolves.toBeUndefined();
  });
});
