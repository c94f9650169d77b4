import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { MARGIN } from './page-writer';
import type { ReceiptData } from './receipt-data';
import { renderReceipt } from './render-receipt';
import { sampleReceipt } from '../../../test/fixtures/receipt/sample-receipt';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'kiosk-receipt-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const base: ReceiptData = {
  ...sampleReceipt,
  // Decomposed (NFD) on purpose: the receipt must print it as NFC.
  applicant: { ...sampleReceipt.applicant, name: sampleReceipt.applicant.name.normalize('NFD') },
};

async function save(name: string, data: ReceiptData): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, await renderReceipt(data));
  return file;
}

/** Text of one page (or all), whitespace collapsed so wrapped phrases still match. */
async function pageText(file: string, page?: number): Promise<string> {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const { stdout } = await run('pdftotext', ['-layout', ...range, file, '-']);
  return stdout.replace(/\s+/g, ' ');
}

async function pageCount(file: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [file]);
  return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
}

async function decodeQr(file: string, page: number): Promise<string> {
  const prefix = join(dir, `qr-${String(page)}`);
  await run('pdftoppm', [
    '-r',
    '200',
    '-png',
    '-singlefile',
    '-f',
    String(page),
    '-l',
    String(page),
    file,
    prefix,
  ]);
  const { stdout } = await run('zbarimg', ['-q', '--raw', `${prefix}.png`]);
  return stdout.trim();
}

describe('the receipt PDF (Mẫu 01)', () => {
  it('prints the code, the applicant with diacritics, the Vietnamese dates and both copy labels', async () => {
    const file = await save('basic.pdf', base);
    expect(await pageCount(file)).toBe(2);
    const first = await pageText(file, 1);
    expect(first).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(first).toContain('Mã hồ sơ: 000.00.53.H48-261125-0001');
    expect(first).toContain('Tiếp nhận hồ sơ của: Nguyễn Thị Hồng Nhung');
    expect(first).toContain('Bình Sơn, ngày 25 tháng 11 năm 2026');
    expect(first).toContain('Thời gian nhận hồ sơ: 10 giờ 15 phút, ngày 25 tháng 11 năm 2026');
    expect(first).toContain(
      'Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 04 tháng 12 năm 2026',
    );
    expect(first).toContain('07 ngày làm việc');
    expect(first).toContain('(Liên 1: Lưu)');
    expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(first).toContain('VÀ TRẢ KẾT QUẢ');
    expect(first).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(first).toContain('Trần Văn Bình');
    expect(first).not.toContain('BẢN IN THỬ');
    const second = await pageText(file, 2);
    expect(second).toContain('(Liên 2: Giao người nộp)');
    expect(second).toContain('Mã hồ sơ: 000.00.53.H48-261125-0001');
  });

  it('carries the Circular 01/2023 QR that a real decoder reads back field by field', async () => {
    const file = await save('qr.pdf', base);
    for (const page of [1, 2]) {
      const fields = (await decodeQr(file, page)).split('*');
      expect(fields).toEqual([
        'MC1',
        '01',
        '000.00.53.H48-261125-0001',
        '1.004222',
        '051186004321',
        'KMC',
        // Issued 10:16 and due 17:00 on 04/12/2026, Vietnam time (the fixture's UTC + 7 h).
        '202611251016',
        '202612041700',
      ]);
    }
  });

  it('keeps the name, birth date and address out of the QR, and decodes its longest ID at 200 dpi', async () => {
    const file = await save('qr-long.pdf', {
      ...base,
      applicant: { ...base.applicant, idNumber: '0101234567-001-9999' },
    });
    const text = await decodeQr(file, 2);
    expect(text).toBe(
      'MC1*01*000.00.53.H48-261125-0001*1.004222*0101234567-001-9999*KMC*202611251016*202612041700',
    );
    expect(text).toMatch(/^[\x20-\x7e]+$/);
    expect(text).not.toContain('NHUNG');
    expect(text).not.toContain('PHÚ LỄ');
  });

  it('marks every page of a training-mode receipt and names the kiosk as receiver when no clerk', async () => {
    const file = await save('training.pdf', { ...base, training: true, receiverName: null });
    for (const page of [1, 2]) {
      const text = await pageText(file, page);
      expect(text).toContain('BẢN IN THỬ – CHẾ ĐỘ ĐÀO TẠO');
      expect(text).toContain('Kiosk tự phục vụ');
    }
  });

  it('fits each copy of an ordinary 8-component dossier on one A4 page, signatures included, every field kept', async () => {
    // Real names of a birth registration's papers, several long enough to wrap.
    const names = [
      'Tờ khai đăng ký khai sinh (hoặc Mẫu hộ tịch điện tử tương tác)',
      'Giấy chứng sinh; nếu không có: văn bản của người làm chứng, nếu không có người làm chứng: giấy cam đoan về việc sinh',
      'Biên bản xác nhận việc trẻ bị bỏ rơi (nếu có)',
      'Văn bản chứng minh việc mang thai hộ (nếu có)',
      'Giấy tờ chứng minh nơi cư trú của người đi đăng ký',
      'Văn bản ủy quyền theo quy định của pháp luật (nếu người đi đăng ký là người được ủy quyền)',
      'Giấy chứng nhận kết hôn của cha, mẹ trẻ (nếu có)',
      'Giấy tờ tùy thân của người đi đăng ký (bản sao có chứng thực hoặc bản chụp kèm bản chính để đối chiếu)',
    ];
    const components = names.map((name, i) => ({ name, originals: 1, copies: i % 2 }));
    // Training mode too: its banner line is the kiosk's daily case in a commune's first weeks.
    for (const training of [false, true]) {
      const file = await save(`eight-${String(training)}.pdf`, {
        ...base,
        training,
        receiverName: training ? null : base.receiverName,
        components,
      });
      expect(await pageCount(file)).toBe(2);
      for (const [page, copy] of [
        [1, 'Liên 1: Lưu'],
        [2, 'Liên 2: Giao người nộp'],
      ] as const) {
        const text = await pageText(file, page);
        for (const field of [
          'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
          'Mã hồ sơ: 000.00.53.H48-261125-0001',
          `(${copy})`,
          'Bộ phận tiếp nhận và trả kết quả: Bộ phận Một cửa xã Bình Sơn',
          'Tiếp nhận hồ sơ của: Nguyễn Thị Hồng Nhung',
          'Địa chỉ: Thôn Phú Lễ, xã Bình Sơn, tỉnh Quảng Ngãi',
          'Số điện thoại: 0912345678',
          'Email: nhung@example.vn',
          'Đăng ký thường trú (mã thủ tục 1.004222)',
          ...names.map((_, i) => `${String(i + 1)}) `),
          'Giấy tờ tùy thân của người đi đăng ký',
          '2. Số lượng hồ sơ: 01 (bộ)',
          '07 ngày làm việc',
          'Thời gian nhận hồ sơ: 10 giờ 15 phút, ngày 25 tháng 11 năm 2026',
          // The training watermark's letters may fall between "năm" and the year.
          'Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 04 tháng 12 năm',
          'Đăng ký nhận kết quả tại: Bộ phận Một cửa xã Bình Sơn',
          'Phí, lệ phí: 20.000 đồng',
          'Mã tra cứu: 000.00.53.H48-261125-0001',
          'Điện thoại liên hệ: 0255 3812 345',
          'NGƯỜI NỘP HỒ SƠ',
          'NGƯỜI TIẾP NHẬN HỒ SƠ',
          training ? 'Kiosk tự phục vụ' : 'Trần Văn Bình',
          `${copy} – trang 1/1`,
        ]) {
          expect(text, `${copy}, training ${String(training)}`).toContain(field);
        }
      }
      expect((await decodeQr(file, 2)).split('*')[2]).toBe('000.00.53.H48-261125-0001');
    }
  });

  it('flows a 40-component dossier with long names onto labelled pages, nothing outside the page box', async () => {
    const longName =
      'Tôn Nữ Hoàng Thị Minh Nguyệt Phương Thảo Huyền Trân Công Chúa Đại Việt Quốc Ánh';
    const data: ReceiptData = {
      ...base,
      applicant: { ...base.applicant, name: longName, email: `${'rất-dài'.repeat(30)}@example.vn` },
      procedure: { ...base.procedure, name: 'Đăng ký thường trú '.repeat(12) },
      components: Array.from({ length: 40 }, (_, i) => ({
        name: `Thành phần hồ sơ số ${String(i + 1)}: bản sao có chứng thực giấy tờ, tài liệu chứng minh quan hệ nhân thân với chủ hộ, thành viên hộ gia đình`,
        originals: i % 3,
        copies: 1,
      })),
    };
    const file = await save('long.pdf', data);
    const pages = await pageCount(file);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages % 2).toBe(0);
    const all = await pageText(file);
    expect(all).toContain('Thành phần hồ sơ số 40');
    const perCopy = pages / 2;
    for (let p = 1; p <= pages; p += 1) {
      const copy = p <= perCopy ? 'Liên 1: Lưu' : 'Liên 2: Giao người nộp';
      const n = p <= perCopy ? p : p - perCopy;
      expect(await pageText(file, p)).toContain(`${copy} – trang ${String(n)}/${String(perCopy)}`);
    }

    // Every word's box, as poppler lays it out, lies inside the page's margins.
    const { stdout } = await run('pdftotext', ['-bbox', file, '-']);
    const pageBox = /<page width="([\d.]+)" height="([\d.]+)">/.exec(stdout);
    const width = Number(pageBox?.[1]);
    const height = Number(pageBox?.[2]);
    const words = [
      ...stdout.matchAll(/xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)"/g),
    ];
    expect(words.length).toBeGreaterThan(1000);
    for (const [, x0, y0, x1, y1] of words) {
      expect(Number(x0)).toBeGreaterThanOrEqual(MARGIN.left - 1);
      expect(Number(x1)).toBeLessThanOrEqual(width - MARGIN.right + 1);
      expect(Number(y0)).toBeGreaterThanOrEqual(MARGIN.top - 12);
      expect(Number(y1)).toBeLessThanOrEqual(height - MARGIN.bottom + 30);
    }
  });
});
