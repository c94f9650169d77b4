import { describe, expect, it } from 'vitest';
import { encodeOid, encodeTlv } from '../lds';
import { PaceError, performPace } from './index';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CARD_ACCESS = encodeTlv(
  0x31,
  encodeTlv(
    0x30,
    encodeTlv(0x06, encodeOid('0.4.0.127.0.7.2.2.4.2.2')),
    Uint8Array.of(2, 1, 2),
    Uint8Array.of(2, 1, 13),
  ),
);

describe('PACE against a chip answering garbage', () => {
  it('fails every run with a PaceError, never another exception', async () => {
    const rnd = prng(2026);
    const byte = (): number => Math.floor(rnd() * 256);
    const others: string[] = [];
    for (let run = 0; run < 300; run++) {
      const transmit = (apdu: Uint8Array): Promise<Uint8Array> => {
        if (apdu[1] === 0x22) return Promise.resolve(Uint8Array.of(0x90, 0)); // MSE:Set AT
        const body = Array.from({ length: Math.floor(rnd() * 80) }, byte);
        // Often a well-formed 7C wrapper around random content, so parsing goes deeper.
        const data =
          rnd() < 0.6
            ? [
                ...encodeTlv(
                  0x7c,
                  encodeTlv(0x80 + (apdu[5] === 0x7c ? 0 : 2), Uint8Array.from(body)),
                ),
              ]
            : body;
        const sw = rnd() < 0.85 ? [0x90, 0x00] : [0x63, byte()];
        return Promise.resolve(Uint8Array.from([...data, ...sw]));
      };
      try {
        await performPace({
          transmit,
          cardAccess: CARD_ACCESS,
          password: { kind: 'can', can: '012345' },
        });
        others.push('succeeded against garbage');
      } catch (e) {
        if (!(e instanceof PaceError)) others.push(String(e));
      }
    }
    expect(others.slice(0, 3)).toEqual([]);
  });
});
