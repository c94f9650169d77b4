import { constants, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateExplicitBrainpoolKey } from '../../../test/fixtures/cccd/pki';
import { encodeOid, encodeTlv } from '../lds';
import { verifySignature } from './index';

const OID = {
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  mgf1: '1.2.840.113549.1.1.8',
  rsaPss: '1.2.840.113549.1.1.10',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaSha256: '1.2.840.10045.4.3.2',
  ecdsaPlainSha256: '0.4.0.127.0.7.1.1.4.1.3',
  ecdsaPlainSha512: '0.4.0.127.0.7.1.1.4.1.5',
} as const;

const algorithmId = (oid: string): Uint8Array =>
  encodeTlv(0x30, encodeTlv(0x06, encodeOid(oid)), Uint8Array.of(0x05, 0x00));
const int = (n: number): Uint8Array =>
  encodeTlv(0x02, n < 0x80 ? Uint8Array.of(n) : Uint8Array.of(n >> 8, n & 0xff));

/** RSASSA-PSS-params (RFC 4055) with the fields given; `tag` 0x30 unless a test breaks it. */
function pssParams(o: {
  hash?: string;
  mgfHash?: string;
  salt?: number;
  trailer?: number;
  tag?: number;
}): Uint8Array {
  const fields: Uint8Array[] = [];
  if (o.hash !== undefined) fields.push(encodeTlv(0xa0, algorithmId(o.hash)));
  if (o.mgfHash !== undefined) {
    const mgf = encodeTlv(0x30, encodeTlv(0x06, encodeOid(OID.mgf1)), algorithmId(o.mgfHash));
    fields.push(encodeTlv(0xa1, mgf));
  }
  if (o.salt !== undefined) fields.push(encodeTlv(0xa2, int(o.salt)));
  if (o.trailer !== undefined) fields.push(encodeTlv(0xa3, int(o.trailer)));
  return encodeTlv(o.tag ?? 0x30, ...fields);
}

const spkiOf = (key: KeyObject): Uint8Array =>
  new Uint8Array(key.export({ format: 'der', type: 'spki' }));
const data = new Uint8Array(randomBytes(200));

describe('RSASSA-PSS parameters', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const spki = spkiOf(publicKey);
  const pss = (saltLength: number, key = privateKey): Uint8Array =>
    new Uint8Array(
      sign('sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength }),
    );
  const check = (algorithmParams: Uint8Array, signature = pss(32), key = spki) =>
    verifySignature({ spki: key, algorithmOid: OID.rsaPss, algorithmParams, data, signature });

  it('reads hash, MGF1 hash and salt, and ignores the trailer field', () => {
    const params = pssParams({ hash: OID.sha256, mgfHash: OID.sha256, salt: 32, trailer: 1 });
    expect(check(params)).toEqual({ ok: true, algorithm: 'RSASSA-PSS' });
    expect(check(pssParams({ hash: OID.sha256, mgfHash: OID.sha256, salt: 20 })).ok).toBe(false);
  });

  it('reads a salt length longer than one byte', () => {
    const big = generateKeyPairSync('rsa', { modulusLength: 3072 });
    const params = pssParams({ hash: OID.sha256, mgfHash: OID.sha256, salt: 300 });
    expect(check(params, pss(300, big.privateKey), spkiOf(big.publicKey)).ok).toBe(true);
  });

  it('parameters that are not a SEQUENCE are not read: the SHA-1 defaults apply', () => {
    const params = pssParams({ hash: OID.sha256, mgfHash: OID.sha256, salt: 32, tag: 0x31 });
    expect(check(params)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('an unknown hash, or an MGF1 hash unlike the hash, is unsupported', () => {
    expect(check(pssParams({ hash: '1.2.3.4', mgfHash: OID.sha256, salt: 32 }))).toMatchObject({
      ok: false,
      reason: 'unsupported',
    });
    expect(check(pssParams({ hash: OID.sha256, mgfHash: OID.sha1, salt: 32 }))).toMatchObject({
      ok: false,
      reason: 'unsupported',
    });
  });

  it('truncated parameters make the signature invalid instead of throwing', () => {
    const params = pssParams({ hash: OID.sha256, mgfHash: OID.sha256, salt: 32 });
    expect(check(params.subarray(0, params.length - 2))).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
  });

  it('verifies with a key whose SubjectPublicKeyInfo says id-RSASSA-PSS', () => {
    const keys = generateKeyPairSync('rsa-pss', { modulusLength: 2048 });
    const params = pssParams({ hash: OID.sha256, mgfHash: OID.sha256, salt: 32 });
    expect(check(params, pss(32, keys.privateKey), spkiOf(keys.publicKey)).ok).toBe(true);
  });
});

describe('RSA PKCS#1 v1.5 and the digest named elsewhere', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const spki = spkiOf(publicKey);
  const signature = new Uint8Array(sign('sha256', data, privateKey));

  it('sha256WithRSAEncryption needs no digest from the SignerInfo', () => {
    expect(verifySignature({ spki, algorithmOid: OID.sha256WithRsa, data, signature })).toEqual({
      ok: true,
      algorithm: 'sha256WithRSAEncryption',
    });
  });

  it('rsaEncryption takes the SignerInfo digest, and is unsupported without one', () => {
    const input = { spki, algorithmOid: OID.rsaEncryption, data, signature };
    expect(verifySignature({ ...input, digest: 'sha256' }).ok).toBe(true);
    expect(verifySignature(input)).toMatchObject({ ok: false, reason: 'unsupported' });
  });

  it('a key that cannot be read, or is not RSA, is unsupported', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    for (const key of [Uint8Array.of(0x30, 0x00), spkiOf(ec.publicKey)]) {
      expect(
        verifySignature({ spki: key, algorithmOid: OID.sha256WithRsa, data, signature }),
      ).toMatchObject({ ok: false, reason: 'unsupported' });
    }
  });
});

describe('ECDSA encodings', () => {
  it('plain r‖s on a named curve (OpenSSL path)', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const signature = sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
    const spki = spkiOf(publicKey);
    expect(verifySignature({ spki, algorithmOid: OID.ecdsaPlainSha256, data, signature })).toEqual({
      ok: true,
      algorithm: 'ecdsa-plain-SHA256',
    });
  });

  it('plain r‖s by an explicit-parameter key (our own arithmetic)', () => {
    const key = generateExplicitBrainpoolKey();
    const signature = sign('sha512', data, { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
    const input = { spki: key.spki, algorithmOid: OID.ecdsaPlainSha512, data, signature };
    expect(verifySignature(input).ok).toBe(true);
    expect(verifySignature({ ...input, data: data.subarray(1) }).ok).toBe(false);
  });

  it('id-ecPublicKey as the algorithm takes the SignerInfo digest', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const signature = sign('sha256', data, privateKey);
    const input = { spki: spkiOf(publicKey), algorithmOid: OID.ecPublicKey, data, signature };
    expect(verifySignature({ ...input, digest: 'sha256' }).ok).toBe(true);
    expect(verifySignature(input)).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(verifySignature({ ...input, algorithmOid: OID.ecdsaSha256 }).ok).toBe(true);
  });
});
