/**
 * Certified copies through the core's dispatcher (the API every screen
 * uses) and through the `kiosk copies` CLI, with a SoftHSM2 token and
 * poppler as peers: only a signed-in clerk or admin may certify or read the
 * book; the original comes from an imported job in the clerk's page order;
 * the signed copy, the slip, the book and its CSV/PDF export say the same
 * number and fee; a wrong PIN records nothing; the CLI certifies and prints
 * the book the same way.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../electron/api/errors';
import { StaffAccounts } from '../../../electron/services/auth/staff-accounts';
import { createCore, type Core } from '../../../electron/shell/composition-root';
import { captureLogger } from '../../support/capture-logger';
import { PIN, makeNssDb, makePki, makeToken, pdfsig } from '../signing/signing-peers';
import type { Pki, SoftToken } from '../signing/signing-peers';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const CLERK = { username: 'canbo1', password: 'mat-khau-can-bo-1' };
const IT = { username: 'kythuat1', password: 'mat-khau-ky-thuat-1' };
const savedConf = process.env.SOFTHSM2_CONF;
const work = mkdtempSync(join(tmpdir(), 'kiosk-copies-api-'));
let pki: Pki;
let token: SoftToken;
let nss: string;
let core: Core;
let logs: () => string;
let originalPdf: Uint8Array;
const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

interface Call {
  transport: 'local';
  connection?: string;
}
const as = (connection: string): Call => ({ transport: 'local', connection });

async function call<T>(method: string, params: unknown, ctx: Call): Promise<ApiResult<T>> {
  return (await core.dispatch(method, params, ctx)) as ApiResult<T>;
}
async function ok<T>(method: string, params: unknown, ctx: Call): Promise<T> {
  const result = await call<T>(method, params, ctx);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function original(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of ['GIAY KHAI SINH - ban chinh trang 1', 'GIAY KHAI SINH - ban chinh trang 2']) {
    doc.addPage([595.28, 841.89]).drawText(text, { x: 72, y: 700, size: 16, font });
  }
  return doc.save();
}

async function importOriginal(ctx: Call): Promise<{ jobId: string; pages: number }> {
  const job = await ok<{ jobId: string; pages: unknown[] }>(
    'component.import',
    {
      component: 'Bản chính',
      fileName: 'ban-chinh.pdf',
      mime: 'application/pdf',
      dataBase64: Buffer.from(originalPdf).toString('base64'),
    },
    ctx,
  );
  return { jobId: job.jobId, pages: job.pages.length };
}

function kiosk(dataDir: string, env: Record<string, string>, ...args: string[]) {
  const run = spawnSync(process.execPath, ['electron/cli/kiosk.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...token.env, KIOSK_DATA_DIR: dataDir, KIOSK_LOCALE: 'vi', ...env },
    timeout: 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function writeConfig(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(
    join(dataDir, 'config.json'),
    JSON.stringify({
      agency: { code: '000.00.12.H48', name: 'UBND xã Bình Sơn' },
      receipt: { place: 'Bình Sơn' },
      signing: { pkcs11Module: token.module, tokenLabel: token.label, chainFile: pki.chainFile },
    }),
  );
}

beforeAll(async () => {
  pki = makePki();
  token = makeToken(pki.signer);
  nss = makeNssDb(pki.root);
  process.env.SOFTHSM2_CONF = token.env.SOFTHSM2_CONF;
  originalPdf = await original();
  const dataDir = join(work, 'core');
  writeConfig(dataDir);
  const capture = captureLogger();
  core = createCore({ dataDir, shell: 'browser', logger: capture.logger });
  logs = () => JSON.stringify(capture.lines());
  const accounts = new StaffAccounts(core.store.database);
  const clerk = await accounts.create(CLERK.username, 'clerk', CLERK.password);
  core.store.setStaffName(clerk.id, 'Nguyễn Văn An');
  await accounts.create(IT.username, 'it', IT.password);
  await ok('auth.signIn', CLERK, as('clerk'));
  await ok('auth.signIn', IT, as('it'));
});

afterAll(async () => {
  await core.dispose();
  token.remove();
  for (const dir of [work, pki.dir, nss]) rmSync(dir, { recursive: true, force: true });
  if (savedConf === undefined) delete process.env.SOFTHSM2_CONF;
  else process.env.SOFTHSM2_CONF = savedConf;
});

describe('certified copies over the API', () => {
  it('answers nobody who is not a signed-in clerk or admin', async () => {
    const anonymous = await call('copies.book', { from: today, to: today }, as('anon'));
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    const it = await call('copies.book', { from: today, to: today }, as('it'));
    expect(it).toMatchObject({ ok: false, error: { code: 'AUTH_FORBIDDEN' } });
  });

  it('certifies a 2-page original: signed copy, slip, book line and exports agree', async () => {
    const ctx = as('clerk');
    // Two parts, as a flatbed gives them: the second page of one job, then the first of another.
    const job = await importOriginal(ctx);
    const second = await importOriginal(ctx);
    expect(job.pages).toBe(2);
    const done = await ok<{
      totalFee: number;
      signerName: string;
      copies: { id: string; number: number; book: string; fee: number; fileName: string }[];
      slipPdfBase64: string;
    }>(
      'copies.certify',
      {
        parts: [
          { jobId: job.jobId, pageOrder: [1] },
          { jobId: second.jobId, pageOrder: [0] },
        ],
        requesterName: 'Trần Thị Bích Ngọc',
        documentName: 'Giấy khai sinh',
        copies: 1,
        certifierTitle: 'Phó Chủ tịch UBND xã',
        pin: PIN,
      },
      ctx,
    );
    expect(done.totalFee).toBe(4_000);
    const copy = done.copies[0];
    expect(copy).toMatchObject({ number: 1, fee: 4_000 });
    const file = await ok<{ fileName: string; pdfBase64: string }>(
      'copies.file',
      { id: copy?.id },
      ctx,
    );
    const path = join(work, file.fileName);
    writeFileSync(path, Buffer.from(file.pdfBase64, 'base64'));
    const report = pdfsig(path, nss);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Certificate is Trusted');
    expect(report).toContain('Total document signed');
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Chứng thực bản sao đúng với bản chính.');
    expect(text).toContain('Nguyễn Văn An');
    // The parts in the order given: page 2 of the first job, then page 1 of the second.
    const order = ['ban chinh trang 2', 'ban chinh trang 1'].map((p) => text.indexOf(p));
    expect(order[0]).toBeGreaterThanOrEqual(0);
    expect(order[1]).toBeGreaterThan(order[0] ?? 0);
    expect(text).toContain('Bản sao gồm 2 trang bản chính');
    const slipPath = join(work, 'slip.pdf');
    writeFileSync(slipPath, Buffer.from(done.slipPdfBase64, 'base64'));
    const slip = execFileSync('pdftotext', [slipPath, '-'], { encoding: 'utf8' });
    expect(slip).toContain('Tổng lệ phí: 4.000 đ');
    expect(slip).toContain(`số chứng thực 1, quyển số ${copy?.book ?? ''}`);
    // The job's scans are gone once the copy is recorded.
    expect(await call('copies.certify', sameRequest(second.jobId), ctx)).toMatchObject({
      ok: false,
      error: { code: 'COMPONENT_NOT_FOUND' },
    });
    const book = await ok<{ lines: { number: number; requesterName: string }[] }>(
      'copies.book',
      { from: today, to: today, name: 'ngọc' },
      ctx,
    );
    expect(book.lines).toEqual([
      expect.objectContaining({ number: 1, requesterName: 'Trần Thị Bích Ngọc' }),
    ]);
    const csv = await ok<{ dataBase64: string; mime: string }>(
      'copies.bookExport',
      { from: today, to: today, format: 'csv' },
      ctx,
    );
    const csvText = Buffer.from(csv.dataBase64, 'base64').toString('utf8');
    expect(csvText.startsWith('\uFEFFSố chứng thực,')).toBe(true);
    expect(csvText).toContain('Trần Thị Bích Ngọc');
    expect(csvText).toContain('4.000 đ');
    const pdf = await ok<{ dataBase64: string }>(
      'copies.bookExport',
      { from: today, to: today, format: 'pdf' },
      ctx,
    );
    const bookPath = join(work, 'book.pdf');
    writeFileSync(bookPath, Buffer.from(pdf.dataBase64, 'base64'));
    expect(execFileSync('pdftotext', [bookPath, '-'], { encoding: 'utf8' })).toContain(
      'SỔ CHỨNG THỰC BẢN SAO TỪ BẢN CHÍNH',
    );
    // The PIN is never written to the log.
    expect(logs()).not.toContain(PIN);
  });

  it('records nothing when the PIN is wrong, and a refusal with its reason and no number', async () => {
    const ctx = as('clerk');
    const job = await importOriginal(ctx);
    const wrong = await call('copies.certify', { ...sameRequest(job.jobId), pin: '999999' }, ctx);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'SIGNING_PIN_WRONG' } });
    const refused = await ok<{ reasonText: string }>(
      'copies.refuse',
      { jobIds: [job.jobId], pages: 2, reason: 'damaged', requesterName: 'Lê Văn Hùng' },
      ctx,
    );
    expect(refused.reasonText).toBe('Bản chính bị hư hỏng, cũ nát, không xác định được nội dung.');
    const book = await ok<{ lines: unknown[] }>('copies.book', { from: today, to: today }, ctx);
    expect(book.lines).toHaveLength(1);
  });
});

function sameRequest(jobId: string) {
  return {
    parts: [{ jobId, pageOrder: [0, 1] }],
    requesterName: 'Trần Thị Bích Ngọc',
    documentName: 'Giấy khai sinh',
    copies: 1,
    certifierTitle: 'Phó Chủ tịch UBND xã',
    pin: PIN,
  };
}

describe('kiosk copies (CLI)', () => {
  it('certifies two copies of a PDF and prints the book as CSV', () => {
    const dataDir = join(work, 'cli');
    writeConfig(dataDir);
    const input = join(work, 'ban-chinh.pdf');
    writeFileSync(input, originalPdf);
    const out = join(work, 'ban-sao.pdf');
    const noPin = kiosk(
      dataDir,
      {},
      'copies',
      'certify',
      input,
      '--out',
      out,
      '--requester',
      'Phạm Thị Mai',
    );
    expect(noPin.status).not.toBe(0);
    expect(noPin.stderr).toContain('SIGNING_PIN_REQUIRED');
    const run = kiosk(
      dataDir,
      { KIOSK_SIGNING_PIN: PIN },
      '--json',
      'copies',
      'certify',
      input,
      '--out',
      out,
      '--requester',
      'Phạm Thị Mai',
      '--copies',
      '2',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as {
      totalFee: number;
      copies: { number: number; file: string }[];
    };
    expect(result.totalFee).toBe(8_000);
    expect(result.copies.map((c) => c.number)).toEqual([1, 2]);
    for (const c of result.copies) expect(pdfsig(c.file, nss)).toContain('Signature is Valid');
    const csvPath = join(work, 'so.csv');
    const book = kiosk(
      dataDir,
      {},
      'copies',
      'book',
      '--from',
      today,
      '--to',
      today,
      '--out',
      csvPath,
      '--csv',
    );
    expect(book.status).toBe(0);
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv.split('\r\n').filter((l) => l.includes('Phạm Thị Mai'))).toHaveLength(2);
  });
});
