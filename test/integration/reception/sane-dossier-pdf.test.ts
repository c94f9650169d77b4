/**
 * A dossier received through the core (`scan.start` on SANE's test feeder,
 * `component.import`, `dossier.create`) stores one PDF per component, built
 * at save: poppler opens each, `pdftotext` finds the words OCR read on the
 * printed page, and no 300 dpi page costs more than 100 KB. SANE's test
 * device can only draw a grid (no words; issue 18), so the printed
 * Vietnamese page is imported beside the scanned batch. The clerk's page
 * order is checked in searchable-component.test.ts, on pages told apart.
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
import { sampleCitizen } from '../../fixtures/citizen/sample-citizen';
import { renderPage } from '../../fixtures/ocr/vietnamese-pages';
import { createSaneTestEnv, type SaneTestEnv } from '../scan/sane-test-env';

const CLERK = { username: 'canbo1', password: 'mat-khau-can-bo-1' };
const SHEETS = 3;
const MAX_BYTES_PER_PAGE = 100 * 1024;
const certificate =
  'GIẤY CHỨNG SINH\n\nHọ và tên mẹ: Nguyễn Thị Hường.\nNơi sinh: Bệnh viện Phụ sản tỉnh Quảng Ngãi.\nGiới tính của con: nam. Cân nặng: ba nghìn hai trăm gam.';
const certificateWords = ['CHỨNG', 'SINH', 'Hường', 'Nguyễn', 'Quảng', 'Ngãi'];

const applicant = sampleCitizen();
const birthForm: Record<string, string> = {
  registrantName: applicant.fullName,
  registrantId: applicant.id,
  registrantResidence: applicant.placeOfResidence ?? '',
  registrantPhone: '0912345678',
  relationship: 'father',
  childName: 'Trần Minh An',
  childBirthDate: '01/11/2026',
  childSex: 'male',
  childBirthPlace: 'Bệnh viện Phụ sản tỉnh Quảng Ngãi',
  childEthnicity: 'Kinh',
  childNationality: 'Việt Nam',
};

let sane: SaneTestEnv;
let dataDir: string;
let core: Core;
const saved = { saneConfig: process.env.SANE_CONFIG_DIR, portal: process.env.KIOSK_PORTAL_URL };

async function ok<T>(method: string, params: unknown): Promise<T> {
  const result = (await core.dispatch(method, params, { transport: 'local' })) as ApiResult<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

function run(command: string, args: readonly string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', timeout: 30_000 }).normalize('NFC');
}

beforeAll(async () => {
  sane = createSaneTestEnv();
  // Grid pages look like paper to the pipeline; the default solid black does not.
  writeFileSync(join(sane.dir, 'test.conf'), 'number_of_devices 2\ntest-picture "Grid"\n');
  process.env.SANE_CONFIG_DIR = sane.dir;
  // Nothing listens there: the dossier waits in the outbox, as on a kiosk without network.
  process.env.KIOSK_PORTAL_URL = 'http://127.0.0.1:1';
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-sane-dossier-'));
  writeFileSync(join(dataDir, 'config.json'), '{}');
  core = createCore({ dataDir, shell: 'browser', logger: captureLogger().logger });
  await new StaffAccounts(core.store.database).create(CLERK.username, 'clerk', CLERK.password);
  await ok('auth.signIn', CLERK);
});

afterAll(async () => {
  await core.dispose();
  sane.dispose();
  rmSync(dataDir, { recursive: true, force: true });
  if (saved.saneConfig === undefined) delete process.env.SANE_CONFIG_DIR;
  else process.env.SANE_CONFIG_DIR = saved.saneConfig;
  if (saved.portal === undefined) delete process.env.KIOSK_PORTAL_URL;
  else process.env.KIOSK_PORTAL_URL = saved.portal;
});

describe('a dossier scanned on SANE and saved through the core', () => {
  it('stores each component as one PDF that pdfinfo opens, pdftotext searches and that stays within 100 KB a page', async () => {
    const scanned = await ok<{ jobId: string; pages: { index: number; blank: boolean }[] }>(
      'scan.start',
      {
        device: 'sane:test:0',
        source: 'adf',
        resolution: 300,
        maxPages: SHEETS,
        component: 'Tờ khai',
      },
    );
    const kept = scanned.pages.filter((page) => !page.blank).map((page) => page.index);
    expect(kept).toHaveLength(SHEETS);
    const imported = await ok<{ jobId: string }>('component.import', {
      component: 'Giấy chứng sinh',
      fileName: 'giay-chung-sinh.png',
      mime: 'image/png',
      dataBase64: Buffer.from(await renderPage(certificate)).toString('base64'),
    });
    const created = await ok<{ code: string }>('dossier.create', {
      procedureCode: '1.001193',
      applicant: { citizen: applicant, phone: '0912345678' },
      formValues: birthForm,
      components: [
        { code: 'TO_KHAI', jobId: scanned.jobId, pageOrder: [...kept].reverse() },
        { code: 'GIAY_CHUNG_SINH', jobId: imported.jobId, pageOrder: [0] },
      ],
      sets: 1,
      deliveryMode: '0',
    });

    const stored = core.store.get(created.code, 'test').components;
    expect(stored.map((c) => [c.code, c.pages])).toEqual([
      ['TO_KHAI', SHEETS],
      ['GIAY_CHUNG_SINH', 1],
    ]);
    const [form, birth] = stored.map((component) => {
      const path = join(dataDir, `${component.code}.pdf`);
      const bytes = core.store.outbox.readBlob(component.sha256 ?? '');
      writeFileSync(path, bytes);
      return { path, bytes: bytes.length, pages: component.pages };
    });
    if (form === undefined || birth === undefined) throw new Error('two components expected');

    for (const { path, pages, bytes } of [form, birth]) {
      const info = run('pdfinfo', [path]);
      expect(info).toMatch(new RegExp(`Pages:\\s+${String(pages)}\\b`));
      expect(info).toMatch(/Encrypted:\s+no/);
      expect(bytes / pages).toBeLessThanOrEqual(MAX_BYTES_PER_PAGE);
    }
    // The printed page: its words are in the PDF's text layer, diacritics kept.
    const text = run('pdftotext', ['-enc', 'UTF-8', birth.path, '-']);
    for (const word of certificateWords) expect(text).toContain(word);
    expect(run('pdffonts', [birth.path])).toMatch(/GlyphLess/);
    // The scanned grid pages carry whatever OCR read there (a stray "va" or nothing), never the certificate's words.
    const formText = run('pdftotext', ['-enc', 'UTF-8', form.path, '-']);
    for (const word of certificateWords) expect(formText).not.toContain(word);
    // Each page image and its OCR text is stored beside the PDF, one row a page.
    const pageRows = core.store.database
      .prepare<[], { n: number }>('SELECT count(*) AS n FROM pages')
      .get();
    expect(pageRows?.n).toBe(SHEETS + 1);
  });
});
