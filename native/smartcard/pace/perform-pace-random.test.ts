import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bacKeyInput } from '../mrz';
import { bytesToBigint, encodePoint, multiply, standardizedCurve } from '../ec';
import { performPace } from './index';
import { G1, G1_CARD_ACCESS, hex, toHex } from '../../../test/support/icao-pace-g1';

/*
 * The default ephemeral key is FIPS 186-4 B.4.1's "extra random bits" method:
 * c = size+8 CSPRNG bytes, k = (c mod (n−1)) + 1, so k is in [1, n−1] with a
 * negligible bias. node:crypto's randomBytes is replaced by fixed bytes so k,
 * and so PK_Map,IFD = k·G, is known; the rest of node:crypto (hashes, AES)
 * stays real.
 */
const drawn: number[] = [];
let fill = 0;
vi.mock('node:crypto', async (original) => {
  const real = await original<typeof import('node:crypto')>();
  return {
    ...real,
    randomBytes: (size: number) => {
      drawn.push(size);
      return Buffer.alloc(size, fill);
    },
  };
});

const curve = standardizedCurve(13)!;

/** Runs App. G.1 up to the mapping command and returns the PK_Map,IFD it carries. */
async function mappingKey(): Promise<string> {
  let pkMap = '';
  await performPace({
    transmit: (apdu) => {
      const h = toHex(apdu);
      if (h.startsWith('0022')) return Promise.resolve(hex('9000'));
      if (h === '10860000027C0000') return Promise.resolve(hex(`7C128010${G1.z}9000`));
      pkMap = h.slice(18, -2); // 10 86 00 00 45 7C 43 81 41 <point> 00
      return Promise.resolve(hex('6A80'));
    },
    cardAccess: G1_CARD_ACCESS,
    password: { kind: 'mrz', mrzInformation: bacKeyInput(G1.mrz) },
  }).catch(() => undefined);
  return pkMap;
}

describe('the default ephemeral scalar', () => {
  beforeEach(() => {
    drawn.length = 0;
  });

  it('draws the curve size plus 8 bytes (32 + 8 for brainpoolP256r1)', async () => {
    fill = 0x5a;
    await mappingKey();
    expect(drawn).toEqual([40]);
  });

  it('all-zero bytes give the scalar 1, never 0 (PK_Map,IFD = G)', async () => {
    fill = 0x00;
    expect(await mappingKey()).toBe(toHex(encodePoint(curve, curve.g)));
  });

  it('all-0xFF bytes give (2^320 − 1) mod (n − 1) + 1', async () => {
    fill = 0xff;
    const k = (bytesToBigint(new Uint8Array(40).fill(0xff)) % (curve.n - 1n)) + 1n;
    expect(k).toBeGreaterThan(0n);
    expect(k).toBeLessThan(curve.n);
    expect(await mappingKey()).toBe(toHex(encodePoint(curve, multiply(curve, k, curve.g))));
  });
});
