import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PcscBridge } from '../../../native/smartcard/pcsc/pcsc-bridge';
import { startCardPeer, type CardPeer } from './card-peer';

function once(peer: CardPeer, up: boolean, timeoutMs: number): Promise<void> {
  if (peer.bridge.serviceUp === up) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`pcscd did not become ${up ? 'up' : 'down'}`));
    }, timeoutMs);
    const listener = (e: { up: boolean }): void => {
      if (e.up === up) {
        clearTimeout(timer);
        peer.bridge.off('serviceChanged', listener);
        resolve();
      }
    };
    peer.bridge.on('serviceChanged', listener);
  });
}

describe('PC/SC bridge recovery', () => {
  let peer: CardPeer;
  beforeAll(async () => {
    peer = await startCardPeer();
  });
  afterAll(async () => {
    await (peer as CardPeer | undefined)?.close();
  });

  it('a read succeeds again after pcscd is restarted between two reads', async () => {
    const first = await peer.read();
    expect(first.files.DG1).toEqual(peer.files.DG1);

    const removed = new Promise<void>((resolve) =>
      peer.bridge.once('cardRemoved', () => {
        resolve();
      }),
    );
    await peer.card.remove();
    await peer.pcscd.stop({ keepLock: true });
    await removed;
    await once(peer, false, 10_000);
    await expect(peer.bridge.connect()).rejects.toMatchObject({ code: 'PCSCD_DOWN' });

    // A second bridge started while pcscd is down waits with back-off instead of failing for good.
    const late = new PcscBridge({ minBackoffMs: 100, maxBackoffMs: 400 });
    const lateUp = new Promise<void>((resolve) => {
      late.on('serviceChanged', (e) => {
        if (e.up) resolve();
      });
    });
    late.start();
    expect(late.serviceUp).toBe(false);
    await expect(late.waitForCard({ timeoutMs: 200 })).rejects.toMatchObject({
      code: 'PCSCD_DOWN',
    });

    await peer.pcscd.start();
    await once(peer, true, 10_000);
    await lateUp;
    late.stop();
    await peer.card.insert();
    const second = await peer.read();
    expect(second.files.DG13).toEqual(peer.files.DG13);
  });
});
