/**
 * `kiosk dossier return` and `kiosk forms book` as IT staff run them: an
 * unknown dossier and one the portal cannot confirm exit 4 with the reason;
 * with the in-hand confirmation the return is recorded, and the day's book
 * lists it as a PDF and a CSV.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPortalDateTime } from '../../../electron/services/portal-contract/portal-time';
import { kioskMigrations } from '../../../electron/services/kiosk-migrations';
import { DossierStore } from '../../../electron/services/store/dossier-store';
import { CITIZEN, sampleDossier } from '../../fixtures/store/sample-dossier';
import { runKioskCli } from '../../support/kiosk-cli';

let dir: string;
let code: string;
let result: string;
// A port nothing listens on: the portal cannot be asked.
const offline = { KIOSK_PORTAL_URL: 'http://127.0.0.1:9', KIOSK_PORTAL_TIMEOUT_MS: '500' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-return-cli-'));
  const store = DossierStore.open({
    dataDir: dir,
    agencyCode: '000.00.00.H00',
    migrations: kioskMigrations,
  });
  code = store.save(sampleDossier('cli', { receivedAt: Date.now() }), 'test').code;
  store.close();
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  result = join(dir, 'ket-qua.pdf');
  writeFileSync(result, await doc.save());
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('kiosk dossier return and kiosk forms book', () => {
  it('exits 4 for an unknown dossier and for one the portal cannot confirm without --offline-in-hand', () => {
    const unknown = runKioskCli(
      dir,
      [
        'dossier',
        'return',
        '000.00.00.H00-200101-0001',
        '--result',
        result,
        '--receiver-id',
        CITIZEN.idNumber,
      ],
      offline,
    );
    expect(unknown.status, unknown.stderr).toBe(4);
    expect(unknown.stderr).toContain('Không tìm thấy hồ sơ');
    const unconfirmed = runKioskCli(
      dir,
      ['dossier', 'return', code, '--result', result, '--receiver-id', CITIZEN.idNumber],
      offline,
    );
    expect(unconfirmed.status, unconfirmed.stderr).toBe(4);
    expect(unconfirmed.stderr).toContain('đang cầm kết quả');
    const stranger = runKioskCli(
      dir,
      [
        'dossier',
        'return',
        code,
        '--result',
        result,
        '--receiver-id',
        '001099099999',
        '--offline-in-hand',
      ],
      offline,
    );
    expect(stranger.status, stranger.stderr).toBe(4);
    expect(stranger.stderr).toContain('không phải người nộp');
  });

  it('records the return with --offline-in-hand, refuses a second one, and the book lists it', () => {
    const slip = join(dir, 'phieu.pdf');
    const ok = runKioskCli(
      dir,
      [
        '--json',
        'dossier',
        'return',
        code,
        '--result',
        result,
        '--receiver-id',
        CITIZEN.idNumber,
        '--offline-in-hand',
        '--slip',
        slip,
      ],
      offline,
    );
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ code, offlineInHand: true, signed: false });
    expect(execFileSync('pdftotext', [slip, '-'], { encoding: 'utf8' })).toContain(
      'PHIẾU GIAO NHẬN KẾT QUẢ',
    );
    const again = runKioskCli(
      dir,
      [
        'dossier',
        'return',
        code,
        '--result',
        result,
        '--receiver-id',
        CITIZEN.idNumber,
        '--offline-in-hand',
      ],
      offline,
    );
    expect(again.status).toBe(4);
    expect(again.stderr).toContain('đã được trả kết quả');

    const t = toPortalDateTime(Date.now());
    const day = `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
    const out = join(dir, 'so-theo-doi.pdf');
    const book = runKioskCli(dir, ['forms', 'book', '--from', day, '--to', day, '--out', out]);
    expect(book.status, book.stderr).toBe(0);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
    const csv = readFileSync(join(dir, 'so-theo-doi.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(code);
    expect(csv).toContain('Đã trả kết quả');
    const bad = runKioskCli(dir, [
      'forms',
      'book',
      '--from',
      '2026-02-30',
      '--to',
      day,
      '--out',
      out,
    ]);
    expect(bad.status).toBe(4);
  });
});
