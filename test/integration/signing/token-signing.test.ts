import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SigningError } from '../../../electron/services/signing/signing-errors';
import { TokenSigner } from '../../../electron/services/signing/token-signer';
import { PIN, makeNssDb, makePki, makeToken, pdfsig } from './signing-peers';
import type { Pki, SoftToken } from './signing-peers';

let pki: Pki;
let token: SoftToken;
let nss: string;
let pdf: Uint8Array;
const work = mkdtempSync(join(tmpdir(), 'kiosk-signing-test-'));
const savedConf = process.env.SOFTHSM2_CONF;

function open(t: SoftToken, pin = PIN): TokenSigner {
  process.env.SOFTHSM2_CONF = t.env.SOFTHSM2_CONF;
  return TokenSigner.open(
    { pkcs11Module: t.module, tokenLabel: t.label, chainFile: pki.chainFile },
    pin,
  );
}

async function failure(fn: () => unknown): Promise<SigningError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof SigningError) return error;
    throw error;
  }
  throw new Error('expected a SigningError');
}

beforeAll(async () => {
  pki = makePki();
  token = makeToken(pki.signer);
  nss = makeNssDb(pki.root);
  const doc = await PDFDocument.create();
  for (let i = 0; i < 3; i += 1)
    doc.addPage().drawText(`Trang ${String(i + 1)}`, { x: 60, y: 700 });
  pdf = await doc.save();
});

afterAll(() => {
  token.remove();
  if (savedConf === undefined) delete process.env.SOFTHSM2_CONF;
  else process.env.SOFTHSM2_CONF = savedConf;
});

describe('signing with a SoftHSM2 token', () => {
  it('a PDF signed in the token is valid and wholly signed for poppler pdfsig, and a second signature keeps the first valid', async () => {
    const signer = open(token);
    try {
      const first = await signer.signPdf(pdf, { reason: 'Số hoá thành phần hồ sơ' });
      expect(first.signer.commonName).toBe('Nguyễn Văn An');
      const one = join(work, 'one.pdf');
      writeFileSync(one, first.pdf);
      const report1 = pdfsig(one, nss);
      expect(report1).toContain('Signature is Valid');
      expect(report1).toContain('Total document signed');
      expect(report1).toContain('Certificate is Trusted');
      expect(report1).toContain('ETSI.CAdES.detached');
      const second = await signer.signPdf(first.pdf, { appearance: { page: 1 } });
      expect(
        Buffer.from(second.pdf.subarray(0, first.pdf.length - 1)).equals(
          Buffer.from(first.pdf.subarray(0, first.pdf.length - 1)),
        ),
      ).toBe(true);
      const two = join(work, 'two.pdf');
      writeFileSync(two, second.pdf);
      const report2 = pdfsig(two, nss);
      expect(report2.match(/Signature is Valid/g)?.length).toBe(2);
      // poppler 22.12 reads "Unknown issue with Certificate" for the second signature of a file
      // even though it carries the very same chain; our verifier checks both (verify tests).
      expect(report2.split('Signature #2')[0]).toContain('Certificate is Trusted');
      expect(report2).toContain('Not total document signed');
      // poppler still finds every page through the updated catalog
      expect(execFileSync('pdfinfo', [two], { encoding: 'utf8' })).toMatch(/Pages:\s+3\n/);
    } finally {
      await signer.close();
    }
  });

  it('a second signing in the same process while the token is open is told to wait, in Vietnamese, and works once the first closes', async () => {
    const first = open(token);
    let busy: SigningError;
    try {
      busy = await failure(() => open(token));
    } finally {
      await first.close();
    }
    expect(busy.code).toBe('SIGNING_TOKEN_BUSY');
    expect(busy.vi).toContain('Thiết bị ký số đang ký một giấy tờ khác');
    const again = open(token);
    try {
      const signed = await again.signPdf(pdf);
      expect(signed.signer.commonName).toBe('Nguyễn Văn An');
    } finally {
      await again.close();
    }
  });

  it('a wrong PIN is refused with a Vietnamese message, and the token flags turn it into a warning', async () => {
    const error = await failure(() => open(token, '000000'));
    expect(error.code).toBe('SIGNING_PIN_WRONG');
    expect(error.vi).toContain('Mã PIN không đúng');
    expect(error.message).not.toContain('000000');
    token.setUserPinFlags({ finalTry: true });
    const last = await failure(() => open(token, '000000'));
    expect(last.info.triesLeft).toBe(1);
    expect(last.vi).toContain('Chỉ còn 1 lần thử');
    token.setUserPinFlags({ finalTry: false, countLow: false });
  });

  it('a locked PIN is refused before any try is spent', async () => {
    const locked = makeToken(pki.signer, [], 'Locked Token');
    try {
      locked.setUserPinFlags({ locked: true });
      const error = await failure(() => open(locked));
      expect(error.code).toBe('SIGNING_PIN_LOCKED');
      expect(error.vi).toContain('đã bị khoá');
    } finally {
      locked.remove();
    }
  });

  it('an expired certificate and one without nonRepudiation may not sign', async () => {
    for (const [identity, code] of [
      [pki.expiredSigner, 'SIGNING_CERT_EXPIRED'],
      [pki.noNonRepudiation, 'SIGNING_KEY_USAGE'],
    ] as const) {
      const t = makeToken(identity, [], 'Other Token');
      try {
        expect((await failure(() => open(t))).code).toBe(code);
      } finally {
        t.remove();
      }
    }
  });
});
