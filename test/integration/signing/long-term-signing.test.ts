/**
 * PAdES B-T and B-LT against real peers: SoftHSM2 as the token, `openssl ts
 * -reply` as the TSA, `openssl ocsp` as the responder, poppler's pdfsig as
 * the independent verifier beside ours.
 */
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTrustStore } from '../../../native/smartcard/passive-auth';
import { addDocumentTimestamp } from '../../../electron/services/signing/doc-timestamp';
import { verifyPdf } from '../../../electron/services/signing/pdf-verifier';
import { TokenSigner } from '../../../electron/services/signing/token-signer';
import type { TokenSignerSettings } from '../../../electron/services/signing/token-signer';
import { startOcsp } from '../../support/ocsp-peer';
import type { OcspPeer } from '../../support/ocsp-peer';
import { startTsa } from '../../support/tsa-peer';
import type { TsaPeer } from '../../support/tsa-peer';
import { PIN, SIGNER_EXT, issue, makeNssDb, makePki, makeToken, pdfsig } from './signing-peers';
import type { Identity, Pki, SoftToken } from './signing-peers';

let pki: Pki;
let revokedSigner: Identity;
let token: SoftToken;
let revokedToken: SoftToken;
let tsa: TsaPeer;
let ocsp: OcspPeer;
let nss: string;
let pdf: Uint8Array;
let anchors: Awaited<ReturnType<typeof loadTrustStore>>['certificates'];
const work = mkdtempSync(join(tmpdir(), 'kiosk-ltv-test-'));
const savedConf = process.env.SOFTHSM2_CONF;

async function sign(
  t: SoftToken,
  extra: Partial<TokenSignerSettings>,
): Promise<Awaited<ReturnType<TokenSigner['signPdf']>>> {
  process.env.SOFTHSM2_CONF = t.env.SOFTHSM2_CONF;
  const signer = TokenSigner.open(
    { pkcs11Module: t.module, tokenLabel: t.label, chainFile: pki.chainFile, ...extra },
    PIN,
  );
  try {
    return await signer.signPdf(pdf, { reason: 'Số hoá thành phần hồ sơ' });
  } finally {
    await signer.close();
  }
}

function save(name: string, bytes: Uint8Array): string {
  const file = join(work, name);
  writeFileSync(file, bytes);
  return file;
}

beforeAll(async () => {
  pki = makePki();
  const intermediate = { cert: pki.intermediate, key: pki.intermediate.replace(/\.pem$/, '.key') };
  revokedSigner = issue(
    pki.dir,
    'revoked',
    '/C=VN/O=UBND xã Bình Sơn/CN=Trần Thị Bình',
    intermediate,
    SIGNER_EXT,
  );
  token = makeToken(pki.signer);
  revokedToken = makeToken(revokedSigner, [], 'Revoked Token');
  nss = makeNssDb(pki.root);
  tsa = await startTsa(intermediate, readFileSync(pki.chainFile, 'utf8'));
  ocsp = await startOcsp(intermediate, { good: [pki.signer.cert], revoked: [revokedSigner.cert] });
  anchors = (await loadTrustStore(pki.trustDir)).certificates;
  const doc = await PDFDocument.create();
  for (let i = 0; i < 2; i += 1)
    doc.addPage().drawText(`Trang ${String(i + 1)}`, { x: 60, y: 700 });
  pdf = await doc.save();
}, 60_000);

afterAll(async () => {
  token.remove();
  revokedToken.remove();
  tsa.remove();
  await ocsp.remove();
  if (savedConf === undefined) delete process.env.SOFTHSM2_CONF;
  else process.env.SOFTHSM2_CONF = savedConf;
});

describe('PAdES B-T: RFC 3161 timestamps', () => {
  it('with the TSA up the signature carries a timestamp our verifier trusts, and pdfsig still finds it valid and whole', async () => {
    const before = tsa.answered();
    const started = Date.now();
    const signed = await sign(token, { tsaUrl: tsa.url });
    expect(tsa.answered()).toBe(before + 1);
    expect(signed.timestamped).toBe(true);
    expect(signed.timestampPending).toBe(false);
    expect(Math.abs(signed.signingTime.getTime() - started)).toBeLessThan(60_000);
    const result = await verifyPdf(signed.pdf, { anchors });
    expect(result.ok).toBe(true);
    const [s] = result.signatures;
    expect(s?.timeSource).toBe('timestamp');
    expect(s?.timestamp?.valid).toBe(true);
    expect(s?.timestamp?.time.getTime()).toBe(signed.signingTime.getTime());
    const report = pdfsig(save('bt.pdf', signed.pdf), nss);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Certificate is Trusted');
  });

  it('with the TSA down the signature is made B-B and marked, and a document timestamp added later keeps it valid', async () => {
    const down = await startTsa(
      { cert: pki.intermediate, key: pki.intermediate.replace(/\.pem$/, '.key') },
      readFileSync(pki.chainFile, 'utf8'),
    );
    const downUrl = down.url;
    await down.stop();
    const offline = await sign(token, { tsaUrl: downUrl });
    down.remove();
    expect(offline.timestamped).toBe(false);
    expect(offline.timestampPending).toBe(true);
    const bb = await verifyPdf(offline.pdf, { anchors });
    expect(bb.signatures[0]?.timestamp).toBeNull();
    expect(bb.signatures[0]?.timeSource).toBe('claimed');

    const later = await addDocumentTimestamp(offline.pdf, { url: tsa.url });
    expect(later.time).not.toBeNull();
    expect(
      Buffer.from(later.pdf.subarray(0, offline.pdf.length)).equals(Buffer.from(offline.pdf)),
    ).toBe(true);
    const result = await verifyPdf(later.pdf, { anchors });
    expect(result.signatures.map((s) => s.type)).toEqual(['Sig', 'DocTimeStamp']);
    const [sig, docTs] = result.signatures;
    expect(sig?.intact).toBe(true);
    expect(sig?.trusted).toBe(true);
    expect(sig?.modifiedAfter).toBe('signatures');
    expect(docTs?.subFilter).toBe('ETSI.RFC3161');
    expect(docTs?.timestamp?.valid).toBe(true);
    expect(docTs?.coversWholeDocument).toBe(true);
    expect(docTs?.timestamp?.time.getTime()).toBe(later.time?.getTime());
    const report = pdfsig(save('bb-doc-ts.pdf', later.pdf), nss);
    const first = report.split('Signature #2')[0] ?? '';
    expect(first).toContain('Signature is Valid');
    // poppler 22.12 lists the document timestamp (the TSA as its signer, covering the whole file)
    // but does not know ETSI.RFC3161: "Signature Type: unknown", "not yet been verified".
    const second = report.split('Signature #2')[1] ?? '';
    expect(second).toContain('Kiosk Test TSA');
    expect(second).toContain('Total document signed');
    expect(second).toContain('Signature Type: unknown');
  });
});

describe('PAdES B-LT: OCSP answers in a DSS', () => {
  it('with the responder up the OCSP answer and the chain land in a DSS, and offline verification reads "good" from it', async () => {
    const signed = await sign(token, { tsaUrl: tsa.url, ocspUrl: ocsp.url });
    expect(signed.longTerm).toBe(true);
    const text = Buffer.from(signed.pdf).toString('latin1');
    expect(text).toMatch(/\/DSS\s+\d+ 0 R/);
    expect(text).toMatch(/\/OCSPs\s*\[\s*\d+ 0 R/);
    const result = await verifyPdf(signed.pdf, { anchors });
    const [s] = result.signatures;
    expect(s?.revocation).toBe('good');
    expect(s?.modifiedAfter).toBe('signatures');
    expect(result.ok).toBe(true);
    const report = pdfsig(save('blt.pdf', signed.pdf), nss);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Certificate is Trusted');
    // The DSS is an update after the signature, so the signature no longer ends the file.
    expect(report).toContain('Not total document signed');
  });

  it('a revoked signer is reported revoked from the DSS, and untrusted', async () => {
    const signed = await sign(revokedToken, { tsaUrl: tsa.url, ocspUrl: ocsp.url });
    expect(signed.longTerm).toBe(true);
    const result = await verifyPdf(signed.pdf, { anchors });
    const [s] = result.signatures;
    expect(s?.revocation).toBe('revoked');
    expect(s?.problems).toContain('CERT_REVOKED');
    expect(s?.trusted).toBe(false);
    expect(result.ok).toBe(false);
  });

  it('without a DSS the verifier asks the responder when online, and says not-checked when not', async () => {
    const plain = await sign(revokedToken, {});
    expect(plain.longTerm).toBe(false);
    const offline = await verifyPdf(plain.pdf, { anchors });
    expect(offline.signatures[0]?.revocation).toBe('not-checked');
    const online = await verifyPdf(plain.pdf, { anchors, online: true, ocspUrl: ocsp.url });
    expect(online.signatures[0]?.revocation).toBe('revoked');
    expect(online.ok).toBe(false);
  });

  it('with the responder down signing still succeeds, without a DSS', async () => {
    const deadOcsp = await startOcsp(
      { cert: pki.intermediate, key: pki.intermediate.replace(/\.pem$/, '.key') },
      { good: [pki.signer.cert], revoked: [] },
    );
    const url = deadOcsp.url;
    await deadOcsp.remove();
    const signed = await sign(token, { ocspUrl: url });
    expect(signed.longTerm).toBe(false);
    expect((await verifyPdf(signed.pdf, { anchors })).ok).toBe(true);
  });
});
