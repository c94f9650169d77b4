import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCard } from '../../../test/fixtures/cccd/generate-card';
import { concatBytes, encodeOid, encodeTlv } from '../lds';
import { bigintToBytes, bytesToBigint, modPow, standardizedCurve } from '../ec';
import {
  activeAuthChallenge,
  certificatesFromFile,
  internalAuthenticateApdu,
  parseEcPublicKey,
  verifyActiveAuthentication,
  verifySignature,
} from './index';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const derInt = (n: bigint): Uint8Array => {
  let b = bigintToBytes(n, Math.max(1, Math.ceil(n.toString(16).length / 2)));
  if (((b[0] ?? 0) & 0x80) !== 0) b = concatBytes(Uint8Array.of(0), b);
  return encodeTlv(0x02, b);
};

/** An EC SubjectPublicKeyInfo with explicit prime-field parameters, as the Vietnamese CSCA has. */
function explicitSpki(parameterId: number, x: Uint8Array, y: Uint8Array): Uint8Array {
  const c = standardizedCurve(parameterId)!;
  const fe = (v: bigint): Uint8Array => bigintToBytes(v, c.size);
  const params = encodeTlv(
    0x30,
    derInt(1n),
    encodeTlv(0x30, encodeTlv(0x06, encodeOid('1.2.840.10045.1.1')), derInt(c.p)),
    encodeTlv(0x30, encodeTlv(0x04, fe(c.a)), encodeTlv(0x04, fe(c.b))),
    encodeTlv(0x04, concatBytes(Uint8Array.of(4), fe(c.g!.x), fe(c.g!.y))),
    derInt(c.n),
    derInt(c.h),
  );
  return encodeTlv(
    0x30,
    encodeTlv(0x30, encodeTlv(0x06, encodeOid('1.2.840.10045.2.1')), params),
    encodeTlv(0x03, Uint8Array.of(0, 4), x, y),
  );
}

describe('signature verification', () => {
  it('verifies ECDSA-SHA512 by a brainpoolP512r1 key given with explicit parameters', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'brainpoolP512r1' });
    const named = parseEcPublicKey(
      new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })),
    );
    expect(named?.explicit).toBe(false);
    const size = named!.curve.size;
    const spki = explicitSpki(
      17,
      bigintToBytes(named!.point!.x, size),
      bigintToBytes(named!.point!.y, size),
    );
    expect(parseEcPublicKey(spki)).toMatchObject({
      explicit: true,
      curve: { name: 'brainpoolP512r1' },
    });
    const data = new TextEncoder().encode('tbsCertificate of a document signer');
    const signature = sign('sha512', data, privateKey);
    const input = { spki, algorithmOid: '1.2.840.10045.4.3.4', data, signature };
    expect(verifySignature(input)).toEqual({ ok: true, algorithm: 'ecdsa-with-SHA512' });
    expect(verifySignature({ ...input, data: data.subarray(1) }).ok).toBe(false);
  });

  it('verifies ECDSA on a named curve that OpenSSL signed, and refuses an unknown algorithm', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'brainpoolP256r1' });
    const spki = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }));
    const data = randomBytes(100);
    const signature = sign('sha256', data, privateKey);
    expect(verifySignature({ spki, algorithmOid: '1.2.840.10045.4.3.2', data, signature }).ok).toBe(
      true,
    );
    expect(verifySignature({ spki, algorithmOid: '1.2.3.4', data, signature })).toMatchObject({
      ok: false,
      reason: 'unsupported',
    });
  });
});

describe('trust store files', () => {
  it('reads the CSCAs inside an ICAO master list', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cccd-ml-'));
    dirs.push(root);
    const card = await generateCard({ outDir: join(root, 'card'), trustDir: join(root, 'trust') });
    const [csca] = certificatesFromFile(new Uint8Array(await readFile(card.cscaPath)))!;
    const list = new asn1js.Sequence({
      value: [new asn1js.Integer({ value: 0 }), new asn1js.Set({ value: [csca!.toSchema()] })],
    });
    const signed = new pkijs.SignedData({
      version: 3,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({
        eContentType: '2.23.136.1.1.2',
        eContent: new asn1js.OctetString({ valueHex: list.toBER(false) }),
      }),
      signerInfos: [],
    });
    const ml = new pkijs.ContentInfo({
      contentType: pkijs.ContentInfo.SIGNED_DATA,
      content: signed.toSchema(true),
    });
    const certs = certificatesFromFile(new Uint8Array(ml.toSchema().toBER(false)));
    expect(certs).toHaveLength(1);
    expect(certs![0]!.subject.isEqual(csca!.subject)).toBe(true);
  });
});

describe('Active Authentication', () => {
  it('sends a fresh 8-byte challenge each time', () => {
    const a = activeAuthChallenge();
    expect(a).toHaveLength(8);
    expect(Buffer.from(a).equals(Buffer.from(activeAuthChallenge()))).toBe(false);
    expect([...internalAuthenticateApdu(a).subarray(0, 5)]).toEqual([0, 0x88, 0, 0, 8]);
  });

  it('accepts the generated chip key signing the challenge (ECDSA plain, hash named by DG14)', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cccd-aa-'));
    dirs.push(root);
    const card = await generateCard({ outDir: join(root, 'card'), trustDir: join(root, 'trust') });
    const read = async (n: string): Promise<Uint8Array> =>
      new Uint8Array(await readFile(card.files.find((f) => f.name === n)!.path));
    const key = createPrivateKey(await readFile(card.aaPrivateKeyPath));
    const challenge = activeAuthChallenge();
    const response = sign('sha256', challenge, { key, dsaEncoding: 'ieee-p1363' });
    const input = { dg15: await read('dg15'), dg14: await read('dg14'), challenge, response };
    expect(verifyActiveAuthentication(input)).toMatchObject({
      ok: true,
      algorithm: 'ECDSA P-256 SHA256',
    });
    expect(verifyActiveAuthentication({ ...input, challenge: activeAuthChallenge() }).ok).toBe(
      false,
    );
  });

  it('fails, without throwing, when DG15 holds no usable key', () => {
    const challenge = activeAuthChallenge();
    const response = new Uint8Array(64);
    for (const dg15 of [Uint8Array.of(0x6f, 2, 4, 0), Uint8Array.of(0x6f, 0), Uint8Array.of(1)]) {
      expect(verifyActiveAuthentication({ dg15, challenge, response }).ok).toBe(false);
    }
  });

  it('accepts an ISO 9796-2 RSA answer and refuses one replayed for another challenge', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const jwk = privateKey.export({ format: 'jwk' });
    const n = bytesToBigint(Buffer.from(jwk.n!, 'base64url'));
    const d = bytesToBigint(Buffer.from(jwk.d!, 'base64url'));
    const k = 128;
    const challenge = activeAuthChallenge();
    const m1 = randomBytes(k - 2 - 20);
    const h = createHash('sha1').update(m1).update(challenge).digest();
    const f = concatBytes(Uint8Array.of(0x6a), m1, h, Uint8Array.of(0xbc));
    const response = bigintToBytes(modPow(bytesToBigint(f), d, n), k);
    const dg15 = encodeTlv(0x6f, new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })));
    expect(verifyActiveAuthentication({ dg15, challenge, response })).toMatchObject({
      ok: true,
      algorithm: 'ISO 9796-2 RSA SHA1',
    });
    const other = verifyActiveAuthentication({ dg15, challenge: activeAuthChallenge(), response });
    expect(other.ok).toBe(false);
    expect(other.vi).toMatch(/sao chép/);
  });
});
