import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFRef,
  decodePDFRawStream,
} from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { timestampToken } from '../../../test/fixtures/signing/cms';
import { certificateDer, makePki } from '../../../test/fixtures/signing/pki';
import { byteRangeOf, keySign, plainPdf } from '../../../test/fixtures/signing/pdf';
import { verifyPdf } from './pdf-verifier';

const pki = makePki(new Date('2026-06-01T00:00:00Z'));
const { root, signer, chain } = pki;
const signingTime = pki.now;
const opts = { anchors: [root.cert], now: new Date(signingTime.getTime() + 60_000) };
const certBytes = [signer.cert, ...chain].reduce((n, c) => n + certificateDer(c).length, 0);

let plain: Uint8Array;
beforeAll(async () => {
  plain = await plainPdf(2);
});

/** The signature field's widget of the last signature, and the page numbers (1-based) it sits on. */
async function widgetOf(
  pdf: Uint8Array,
): Promise<{ widget: PDFDict; page: number; doc: PDFDocument }> {
  const doc = await PDFDocument.load(pdf);
  const fields = doc.catalog.getAcroForm()?.dict.lookup(PDFName.of('Fields'), PDFArray);
  const last = fields?.get(fields.size() - 1);
  const widget = last instanceof PDFRef ? doc.context.lookup(last, PDFDict) : null;
  if (widget === null) throw new Error('no signature field');
  const pageRef = widget.get(PDFName.of('P'));
  const page = doc.getPages().findIndex((p) => p.ref === pageRef) + 1;
  return { widget, page, doc };
}

const rectOf = (w: PDFDict): number[] =>
  w
    .lookup(PDFName.of('Rect'), PDFArray)
    .asArray()
    .map((n) => Number(n.toString()));

/** The decoded content of the widget's normal appearance (what the box draws). */
async function appearanceOf(pdf: Uint8Array): Promise<string> {
  const { widget, doc } = await widgetOf(pdf);
  const ap = widget.lookup(PDFName.of('AP'), PDFDict).get(PDFName.of('N'));
  const stream = ap instanceof PDFRef ? doc.context.lookup(ap) : ap;
  if (!(stream instanceof PDFRawStream)) throw new Error('no appearance stream');
  return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
}

describe('padesSign', () => {
  it('makes one intact, trusted CAdES signature over the whole file, the time in /M', async () => {
    const pdf = await keySign(plain, signer, chain, {
      signingTime,
      options: { reason: 'Số hoá', location: 'Bình Sơn' },
    });
    const s = (await verifyPdf(pdf, opts)).signatures;
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({
      intact: true,
      trusted: true,
      coversWholeDocument: true,
      subFilter: 'ETSI.CAdES.detached',
      reason: 'Số hoá',
      timeSource: 'claimed',
    });
    expect(s[0]?.signingTime?.toISOString()).toBe(signingTime.toISOString());
    expect(Buffer.from(pdf.subarray(0, plain.length)).equals(Buffer.from(plain))).toBe(true);
  });

  it('reserves 4096 bytes plus the certificates for the CMS, and 12 288 more with a TSA', async () => {
    const [, b, c] = byteRangeOf(await keySign(plain, signer, chain, { signingTime }));
    expect(c - b - 2).toBe(2 * (4096 + certBytes));
    const stamped = await keySign(plain, signer, chain, {
      signingTime,
      timestamp: (value) => Promise.resolve(timestampToken(pki, value, signingTime)),
    });
    const [, b2, c2] = byteRangeOf(stamped);
    expect(c2 - b2 - 2).toBe(2 * (4096 + certBytes + 12_288));
  });

  it('the TSA is asked about the signature value and its token makes the time trusted', async () => {
    const asked: Uint8Array[] = [];
    const pdf = await keySign(plain, signer, chain, {
      signingTime,
      timestamp: (value) => {
        asked.push(value);
        return Promise.resolve(timestampToken(pki, value, signingTime));
      },
    });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toHaveLength(256);
    const [s] = (await verifyPdf(pdf, opts)).signatures;
    expect(s).toMatchObject({ timeSource: 'timestamp', trusted: true });
  });

  it('visible by default: a 200×62 box at the bottom right of the last page', async () => {
    const { widget, page, doc } = await widgetOf(
      await keySign(plain, signer, chain, { signingTime }),
    );
    expect(page).toBe(2);
    const { width } = doc.getPage(1).getSize();
    expect(rectOf(widget)).toEqual([width - 236, 36, width - 36, 98]);
    expect(widget.get(PDFName.of('AP'))).toBeInstanceOf(PDFDict);
  });

  it('invisible when asked: a zero rectangle and no appearance', async () => {
    const { widget } = await widgetOf(
      await keySign(plain, signer, chain, {
        signingTime,
        options: { appearance: { visible: false } },
      }),
    );
    expect(rectOf(widget)).toEqual([0, 0, 0, 0]);
    expect(widget.get(PDFName.of('AP'))).toBeUndefined();
  });

  it('page and rectangle as given (page is 1-based)', async () => {
    const rect = { x: 50, y: 60, width: 150, height: 40 };
    const { widget, page } = await widgetOf(
      await keySign(plain, signer, chain, {
        signingTime,
        options: { appearance: { page: 1, rect } },
      }),
    );
    expect(page).toBe(1);
    expect(rectOf(widget)).toEqual([50, 60, 200, 100]);
  });

  it('the box shows the signer and unit given, unless the appearance names others', async () => {
    const sign = (appearance: { signerName?: string; unit?: string }) =>
      keySign(plain, signer, chain, { signingTime, options: { reason: 'Số hoá', appearance } });
    const byDefault = await appearanceOf(await sign({}));
    const spelled = await appearanceOf(
      await sign({ signerName: 'Nguyễn Văn An', unit: 'UBND xã Bình Sơn' }),
    );
    expect(byDefault).toBe(spelled);
    expect(await appearanceOf(await sign({ signerName: 'Trần Thị Bình' }))).not.toBe(byDefault);
    expect(await appearanceOf(await sign({ unit: 'UBND phường Hải Châu' }))).not.toBe(byDefault);
    const noReason = await appearanceOf(await keySign(plain, signer, chain, { signingTime }));
    expect(noReason).not.toBe(byDefault);
  });
});
