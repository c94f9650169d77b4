import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bigintToBytes, bytesToBigint, modPow } from '../ec';
import { concatBytes, encodeOid, encodeTlv } from '../lds';
import { activeAuthChallenge, verifyActiveAuthentication } from './index';

const FAIL_VI =
  'Chip không chứng minh được là chip gốc (xác thực chủ động thất bại): thẻ có thể bị sao chép; không dùng dữ liệu này.';
const FAIL_EN =
  'The chip failed Active Authentication: the card may be a clone; do not use its data.';
const OK_TEXTS = {
  vi: 'Chip là chip gốc (xác thực chủ động thành công).',
  en: 'The chip passed Active Authentication.',
};

const OID_AA_INFO = '2.23.136.1.1.5';
const OID_CA_INFO = '0.4.0.127.0.7.2.2.3.2.1';
const ECDSA_PLAIN = { sha256: '0.4.0.127.0.7.1.1.4.1.3', sha384: '0.4.0.127.0.7.1.1.4.1.4' };

const int = (n: number): Uint8Array => encodeTlv(0x02, Uint8Array.of(n));
const aaInfo = (hashOid: string): Uint8Array =>
  encodeTlv(
    0x30,
    encodeTlv(0x06, encodeOid(OID_AA_INFO)),
    int(1),
    encodeTlv(0x06, encodeOid(hashOid)),
  );
const caInfo = encodeTlv(0x30, encodeTlv(0x06, encodeOid(OID_CA_INFO)), int(1), int(7));
const dg14 = (...infos: Uint8Array[]): Uint8Array => encodeTlv(0x6e, encodeTlv(0x31, ...infos));

describe('Active Authentication with an ECDSA chip key', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const dg15 = encodeTlv(0x6f, new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })));
  const challenge = activeAuthChallenge();
  const answer = (hash: string): Uint8Array =>
    new Uint8Array(sign(hash, challenge, { key: privateKey, dsaEncoding: 'ieee-p1363' }));

  it('tries only the hash DG14 names, found by its OID among other SecurityInfos', () => {
    const named384 = dg14(caInfo, aaInfo(ECDSA_PLAIN.sha384));
    expect(
      verifyActiveAuthentication({ dg15, dg14: named384, challenge, response: answer('sha384') }),
    ).toEqual({
      ok: true,
      algorithm: 'ECDSA P-256 SHA384',
      ...OK_TEXTS,
    });
    expect(
      verifyActiveAuthentication({ dg15, dg14: named384, challenge, response: answer('sha256') }),
    ).toEqual({
      ok: false,
      algorithm: 'ECDSA P-256',
      vi: FAIL_VI,
      en: FAIL_EN,
    });
  });

  it('without DG14, or with an unreadable one, tries every hash', () => {
    const response = answer('sha384');
    expect(verifyActiveAuthentication({ dg15, challenge, response }).algorithm).toBe(
      'ECDSA P-256 SHA384',
    );
    const broken = Uint8Array.of(0x6e, 0x02, 0x30, 0x00);
    expect(verifyActiveAuthentication({ dg15, dg14: broken, challenge, response }).ok).toBe(true);
  });
});

describe('Active Authentication failures name what failed', () => {
  const challenge = activeAuthChallenge();
  const response = new Uint8Array(64);
  it.each([
    ['DG15 unreadable', Uint8Array.of(1)],
    ['DG15 key unreadable', encodeTlv(0x6f, int(0))],
    ['unsupported key', encodeTlv(0x6f, encodeTlv(0x30, int(0)))],
  ] as const)('%s', (algorithm, dg15) => {
    expect(verifyActiveAuthentication({ dg15, challenge, response })).toEqual({
      ok: false,
      algorithm,
      vi: FAIL_VI,
      en: FAIL_EN,
    });
  });
});

describe('Active Authentication with an RSA chip key (ISO/IEC 9796-2)', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const jwk = privateKey.export({ format: 'jwk' });
  const n = bytesToBigint(Buffer.from(jwk.n!, 'base64url'));
  const d = bytesToBigint(Buffer.from(jwk.d!, 'base64url'));
  const k = 128;
  const dg15 = encodeTlv(0x6f, new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })));
  const challenge = activeAuthChallenge();
  /** The chip's answer: `header ‖ M1 ‖ H(M1 ‖ challenge) ‖ trailer`, raised to d. */
  const respond = (
    hash: 'sha1' | 'sha256',
    header = 0x6a,
    trailer = hash === 'sha1' ? Uint8Array.of(0xbc) : Uint8Array.of(0x34, 0xcc),
  ): bigint => {
    const hLen = hash === 'sha1' ? 20 : 32;
    const m1 = randomBytes(k - 1 - hLen - trailer.length);
    const h = createHash(hash).update(m1).update(challenge).digest();
    return modPow(bytesToBigint(concatBytes(Uint8Array.of(header), m1, h, trailer)), d, n);
  };

  it('accepts SHA-256 with its two-byte trailer', () => {
    const response = bigintToBytes(respond('sha256'), k);
    expect(verifyActiveAuthentication({ dg15, challenge, response })).toEqual({
      ok: true,
      algorithm: 'ISO 9796-2 RSA SHA256',
      ...OK_TEXTS,
    });
  });

  it('accepts the answer n − s, which the chip may send instead of s', () => {
    const response = bigintToBytes(n - respond('sha1'), k);
    expect(verifyActiveAuthentication({ dg15, challenge, response }).algorithm).toBe(
      'ISO 9796-2 RSA SHA1',
    );
  });

  it('refuses a trailer that is neither BC nor hash-id CC', () => {
    const response = bigintToBytes(respond('sha256', 0x6a, Uint8Array.of(0x34, 0xdc)), k);
    expect(verifyActiveAuthentication({ dg15, challenge, response }).ok).toBe(false);
  });

  it('refuses a message whose header is not 01xxxxxx', () => {
    const response = bigintToBytes(respond('sha1', 0x2a), k);
    expect(verifyActiveAuthentication({ dg15, challenge, response })).toEqual({
      ok: false,
      algorithm: 'ISO 9796-2 RSA',
      vi: FAIL_VI,
      en: FAIL_EN,
    });
  });
});
