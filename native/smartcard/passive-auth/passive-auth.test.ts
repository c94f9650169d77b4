import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCard } from '../../../test/fixtures/cccd/generate-card';
import type { GenerateCardOptions, GeneratedCard } from '../../../test/fixtures/cccd/generate-card';
import { loadTrustStore, parseSod, trustStoreFrom, verifyPassiveAuthentication } from './index';
import type { PassiveAuthVerdict } from './index';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** Generates a synthetic card into a fresh temp folder and verifies it against its trust folder. */
async function generateAndVerify(
  options: Omit<GenerateCardOptions, 'outDir' | 'trustDir'> = {},
): Promise<{ card: GeneratedCard; verdict: PassiveAuthVerdict; files: Map<string, Uint8Array> }> {
  const root = await mkdtemp(join(tmpdir(), 'cccd-pa-'));
  dirs.push(root);
  const card = await generateCard({
    ...options,
    outDir: join(root, 'card'),
    trustDir: join(root, 'trust'),
  });
  const files = new Map<string, Uint8Array>();
  for (const f of card.files) files.set(f.name, new Uint8Array(await readFile(f.path)));
  const dataGroups = new Map<number, Uint8Array>();
  for (const dg of [1, 2, 13, 14, 15]) dataGroups.set(dg, files.get(`dg${String(dg)}`)!);
  const verdict = verifyPassiveAuthentication({
    sod: files.get('sod')!,
    dataGroups,
    trust: await loadTrustStore(join(root, 'trust')),
  });
  return { card, verdict, files };
}

describe('passive authentication of a synthetic CCCD', () => {
  it('trusts an untouched card signed by the CSCA in the trust folder', async () => {
    const { verdict } = await generateAndVerify();
    expect(verdict).toMatchObject({
      hashesOk: true,
      signatureOk: true,
      chainTrusted: true,
      trusted: true,
      hashAlgorithm: 'sha256',
      signatureAlgorithm: 'ecdsa-with-SHA256',
      failures: [],
    });
    expect(verdict.csca).toBe('C=VN, O=Bộ Công an (thử nghiệm), CN=CSCA CCCD Test');
    expect(verdict.dataGroups.map((d) => d.dataGroup)).toEqual([1, 2, 13, 14, 15]);
  });

  it.each(['rsa-pkcs1-sha256', 'rsa-pss-sha256', 'ecdsa-p384-sha384'] as const)(
    'verifies a document signer using %s',
    async (signer) => {
      const { verdict } = await generateAndVerify({ signer });
      expect(verdict.failures).toEqual([]);
      expect(verdict.trusted).toBe(true);
    },
  );

  it('trusts a chain whose CSCA has explicit brainpoolP512r1 parameters, like the Vietnamese CSCA', async () => {
    const { verdict } = await generateAndVerify({ csca: 'brainpoolP512r1-explicit' });
    expect(verdict.failures).toEqual([]);
    expect(verdict.trusted).toBe(true);
  });

  it('finds the document signer named by its subject key identifier (SignerInfo v3)', async () => {
    const { verdict } = await generateAndVerify({ signerId: 'ski' });
    expect(verdict.failures).toEqual([]);
    expect(verdict.trusted).toBe(true);
  });

  it('a tampered DG13 fails passive authentication, naming DG13', async () => {
    const { verdict } = await generateAndVerify({ tamper: ['dg13'] });
    expect(verdict.hashesOk).toBe(false);
    expect(verdict.signatureOk).toBe(true);
    expect(verdict.trusted).toBe(false);
    expect(verdict.dataGroups.find((d) => d.dataGroup === 13)?.ok).toBe(false);
    expect(verdict.failures).toHaveLength(1);
    expect(verdict.failures[0]).toMatchObject({ code: 'DG_HASH_MISMATCH', dataGroup: 13 });
    expect(verdict.failures[0]?.vi).toMatch(/DG13/);
  });

  it('an unknown CSCA fails the chain although hashes and signature hold', async () => {
    const { verdict } = await generateAndVerify({ untrusted: true });
    expect(verdict).toMatchObject({
      hashesOk: true,
      signatureOk: true,
      chainTrusted: false,
      trusted: false,
    });
    expect(verdict.failures.map((f) => f.code)).toEqual(['CSCA_UNKNOWN']);
    expect(verdict.csca).toBeUndefined();
  });

  it('an empty trust store trusts nothing', async () => {
    const { files } = await generateAndVerify();
    const verdict = verifyPassiveAuthentication({
      sod: files.get('sod')!,
      dataGroups: new Map([[1, files.get('dg1')!]]),
      trust: trustStoreFrom([]),
    });
    expect(verdict.chainTrusted).toBe(false);
    expect(verdict.failures.map((f) => f.code)).toEqual(['CSCA_UNKNOWN']);
  });

  it('a data group missing from EF.SOD and a corrupted signature are both reported', async () => {
    const { files } = await generateAndVerify();
    const sod = files.get('sod')!.slice();
    sod[sod.length - 3] = (sod[sod.length - 3] ?? 0) ^ 0x55; // inside the signature value
    const verdict = verifyPassiveAuthentication({
      sod,
      dataGroups: new Map([
        [1, files.get('dg1')!],
        [3, Uint8Array.of(0x63, 0)],
      ]),
      trust: trustStoreFrom([]),
    });
    const codes = verdict.failures.map((f) => f.code);
    expect(codes).toContain('DG_NOT_IN_SOD');
    expect(codes.some((c) => c === 'SIGNATURE_INVALID' || c === 'SOD_UNREADABLE')).toBe(true);
    expect(verdict.signatureOk).toBe(false);
  });

  it('reports an unreadable EF.SOD instead of throwing', () => {
    const verdict = verifyPassiveAuthentication({
      sod: Uint8Array.of(0x77, 0x03, 0x30, 0x01, 0x00),
      dataGroups: new Map(),
      trust: trustStoreFrom([]),
    });
    expect(verdict.failures.map((f) => f.code)).toEqual(['SOD_UNREADABLE']);
  });

  it('lists every data group hash EF.SOD signs', async () => {
    const { files } = await generateAndVerify();
    expect([...parseSod(files.get('sod')!).dataGroupHashes.keys()]).toEqual([1, 2, 13, 14, 15]);
  });

  it('reports an unreadable file in the trust folder', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cccd-trust-'));
    dirs.push(root);
    await writeFile(join(root, 'broken.pem'), 'not a certificate');
    const store = await loadTrustStore(root);
    expect(store.certificates).toHaveLength(0);
    expect(store.problems).toEqual(['broken.pem: not a certificate or master list']);
  });
});
