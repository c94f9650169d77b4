/**
 * The tracking book (Mẫu 06) through the core's dispatcher, as the staff
 * screen asks for it: staff only; the dossiers received in the chosen days
 * (Vietnam time, both included) and no others, as a PDF pdftotext reads
 * and a CSV with a BOM and one row per dossier; a span that runs backwards is refused.
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
import { sampleDossier } from '../../fixtures/store/sample-dossier';

const CLERK = { username: 'canbo1', password: 'mat-khau-can-bo-1' };
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-forms-book-'));
let core: Core;

interface Book {
  count: number;
  pdfFileName: string;
  pdfBase64: string;
  csvFileName: string;
  csvBase64: string;
}

async function call<T>(method: string, params: unknown): Promise<ApiResult<T>> {
  return (await core.dispatch(method, params, { transport: 'local' })) as ApiResult<T>;
}

beforeAll(() => {
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ receipt: { place: 'Bình Sơn' } }));
  core = createCore({ dataDir, shell: 'browser', logger: captureLogger().logger });
});
afterAll(async () => {
  await core.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('forms.book', () => {
  it('answers nobody who is not signed in', async () => {
    const book = await call('forms.book', { from: '2026-12-01', to: '2026-12-01' });
    expect(book.ok || book.error.code).toBe('AUTH_REQUIRED');
    await new StaffAccounts(core.store.database).create(CLERK.username, 'clerk', CLERK.password);
    const signedIn = await call('auth.signIn', CLERK);
    expect(signedIn.ok).toBe(true);
  });

  it('holds the dossiers received on the chosen days, Vietnam time, and no others', async () => {
    // 23:30 on 01/12 in Vietnam is 16:30 UTC the same day; 00:30 on 03/12 is 17:30 UTC on 02/12.
    const inside = core.store.save(
      sampleDossier('book-in', { receivedAt: Date.UTC(2026, 11, 1, 16, 30) }),
      'test',
    ).code;
    const after = core.store.save(
      sampleDossier('book-after', { receivedAt: Date.UTC(2026, 11, 2, 17, 30) }),
      'test',
    ).code;
    const answer = await call<Book>('forms.book', { from: '2026-12-01', to: '2026-12-02' });
    if (!answer.ok) throw new Error(answer.error.code);
    const book = answer.value;
    expect(book.count).toBe(1);
    expect(book.pdfFileName).toBe('so-theo-doi-ho-so-2026-12-01-2026-12-02.pdf');
    const pdf = join(dataDir, book.pdfFileName);
    writeFileSync(pdf, Buffer.from(book.pdfBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    // Table cells wrap the code; the PDF is checked by its title and a cell, the CSV by the codes.
    expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(text).toContain('Đăng ký khai sinh');
    const csv = Buffer.from(book.csvBase64, 'base64');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain(inside);
    expect(csv.toString('utf8')).not.toContain(after);
    expect(csv.toString('utf8').slice(1).trim().split('\r\n')).toHaveLength(2);
  });

  it('refuses a span that runs backwards, and a date that does not exist', async () => {
    const backwards = await call('forms.book', { from: '2026-12-02', to: '2026-12-01' });
    expect(backwards.ok || backwards.error.code).toBe('INVALID_PAYLOAD');
    const unreal = await call('forms.book', { from: '2026-02-30', to: '2026-03-01' });
    expect(unreal.ok || unreal.error.code).toBe('INVALID_PAYLOAD');
  });
});
