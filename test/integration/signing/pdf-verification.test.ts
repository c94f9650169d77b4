import { constants, createPrivateKey, privateEncrypt, sign as ecSign } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificatesFromFile, loadTrustStore } from '../../../native/smartcard/passive-auth';
import { certificateFromDer } from '../../../electron/services/signing/certificate-info';
import { padesSign } from '../../../electron/services/signing/pades-sign';
import { verifyPdf } from '../../../electron/services/signing/pdf-verifier';
import type { PdfVerification } from '../../../electron/services/signing/pdf-verifier';
import { TokenSigner } from '../../../electron/services/signing/token-signer';
import { PIN, makeNssDb, makePki, makeToken, pdfsig } from './signing-peers';
import type { Identity, Pki, SoftToken } from './signing-peers';

let pki: Pki;
let token: SoftToken;
let nss: string;
let plain: Uint8Array;
let ours: Uint8Array;
let anchors: Awaited<ReturnType<typeof loadTrustStore>>['certificates'];
const work = mkdtempSync(join(tmpdir(), 'kiosk-verify-test-'));
const savedConf = process.env.SOFTHSM2_CONF;

/** Signs with a key file (what a token would do), so tests can make signatures our signer refuses. */
async function signWithKeyFile(
  pdf: Uint8Array,
  id: Identity,
  chainFile: string,
): Promise<Uint8Array> {
  const key = createPrivateKey(readFileSync(id.key));
  return padesSign({
    pdf,
    key: {
      certificate: certificateFromDer(readFileSync(id.certDer)),
      chain: certificatesFromFile(readFileSync(chainFile)) ?? [],
      keyType: 'rsa',
      rawSign: (data) =>
        Promise.resolve(
          key.asymmetricKeyType === 'rsa'
            ? new Uint8Array(privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, data))
            : new Uint8Array(ecSign(null, data, key)),
        ),
    },
    signingTime: new Date(),
    signerName: 'Nguyễn Văn An',
    unit: 'UBND xã Bình Sơn',
  });
}

function save(name: string, bytes: Uint8Array): string {
  const path = join(work, name);
  writeFileSync(path, bytes);
  return path;
}

const only = (v: PdfVerification) => {
  expect(v.signatures).toHaveLength(1);
  const s = v.signatures[0];
  if (s === undefined) throw new Error('no signature');
  return s;
};

/** An incremental update that draws on page 1 (a content change, not a signature). */
async function drawAfterSigning(signed: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(signed);
  const page = doc.getPage(0);
  const size = /\/Size\s+(\d+)/.exec(Buffer.from(signed).toString('latin1').slice(-4096));
  const n = Number(size?.[1] ?? doc.context.largestObjectNumber + 1);
  const fonts = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
  const font = fonts?.keys()[0]?.toString() ?? '/F1';
  const content = `BT ${font} 24 Tf 100 500 Td (DA DUYET) Tj ET`;
  const prevXref = Number(
    /startxref\s+(\d+)\s+%%EOF\s*$/.exec(Buffer.from(signed).toString('latin1'))?.[1],
  );
  const old = page.node.get(PDFName.of('Contents'));
  const contents = old instanceof PDFArray ? old : doc.context.obj(old === undefined ? [] : [old]);
  contents.push(PDFRef.of(n));
  page.node.set(PDFName.of('Contents'), contents);
  let body = '\n';
  const offsets: [number, number][] = [];
  const add = (num: number, text: string): void => {
    offsets.push([num, signed.length + body.length]);
    body += `${String(num)} 0 obj\n${text}\nendobj\n`;
  };
  add(n, `<< /Length ${String(content.length)} >>\nstream\n${content}\nendstream`);
  add(page.ref.objectNumber, page.node.toString());
  offsets.sort((a, b) => a[0] - b[0]);
  const xrefAt = signed.length + body.length;
  body += 'xref\n';
  for (const [num, off] of offsets)
    body += `${String(num)} 1\n${String(off).padStart(10, '0')} 00000 n\r\n`;
  const root = doc.context.trailerInfo.Root;
  body += `trailer\n<< /Size ${String(n + 1)} /Root ${String(root)} /Prev ${String(prevXref)} >>\nstartxref\n${String(xrefAt)}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([signed, Buffer.from(body, 'latin1')]));
}

beforeAll(async () => {
  pki = makePki();
  token = makeToken(pki.signer);
  nss = makeNssDb(pki.root);
  anchors = (await loadTrustStore(pki.trustDir)).certificates;
  const doc = await PDFDocument.create();
  for (let i = 0; i < 2; i += 1)
    doc.addPage().drawText(`Trang ${String(i + 1)}`, { x: 60, y: 700 });
  plain = await doc.save({ useObjectStreams: false });
  process.env.SOFTHSM2_CONF = token.env.SOFTHSM2_CONF;
  const signer = TokenSigner.open(
    { pkcs11Module: token.module, tokenLabel: token.label, chainFile: pki.chainFile },
    PIN,
  );
  try {
    ours = (await signer.signPdf(plain, { reason: 'Số hoá thành phần hồ sơ' })).pdf;
  } finally {
    await signer.close();
  }
});

afterAll(() => {
  token.remove();
  if (savedConf === undefined) delete process.env.SOFTHSM2_CONF;
  else process.env.SOFTHSM2_CONF = savedConf;
});

describe('verifying signed PDFs', () => {
  it('a PDF signed in the token is intact, trusted and wholly signed', async () => {
    const v = await verifyPdf(ours, { anchors });
    const s = only(v);
    expect(v.ok).toBe(true);
    expect(s).toMatchObject({
      intact: true,
      trusted: true,
      coversWholeDocument: true,
      modifiedAfter: 'none',
    });
    expect(s.subFilter).toBe('ETSI.CAdES.detached');
    expect(s.signer?.commonName).toBe('Nguyễn Văn An');
    expect(s.reason).toBe('Số hoá thành phần hồ sơ');
    expect(s.timeSource).toBe('claimed');
    expect(Math.abs((s.signingTime?.getTime() ?? 0) - Date.now())).toBeLessThan(120_000);
  });

  it('without the root in the trust store the same signature is intact but not trusted', async () => {
    const s = only(await verifyPdf(ours, { anchors: [] }));
    expect(s.intact).toBe(true);
    expect(s.trusted).toBe(false);
    expect(s.problems).toContain('NO_TRUST_ANCHORS');
  });

  it('a signature made by poppler (pdfsig -add-signature, NSS) is accepted, and ours before it is followed only by a signature', async () => {
    const db = makeNssDb(pki.root, pki.signer.p12);
    execFileSync('certutil', [
      '-A',
      '-d',
      `sql:${db}`,
      '-n',
      'inter',
      '-t',
      ',,',
      '-i',
      pki.intermediate,
    ]);
    const input = save('ours.pdf', ours);
    const out = join(work, 'poppler.pdf');
    execFileSync(
      'pdfsig',
      ['-add-signature', '-nssdir', `sql:${db}`, '-nick', 'signer', '-reason', 'Thu', input, out],
      {
        stdio: 'ignore',
      },
    );
    const v = await verifyPdf(new Uint8Array(readFileSync(out)), { anchors });
    expect(v.signatures).toHaveLength(2);
    const [first, second] = v.signatures;
    expect(second).toMatchObject({
      intact: true,
      trusted: true,
      coversWholeDocument: true,
      subFilter: 'adbe.pkcs7.detached',
    });
    expect(first).toMatchObject({
      intact: true,
      trusted: true,
      coversWholeDocument: false,
      modifiedAfter: 'signatures',
    });
    expect(v.ok).toBe(true);
  });

  it('one changed byte inside the signed range breaks the digest, for us and for pdfsig', async () => {
    const tampered = ours.slice();
    const at = Buffer.from(tampered).indexOf('Trang 1');
    const hexAt = at >= 0 ? at : 200;
    tampered[hexAt] = (tampered[hexAt] ?? 0) ^ 0x01;
    const s = only(await verifyPdf(tampered, { anchors }));
    expect(s.intact).toBe(false);
    expect(s.problems).toContain('DIGEST_MISMATCH');
    expect(pdfsig(save('tampered.pdf', tampered), nss)).not.toContain('Signature is Valid');
  });

  it('a look-alike CA with the same names as the trusted root is not trusted', async () => {
    const signed = await signWithKeyFile(plain, pki.lookAlikeSigner, pki.lookAlikeChainFile);
    const s = only(await verifyPdf(signed, { anchors }));
    expect(s.intact).toBe(true);
    expect(s.trusted).toBe(false);
    expect(s.problems).toContain('CHAIN_BAD_SIGNATURE');
    expect(pdfsig(save('lookalike.pdf', signed), nss)).not.toContain('Certificate is Trusted');
  });

  it('a signer whose certificate had expired at the signing time is not trusted', async () => {
    const signed = await signWithKeyFile(plain, pki.expiredSigner, pki.chainFile);
    const s = only(await verifyPdf(signed, { anchors }));
    expect(s.intact).toBe(true);
    expect(s.trusted).toBe(false);
    expect(s.problems).toContain('CERT_EXPIRED');
    expect(pdfsig(save('expired.pdf', signed), nss)).not.toContain('Certificate is Trusted');
  });

  it('a second incremental signature keeps the first valid and both trusted', async () => {
    process.env.SOFTHSM2_CONF = token.env.SOFTHSM2_CONF;
    const signer = TokenSigner.open(
      { pkcs11Module: token.module, tokenLabel: token.label, chainFile: pki.chainFile },
      PIN,
    );
    let twice: Uint8Array;
    try {
      twice = (await signer.signPdf(ours, { appearance: { page: 1 } })).pdf;
    } finally {
      await signer.close();
    }
    const v = await verifyPdf(twice, { anchors });
    expect(v.ok).toBe(true);
    expect(
      v.signatures.map((s) => [s.intact, s.trusted, s.coversWholeDocument, s.modifiedAfter]),
    ).toEqual([
      [true, true, false, 'signatures'],
      [true, true, true, 'none'],
    ]);
  });

  it('content drawn on a page after signing is reported as a modification (pdfsig only sees a partial signature)', async () => {
    const modified = await drawAfterSigning(ours);
    const v = await verifyPdf(modified, { anchors });
    const s = only(v);
    expect(s.intact).toBe(true);
    expect(s.modifiedAfter).toBe('other');
    expect(s.changedObjects.join(' ')).toContain('(Page)');
    expect(s.problems).toContain('MODIFIED_AFTER_SIGNING');
    expect(v.ok).toBe(false);
    expect(
      execFileSync('pdftotext', [save('modified.pdf', modified), '-'], { encoding: 'utf8' }),
    ).toContain('DA DUYET');
    const report = pdfsig(join(work, 'modified.pdf'), nss);
    expect(report).toContain('Not total document signed');
  });
});
