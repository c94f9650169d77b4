/**
 * `kiosk forms notice` (issue 17): the counter's notices from the command
 * line, against a real store in its own process. Mẫu 02 is recorded (the
 * dossier at 5), written as a PDF pdftotext reads and zbarimg finds the
 * code's QR on, marked "Chưa ký số" since no token is configured; the
 * supplement then comes in with a new date (4); an apology for a dossier
 * not past its date exits 4 with the reason; a notice without its details
 * exits 4 before anything is recorded.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskMigrations } from '../../../electron/services/kiosk-migrations';
import { DossierStore } from '../../../electron/services/store/dossier-store';
import { CITIZEN, sampleDossier } from '../../fixtures/store/sample-dossier';
import { runKioskCli } from '../../support/kiosk-cli';
import { qrOnPage } from '../../support/pdf-qr';

let dir: string;
let code: string;
const offline = { KIOSK_PORTAL_URL: 'http://127.0.0.1:9', KIOSK_PORTAL_TIMEOUT_MS: '500' };

/** A moment as the QR prints it, written here independently: Vietnam time (UTC+7), YYYYMMDDHHMM. */
function vnMinute(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 16).replace(/[-T:]/g, '');
}

function statusOf(): string {
  const store = DossierStore.open({
    dataDir: dir,
    agencyCode: '000.00.00.H00',
    migrations: kioskMigrations,
  });
  try {
    return store.get(code, 'test').status;
  } finally {
    store.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-notice-cli-'));
  const store = DossierStore.open({
    dataDir: dir,
    agencyCode: '000.00.00.H00',
    migrations: kioskMigrations,
  });
  code = store.save(sampleDossier('notice-cli', { receivedAt: Date.now() }), 'test').code;
  store.close();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('kiosk forms notice', () => {
  it('records Mẫu 02 and writes it unsigned with its QR, then takes the supplement with a new date', () => {
    const started = Date.now();
    const out = join(dir, 'mau-02.pdf');
    const run = runKioskCli(
      dir,
      ['forms', 'notice', code, '--kind', 'supplement', '--item', 'Giấy chứng sinh', '--out', out],
      offline,
    );
    expect(run.status, run.stderr).toBe(0);
    expect(statusOf()).toBe('5');
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text).toContain('1. Giấy chứng sinh');
    expect(text).toContain('Chưa ký số');
    const [head, kind, qrCode, procedure, id, system, issued, appointment, ...rest] =
      qrOnPage(out).split('*');
    expect([head, kind, qrCode, procedure, id, system, appointment, rest]).toEqual([
      'MC1',
      '02',
      code,
      '1.001193',
      CITIZEN.idNumber,
      'KMC',
      '',
      [],
    ]);
    expect([vnMinute(started), vnMinute(Date.now())]).toContain(issued);

    const round = runKioskCli(
      dir,
      [
        'forms',
        'notice',
        code,
        '--kind',
        'supplement-received',
        '--item',
        'Giấy chứng sinh',
        '--days',
        '5',
        '--out',
        join(dir, 'bo-sung.pdf'),
        '--json',
      ],
      offline,
    );
    expect(round.status, round.stderr).toBe(0);
    const answer = JSON.parse(round.stdout) as { newDueAt: number };
    expect(answer).toMatchObject({ code, status: '4', signed: false });
    expect(statusOf()).toBe('4');
    // The supplement receipt is a receipt: its QR carries the new appointment.
    const fields = qrOnPage(join(dir, 'bo-sung.pdf')).split('*');
    expect(fields[1]).toBe('BS');
    expect(fields[2]).toBe(code);
    expect(fields[7]).toBe(vnMinute(answer.newDueAt));
  });

  it('exits 4 with the reason for an apology not due yet, and for a notice missing its details', () => {
    const early = runKioskCli(
      dir,
      [
        'forms',
        'notice',
        code,
        '--kind',
        'apology',
        '--reason',
        'Chờ xác minh',
        '--days',
        '3',
        '--out',
        join(dir, 'mau-04.pdf'),
      ],
      offline,
    );
    expect(early.status, early.stderr).toBe(4);
    expect(early.stderr).toContain('chưa quá hạn trả kết quả');
    const bare = runKioskCli(
      dir,
      ['forms', 'notice', code, '--kind', 'refused', '--out', join(dir, 'mau-03.pdf')],
      offline,
    );
    expect(bare.status, bare.stderr).toBe(4);
    expect(statusOf()).toBe('4');
  });
});
