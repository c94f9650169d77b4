import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { makeCms, tstInfo } from '../../../test/fixtures/signing/cms';
import type { CmsOptions } from '../../../test/fixtures/signing/cms';
import { OIDS, issue, leaf, makePki } from '../../../test/fixtures/signing/pki';
import type { HashName } from '../../../native/smartcard/passive-auth';
import { checkCms, timestampInfo } from './cms-signature-check';

const pki = makePki(new Date('2026-06-01T00:00:00Z'));
const { signer, chain } = pki;
const content = new Uint8Array(Buffer.from('%PDF-1.7 các byte được ký'));
const digestOf = (bytes: Uint8Array) => (h: HashName) =>
  new Uint8Array(createHash(h).update(bytes).digest());
const nothing = (): Uint8Array => new Uint8Array(0);
const certs = [signer.cert, ...chain];
const check = (o: Partial<CmsOptions> = {}, bytes = content) =>
  checkCms(makeCms({ signer, certificates: certs, content, ...o }), digestOf(bytes));
const serial = (c: pkijs.Certificate | null): string =>
  c === null ? '' : Buffer.from(c.serialNumber.valueBlock.valueHexView).toString('hex');

describe('checkCms', () => {
  it('a detached CAdES signature over the content is intact and names its signer and certificates', () => {
    const r = check();
    expect(r.problems).toEqual([]);
    expect(r.intact).toBe(true);
    expect(serial(r.signer)).toBe('03');
    expect(r.certificates.map(serial)).toEqual(['03', '02', '01']);
    expect(r.signatureValue).toHaveLength(256);
    expect(r).toMatchObject({ signingTimeAttribute: null, timestampToken: null, eContent: null });
  });

  it('other content than what was signed is DIGEST_MISMATCH', () => {
    const r = check({}, new Uint8Array(Buffer.from('%PDF-1.7 các byte đã bị sửa')));
    expect(r).toMatchObject({ intact: false, problems: ['DIGEST_MISMATCH'] });
  });

  it('a signature value changed by one bit is SIGNATURE_INVALID', () => {
    expect(check({ breakSignature: true })).toMatchObject({
      intact: false,
      problems: ['SIGNATURE_INVALID'],
    });
  });

  it('a signature by another key under the signer certificate is SIGNATURE_INVALID', () => {
    const r = check({ signer: { ...signer, privateKey: pki.spareKey.privateKey } });
    expect(r.problems).toEqual(['SIGNATURE_INVALID']);
  });

  it('without the signer certificate: SIGNER_CERT_MISSING, nothing else claimed', () => {
    const r = check({ certificates: chain });
    expect(r).toMatchObject({ intact: false, problems: ['SIGNER_CERT_MISSING'], signer: null });
  });

  it('the signer is found by issuer AND serial, not by either alone', () => {
    const sameIssuer = leaf(pki, { serial: 9, key: pki.spareKey });
    const sameSerial = issue({
      cn: 'Khác',
      key: pki.spareKey,
      issuer: pki.root,
      serial: 3,
      ca: false,
      notBefore: pki.now,
      notAfter: pki.now,
    });
    const r = check({ certificates: [sameIssuer.cert, sameSerial.cert, ...certs] });
    expect(r.problems).toEqual([]);
    expect(r.signer?.subject.isEqual(signer.cert.subject)).toBe(true);
    expect(serial(r.signer)).toBe('03');
  });

  it('a signer named by SubjectKeyIdentifier is found among certificates with other or no SKI', () => {
    const noSki = leaf(pki, { serial: 10, key: pki.spareKey, noSki: true });
    const otherSki = leaf(pki, { serial: 11, key: pki.spareKey });
    const r = check({ sid: 'ski', certificates: [noSki.cert, otherSki.cert, ...certs] });
    expect(r.problems).toEqual([]);
    expect(serial(r.signer)).toBe('03');
    expect(check({ sid: 'ski', certificates: [noSki.cert, otherSki.cert] }).problems).toEqual([
      'SIGNER_CERT_MISSING',
    ]);
  });

  it.each([
    ['SHA-1', OIDS.sha1],
    ['SHA-224', '2.16.840.1.101.3.4.2.4'],
    ['SHA-384', '2.16.840.1.101.3.4.2.2'],
    ['SHA-512', '2.16.840.1.101.3.4.2.3'],
  ])('a %s signature is intact', (_, digestOid) => {
    const r = check({ digestOid });
    expect(r.problems).toEqual([]);
  });

  it('an unknown digest algorithm (MD5) is UNSUPPORTED_ALGORITHM', () => {
    expect(check({ digestOid: '1.2.840.113549.2.5' })).toMatchObject({
      intact: false,
      problems: ['UNSUPPORTED_ALGORITHM'],
    });
  });

  it('an unknown signature algorithm is UNSUPPORTED_ALGORITHM, not a bad signature', () => {
    expect(check({ signatureOid: '1.2.3.4.5' }).problems).toEqual(['UNSUPPORTED_ALGORITHM']);
  });

  it('RSASSA-PSS with SHA-256 parameters verifies (the parameters reach the check)', () => {
    expect(check({ pss: true }).problems).toEqual([]);
  });

  it('detached without signed attributes is not PAdES: UNSUPPORTED_ALGORITHM', () => {
    expect(check({ signedAttrs: false }).problems).toEqual(['UNSUPPORTED_ALGORITHM']);
  });

  it('an encapsulated content without signed attributes is checked directly', () => {
    const eContent = { type: OIDS.data, value: content };
    const r = checkCms(
      makeCms({ signer, certificates: certs, eContent, signedAttrs: false }),
      nothing,
    );
    expect(r.problems).toEqual([]);
    expect(r.eContent).toEqual(content);
  });

  it('an encapsulated content is hashed itself, not the detached bytes', () => {
    const eContent = { type: OIDS.data, value: content };
    const r = checkCms(makeCms({ signer, certificates: certs, eContent }), nothing);
    expect(r.problems).toEqual([]);
    const other = { type: OIDS.data, value: new Uint8Array(Buffer.from('khác')) };
    const bad = checkCms(
      makeCms({
        signer,
        certificates: certs,
        eContent: other,
        messageDigest: createHash('sha256').update(content).digest(),
      }),
      digestOf(content),
    );
    expect(bad.problems).toEqual(['DIGEST_MISMATCH']);
  });

  it('signing-certificate-v2 naming another certificate is SIGNING_CERT_MISMATCH', () => {
    const other = leaf(pki, { serial: 12 });
    expect(check({ signingCertificate: { cert: other.cert } })).toMatchObject({
      intact: false,
      problems: ['SIGNING_CERT_MISMATCH'],
    });
  });

  it('signing-certificate-v2 with an explicit SHA-512 hash matches; an unknown hash does not', () => {
    expect(
      check({ signingCertificate: { cert: signer.cert, hashOid: '2.16.840.1.101.3.4.2.3' } })
        .problems,
    ).toEqual([]);
    expect(
      check({ signingCertificate: { cert: signer.cert, hashOid: '1.2.840.113549.2.5' } }).problems,
    ).toEqual(['SIGNING_CERT_MISMATCH']);
  });

  it('a signing-certificate-v2 naming no certificate at all is SIGNING_CERT_MISMATCH', () => {
    expect(check({ signingCertificate: 'empty' }).problems).toEqual(['SIGNING_CERT_MISMATCH']);
  });

  it('no signing-certificate-v2 (adbe.pkcs7.detached) is still intact', () => {
    expect(check({ signingCertificate: 'none' }).problems).toEqual([]);
  });

  it('the signingTime attribute and the timestamp token are handed back', () => {
    const time = new Date('2026-05-31T10:20:30Z');
    const token = makeCms({
      signer: pki.tsa,
      certificates: [pki.tsa.cert],
      eContent: { type: OIDS.tstInfo, value: tstInfo(new Uint8Array(32), time) },
    });
    const r = check({ signingTime: time, timestampToken: token });
    expect(r.problems).toEqual([]);
    expect(r.signingTimeAttribute?.toISOString()).toBe(time.toISOString());
    expect(r.timestampToken).toEqual(token);
  });

  it('bytes that are not a CMS SignedData are CMS_UNREADABLE', () => {
    for (const der of [
      new Uint8Array([1, 2, 3]),
      new Uint8Array(
        new pkijs.ContentInfo({ contentType: OIDS.data, content: new asn1js.OctetString() })
          .toSchema()
          .toBER(false),
      ),
    ])
      expect(checkCms(der, nothing)).toMatchObject({
        intact: false,
        problems: ['CMS_UNREADABLE'],
        signer: null,
        certificates: [],
      });
  });

  it('a SignedData without a SignerInfo is CMS_UNREADABLE but keeps its certificates', () => {
    const info = pkijs.ContentInfo.fromBER(
      makeCms({ signer, certificates: certs, content }).slice().buffer,
    );
    const sd = new pkijs.SignedData({ schema: info.content });
    sd.signerInfos = [];
    const der = new Uint8Array(
      new pkijs.ContentInfo({ contentType: OIDS.signedData, content: sd.toSchema(true) })
        .toSchema()
        .toBER(false),
    );
    const r = checkCms(der, nothing);
    expect(r).toMatchObject({ intact: false, problems: ['CMS_UNREADABLE'] });
    expect(r.certificates).toHaveLength(3);
  });
});

describe('timestampInfo', () => {
  const time = new Date('2026-05-31T10:20:30Z');
  const stamped = new Uint8Array(Buffer.from('giá trị chữ ký'));

  it('reads the time and accepts an imprint over what it stamps', () => {
    const r = timestampInfo(tstInfo(digestOf(stamped)('sha256'), time), digestOf(stamped));
    expect(r).toEqual({ time, imprintOk: true });
  });

  it('an imprint over other bytes is not ok; a SHA-512 imprint is read with SHA-512', () => {
    expect(
      timestampInfo(tstInfo(digestOf(stamped)('sha256'), time), digestOf(new Uint8Array(1)))
        ?.imprintOk,
    ).toBe(false);
    const sha512 = '2.16.840.1.101.3.4.2.3';
    expect(
      timestampInfo(tstInfo(digestOf(stamped)('sha512'), time, sha512), digestOf(stamped))
        ?.imprintOk,
    ).toBe(true);
  });

  it('an unknown imprint hash is not ok; bytes that are no TSTInfo give null', () => {
    expect(
      timestampInfo(tstInfo(new Uint8Array(16), time, '1.2.840.113549.2.5'), digestOf(stamped))
        ?.imprintOk,
    ).toBe(false);
    expect(timestampInfo(new Uint8Array([0x30, 0x00]), digestOf(stamped))).toBeNull();
  });
});
