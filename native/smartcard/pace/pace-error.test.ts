import { describe, expect, it } from 'vitest';
import { PaceError, paceErrors } from './pace-error';

// What a clerk reads when PACE fails: each text names its step or status word
// and says what to do next, in Vietnamese with diacritics and in English.
const CASES: readonly [string, PaceError, string, number | null, readonly string[]][] = [
  [
    'notSupported',
    paceErrors.notSupported('0.4.0.127.0.7.2.2.4.6.4/18'),
    'PACE_NOT_SUPPORTED',
    null,
    ['0.4.0.127.0.7.2.2.4.6.4/18', 'BAC'],
  ],
  ['badCan', paceErrors.badCan(), 'PACE_BAD_PASSWORD_FORMAT', null, ['6']],
  [
    'wrongPassword',
    paceErrors.wrongPassword(0x63c2),
    'PACE_WRONG_PASSWORD',
    0x63c2,
    ['CAN', 'MRZ'],
  ],
  [
    'rejected',
    paceErrors.rejected('mapping', 0x6a80),
    'PACE_CARD_REJECTED',
    0x6a80,
    ['"mapping"', 'SW 6A80'],
  ],
  ['badResponse', paceErrors.badResponse('nonce'), 'PACE_BAD_RESPONSE', null, ['"nonce"']],
  ['tokenMismatch', paceErrors.tokenMismatch(), 'PACE_TOKEN_MISMATCH', null, []],
];

describe('PACE error texts', () => {
  it.each(CASES)('%s carries its code, status word and both texts', (_n, e, code, sw, mentions) => {
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('PaceError');
    expect(e.code).toBe(code);
    expect(e.sw).toBe(sw);
    expect(e.message).toBe(`${e.vi} / ${e.en}`);
    for (const text of [e.vi, e.en]) {
      expect(text.length).toBeGreaterThan(40);
      for (const m of mentions) expect(text).toContain(m);
    }
    expect(e.vi).toMatch(/[ăâđêôơưạảấầẩậắặẹẻếềệỉịọỏốồổộớờởợụủứừửựỳỷ]/);
    expect(e.vi).toMatch(/(hãy|kiosk sẽ thử|không sử dụng)/);
    expect(e.en).toMatch(/(try again|type it again|will try BAC|do not use)/);
  });

  it('no two errors share a text', () => {
    expect(new Set(CASES.map((c) => c[1].vi)).size).toBe(CASES.length);
    expect(new Set(CASES.map((c) => c[1].en)).size).toBe(CASES.length);
  });
});
