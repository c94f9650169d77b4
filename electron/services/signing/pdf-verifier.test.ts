import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCms, timestampToken } from '../../../test/fixtures/signing/cms';
import { ocspResponse, startOcspResponder } from '../../../test/fixtures/signing/ocsp';
import { DAY, issue, leaf, makePki } from '../../../test/fixtures/signing/pki';
import {
  byteRangeOf,
  cmsSign,
  drawAfterSigning,
  keySign,
  plainPdf,
  setByteRange,
} from '../../../test/fixtures/signing/pdf';
import { addValidationData } from './long-term-data';
import { verifyPdf } from './pdf-verifier';
import type { PdfVerification, VerifyOptions } from './pdf-verifier';

const pki = makePki(new Date('2026-06-01T00:00:00Z'));
const { root, intermediate, signer, chain } = pki;
const signedAt = pki.now;
const anchors = [root.cert];
const opts: VerifyOptions = { anchors, now: new Date(signedAt.getTime() + 60_000) };
const sha256 = (b: Uint8Array): Uint8Array =>
  new Uint8Array(createHash('sha256').update(b).digest());

const only = (v: PdfVerification) => {
  expect(v.signatures).toHaveLength(1);
  const s = v.signatures[0];
  if (s === undefined) throw new Error('no signature');
  return s;
};

let plain: Uint8Array;
let signed: Uint8Array;
let responder: Awaited<ReturnType<typeof startOcspResponder>>;
let answers: Record<string, Uint8Array | undefined> = {};

beforeAll(async () => {
  plain = await plainPdf();
  signed = await keySign(plain, signer, chain, {
    signingTime: signedAt,
    options: { reason: 'Số hoá thành phần hồ sơ' },
  });
  responder = await startOcspResponder((serial) => answers[serial] ?? null);
});
afterAll(async () => {
  await responder.close();
});

/** A CAdES signature over the ranges, bent by `o`, in a real placeholder. */
const withCms = (o: Partial<Parameters<typeof makeCms>[0]> = {}, pdf?: Uint8Array) =>
  cmsSign(
    pdf ?? plain,
    (ranges) => makeCms({ signer, certificates: [signer.cert, ...chain], content: ranges, ...o }),
    { signingTime: signedAt },
  );

describe('verifyPdf', () => {
  it('a PAdES signature by a trusted signer is intact, trusted, whole, with what the file says', async () => {
    const v = await verifyPdf(signed, opts);
    const s = only(v);
    expect(v.ok).toBe(true);
    expect(s).toMatchObject({
      index: 1,
      type: 'Sig',
      subFilter: 'ETSI.CAdES.detached',
      intact: true,
      trusted: true,
      coversWholeDocument: true,
      modifiedAfter: 'none',
      changedObjects: [],
      timestamp: null,
      revocation: 'not-checked',
      reason: 'Số hoá thành phần hồ sơ',
      problems: [],
      timeSource: 'claimed',
    });
    expect(s.signer?.commonName).toBe('Nguyễn Văn An');
    expect(s.signingTime?.toISOString()).toBe(signedAt.toISOString());
  });

  it('a PDF without signatures is not ok', async () => {
    expect(await verifyPdf(plain, opts)).toEqual({ signatures: [], ok: false });
  });

  it('no trust anchors: intact but not trusted, and the file is not ok', async () => {
    const v = await verifyPdf(signed, { ...opts, anchors: [] });
    expect(only(v)).toMatchObject({ intact: true, trusted: false });
    expect(only(v).problems).toContain('NO_TRUST_ANCHORS');
    expect(v.ok).toBe(false);
  });

  it('a signature by another key than the certificate’s is not intact', async () => {
    const wrong = await keySign(plain, signer, chain, {
      signingTime: signedAt,
      signingKey: { ...signer, privateKey: pki.spareKey.privateKey },
    });
    const v = await verifyPdf(wrong, opts);
    expect(only(v)).toMatchObject({ intact: false, problems: ['SIGNATURE_INVALID'] });
    expect(v.ok).toBe(false);
  });

  it('a chain that does not reach the trusted root is not trusted (missing intermediate)', async () => {
    const s = only(
      await verifyPdf(await keySign(plain, signer, [], { signingTime: signedAt }), opts),
    );
    expect(s).toMatchObject({ intact: true, trusted: false, problems: ['CHAIN_UNTRUSTED'] });
  });

  it('certificates are judged at the claimed signing time: expired since then is still trusted', async () => {
    const shortLived = leaf(pki, {
      serial: 60,
      notBefore: new Date(signedAt.getTime() - DAY),
      notAfter: new Date(signedAt.getTime() + DAY),
    });
    const pdf = await keySign(plain, shortLived, chain, { signingTime: signedAt });
    const later = { ...opts, now: new Date(signedAt.getTime() + 30 * DAY) };
    expect(only(await verifyPdf(pdf, later))).toMatchObject({ trusted: true, problems: [] });
    const early = await keySign(plain, shortLived, chain, {
      signingTime: new Date(signedAt.getTime() - 2 * DAY),
    });
    expect(only(await verifyPdf(early, later))).toMatchObject({
      intact: true,
      trusted: false,
      problems: ['CERT_NOT_YET_VALID'],
    });
  });

  it('a claimed time more than five minutes ahead of the clock is TIME_IN_FUTURE and untrusted', async () => {
    const at = (ms: number) =>
      verifyPdf(signed, { anchors, now: new Date(signedAt.getTime() + ms) });
    expect(only(await at(-5 * 60_000)).problems).toEqual([]);
    const s = only(await at(-5 * 60_000 - 1000));
    expect(s).toMatchObject({ intact: true, trusted: false, problems: ['TIME_IN_FUTURE'] });
  });

  it('one changed byte in either signed range is DIGEST_MISMATCH', async () => {
    const [, , c] = byteRangeOf(signed);
    for (const at of [9, c + 40]) {
      const tampered = signed.slice();
      tampered[at] = (tampered[at] ?? 0) ^ 0x01;
      const s = only(await verifyPdf(tampered, opts));
      expect(s.intact).toBe(false);
      expect(s.problems).toContain('DIGEST_MISMATCH');
    }
  });

  it('a byte range that does not start at 0, overlaps, or runs past the end is BYTE_RANGE_INVALID', async () => {
    const [a, b, c, d] = byteRangeOf(signed);
    for (const range of [
      [a + 1, b, c, d],
      [a, 0, c, d],
      [a, b, b, d],
      [a, b, c, d + 1],
      [a, b + 1, c, d],
    ]) {
      const s = only(await verifyPdf(setByteRange(signed, range), opts));
      expect(s).toMatchObject({ intact: false, coversWholeDocument: false, modifiedAfter: 'none' });
      expect(s.problems).toContain('BYTE_RANGE_INVALID');
    }
    // An empty second range is sound (if pointless): only its digest fails.
    const empty = only(await verifyPdf(setByteRange(signed, [a, b, c, 0]), opts));
    expect(empty.problems).toContain('DIGEST_MISMATCH');
    expect(empty.problems).not.toContain('BYTE_RANGE_INVALID');
  });

  it('content drawn after signing is MODIFIED_AFTER_SIGNING and the file is not ok', async () => {
    const v = await verifyPdf(await drawAfterSigning(signed), opts);
    const s = only(v);
    expect(s).toMatchObject({ intact: true, coversWholeDocument: false, modifiedAfter: 'other' });
    expect(s.changedObjects.join(' ')).toContain('(Page)');
    expect(s.problems).toEqual(['MODIFIED_AFTER_SIGNING']);
    expect(s.trusted).toBe(true);
    expect(v.ok).toBe(false);
  });

  it('a second signature keeps the first valid; only signatures came after it', async () => {
    const twice = await keySign(signed, signer, chain, { signingTime: signedAt });
    const v = await verifyPdf(twice, opts);
    expect(v.ok).toBe(true);
    expect(v.signatures.map((s) => [s.index, s.coversWholeDocument, s.modifiedAfter])).toEqual([
      [1, false, 'signatures'],
      [2, true, 'none'],
    ]);
  });

  it('a good signature after content drawn on a signed page does not make the file ok', async () => {
    const v = await verifyPdf(
      await keySign(await drawAfterSigning(signed), signer, chain, { signingTime: signedAt }),
      opts,
    );
    expect(v.signatures.map((s) => s.modifiedAfter)).toEqual(['other', 'none']);
    expect(v.signatures[1]).toMatchObject({ intact: true, trusted: true });
    expect(v.ok).toBe(false);
  });

  it('whitespace after the last %%EOF still counts as the whole document; other bytes do not', async () => {
    const ws = new Uint8Array([...signed, 0x0a, 0x0d, 0x20, 0x00]);
    expect(only(await verifyPdf(ws, opts)).coversWholeDocument).toBe(true);
    const junk = new Uint8Array([...signed, 0x41]);
    expect(only(await verifyPdf(junk, opts)).coversWholeDocument).toBe(false);
  });

  it('an unsupported digest algorithm is UNSUPPORTED_ALGORITHM', async () => {
    const s = only(await verifyPdf(await withCms({ digestOid: '1.2.840.113549.2.5' }), opts));
    expect(s).toMatchObject({ intact: false, problems: ['UNSUPPORTED_ALGORITHM'] });
  });

  it('a CMS without the signer certificate has no signer and is not trusted', async () => {
    const s = only(await verifyPdf(await withCms({ certificates: chain }), opts));
    expect(s).toMatchObject({
      signer: null,
      intact: false,
      trusted: false,
      revocation: 'not-checked',
      problems: ['SIGNER_CERT_MISSING'],
    });
  });

  it('without /M the signingTime attribute is the claimed time', async () => {
    const claimed = new Date('2026-05-30T08:00:00Z');
    const pdf = await cmsSign(
      plain,
      (ranges) =>
        makeCms({
          signer,
          certificates: [signer.cert, ...chain],
          content: ranges,
          signingTime: claimed,
        }),
      {
        signingTime: signedAt,
        edit: (t) => t.replace(/\/M \(D:[^)]*\)/, (m) => ' '.repeat(m.length)),
      },
    );
    const s = only(await verifyPdf(pdf, opts));
    expect(s).toMatchObject({ intact: true, trusted: true, timeSource: 'claimed' });
    expect(s.signingTime?.toISOString()).toBe(claimed.toISOString());
  });

  it('no claimed time at all: timeSource none, judged at the verifier clock', async () => {
    const pdf = await cmsSign(
      plain,
      (ranges) => makeCms({ signer, certificates: [signer.cert, ...chain], content: ranges }),
      {
        signingTime: signedAt,
        edit: (t) => t.replace(/\/M \(D:[^)]*\)/, (m) => ' '.repeat(m.length)),
      },
    );
    const s = only(await verifyPdf(pdf, opts));
    expect(s).toMatchObject({ intact: true, trusted: true, timeSource: 'none', signingTime: null });
    const tooLate = { ...opts, now: new Date(signedAt.getTime() + 400 * DAY) };
    expect(only(await verifyPdf(pdf, tooLate)).problems).toEqual(['CERT_EXPIRED']);
  });

  describe('signature timestamps', () => {
    const stampedAt = new Date(signedAt.getTime() - 3600_000);
    const stamped = (o: Parameters<typeof timestampToken>[3] = {}) =>
      keySign(plain, signer, chain, {
        signingTime: signedAt,
        timestamp: (value) => Promise.resolve(timestampToken(pki, value, stampedAt, o)),
      });

    it("a trusted TSA's token over the signature value gives the signing time", async () => {
      const s = only(await verifyPdf(await stamped(), opts));
      expect(s).toMatchObject({
        intact: true,
        trusted: true,
        timeSource: 'timestamp',
        problems: [],
      });
      expect(s.timestamp).toEqual({ time: stampedAt, valid: true });
      expect(s.signingTime?.toISOString()).toBe(stampedAt.toISOString());
    });

    it('a token over other bytes is TIMESTAMP_INVALID and the claimed time is used', async () => {
      const s = only(await verifyPdf(await stamped({ imprint: sha256(new Uint8Array(3)) }), opts));
      expect(s).toMatchObject({ intact: true, trusted: false, timeSource: 'claimed' });
      expect(s.timestamp).toEqual({ time: stampedAt, valid: false });
      expect(s.problems).toEqual(['TIMESTAMP_INVALID']);
      expect(s.signingTime?.toISOString()).toBe(signedAt.toISOString());
    });

    it('a token whose signature does not verify is TIMESTAMP_INVALID', async () => {
      const s = only(await verifyPdf(await stamped({ breakSignature: true }), opts));
      expect(s.timestamp?.valid).toBe(false);
      expect(s.problems).toEqual(['TIMESTAMP_INVALID']);
    });

    it('a TSA outside the trust store is TIMESTAMP_INVALID', async () => {
      const rogue = issue({
        cn: 'TSA lạ',
        key: pki.spareKey,
        issuer: null,
        serial: 70,
        ca: false,
        notBefore: new Date(signedAt.getTime() - DAY),
        notAfter: new Date(signedAt.getTime() + DAY),
      });
      const s = only(await verifyPdf(await stamped({ tsa: rogue }), opts));
      expect(s.timestamp?.valid).toBe(false);
      expect(s).toMatchObject({ trusted: false, problems: ['TIMESTAMP_INVALID'] });
    });

    it('a token without the TSA certificate is TIMESTAMP_INVALID', async () => {
      const s = only(await verifyPdf(await stamped({ certificates: [intermediate.cert] }), opts));
      expect(s.timestamp).toEqual({ time: stampedAt, valid: false });
      expect(s.problems).toEqual(['TIMESTAMP_INVALID']);
    });

    it('a token that is no TSTInfo is TIMESTAMP_INVALID without a time', async () => {
      const pdf = await keySign(plain, signer, chain, {
        signingTime: signedAt,
        timestamp: () =>
          Promise.resolve(
            makeCms({ signer: pki.tsa, certificates: [pki.tsa.cert], content: new Uint8Array(1) }),
          ),
      });
      const s = only(await verifyPdf(pdf, opts));
      expect(s).toMatchObject({ timestamp: null, trusted: false, problems: ['TIMESTAMP_INVALID'] });
    });
  });

  describe('document timestamps', () => {
    const stampedAt = new Date(signedAt.getTime() + 3600_000);
    const docStamp = (pdf: Uint8Array, imprint?: (ranges: Uint8Array) => Uint8Array) =>
      cmsSign(
        pdf,
        (ranges) =>
          timestampToken(
            pki,
            ranges,
            stampedAt,
            imprint === undefined ? {} : { imprint: imprint(ranges) },
          ),
        { kind: 'document-timestamp' },
      );

    it('a DocTimeStamp over the file is intact with its time, and the signature before it stays valid', async () => {
      const v = await verifyPdf(await docStamp(signed), { anchors, now: stampedAt });
      expect(v.ok).toBe(true);
      const [sig, ts] = v.signatures;
      expect(sig).toMatchObject({ type: 'Sig', modifiedAfter: 'signatures', trusted: true });
      expect(ts).toMatchObject({
        index: 2,
        type: 'DocTimeStamp',
        subFilter: 'ETSI.RFC3161',
        intact: true,
        trusted: true,
        timeSource: 'timestamp',
        revocation: 'not-checked',
        problems: [],
      });
      expect(ts?.timestamp).toEqual({ time: stampedAt, valid: true });
    });

    it('a DocTimeStamp whose imprint is not the file is not intact and has no time', async () => {
      const v = await verifyPdf(await docStamp(plain, () => sha256(new Uint8Array(5))), {
        anchors,
        now: stampedAt,
      });
      const s = only(v);
      expect(s).toMatchObject({
        intact: false,
        trusted: false,
        timeSource: 'none',
        signingTime: null,
      });
      expect(s.timestamp).toEqual({ time: stampedAt, valid: false });
      expect(s.problems).toEqual(['TIMESTAMP_INVALID']);
    });

    it('/Type /DocTimeStamp alone makes it a document timestamp', async () => {
      const pdf = await cmsSign(plain, (ranges) => timestampToken(pki, ranges, stampedAt), {
        kind: 'document-timestamp',
        edit: (t) => t.replace('/SubFilter /ETSI.RFC3161', '/SubFilter /ETSI.XXXXXXX'),
      });
      const s = only(await verifyPdf(pdf, { anchors, now: stampedAt }));
      expect(s).toMatchObject({ type: 'DocTimeStamp', subFilter: 'ETSI.XXXXXXX', intact: true });
    });

    it('a DocTimeStamp holding a detached signature instead of a token is not intact', async () => {
      const pdf = await cmsSign(
        plain,
        (ranges) => makeCms({ signer, certificates: [signer.cert, ...chain], content: ranges }),
        { kind: 'document-timestamp' },
      );
      const s = only(await verifyPdf(pdf, { anchors, now: stampedAt }));
      expect(s).toMatchObject({ type: 'DocTimeStamp', intact: false, timestamp: null });
    });

    it("a document timestamp's own certificate is not asked about revocation", async () => {
      answers = {
        '04': ocspResponse(pki.tsa.cert, intermediate, { status: 'revoked', at: signedAt }),
      };
      const v = await verifyPdf(await docStamp(plain), {
        anchors,
        now: stampedAt,
        online: true,
        ocspUrl: responder.url,
      });
      expect(only(v)).toMatchObject({ revocation: 'not-checked', trusted: true, problems: [] });
    });

    it('a SubFilter ETSI.RFC3161 alone makes it a document timestamp', async () => {
      const pdf = await cmsSign(plain, (ranges) => timestampToken(pki, ranges, stampedAt), {
        signingTime: signedAt,
        edit: (t) =>
          t.replace('/SubFilter /ETSI.CAdES.detached', '/SubFilter /ETSI.RFC3161       '),
      });
      const s = only(await verifyPdf(pdf, { anchors, now: stampedAt }));
      expect(s).toMatchObject({ type: 'DocTimeStamp', intact: true, timeSource: 'timestamp' });
    });
  });

  describe('revocation', () => {
    const good = () => ocspResponse(signer.cert, intermediate, { status: 'good' });
    const revoked = (at: Date) =>
      ocspResponse(signer.cert, intermediate, { status: 'revoked', at });
    const withDss = async (leafAnswer: Uint8Array) => {
      answers = { '03': leafAnswer };
      const r = await addValidationData(signed, {
        certificates: [signer.cert, ...chain],
        ocspUrl: responder.url,
      });
      return r.pdf;
    };

    it('a good answer in the DSS is good and the signature stays ok', async () => {
      const v = await verifyPdf(await withDss(good()), opts);
      expect(only(v)).toMatchObject({
        revocation: 'good',
        trusted: true,
        modifiedAfter: 'signatures',
      });
      expect(v.ok).toBe(true);
    });

    it('revoked before the signing time is CERT_REVOKED and untrusted', async () => {
      const v = await verifyPdf(await withDss(revoked(new Date(signedAt.getTime() - DAY))), opts);
      expect(only(v)).toMatchObject({
        revocation: 'revoked',
        trusted: false,
        problems: ['CERT_REVOKED'],
      });
      expect(v.ok).toBe(false);
    });

    it('online, the responder is asked when the file has no DSS', async () => {
      answers = { '03': good() };
      const offline = only(await verifyPdf(signed, { ...opts, ocspUrl: responder.url }));
      expect(offline.revocation).toBe('not-checked');
      const s = only(await verifyPdf(signed, { ...opts, online: true, ocspUrl: responder.url }));
      expect(s.revocation).toBe('good');
    });

    it("online without signing.ocspUrl, the signer certificate's AIA responder is asked", async () => {
      const withAia = leaf(pki, { serial: 80, ocspUrl: responder.url });
      answers = { '50': ocspResponse(withAia.cert, intermediate, { status: 'good' }) };
      const pdf = await keySign(plain, withAia, chain, { signingTime: signedAt });
      const s = only(await verifyPdf(pdf, { ...opts, online: true }));
      expect(s.revocation).toBe('good');
    });

    it('a revocation after a trusted timestamp does not spoil it; after a merely claimed time it does', async () => {
      const stampedAt = new Date(signedAt.getTime() - 3600_000);
      const pdf = await keySign(plain, signer, chain, {
        signingTime: signedAt,
        timestamp: (value) => Promise.resolve(timestampToken(pki, value, stampedAt)),
      });
      answers = { '03': revoked(new Date(stampedAt.getTime() + 60_000)) };
      const s = only(await verifyPdf(pdf, { ...opts, online: true, ocspUrl: responder.url }));
      expect(s).toMatchObject({ revocation: 'unknown', trusted: true, problems: [] });
      answers = { '03': revoked(new Date(signedAt.getTime() + 60_000)) };
      const claimedOnly = only(
        await verifyPdf(signed, { ...opts, online: true, ocspUrl: responder.url }),
      );
      expect(claimedOnly).toMatchObject({ revocation: 'revoked', trusted: false });
    });
  });

  it('a file with a signature and a /DSS name but no catalog gives a verdict, not a crash', async () => {
    // pdf-lib loads this (no trailer, no /Root) and then has no catalog to read the DSS from.
    const broken = new Uint8Array(
      Buffer.from(
        '%PDF-1.7\n1 0 obj << /Type /Sig /ByteRange [0 10 20 5] /Contents <3000> >> endobj /DSS\n',
      ),
    );
    const v = await verifyPdf(broken, opts);
    expect(v.ok).toBe(false);
    expect(only(v).problems).toContain('BYTE_RANGE_INVALID');
  });
});
