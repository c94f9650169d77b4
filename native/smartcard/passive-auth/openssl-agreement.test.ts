import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCard } from '../../../test/fixtures/cccd/generate-card';
import type { GenerateCardOptions } from '../../../test/fixtures/cccd/generate-card';
import { loadTrustStore, verifyPassiveAuthentication } from './index';

const run = promisify(execFile);
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** OpenSSL's verdict on EF.SOD's CMS signature and chain (`openssl cms -verify`). */
async function opensslVerifies(cms: string, csca: string): Promise<boolean> {
  const args = ['cms', '-verify', '-inform', 'DER', '-in', cms, '-CAfile', csca];
  try {
    await run('openssl', [...args, '-purpose', 'any', '-out', `${cms}.content`], {
      timeout: 10_000,
    });
    return true;
  } catch {
    return false;
  }
}

async function bothVerdicts(
  options: Omit<GenerateCardOptions, 'outDir' | 'trustDir'>,
  corrupt?: (sod: Uint8Array) => void,
): Promise<{ ours: boolean; openssl: boolean; content: Uint8Array | null }> {
  const root = await mkdtemp(join(tmpdir(), 'cccd-openssl-'));
  dirs.push(root);
  const card = await generateCard({
    ...options,
    outDir: join(root, 'card'),
    trustDir: join(root, 'trust'),
  });
  const sod = new Uint8Array(await readFile(card.files.find((f) => f.name === 'sod')!.path));
  corrupt?.(sod);
  const cms = join(root, 'sod.cms');
  await writeFile(cms, sod.subarray(4)); // drop the 77 82 LL LL wrapper: a bare ContentInfo
  const verdict = verifyPassiveAuthentication({
    sod,
    dataGroups: new Map([
      [1, new Uint8Array(await readFile(card.files.find((f) => f.name === 'dg1')!.path))],
    ]),
    trust: await loadTrustStore(join(root, 'trust')),
  });
  const openssl = await opensslVerifies(cms, card.cscaPath);
  const content = openssl ? new Uint8Array(await readFile(`${cms}.content`)) : null;
  return { ours: verdict.signatureOk && verdict.chainTrusted, openssl, content };
}

describe('our EF.SOD verdict agrees with openssl cms -verify', () => {
  it.each(['ecdsa-p256-sha256', 'rsa-pss-sha256', 'rsa-pkcs1-sha256'] as const)(
    'both accept a generated SOD signed with %s',
    async (signer) => {
      const { ours, openssl, content } = await bothVerdicts({ signer });
      expect({ ours, openssl }).toEqual({ ours: true, openssl: true });
      expect(content?.[0]).toBe(0x30); // the LDSSecurityObject OpenSSL extracted
    },
  );

  it('both reject a SOD whose signature was altered', async () => {
    const result = await bothVerdicts({}, (sod) => {
      sod[sod.length - 5] = (sod[sod.length - 5] ?? 0) ^ 0x10;
    });
    expect({ ours: result.ours, openssl: result.openssl }).toEqual({ ours: false, openssl: false });
  });

  it('both reject a SOD whose document signer another CSCA issued', async () => {
    const result = await bothVerdicts({ untrusted: true });
    expect({ ours: result.ours, openssl: result.openssl }).toEqual({ ours: false, openssl: false });
  });
});
