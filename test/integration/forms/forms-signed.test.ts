/**
 * The counter's forms signed with the agency's token (issue 17 item 2),
 * through the core's dispatcher as the staff screens call it, with a real
 * SoftHSM2 token: Mẫu 02, 03, 04 and 06 come back PAdES-signed (pdfsig:
 * valid, whole document), poppler's pdftotext reads each form's title and
 * code, and zbarimg reads each QR back from the printed page. A wrong PIN
 * or no PIN costs only the signature: the form comes back marked "Chưa ký
 * số" with the reason, and the step it records is recorded all the same.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../electron/api/errors';
import { StaffAccounts } from '../../../electron/services/auth/staff-accounts';
import { createCore, type Core } from '../../../electron/shell/composition-root';
import { captureLogger } from '../../support/capture-logger';
import { CITIZEN, sampleDossier } from '../../fixtures/store/sample-dossier';
import { PIN, makeNssDb, makePki, makeToken, pdfsig } from '../signing/signing-peers';
import type { Pki, SoftToken } from '../signing/signing-peers';

const CLERK = { username: 'canbo1', password: 'mat-khau-can-bo-1' };
const DAY = 24 * 3600_000;
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-forms-signed-'));
const savedConf = process.env.SOFTHSM2_CONF;
let pki: Pki;
let token: SoftToken;
let nss: string;
let core: Core;

interface SignedAnswer {
  signed: boolean;
  signingProblem: string | null;
}
interface Notice extends SignedAnswer {
  code: string;
  status: string;
  newDueAt: number | null;
  fileName: string;
  pdfBase64: string;
}
interface Book extends SignedAnswer {
  count: number;
  pdfFileName: string;
  pdfBase64: string;
}

async function ok<T>(method: string, params: unknown): Promise<T> {
  const result = (await core.dispatch(method, params, { transport: 'local' })) as ApiResult<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

function saved(name: string, base64: string): string {
  const file = join(dataDir, name);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return file;
}

const text = (file: string): string =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC');

/** Every QR zbarimg finds on the PDF's pages printed at 200 dpi. */
function qrCodes(file: string): string[] {
  const prefix = file.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-r', '200', '-png', file, prefix]);
  const pages = execFileSync('sh', ['-c', 'ls "$1"-*.png', 'sh', prefix], { encoding: 'utf8' })
    .trim()
    .split('\n');
  const out = execFileSync('zbarimg', ['--quiet', '--raw', '-Sbinary', ...pages], {
    encoding: 'utf8',
  });
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function expectSigned(file: string): void {
  const report = pdfsig(file, nss);
  expect(report).toContain('Signature is Valid');
  expect(report).toContain('Total document signed');
}

/** A moment as the QR prints it, written here independently: Vietnam time, YYYYMMDDHHMM. */
const vnMinute = (ms: number): string =>
  new Date(ms + 7 * 3600_000).toISOString().slice(0, 16).replace(/[-T:]/g, '');

/** The QR fields every notice about a sampleDossier carries, whatever its kind. */
const dossierQr = (kind: string, code: string): string[] => [
  'MC1',
  kind,
  code,
  '1.001193',
  CITIZEN.idNumber,
  'KMC',
];

const newDossier = (seed: string, ageDays = 0): string =>
  core.store.save(sampleDossier(seed, { receivedAt: Date.now() - ageDays * DAY }), 'test').code;

beforeAll(async () => {
  pki = makePki();
  token = makeToken(pki.signer);
  nss = makeNssDb(pki.root);
  process.env.SOFTHSM2_CONF = token.env.SOFTHSM2_CONF;
  writeFileSync(
    join(dataDir, 'config.json'),
    JSON.stringify({
      receipt: { place: 'Bình Sơn' },
      signing: { pkcs11Module: token.module, tokenLabel: token.label, chainFile: pki.chainFile },
    }),
  );
  core = createCore({ dataDir, shell: 'browser', logger: captureLogger().logger });
  await new StaffAccounts(core.store.database).create(CLERK.username, 'clerk', CLERK.password);
  await ok('auth.signIn', CLERK);
});

afterAll(async () => {
  await core.dispose();
  token.remove();
  rmSync(dataDir, { recursive: true, force: true });
  if (savedConf === undefined) delete process.env.SOFTHSM2_CONF;
  else process.env.SOFTHSM2_CONF = savedConf;
});

describe('counter forms with a signing token configured', () => {
  it('Mẫu 02, 03 and 04 with the PIN are signed, readable and their QR reads back field by field', async () => {
    const cases = [
      {
        params: { kind: 'supplement', missing: ['Giấy chứng sinh bản chính'], reason: '' },
        title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
        words: ['Giấy chứng sinh bản chính', 'Mẫu số 02'],
        form: '02',
        age: 0,
      },
      {
        params: { kind: 'refused', reason: 'Thủ tục không thuộc thẩm quyền của xã' },
        title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
        words: ['Thủ tục không thuộc thẩm quyền của xã', 'Mẫu số 03'],
        form: '03',
        age: 0,
      },
      {
        params: { kind: 'apology', reason: 'Chờ xác minh hộ tịch', extraWorkingDays: 3 },
        title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
        words: ['Chờ xác minh hộ tịch', 'Mẫu số 04'],
        form: '04',
        age: 10,
      },
    ];
    for (const c of cases) {
      const code = newDossier(`signed-${c.params.kind}`, c.age);
      const asked = Date.now();
      const notice = await ok<Notice>('forms.notice', { ...c.params, query: code, pin: PIN });
      expect(notice).toMatchObject({ code, signed: true, signingProblem: null });
      const file = saved(notice.fileName, notice.pdfBase64);
      expectSigned(file);
      const read = text(file);
      for (const word of [c.title, code, ...c.words]) expect(read).toContain(word);
      expect(read).not.toContain('Chưa ký số');
      const [qr, ...others] = qrCodes(file);
      expect(others).toEqual([]);
      const fields = (qr ?? '').split('*');
      expect(fields.slice(0, 6)).toEqual(dossierQr(c.form, code));
      expect([vnMinute(asked), vnMinute(Date.now())]).toContain(fields[6]);
      // Only the apology sets a new appointment, and its QR carries it.
      expect(fields[7]).toBe(notice.newDueAt === null ? '' : vnMinute(notice.newDueAt));
      expect(c.form === '04').toBe(notice.newDueAt !== null);
    }
  }, 120_000);

  it('Mẫu 06 with the PIN is signed, lists the day and its QR names the book', async () => {
    const day = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const book = await ok<Book>('forms.book', { from: day, to: day, pin: PIN });
    expect(book).toMatchObject({ signed: true, signingProblem: null });
    // The supplement's and the refusal's dossiers were received today; the late one ten days ago.
    expect(book.count).toBe(2);
    const file = saved(book.pdfFileName, book.pdfBase64);
    expectSigned(file);
    expect(text(file)).toContain('SỔ THEO DÕI HỒ SƠ');
    const [d, m, y] = [day.slice(8, 10), day.slice(5, 7), day.slice(0, 4)];
    expect(qrCodes(file)).toEqual([`SO-THEO-DOI 000.00.00.H00 ${d}/${m}/${y}-${d}/${m}/${y}`]);
  }, 60_000);

  it('a wrong PIN or none leaves the form "Chưa ký số" with the reason, and the step is recorded', async () => {
    const wrong = newDossier('wrong-pin');
    const notice = await ok<Notice>('forms.notice', {
      kind: 'supplement',
      query: wrong,
      missing: ['Tờ khai có chữ ký'],
      reason: '',
      pin: '000000',
    });
    expect(notice).toMatchObject({ signed: false, signingProblem: 'SIGNING_PIN_WRONG' });
    expect(core.store.get(wrong, 'test').status).toBe(notice.status);
    const file = saved('wrong-pin.pdf', notice.pdfBase64);
    expect(text(file)).toContain('Chưa ký số');
    expect(pdfsig(file, nss)).not.toContain('Signature is Valid');
    expect(qrCodes(file).map((qr) => qr.split('*').slice(0, 6))).toEqual([dossierQr('02', wrong)]);

    const none = newDossier('no-pin');
    const refused = await ok<Notice>('forms.notice', {
      kind: 'refused',
      query: none,
      reason: 'Hồ sơ không đúng thủ tục',
    });
    expect(refused).toMatchObject({ signed: false, signingProblem: 'SIGNING_PIN_REQUIRED' });
    expect(core.store.get(none, 'test').status).toBe('3');
    expect(text(saved('no-pin.pdf', refused.pdfBase64))).toContain('Chưa ký số');
  }, 60_000);
});
