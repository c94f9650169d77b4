import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { BookLine } from '../store/tracking-book';
import type { FormContext, FormDossier } from './form-data';
import { renderApology, renderRefusal, renderSupplementRequest } from './render-counter-forms';
import { renderHandoverSlip } from './render-handover-slip';
import { renderTrackingBook } from './render-tracking-book';
import { trackingBookCsv } from './tracking-book-csv';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'kiosk-forms-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const CODE = '000.00.53.H48-261201-0007';
const dossier: FormDossier = {
  code: CODE,
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  applicantName: 'Trần Thị Ánh Dương',
  applicantId: '079190001234',
  receivedAt: new Date('2026-12-01T02:15:00Z'),
  dueAt: new Date('2026-12-03T10:00:00Z'),
};
/**
 * The QR each form must print (api/contract/document-qr.ts), written out from the dossier above
 * by hand: kind, code, procedure, ID, system, issued (the form's date, Vietnam time), appointment.
 */
const QR_PREFIX = 'MC1';
const QR_DOSSIER = '000.00.53.H48-261201-0007*1.001193*079190001234*KMC';

const ctx: FormContext = {
  agencyName: 'UBND xã Bình Sơn',
  unitName: 'Bộ phận Một cửa xã Bình Sơn',
  place: 'Quảng Ngãi',
  date: new Date('2026-12-04T03:00:00Z'),
  training: false,
  staffName: 'Lê Văn Cán',
  phone: '0255 3851 234',
};

async function readBack(name: string, pdf: Uint8Array): Promise<{ text: string; qr: string }> {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const { stdout } = await run('pdftotext', ['-layout', file, '-']);
  const prefix = join(dir, name);
  await run('pdftoppm', ['-r', '200', '-png', '-singlefile', '-f', '1', '-l', '1', file, prefix]);
  const qr = await run('zbarimg', ['-q', '--raw', `${prefix}.png`]);
  return { text: stdout.replace(/\s+/g, ' '), qr: qr.stdout.trim() };
}

describe('the counter forms read back with pdftotext and zbarimg', () => {
  it('Mẫu 02 lists what is missing, marks its unconfirmed wording and carries its document QR', async () => {
    const pdf = await renderSupplementRequest(
      dossier,
      ctx,
      ['Giấy chứng sinh bản chính', 'Tờ khai có chữ ký của người đi đăng ký'],
      'Hồ sơ thiếu giấy tờ bắt buộc',
    );
    const { text, qr } = await readBack('mau-02', pdf);
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text).toContain('Mẫu số 02');
    expect(text).toContain('1. Giấy chứng sinh bản chính');
    expect(text).toContain('Trần Thị Ánh Dương');
    expect(text).toContain('Chưa đối chiếu văn bản gốc');
    expect(qr).toBe(`${QR_PREFIX}*02*${QR_DOSSIER}*202612041000*`);
  });

  it('Mẫu 03 prints the refusal reason', async () => {
    const pdf = await renderRefusal(dossier, ctx, 'Thủ tục không thuộc thẩm quyền của xã');
    const { text, qr } = await readBack('mau-03', pdf);
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Thủ tục không thuộc thẩm quyền của xã');
    expect(qr).toBe(`${QR_PREFIX}*03*${QR_DOSSIER}*202612041000*`);
  });

  it('Mẫu 04 apologises with the new date in Vietnam time', async () => {
    const pdf = await renderApology(
      dossier,
      ctx,
      'Cần xác minh thêm',
      new Date('2026-12-08T10:00:00Z'),
    );
    const { text, qr } = await readBack('mau-04', pdf);
    expect(text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(text).toContain('17 giờ 00 phút, ngày 08 tháng 12 năm 2026');
    // The new appointment rides in the QR too.
    expect(qr).toBe(`${QR_PREFIX}*04*${QR_DOSSIER}*202612041000*202612081700`);
  });

  it('the hand-over slip names the authorised receiver and an unsigned result as "chưa ký số"', async () => {
    const pdf = await renderHandoverSlip(dossier, ctx, {
      returnedAt: new Date('2026-12-04T03:30:00Z'),
      receiverKind: 'authorised',
      receiverName: 'Phạm Văn Ủy',
      postAddress: null,
      results: [{ name: 'Giấy khai sinh', signed: false }],
      offlineInHand: true,
    });
    const { text, qr } = await readBack('phieu-giao', pdf);
    expect(text).toContain('PHIẾU GIAO NHẬN KẾT QUẢ GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('được ủy quyền');
    expect(text).toContain('Phạm Văn Ủy');
    expect(text).toContain('chưa ký số');
    expect(text).toContain('cán bộ xác nhận đang giữ kết quả');
    expect(text).toContain(`Mã hồ sơ: ${CODE}`);
    // Issued at the hand-over, 10:30 Vietnam time; a result slip has no appointment.
    expect(qr).toBe(`${QR_PREFIX}*KQ*${QR_DOSSIER}*202612041030*`);
  });

  it('Mẫu 06 lists each dossier, flags a late one, and exports a CSV with a BOM and the same rows', async () => {
    const lines: BookLine[] = [
      {
        code: CODE,
        procedureName: 'Đăng ký khai sinh',
        applicantName: 'Trần Thị Ánh Dương',
        receivedAt: Date.parse('2026-12-01T02:15:00Z'),
        dueAt: Date.parse('2026-12-03T10:00:00Z'),
        status: '10',
        returnedAt: Date.parse('2026-12-04T03:30:00Z'),
        processingUnit: 'UBND xã Bình Sơn',
      },
    ];
    const period = {
      from: Date.parse('2026-11-30T17:00:00Z'),
      to: Date.parse('2026-12-01T17:00:00Z'),
    };
    const pdf = await renderTrackingBook(
      lines,
      ctx,
      period,
      Date.parse('2026-12-05T00:00:00Z'),
      '000.00.53.H48',
    );
    const { text, qr } = await readBack('mau-06', pdf);
    expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
    // Table cells wrap, so the row is checked by pieces that fit one cell line.
    expect(text).toContain('Đăng ký khai sinh');
    expect(text).toContain('04/12/2026');
    expect(text).toContain('Quá hạn');
    expect(qr).toBe('SO-THEO-DOI 000.00.53.H48 01/12/2026-01/12/2026');
    const csv = Buffer.from(trackingBookCsv(lines, Date.parse('2026-12-05T00:00:00Z')));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csv.toString('utf8').slice(1).trim().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('Trần Thị Ánh Dương');
    expect(rows[1]).toContain('04/12/2026 10:30');
  });
});
