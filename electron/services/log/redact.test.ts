import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from './logger';
import { redact, REDACTED } from './redact';

function captureLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: pino(loggerOptions('debug'), sink), lines };
}

describe('log redaction', () => {
  it('hides a 12-digit ID number and a name in fields and in the message', () => {
    const { logger, lines } = captureLogger();
    logger.info(
      {
        citizen: { fullName: 'Nguyễn Thị Mai' },
        idNumber: '001185012345',
        note: 'read 001185012345 ok',
      },
      'card read for 001185012345',
    );
    const text = lines.join('');
    expect(text).not.toContain('001185012345');
    expect(text).not.toContain('Nguyễn Thị Mai');
    expect(text).not.toContain('Mai');
    expect(text).toContain('[id]');
    expect(JSON.parse(text)).toMatchObject({
      citizen: REDACTED,
      idNumber: REDACTED,
      msg: 'card read for [id]',
    });
  });

  it('hides old 9-digit CMND numbers, MRZ lines, addresses and OCR text', () => {
    const out = redact({
      detail: 'old id 123456789 and mrz IDVNM1850123459001185012345<<0',
      address: 'Số 1 Phố Giả Định, Hà Nội',
      ocrText: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      pages: 5,
    });
    expect(out).toEqual({
      detail: 'old id [id] and mrz [mrz]',
      address: REDACTED,
      ocrText: REDACTED,
      pages: 5,
    });
  });

  it('keeps what IT staff need: counts, codes, durations, dossier codes', () => {
    const fields = { apdus: 87, ms: 2310, maHoSo: '000.00.53.H48-220921-0099', status: 'synced' };
    expect(redact(fields)).toEqual(fields);
  });

  it('redacts personal data inside error messages', () => {
    const out = redact({ err: new Error('no dossier for 001185012345') }) as {
      err: { message: string };
    };
    expect(out.err.message).toBe('no dossier for [id]');
  });
});
