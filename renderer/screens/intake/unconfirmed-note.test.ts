import { describe, expect, it } from 'vitest';
import { intakeEn } from '../../i18n/intake.en';
import { intakeVi } from '../../i18n/intake.vi';
import { unconfirmedNote } from './unconfirmed-note';

const vi = intakeVi.procedure.unconfirmedWhat;
const en = intakeEn.procedure.unconfirmedWhat;

describe('the note of what a procedure leaves unconfirmed', () => {
  it('names each key in plain Vietnamese, never the key itself', () => {
    expect(unconfirmedNote(['fieldName', 'componentCounts'], (k) => vi[k])).toBe(
      'lĩnh vực, số bản chính và bản sao',
    );
    expect(unconfirmedNote(['agency', 'processingDays', 'fees', 'components'], (k) => vi[k])).toBe(
      'cơ quan thực hiện, thời hạn giải quyết, lệ phí, thành phần hồ sơ',
    );
  });

  it('names them in English on the English screen', () => {
    expect(unconfirmedNote(['fieldName', 'componentCounts'], (k) => en[k])).toBe(
      'field, number of originals and copies',
    );
  });

  it('a key it does not know reads as "other details", once', () => {
    expect(unconfirmedNote(['fees', 'newKey', 'anotherKey'], (k) => vi[k])).toBe(
      'lệ phí, thông tin khác',
    );
  });
});
