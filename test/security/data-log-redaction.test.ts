import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from '../../electron/services/log/logger';
import { redact, redactString, REDACTED } from '../../electron/services/log/redact';

/** Every shape a clerk, a form or a portal payload writes these in. */
const idShapes = [
  '001185012345',
  '001 185 012 345',
  '001.185.012.345',
  '001-185-012-345',
  '0011 8501 2345',
  '0011.8501.2345',
  '001185 012345',
  '123456789',
  '123 456 789',
  '123.456.789',
  '123-456-789',
];
const phoneShapes = [
  '0912345678',
  '0912 345 678',
  '0912.345.678',
  '0912-345-678',
  '091 234 5678',
  '+84912345678',
  '+84 912 345 678',
  '+84-912-345-678',
  '(+84) 912 345 678',
  '+84 (0) 912 345 678',
  '0084 912 345 678',
  '024 3825 1234',
  '02438251234',
];
const birthDateShapes = [
  '12/01/1985',
  '1/2/1985',
  '12-01-1985',
  '12.01.1985',
  '1985-01-12',
  'ngày 12 tháng 01 năm 1985',
  'Ngày 12 tháng 1 năm 1985',
];

function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

describe('log redaction of every ID, phone and birth-date shape', () => {
  it.each(idShapes)('hides the ID number %s inside a sentence', (id) => {
    const out = redactString(`tra cứu ${id} xong`);
    expect(out).toBe('tra cứu [id] xong');
  });

  it.each(phoneShapes)('hides the phone number %s inside a sentence', (phone) => {
    const out = redactString(`gọi ${phone}, hẹn trả`);
    expect(out).toBe('gọi [phone], hẹn trả');
    expect(out).not.toContain(digitsOf(phone).slice(-6));
  });

  it.each(birthDateShapes)('hides the birth date %s inside a sentence', (date) => {
    expect(redactString(`sinh ${date} tại Hà Nội`)).toBe('sinh [date] tại Hà Nội');
  });

  it('hides names and numbers under Vietnamese keys, whatever their case', () => {
    const out = redact({
      ten: 'Mai',
      hoTen: 'Nguyễn Thị Mai',
      HoTen: 'Nguyễn Thị Mai',
      hoVaTen: 'Nguyễn Thị Mai',
      HoVaTen: 'Nguyễn Thị Mai',
      tenNguoiNop: 'Trần Văn Bình',
      TenNguoiNop: 'Trần Văn Bình',
      ho_ten_nguoi_dai_dien: 'Lê Văn C',
      soCCCD: 'x',
      SoDienThoai: 'x',
      dienThoai: 'x',
      ngaySinh: 'x',
      NamSinh: 'x',
      maHoSo: '000.00.53.H48-220921-0099',
      tenTTHC: 'Đăng ký khai sinh',
    });
    expect(out).toEqual({
      ten: REDACTED,
      hoTen: REDACTED,
      HoTen: REDACTED,
      hoVaTen: REDACTED,
      HoVaTen: REDACTED,
      tenNguoiNop: REDACTED,
      TenNguoiNop: REDACTED,
      ho_ten_nguoi_dai_dien: REDACTED,
      soCCCD: REDACTED,
      SoDienThoai: REDACTED,
      dienThoai: REDACTED,
      ngaySinh: REDACTED,
      NamSinh: REDACTED,
      maHoSo: '000.00.53.H48-220921-0099',
      tenTTHC: 'Đăng ký khai sinh',
    });
  });

  it('keeps what IT needs: dossier codes, ISO times, durations, ports and counts', () => {
    const kept = [
      'ma 000.00.53.H48-220921-0099',
      'at 2026-12-05T09:06:55.123Z',
      'took 2310 ms, 87 apdus',
      'listening on 127.0.0.1:43125',
      'epoch 1764925615123',
    ];
    for (const line of kept) expect(redactString(line)).toBe(line);
  });

  it('a pino line with every shape carries none of the digits', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const logger = pino(loggerOptions('debug'), sink);
    logger.info(
      { note: `${idShapes.join('; ')} | ${phoneShapes.join('; ')}`, HoTen: 'Nguyễn Thị Mai' },
      `sinh ${birthDateShapes.join(', ')}`,
    );
    const text = lines.join('');
    expect(text).not.toContain('Mai');
    expect(text).not.toMatch(/1985/);
    expect(text).not.toMatch(/185.?012.?345|8501.?2345|456.?789/);
    expect(text).not.toMatch(/345.?678|3825.?1234/);
  });
});
