import { beforeAll, describe, expect, it } from 'vitest';
import {
  decoyCertificate,
  ldsSecurityObject,
  sha256All,
  signingPki,
  signSod,
} from '../../../test/fixtures/cccd/forged-sod';
import type { SigningPki, SodOptions } from '../../../test/fixtures/cccd/forged-sod';
import { encodeTlv } from '../lds';
import { trustStoreFrom, verifyPassiveAuthentication } from './index';
import type { PassiveAuthVerdict } from './index';

// Each test breaks one ICAO 9303-11 rule in an EF.SOD that a real document signer
// signed, and checks that exactly that rule is reported, in Vietnamese.
const DGS = new Map<number, Uint8Array>([
  [1, encodeTlv(0x61, encodeTlv(0x5f1f, new TextEncoder().encode('IDVNM0123456789')))],
  [13, encodeTlv(0x6d, new TextEncoder().encode('Nguyễn Thị Mai'))],
  [15, encodeTlv(0x6f, Uint8Array.of(0x30, 0x00))],
]);

let pki: SigningPki;
let hashes: Map<number, Uint8Array>;
let lso: Uint8Array;
beforeAll(async () => {
  pki = await signingPki();
  hashes = await sha256All(DGS);
  lso = ldsSecurityObject(DGS, hashes);
});

async function verify(
  o: Partial<SodOptions> = {},
  dataGroups: ReadonlyMap<number, Uint8Array> = DGS,
  now?: Date,
): Promise<PassiveAuthVerdict> {
  return verifyPassiveAuthentication({
    sod: await signSod(pki, { lso, ...o }),
    dataGroups,
    trust: trustStoreFrom([pki.csca]),
    ...(now === undefined ? {} : { now }),
  });
}

const codes = (v: PassiveAuthVerdict): string[] => v.failures.map((f) => f.code);

describe('passive authentication rules, one broken at a time', () => {
  it('trusts the untouched SOD, and sorts the data groups it was given', async () => {
    const shuffled = new Map([...DGS].reverse());
    const verdict = await verify({}, shuffled);
    expect(verdict).toMatchObject({ hashesOk: true, signatureOk: true, chainTrusted: true });
    expect(verdict.trusted).toBe(true);
    expect(verdict.documentSigner).toBe(
      'C=VN, O=Bộ Công an (thử nghiệm), CN=Document Signer Forged SOD Test',
    );
    expect(verdict.dataGroups).toEqual([
      { dataGroup: 1, ok: true },
      { dataGroup: 13, ok: true },
      { dataGroup: 15, ok: true },
    ]);
  });

  it('with no data group to check, nothing is trusted although nothing failed', async () => {
    const verdict = await verify({}, new Map());
    expect(verdict).toMatchObject({
      hashesOk: false,
      signatureOk: true,
      chainTrusted: true,
      trusted: false,
      failures: [],
    });
  });

  it('a data group absent from EF.SOD is reported and marked not ok', async () => {
    const verdict = await verify({}, new Map([...DGS, [3, Uint8Array.of(0x63, 0)]]));
    expect(codes(verdict)).toEqual(['DG_NOT_IN_SOD']);
    expect(verdict.failures[0]?.vi).toBe(
      'DG3 không có trong EF.SOD. Dữ liệu chip có thể bị sửa hoặc thẻ giả: không dùng dữ liệu này, hãy đối chiếu giấy tờ gốc.',
    );
    expect(verdict.dataGroups.find((d) => d.dataGroup === 3)).toEqual({ dataGroup: 3, ok: false });
    expect(verdict.trusted).toBe(false);
  });

  it('a stored hash with one byte too many does not match (no prefix match)', async () => {
    const long = new Map(hashes);
    long.set(1, Uint8Array.of(...(hashes.get(1) ?? []), 0));
    const verdict = await verify({ lso: ldsSecurityObject(DGS, long) });
    expect(codes(verdict)).toEqual(['DG_HASH_MISMATCH']);
    expect(verdict.failures[0]).toMatchObject({ dataGroup: 1 });
    expect(verdict.hashesOk).toBe(false);
  });

  it('an unknown hash algorithm is reported once, not as a mismatch per data group', async () => {
    const verdict = await verify({
      lso: ldsSecurityObject(DGS, hashes, { hashOid: '1.2.3.4.5' }),
    });
    expect(codes(verdict)).toEqual(['UNSUPPORTED_HASH']);
    expect(verdict.failures[0]?.vi).toBe(
      'EF.SOD dùng thuật toán băm chưa hỗ trợ (1.2.3.4.5); báo cho bộ phận CNTT.',
    );
    expect(verdict).toMatchObject({ hashesOk: false, signatureOk: true, trusted: false });
    expect(verdict.hashAlgorithm).toBeUndefined();
  });

  it('a signed content that is not an LDSSecurityObject is not trusted, though all else holds', async () => {
    const verdict = await verify({ eContentType: '1.2.840.113549.1.7.1' });
    expect(verdict).toMatchObject({ hashesOk: true, signatureOk: true, chainTrusted: true });
    expect(codes(verdict)).toEqual(['NOT_LDS_SECURITY_OBJECT']);
    expect(verdict.trusted).toBe(false);
  });

  it('a signature over the content itself (no signed attributes) verifies', async () => {
    const verdict = await verify({ signedAttrs: false });
    expect(verdict.failures).toEqual([]);
    expect(verdict.signatureOk).toBe(true);
  });

  it('a signed messageDigest that is not the content hash is reported', async () => {
    const verdict = await verify({ messageDigest: new Uint8Array(32) });
    expect(codes(verdict)).toEqual(['MESSAGE_DIGEST_MISMATCH']);
    expect(verdict.signatureOk).toBe(false);
    expect(verdict.failures[0]?.vi).toMatch(/^Thuộc tính messageDigest không khớp nội dung EF.SOD/);
  });

  it('an unknown signature algorithm is "unsupported", not "invalid"', async () => {
    const verdict = await verify({ signatureAlgorithmOid: '1.2.3.4.6' });
    expect(codes(verdict)).toEqual(['UNSUPPORTED_SIGNATURE']);
    expect(verdict.failures[0]?.vi).toBe(
      'Thuật toán chữ ký chưa hỗ trợ (1.2.3.4.6); báo cho bộ phận CNTT.',
    );
    expect(verdict.signatureAlgorithm).toBe('1.2.3.4.6');
  });

  it('without a document signer the signature is not ok and the chain is not checked', async () => {
    const verdict = await verify({ certificates: [] });
    expect(codes(verdict)).toEqual(['NO_DOCUMENT_SIGNER']);
    expect(verdict).toMatchObject({ signatureOk: false, chainTrusted: false, trusted: false });
    expect(verdict.documentSigner).toBeUndefined();
    const none = await verify({ noSigner: true });
    expect(codes(none)).toEqual(['NO_DOCUMENT_SIGNER']);
  });

  it('picks the certificate whose issuer and serial both match, not a decoy before it', async () => {
    const decoy = await decoyCertificate(pki, 'serial');
    const verdict = await verify({ certificates: [decoy, pki.dsc] });
    expect(verdict.failures).toEqual([]);
    expect(verdict.documentSigner).toMatch(/Document Signer Forged SOD Test$/);
  });

  it.each(['no-ski', 'ski-as-integer'] as const)(
    'by subject key identifier, skips a decoy (%s) placed before the signer',
    async (change) => {
      const decoy = await decoyCertificate(pki, change);
      const verdict = await verify({ sid: 'ski', certificates: [decoy, pki.dsc] });
      expect(verdict.failures).toEqual([]);
      expect(verdict.documentSigner).toMatch(/Document Signer Forged SOD Test$/);
    },
  );

  it('finds the signer named by an EXPLICIT [0] subject key identifier', async () => {
    const verdict = await verify({ sid: 'ski-explicit' });
    expect(verdict.failures).toEqual([]);
    expect(verdict.trusted).toBe(true);
  });

  it('a trusted CSCA with the issuer name but another key did not sign the document signer', async () => {
    const impostor = await signingPki();
    const sod = await signSod(pki, { lso });
    const verdict = verifyPassiveAuthentication({
      sod,
      dataGroups: DGS,
      trust: trustStoreFrom([impostor.csca]),
    });
    // Same subject name (the fixture names every test CSCA alike), different key.
    expect(impostor.csca.subject.isEqual(pki.csca.subject)).toBe(true);
    expect(codes(verdict)).toEqual(['DSC_SIGNATURE_INVALID']);
    expect(verdict.failures[0]?.vi).toBe(
      'Chứng thư ký tài liệu không được CSCA "C=VN, O=Bộ Công an (thử nghiệm), CN=CSCA Forged SOD Test" ký. Dữ liệu chip có thể bị sửa hoặc thẻ giả: không dùng dữ liệu này, hãy đối chiếu giấy tờ gốc.',
    );
    expect(verdict.chainTrusted).toBe(false);
  });

  it('is valid from the first second of the document signer to the last second of the CSCA', async () => {
    const first = await verify({}, DGS, pki.dsc.notBefore.value);
    expect(first.failures).toEqual([]);
    const last = await verify({}, DGS, pki.csca.notAfter.value);
    expect(last.failures).toEqual([]);
  });

  it('a document signer not valid yet and an expired CSCA each break the chain', async () => {
    const early = await verify({}, DGS, new Date(pki.dsc.notBefore.value.getTime() - 1000));
    expect(codes(early)).toEqual(['DSC_NOT_YET_VALID']);
    expect(early.failures[0]?.vi).toBe(
      'Chứng thư ký tài liệu chưa có hiệu lực (2021-01-01T00:00:00.000Z); kiểm tra đồng hồ của máy kiosk.',
    );
    expect(early.chainTrusted).toBe(false);
    const late = await verify({}, DGS, new Date(pki.csca.notAfter.value.getTime() + 1000));
    expect(codes(late)).toEqual(['CSCA_EXPIRED']);
    expect(late.failures[0]?.vi).toMatch(/^Chứng thư CSCA đã hết hạn \(2035-/);
    expect(late.chainTrusted).toBe(false);
  });

  it('an unreadable EF.SOD yields a verdict with nothing proven', () => {
    const verdict = verifyPassiveAuthentication({
      sod: Uint8Array.of(0x77, 0x03, 0x30, 0x01, 0x00),
      dataGroups: DGS,
      trust: trustStoreFrom([pki.csca]),
    });
    expect(verdict).toEqual({
      hashesOk: false,
      signatureOk: false,
      chainTrusted: false,
      trusted: false,
      dataGroups: [],
      failures: [
        expect.objectContaining({
          code: 'SOD_UNREADABLE',
          vi: expect.stringMatching(/^Không đọc được EF.SOD \(.+\); hãy đọc lại thẻ\.$/) as string,
        }),
      ],
    });
  });
});
