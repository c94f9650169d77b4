import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LDS_FILES } from '../../../native/smartcard/reader/lds-files';
import { startCardPeer, type CardPeer } from './card-peer';

/** select + GET CHALLENGE + EXTERNAL AUTHENTICATE + one READ BINARY per 231 plaintext bytes. */
function shortApduMinimum(sizes: readonly number[]): number {
  return 3 + sizes.reduce((sum, n) => sum + Math.ceil(n / 231), 0);
}

describe('reading a virtual CCCD over pcscd + vpcd + vicc', () => {
  let peer: CardPeer;
  beforeAll(async () => {
    peer = await startCardPeer();
  });
  afterAll(async () => {
    await (peer as CardPeer | undefined)?.close();
  });

  it('a full read returns every file byte for byte within the short-APDU minimum', async () => {
    const progress: string[] = [];
    const result = await peer.read(undefined, {
      onProgress: (p) => progress.push(`${p.file}:${p.done}/${p.total}`),
    });
    expect(result.accessProtocol).toBe('BAC');
    expect(Object.keys(result.files).sort()).toEqual(Object.keys(peer.files).sort());
    for (const [name, bytes] of Object.entries(peer.files)) {
      expect(result.files[name as keyof typeof result.files], name).toEqual(bytes);
    }
    const sizes = Object.values(peer.files).map((f) => f.length);
    expect(result.counters.apdus).toBeLessThanOrEqual(shortApduMinimum(sizes));
    expect(progress).toContain(`DG2:${peer.files.DG2!.length}/${peer.files.DG2!.length}`);
    expect(LDS_FILES.map((f) => f.name)).toContain('SOD');
  });

  it('extended-length READ BINARY (2 KiB per command under secure messaging) reads the same bytes in fewer APDUs', async () => {
    const result = await peer.read(undefined, { chunk: 0x800 });
    for (const [name, bytes] of Object.entries(peer.files)) {
      expect(result.files[name as keyof typeof result.files], name).toEqual(bytes);
    }
    expect(result.chunk).toBe(0x800);
    expect(result.counters.apdus).toBeLessThan(30);
  });

  it('wrong MRZ data is rejected after a single authentication attempt', async () => {
    const access = peer.access;
    if (!('doc' in access)) throw new Error('unreachable');
    const attempt = peer.read({ ...access, dob: access.dob === '850314' ? '850315' : '850314' });
    await expect(attempt).rejects.toMatchObject({ code: 'ACCESS_DENIED' });
    await expect(attempt).rejects.toThrow(/Thông tin MRZ không khớp với thẻ/);
  });

  it('pulling the card in the middle of DG2 fails with CARD_REMOVED and keeps no record', async () => {
    let result: unknown = null;
    const attempt = peer
      .read(undefined, {
        onProgress: (p) => {
          if (p.file === 'DG2' && p.done > 4000) peer.card.killNow();
        },
      })
      .then((r) => {
        result = r;
      });
    await expect(attempt).rejects.toMatchObject({ code: 'CARD_REMOVED' });
    await expect(attempt).rejects.toThrow(/hãy cắm lại thẻ/);
    expect(result).toBeNull();
    await peer.reinsert();
    const again = await peer.read();
    expect(again.files.DG2).toEqual(peer.files.DG2);
  });

  it('an aborted read stops between two APDUs with CANCELLED', async () => {
    const controller = new AbortController();
    const attempt = peer.read(undefined, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.file === 'DG13') controller.abort();
      },
    });
    await expect(attempt).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
