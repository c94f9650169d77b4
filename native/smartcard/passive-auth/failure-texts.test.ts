import { describe, expect, it } from 'vitest';
import { SIGNATURE_BY_OID } from './algorithms';
import { failure } from './index';
import type { PassiveAuthFailureCode } from './index';

const FORGED_VI = 'không dùng dữ liệu này, hãy đối chiếu giấy tờ gốc.';
const FORGED_EN = 'do not use it; check the physical card.';

/** Every code, whether the card may be forged, and how it is raised (detail, data group). */
const CODES: readonly [PassiveAuthFailureCode, boolean, string, number?][] = [
  ['SOD_UNREADABLE', false, 'short read'],
  ['NOT_LDS_SECURITY_OBJECT', true, ''],
  ['UNSUPPORTED_HASH', false, '1.2.3.4'],
  ['DG_NOT_IN_SOD', true, '', 3],
  ['DG_HASH_MISMATCH', true, '', 13],
  ['NO_DOCUMENT_SIGNER', false, ''],
  ['MESSAGE_DIGEST_MISMATCH', true, ''],
  ['UNSUPPORTED_SIGNATURE', false, '1.2.3.5'],
  ['SIGNATURE_INVALID', true, ''],
  ['CSCA_UNKNOWN', false, 'C=VN, CN=CSCA'],
  ['DSC_SIGNATURE_INVALID', true, 'C=VN, CN=CSCA'],
  ['DSC_NOT_YET_VALID', false, '2031-01-01T00:00:00.000Z'],
  ['CSCA_EXPIRED', false, '2020-01-01T00:00:00.000Z'],
];

describe('passive authentication failure texts', () => {
  it.each(CODES)(
    '%s says what happened and what to do, in Vietnamese and English',
    (code, forged, detail, dg) => {
      const f = failure(code, detail, dg);
      expect(f.code).toBe(code);
      if (dg === undefined) expect(f).not.toHaveProperty('dataGroup');
      else expect(f.dataGroup).toBe(dg);
      for (const text of [f.vi, f.en]) {
        expect(text).toContain(detail);
        if (dg !== undefined) expect(text).toContain(`DG${String(dg)} `);
        // A sentence of its own before any shared advice.
        expect(text.replace(forged ? / [^.]*: [^.]*\.$/ : /$/, '').length).toBeGreaterThan(20);
      }
      if (forged) {
        expect(f.vi).toMatch(/^[^:]+\. Dữ liệu chip có thể bị sửa hoặc thẻ giả: /);
        expect(f.vi.endsWith(FORGED_VI)).toBe(true);
        expect(f.en).toMatch(/^[^:]+\. The chip data may be altered or the card forged: /);
        expect(f.en.endsWith(FORGED_EN)).toBe(true);
      } else {
        expect(f.vi).toMatch(/(hãy|báo cho|kiểm tra|thẻ vượt quá|không xác minh được)/);
        expect(f.vi).not.toContain(FORGED_VI);
      }
      expect(f.vi).toMatch(/[ăâđêôơưạảấầẩậắặẹẻếềệỉịọỏốồổộớờởợụủứừửựỳỷ]/);
    },
  );

  it('no two codes share a text', () => {
    const texts = CODES.map(([code, , detail, dg]) => failure(code, detail, dg));
    expect(new Set(texts.map((f) => f.vi)).size).toBe(CODES.length);
    expect(new Set(texts.map((f) => f.en)).size).toBe(CODES.length);
  });
});

describe('signature algorithm names', () => {
  it('name the hash they use, each once', () => {
    const schemes = Object.values(SIGNATURE_BY_OID);
    expect(new Set(schemes.map((s) => s.name)).size).toBe(schemes.length);
    for (const s of schemes) {
      expect(s.name.length).toBeGreaterThan(5);
      if (s.hash !== undefined) expect(s.name).toMatch(new RegExp(`${s.hash}(?!\\d)`, 'i'));
    }
  });
});
