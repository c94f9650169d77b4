import { X509Certificate } from 'node:crypto';
import { PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ocspResponse, startOcspResponder } from '../../../test/fixtures/signing/ocsp';
import type { OcspAnswer } from '../../../test/fixtures/signing/ocsp';
import { DAY, certificateDer, makePki } from '../../../test/fixtures/signing/pki';
import { addValidationData } from './long-term-data';
import { checkRevocation, dssOcspResponses } from './revocation-check';
import type { RevocationSources } from './revocation-check';

const pki = makePki(new Date('2026-06-01T00:00:00Z'));
const { root, intermediate, signer, now } = pki;
const x509 = (c: Parameters<typeof certificateDer>[0]) =>
  new X509Certificate(Buffer.from(certificateDer(c)));
const path = [x509(signer.cert), x509(intermediate.cert), x509(root.cert)];
const leafSays = (a: OcspAnswer) => ocspResponse(signer.cert, intermediate, a);
const caSays = (a: OcspAnswer) => ocspResponse(intermediate.cert, root, a);
const dss = (...dssOcsps: Uint8Array[]): RevocationSources => ({
  dssOcsps,
  online: false,
  ocspUrl: '',
});
const before = new Date(now.getTime() - DAY);
const after = new Date(now.getTime() + DAY);

let responder: Awaited<ReturnType<typeof startOcspResponder>>;
let answers: Record<string, Uint8Array | null> = {};
beforeAll(async () => {
  responder = await startOcspResponder((serial) => answers[serial] ?? null);
});
afterAll(async () => {
  await responder.close();
});
const online = (...dssOcsps: Uint8Array[]): RevocationSources => ({
  dssOcsps,
  online: true,
  ocspUrl: responder.url,
});

describe('checkRevocation', () => {
  it('nothing to ask (offline, no DSS) or nothing above the leaf: not-checked', async () => {
    expect(await checkRevocation(path, now, false, dss())).toBe('not-checked');
    expect(
      await checkRevocation(path.slice(0, 1), now, false, dss(leafSays({ status: 'good' }))),
    ).toBe('not-checked');
  });

  it("the leaf's good answer in the DSS is good, even with no answer about the CA", async () => {
    expect(await checkRevocation(path, now, false, dss(leafSays({ status: 'good' })))).toBe('good');
  });

  it('a path of the leaf and its anchor is checked too', async () => {
    expect(
      await checkRevocation(path.slice(0, 2), now, false, dss(leafSays({ status: 'good' }))),
    ).toBe('good');
  });

  it('the first answer that is about the certificate is taken, foreign ones are skipped', async () => {
    const sources = dss(caSays({ status: 'good' }), leafSays({ status: 'revoked', at: before }));
    expect(await checkRevocation(path, now, false, sources)).toBe('revoked');
  });

  it('answers about nobody on the path, offline: not-checked', async () => {
    const stranger = ocspResponse(pki.tsa.cert, root, { status: 'good' });
    expect(await checkRevocation(path, now, false, dss(stranger))).toBe('not-checked');
  });

  it('an answer about the CA only is unknown: the leaf must be answered for', async () => {
    expect(await checkRevocation(path, now, false, dss(caSays({ status: 'good' })))).toBe(
      'unknown',
    );
  });

  it("the leaf's unknown status is unknown", async () => {
    expect(await checkRevocation(path, now, false, dss(leafSays({ status: 'unknown' })))).toBe(
      'unknown',
    );
  });

  it('a revoked CA spoils a good leaf', async () => {
    const sources = dss(leafSays({ status: 'good' }), caSays({ status: 'revoked', at: before }));
    expect(await checkRevocation(path, now, true, sources)).toBe('revoked');
  });

  it('revoked after a trusted signing time does not spoil it; at or before it does', async () => {
    expect(
      await checkRevocation(path, now, true, dss(leafSays({ status: 'revoked', at: after }))),
    ).toBe('unknown');
    expect(
      await checkRevocation(path, now, true, dss(leafSays({ status: 'revoked', at: now }))),
    ).toBe('revoked');
    expect(
      await checkRevocation(path, now, true, dss(leafSays({ status: 'revoked', at: before }))),
    ).toBe('revoked');
  });

  it('revoked after a merely claimed signing time spoils it (the claim proves nothing)', async () => {
    expect(
      await checkRevocation(path, now, false, dss(leafSays({ status: 'revoked', at: after }))),
    ).toBe('revoked');
  });

  it('online: asks the responder for what the DSS does not answer', async () => {
    answers = { '03': leafSays({ status: 'good' }) };
    responder.requests.length = 0;
    expect(await checkRevocation(path, now, false, online())).toBe('good');
    expect(responder.requests).toEqual(['03', '02']);
    responder.requests.length = 0;
    expect(await checkRevocation(path, now, false, online(leafSays({ status: 'good' })))).toBe(
      'good',
    );
    expect(responder.requests).toEqual(['02']);
  });

  it('online, a path of the leaf alone: not-checked, and no responder is asked', async () => {
    answers = { '03': leafSays({ status: 'good' }) };
    responder.requests.length = 0;
    expect(await checkRevocation(path.slice(0, 1), now, false, online())).toBe('not-checked');
    expect(responder.requests).toEqual([]);
  });

  it('online with no responder answering: unknown', async () => {
    answers = {};
    expect(await checkRevocation(path, now, false, online())).toBe('unknown');
  });

  it('offline, the responder is never asked', async () => {
    answers = { '03': leafSays({ status: 'revoked', at: before }) };
    responder.requests.length = 0;
    const sources = { ...online(caSays({ status: 'good' })), online: false };
    expect(await checkRevocation(path, now, false, sources)).toBe('unknown');
    expect(responder.requests).toEqual([]);
  });
});

describe('dssOcspResponses', () => {
  const plain = async (): Promise<PDFDocument> => {
    const doc = await PDFDocument.create();
    doc.addPage();
    return doc;
  };

  it('reads the OCSP answers long-term-data.ts wrote into the DSS', async () => {
    answers = { '03': leafSays({ status: 'good' }), '02': caSays({ status: 'good' }) };
    const pdf = await (await plain()).save({ useObjectStreams: false });
    const written = await addValidationData(pdf, {
      certificates: [signer.cert, intermediate.cert, root.cert],
      ocspUrl: responder.url,
    });
    expect(written.added).toBe(true);
    const found = await dssOcspResponses(written.pdf);
    expect(found.map((d) => Buffer.from(d).toString('hex')).sort()).toEqual(
      [answers['03'], answers['02']].map((d) => Buffer.from(d ?? []).toString('hex')).sort(),
    );
  });

  it('a file marked encrypted still has its DSS read (pdf-lib does not decrypt; streams are read as stored)', async () => {
    answers = { '03': leafSays({ status: 'good' }) };
    const written = await addValidationData(
      await (await plain()).save({ useObjectStreams: false }),
      {
        certificates: [signer.cert, intermediate.cert, root.cert],
        ocspUrl: responder.url,
      },
    );
    const text = Buffer.from(written.pdf).toString('latin1');
    const at = text.lastIndexOf('trailer');
    const marked = text.slice(0, at) + text.slice(at).replace('<<', '<< /Encrypt 1 0 R');
    const found = await dssOcspResponses(new Uint8Array(Buffer.from(marked, 'latin1')));
    expect(found).toEqual([answers['03']]);
  });

  it('no DSS named, a file without a catalog, or one that does not parse: none', async () => {
    expect(await dssOcspResponses(await (await plain()).save())).toEqual([]);
    expect(await dssOcspResponses(new Uint8Array(Buffer.from('%PDF-1.7 /DSS rác')))).toEqual([]);
    expect(await dssOcspResponses(new Uint8Array(Buffer.from('rác /DSS')))).toEqual([]);
  });

  it('a DSS in a compressed object stream (no /DSS bytes in the file) is read', async () => {
    const doc = await plain();
    const raw = new Uint8Array([0x30, 0x03, 0x0a, 0x01, 0x00]);
    const { context } = doc;
    doc.catalog.set(
      PDFName.of('DSS'),
      context.obj({ OCSPs: [context.register(context.stream(raw))] }),
    );
    const pdf = await doc.save({ useObjectStreams: true });
    expect(Buffer.from(pdf).indexOf('/DSS')).toBe(-1);
    expect(await dssOcspResponses(pdf)).toEqual([raw]);
  });

  it('a DSS given inline: its unfiltered streams only, skipping what is not a stream', async () => {
    const doc = await plain();
    const raw = new Uint8Array([0x30, 0x03, 0x0a, 0x01, 0x00]);
    const { context } = doc;
    const filtered = context.flateStream(new Uint8Array([1, 2, 3]));
    doc.catalog.set(
      PDFName.of('DSS'),
      context.obj({
        OCSPs: [context.register(context.stream(raw)), context.register(filtered), 12],
      }),
    );
    const found = await dssOcspResponses(await doc.save({ useObjectStreams: false }));
    expect(found).toEqual([raw]);
  });

  it('a DSS that is not a dictionary, or OCSPs that are not an array: none', async () => {
    const notDict = await plain();
    notDict.catalog.set(PDFName.of('DSS'), notDict.context.obj([1]));
    expect(await dssOcspResponses(await notDict.save())).toEqual([]);
    const aNumber = await plain();
    aNumber.catalog.set(PDFName.of('DSS'), aNumber.context.obj(7));
    expect(await dssOcspResponses(await aNumber.save())).toEqual([]);
    const notArray = await plain();
    notArray.catalog.set(PDFName.of('DSS'), notArray.context.obj({ OCSPs: 5 }));
    expect(await dssOcspResponses(await notArray.save())).toEqual([]);
  });
});
