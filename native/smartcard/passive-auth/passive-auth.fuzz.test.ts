import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCard } from '../../../test/fixtures/cccd/generate-card';
import { ParseError } from '../lds';
import { loadTrustStore, parseSod, verifyPassiveAuthentication } from './index';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);

describe('EF.SOD on truncated and mutated input', () => {
  it('parseSod throws only ParseError, and verification never throws nor trusts altered signed content', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cccd-sodfuzz-'));
    try {
      const card = await generateCard({
        outDir: join(root, 'card'),
        trustDir: join(root, 'trust'),
      });
      const read = async (n: string): Promise<Uint8Array> =>
        new Uint8Array(await readFile(card.files.find((f) => f.name === n)!.path));
      const sod = await read('sod');
      const dataGroups = new Map([
        [1, await read('dg1')],
        [13, await read('dg13')],
      ]);
      const trust = await loadTrustStore(join(root, 'trust'));
      const original = parseSod(sod).eContent;
      const rnd = prng(sod.length);
      const inputs: Uint8Array[] = [];
      for (let n = 0; n < sod.length; n += 7) inputs.push(sod.subarray(0, n));
      for (let k = 0; k < 400; k++) {
        const b = sod.slice();
        b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
        inputs.push(b);
      }
      const started = performance.now();
      const unexpected: string[] = [];
      let trustedChanged = 0;
      for (const input of inputs) {
        try {
          parseSod(input);
        } catch (e) {
          if (!(e instanceof ParseError)) unexpected.push(String(e));
        }
        const verdict = verifyPassiveAuthentication({ sod: input, dataGroups, trust });
        if (verdict.trusted && !sameBytes(parseSod(input).eContent, original)) trustedChanged++;
      }
      expect(unexpected.slice(0, 3)).toEqual([]);
      // asn1js tolerates some encoding slack (e.g. a BIT STRING's unused-bits byte), so
      // a changed SOD may still verify, but never with different signed content.
      expect(trustedChanged).toBe(0);
      expect(performance.now() - started).toBeLessThan(50_000);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 60_000);
});
