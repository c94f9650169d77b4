import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trustStoreFrom } from '../../../native/smartcard/passive-auth';
import type { LdsFileName } from '../../../native/smartcard/reader/lds-files';
import type { CccdFiles } from '../../../native/smartcard/reader/read-cccd-files';
import { generateCard, type GenerateCardOptions } from '../../../test/fixtures/cccd/generate-card';
import { identityFromFiles } from './card-identity';

const NAMES: Readonly<Record<string, LdsFileName>> = {
  com: 'COM',
  dg1: 'DG1',
  dg2: 'DG2',
  dg13: 'DG13',
  dg14: 'DG14',
  dg15: 'DG15',
  sod: 'SOD',
};

async function cardFiles(
  options: Omit<GenerateCardOptions, 'outDir' | 'trustDir'> = {},
): Promise<CccdFiles> {
  const card = await generateCard({
    ...options,
    outDir: mkdtempSync(join(tmpdir(), 'cccd-fuzz-')),
    trustDir: mkdtempSync(join(tmpdir(), 'cccd-fuzz-trust-')),
  });
  const files: Partial<Record<LdsFileName, Uint8Array>> = {};
  for (const f of card.files) {
    const name = NAMES[f.name];
    if (name !== undefined) files[name] = new Uint8Array(readFileSync(f.path));
  }
  return {
    files,
    accessProtocol: 'BAC',
    chunk: 256,
    counters: { apdus: 0, bytesSent: 0, bytesReceived: 0, ms: 0 },
  };
}

/** A small deterministic PRNG, so a failing case can be replayed from its seed. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

function mutate(bytes: Uint8Array, next: () => number): Uint8Array {
  const kind = Math.floor(next() * 3);
  if (kind === 0) return bytes.subarray(0, Math.floor(next() * bytes.length));
  const out = bytes.slice();
  const flips = 1 + Math.floor(next() * 8);
  for (let i = 0; i < flips; i++) {
    // Bias towards the header, where lengths live.
    const at = Math.floor(next() ** 3 * out.length);
    out[at] = kind === 1 ? Math.floor(next() * 256) : 0xff;
  }
  return out;
}

describe('damaged optional data groups', () => {
  it('a DG2 whose facial record claims more bytes than it holds gives the citizen, a named photo warning and trusted hashes', async () => {
    const read = await cardFiles({ damage: ['dg2-length'] });
    const identity = identityFromFiles(read);
    expect(identity.citizen.fullName).toBe('Nguyễn Thị Mai');
    expect(identity.photo).toBeNull();
    expect(identity.warnings.map((w) => w.code)).toEqual(['PHOTO_UNREADABLE']);
    expect(identity.warnings[0]?.vi).toMatch(/Không đọc được ảnh chân dung/);
    expect(identity.passive.hashesOk).toBe(true);
    expect(identity.passive.signatureOk).toBe(true);
  });

  it('mutated DG2, DG14 and DG15 never fail the intact DG1/DG13 fields, and their hashes are still judged', async () => {
    const read = await cardFiles();
    const intact = identityFromFiles(read, trustStoreFrom([]));
    const next = rng(0x16c);
    for (let round = 0; round < 100; round++) {
      const files = { ...read.files };
      for (const name of ['DG2', 'DG14', 'DG15'] as const) {
        const original = files[name];
        if (original !== undefined && next() < 0.6) files[name] = mutate(original, next);
      }
      const identity = identityFromFiles({ ...read, files });
      expect(identity.citizen, `round ${round}`).toEqual(intact.citizen);
      const changed = (['DG2', 'DG14', 'DG15'] as const).some((n) => files[n] !== read.files[n]);
      if (changed) {
        expect(identity.passive.hashesOk, `round ${round}`).toBe(false);
        expect(identity.passive.failures.map((f) => f.code)).toContain('DG_HASH_MISMATCH');
        expect(identity.passive.status).toBe('untrusted');
      }
    }
  });

  it('a data group the reader could not finish is named, and a missing DG15 fails Active Authentication', async () => {
    const read = await cardFiles();
    const rest = { ...read.files };
    delete rest.DG15;
    const identity = identityFromFiles({
      ...read,
      files: rest,
      unreadable: [{ file: 'DG15', code: 'SECURE_MESSAGING', en: 'status 6B00 without a MAC' }],
    });
    expect(identity.citizen.id).toBe(intactId(read));
    expect(identity.warnings.map((w) => `${w.code}:${w.file}`)).toEqual([
      'DATA_GROUP_UNREADABLE:DG15',
    ]);
    expect(identity.active?.ok).toBe(false);
  });
});

function intactId(read: CccdFiles): string {
  return identityFromFiles(read).citizen.id;
}
