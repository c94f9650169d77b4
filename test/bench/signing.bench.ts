/**
 * `npm run bench -- signing`: PAdES signing and verification of a 10-page
 * PDF. Figures, each beside an anchor from the same run:
 *  - signing with the SoftHSM2 token (warm session, in-process) vs poppler's
 *    `pdfsig -add-signature` signing the same file with the same RSA key
 *    (imported into NSS's own softoken from PKCS#12) — goal ≤ 1.5×;
 *  - signing including opening the token and logging in (one document per
 *    session, as at the counter) vs the same anchor;
 *  - verifying (digest, CMS, path to the trust folder) vs `pdfsig` verifying
 *    the same signed file against an NSS database trusting the same root —
 *    goal ≤ 1.0×.
 * The anchors are whole processes (pdfsig has no library form here); our
 * figures are calls inside a running kiosk, which is how the kiosk uses them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { loadTrustStore } from '../../native/smartcard/passive-auth';
import { verifyPdf } from '../../electron/services/signing/pdf-verifier';
import { TokenSigner } from '../../electron/services/signing/token-signer';
import { PIN, makeNssDb, makePki, makeToken } from '../integration/signing/signing-peers';

const RUNS = 15;
const work = mkdtempSync(join(tmpdir(), 'bench-signing-'));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function timeRuns(fn: () => unknown): Promise<number> {
  await fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

const pki = makePki();
const token = makeToken(pki.signer);
process.env.SOFTHSM2_CONF = token.env.SOFTHSM2_CONF;
try {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (let p = 0; p < 10; p += 1) {
    const page = doc.addPage([595.28, 841.89]);
    for (let l = 0; l < 40; l += 1)
      page.drawText(`Trang ${String(p + 1)}, dong ${String(l + 1)}: noi dung thanh phan ho so`, {
        x: 60,
        y: 790 - l * 18,
        size: 11,
        font,
      });
  }
  const pdf = await doc.save();
  const input = join(work, 'in.pdf');
  writeFileSync(input, pdf);

  // The same RSA key as the token's, imported into NSS from PKCS#12: poppler 22.12's pdfsig
  // crashes (SIGSEGV) signing through SoftHSM2 loaded as an NSS module, so the key cannot be
  // shared through the token itself.
  const nss = makeNssDb(pki.root, pki.signer.p12);
  execFileSync('certutil', [
    '-A',
    '-d',
    `sql:${nss}`,
    '-n',
    'inter',
    '-t',
    ',,',
    '-i',
    pki.intermediate,
  ]);
  const settings = {
    pkcs11Module: token.module,
    tokenLabel: token.label,
    chainFile: pki.chainFile,
  };
  const pdfsigOut = join(work, 'pdfsig.pdf');
  const pdfsigSign = (): void => {
    rmSync(pdfsigOut, { force: true });
    execFileSync(
      'pdfsig',
      ['-add-signature', '-nssdir', `sql:${nss}`, '-nick', 'signer', input, pdfsigOut],
      { stdio: 'ignore' },
    );
  };

  const signer = TokenSigner.open(settings, PIN);
  let signed: Uint8Array = new Uint8Array(0);
  const oursWarm = await timeRuns(async () => {
    signed = (await signer.signPdf(pdf)).pdf;
  });
  await signer.close();
  const oursSession = await timeRuns(async () => {
    const s = TokenSigner.open(settings, PIN);
    try {
      await s.signPdf(pdf);
    } finally {
      await s.close();
    }
  });
  const anchorSign = await timeRuns(pdfsigSign);
  const signedFile = join(work, 'ours.pdf');
  writeFileSync(signedFile, signed);

  const anchors = (await loadTrustStore(pki.trustDir)).certificates;
  const check = await verifyPdf(signed, { anchors });
  if (!check.ok) throw new Error('our signature did not verify');
  const theirs = await verifyPdf(new Uint8Array(readFileSync(pdfsigOut)), { anchors });
  if (!theirs.ok) throw new Error("pdfsig's signature did not verify");
  const oursVerify = await timeRuns(() => verifyPdf(signed, { anchors }));
  const anchorVerify = await timeRuns(() => {
    const report = execFileSync('pdfsig', ['-nssdir', `sql:${nss}`, signedFile], {
      encoding: 'utf8',
    });
    if (!report.includes('Signature is Valid')) throw new Error('pdfsig rejected our file');
  });

  const row = (label: string, ours: number, anchor: number, goal: string): void => {
    console.log(
      `${label.padEnd(46)} ${ours.toFixed(1).padStart(7)} ms   anchor ${anchor.toFixed(1).padStart(7)} ms   ratio ${(ours / anchor).toFixed(2)}× (goal ${goal})`,
    );
  };
  console.log(
    `10-page PDF, ${String(pdf.length)} bytes; median of ${String(RUNS)} runs; RSA-2048 in SoftHSM2`,
  );
  row('sign, warm token session vs pdfsig -add-signature', oursWarm, anchorSign, '≤ 1.5×');
  row('sign incl. open + login + close vs pdfsig', oursSession, anchorSign, '≤ 1.5×');
  row('verify (ours, in-process) vs pdfsig verify', oursVerify, anchorVerify, '≤ 1.0×');
  console.log(
    `signed size: ours ${String(signed.length)} bytes, pdfsig ${String(readFileSync(pdfsigOut).length)} bytes (pdfsig embeds a font in its widget)`,
  );
} finally {
  token.remove();
  rmSync(work, { recursive: true, force: true });
}
