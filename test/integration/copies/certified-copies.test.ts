/**
 * Certified copies from originals (issue 12 item 6), the core with real
 * peers: a SoftHSM2 token as the certifier's token, poppler's pdfsig and
 * pdftotext as independent readers of the copy, the encrypted store as the
 * certification book. Proves: a certified copy is signed, trusted and whole;
 * it carries the lời chứng with its number; the book lists it; numbers stay
 * sequential under parallel calls; a refusal records its reason and takes
 * no number; a wrong PIN leaves no record and burns no number.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CopyCertifier } from '../../../electron/services/certified-copies/copy-certifier';
import { kioskMigrations } from '../../../electron/services/kiosk-migrations';
import { TokenSigner } from '../../../electron/services/signing/token-signer';
import { DossierStore } from '../../../electron/services/store/dossier-store';
import { PIN, makeNssDb, makePki, makeToken, pdfsig } from '../signing/signing-peers';
import type { Pki, SoftToken } from '../signing/signing-peers';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const savedConf = process.env.SOFTHSM2_CONF;
let dataDir = '';
const dirs: string[] = [];
let pki: Pki;
let token: SoftToken;
let nss: string;
let store: DossierStore;
let certifier: CopyCertifier;
let original: Uint8Array;
const timings: string[] = [];

async function twoPageOriginal(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of ['BANG TOT NGHIEP - page one', 'BANG TOT NGHIEP - page two']) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(text, { x: 72, y: 700, size: 18, font });
  }
  return doc.save();
}

const settings = () => ({
  pkcs11Module: token.module,
  tokenLabel: token.label,
  chainFile: pki.chainFile,
});

const request = (requesterName = 'Trần Thị Bích Ngọc', copies = 1) => ({
  original,
  pages: 2,
  requesterName,
  documentName: 'Bằng tốt nghiệp trung học phổ thông',
  copies,
  certifierName: 'Nguyễn Văn An',
  certifierTitle: 'Phó Chủ tịch UBND xã',
});

const YEAR_SPAN = { from: 0, to: Date.UTC(3000, 0, 1) };

beforeAll(async () => {
  pki = makePki();
  token = makeToken(pki.signer);
  nss = makeNssDb(pki.root);
  process.env.SOFTHSM2_CONF = token.env.SOFTHSM2_CONF;
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-copies-'));
  dirs.push(dataDir);
  // For the CLI run as a second process on the same folder.
  writeFileSync(
    join(dataDir, 'config.json'),
    JSON.stringify({
      agency: { code: '000.00.10.H48', name: 'UBND xã Bình Sơn' },
      signing: { pkcs11Module: token.module, tokenLabel: token.label, chainFile: pki.chainFile },
    }),
  );
  store = DossierStore.open({
    dataDir,
    agencyCode: '000.00.10.H48',
    migrations: kioskMigrations,
  });
  certifier = new CopyCertifier({
    book: store.copyBook,
    openSigner: (pin) => TokenSigner.open(settings(), pin),
    agencyName: 'UBND xã Bình Sơn',
    location: 'Bình Sơn',
  });
  original = await twoPageOriginal();
});

afterAll(() => {
  store.close();
  token.remove();
  for (const dir of [...dirs, pki.dir, nss]) rmSync(dir, { recursive: true, force: true });
  if (savedConf === undefined) delete process.env.SOFTHSM2_CONF;
  else process.env.SOFTHSM2_CONF = savedConf;
  console.log(`certified-copies timings: ${timings.join('; ')}`);
});

describe('certifying a copy from its original', () => {
  it('gives a copy that pdfsig finds valid, trusted and whole, with the lời chứng and its number', async () => {
    const started = performance.now();
    const done = await certifier.certify(request(), PIN, 'canbo1');
    timings.push(`one 2-page copy certified in ${(performance.now() - started).toFixed(0)} ms`);
    expect(done.copies).toHaveLength(1);
    const copy = done.copies[0];
    expect(copy?.number).toBe(1);
    expect(copy?.fee).toBe(4_000);
    expect(done.totalFee).toBe(4_000);
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-copies-out-'));
    dirs.push(dir);
    const file = join(dir, 'ban-sao.pdf');
    writeFileSync(file, copy?.pdf ?? new Uint8Array());
    const report = pdfsig(file, nss);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Certificate is Trusted');
    expect(report).toContain('Total document signed');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Chứng thực bản sao đúng với bản chính.');
    expect(text).toMatch(
      new RegExp(`Số chứng thực: 1;\\s+Quyển số: 01/${String(copy?.year)}-SCT/BS`),
    );
    expect(text).toContain('Trần Thị Bích Ngọc');
    expect(text).toContain('Phó Chủ tịch UBND xã');
    // The original's pages stay, each tied to the number by its footer; the lời chứng is page 3.
    expect(text).toContain('BANG TOT NGHIEP - page one');
    expect(text).toContain('BANG TOT NGHIEP - page two');
    expect(text).toContain(`Số chứng thực 1, quyển số 01/${String(copy?.year)}-SCT/BS – trang 2/3`);
    const pages = (await PDFDocument.load(copy?.pdf ?? new Uint8Array())).getPageCount();
    expect(pages).toBe(3);
  });

  it('lists the copy in the book, found by number, by date and by part of the name, its file kept by gc', () => {
    const byName = store.copyBook.search({ ...YEAR_SPAN, name: 'bích ngọc' }, 'canbo1');
    expect(byName.map((l) => l.number)).toEqual([1]);
    expect(byName[0]?.requesterName).toBe('Trần Thị Bích Ngọc');
    expect(byName[0]?.fee).toBe(4_000);
    expect(store.copyBook.search({ ...YEAR_SPAN, number: 1 }, 'canbo1')).toHaveLength(1);
    expect(store.copyBook.search({ ...YEAR_SPAN, name: 'Lê Văn' }, 'canbo1')).toHaveLength(0);
    const line = byName[0];
    // The book keeps its signed files: garbage collection with no grace leaves them.
    store.gc(0);
    const kept = store.copyBook.file(line?.id ?? '', 'canbo1');
    expect(kept?.pdf.length).toBeGreaterThan(original.length);
    // The requester's name is sealed at rest: the raw row does not hold it.
    const raw = store.database
      .prepare<[], { requester_name_enc: Buffer }>(
        'SELECT requester_name_enc FROM certified_copies',
      )
      .all();
    for (const r of raw) expect(r.requester_name_enc.toString('utf8')).not.toContain('Ngọc');
  });

  it('gives parallel certifications sequential numbers, none shared, and one record and fee per copy', async () => {
    const started = performance.now();
    const results = await Promise.all([
      certifier.certify(request('Lê Văn Hùng', 2), PIN, 'canbo1'),
      certifier.certify(request('Phạm Thị Mai'), PIN, 'canbo2'),
      certifier.certify(request('Đỗ Minh Quân', 3), PIN, 'canbo1'),
      certifier.certify(request('Vũ Thị Hà'), PIN, 'canbo2'),
    ]);
    timings.push(
      `4 parallel requests (7 copies) in ${(performance.now() - started).toFixed(0)} ms`,
    );
    const numbers = results.flatMap((r) => r.copies.map((c) => c.number)).sort((a, b) => a - b);
    expect(numbers).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(results[0].totalFee).toBe(8_000);
    expect(results[2].totalFee).toBe(12_000);
    const book = store.copyBook.search(YEAR_SPAN, 'canbo1');
    expect(book.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(book.map((l) => l.sha256)).size).toBe(8);
  });

  it('gives distinct numbers when another process takes the number mid-signing: this one signs again with the next', async () => {
    // The CLI, a real second process on the same data folder, certifies while this process holds
    // a number it read but has not recorded: UNIQUE(year, number) refuses the stale number and
    // the certifier re-stamps and re-signs with the next one.
    const input = join(dataDir, 'original.pdf');
    writeFileSync(input, original);
    const out = join(dataDir, 'cli-copy.pdf');
    const before = store.copyBook.nextNumber(new Date().getUTCFullYear());
    let cli: { number: number }[] = [];
    let zeroes = 0;
    const done = await certifier.certify(request('Bùi Văn Long'), PIN, 'canbo1', (copiesDone) => {
      if (copiesDone !== 0) return;
      zeroes += 1;
      if (zeroes > 1) return;
      const run = spawnSync(
        process.execPath,
        [
          'electron/cli/kiosk.mjs',
          '--json',
          'copies',
          'certify',
          input,
          '--out',
          out,
          '--requester',
          'Cao Thị Lan',
        ],
        {
          cwd: root,
          encoding: 'utf8',
          env: {
            ...token.env,
            KIOSK_DATA_DIR: dataDir,
            KIOSK_SIGNING_PIN: PIN,
            KIOSK_LOCALE: 'vi',
          },
          timeout: 120_000,
        },
      );
      expect(run.stderr).toBe('');
      cli = (JSON.parse(run.stdout) as { copies: { number: number }[] }).copies;
    });
    expect(cli.map((c) => c.number)).toEqual([before]);
    expect(zeroes).toBe(2);
    expect(done.copies[0]?.number).toBe(before + 1);
    const file = join(dataDir, 'this-copy.pdf');
    writeFileSync(file, done.copies[0]?.pdf ?? new Uint8Array());
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain(`Số chứng thực: ${String(before + 1)};`);
    expect(pdfsig(file, nss)).toContain('Signature is Valid');
    expect(store.copyBook.search({ ...YEAR_SPAN, name: 'Cao Thị Lan' }, 'canbo1')).toHaveLength(1);
  });

  it('records a refusal with its reason and gives it no number', () => {
    const before = store.copyBook.nextNumber(new Date().getUTCFullYear());
    const refused = certifier.refuse(
      {
        reason: 'altered',
        note: 'Trang 2 bị tẩy xoá ở dòng ngày cấp',
        requesterName: 'Ngô Văn Tư',
        pages: 2,
      },
      'canbo1',
    );
    const refusals = store.copyBook.refusals(0, Date.UTC(3000, 0, 1));
    expect(refusals).toEqual([
      {
        id: refused.id,
        refusedAt: refused.refusedAt,
        reason: 'altered',
        note: 'Trang 2 bị tẩy xoá ở dòng ngày cấp',
      },
    ]);
    expect(store.copyBook.nextNumber(new Date().getUTCFullYear())).toBe(before);
    const audit = store.database
      .prepare<[], { detail: string }>(`SELECT detail FROM audit_log WHERE action = 'refuse-copy'`)
      .all();
    expect(audit.map((a) => a.detail)).toEqual([`refusal=${refused.id} reason=altered`]);
  });

  it('leaves no record and burns no number when the PIN is wrong', async () => {
    const count = () =>
      store.database.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM certified_copies').get()
        ?.n;
    const before = count();
    await expect(
      certifier.certify(request('Hoàng Văn Nam'), '999999', 'canbo1'),
    ).rejects.toMatchObject({
      code: 'SIGNING_PIN_WRONG',
    });
    expect(count()).toBe(before);
    const expected = store.copyBook.nextNumber(new Date().getUTCFullYear());
    const next = await certifier.certify(request('Hoàng Văn Nam'), PIN, 'canbo1');
    expect(next.copies[0]?.number).toBe(expected);
    expect(expected).toBe(11);
  });

  it('refuses a request of no copies before touching the token', async () => {
    await expect(
      certifier.certify({ ...request(), copies: 0 }, PIN, 'canbo1'),
    ).rejects.toMatchObject({
      code: 'COPY_INVALID',
    });
  });
});
