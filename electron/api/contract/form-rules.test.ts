import { describe, expect, it } from 'vitest';
import { checkForm, isPhone, normaliseFieldValue } from './form-rules';
import type { FormField } from './procedure';

const label = (vi: string) => ({ vi, en: vi });
const field = (
  key: string,
  type: FormField['type'],
  extra: Partial<FormField> = {},
): FormField => ({ key, label: label(key), type, required: false, fill: null, ...extra });

const fields = [
  field('name', 'text', { required: true }),
  field('dob', 'date'),
  field('id', 'idNumber'),
  field('phone', 'phone'),
  field('mail', 'email'),
  field('rel', 'select', { options: [{ value: 'cha', label: label('Cha') }] }),
  field('short', 'text', { maxLength: 3 }),
  field('count', 'number'),
  field('optional', 'date'),
];

describe('e-form field rules', () => {
  it('refuses by required, format, options and length, one problem per field', () => {
    expect(
      checkForm(fields, {
        name: '  ',
        dob: '31/02/2020',
        id: '12345',
        phone: 'abc',
        mail: 'a@b',
        rel: 'chú',
        short: 'abcd',
        count: 'hai',
        optional: '',
      }).problems,
    ).toEqual({
      name: 'required',
      dob: 'date',
      id: 'idNumber',
      phone: 'phone',
      mail: 'email',
      rel: 'option',
      short: 'maxLength',
      count: 'number',
    });
  });

  it('keeps the normalised values of its own fields and drops other keys', () => {
    expect(
      checkForm(fields, {
        name: '  Lê Văn Tám ',
        dob: '01/06/2025',
        id: '0012 0300 4567',
        phone: '0912 345 678',
        mail: 'a@b.vn',
        rel: 'cha',
        short: 'abc',
        smuggled: 'x',
      }),
    ).toEqual({
      values: {
        name: 'Lê Văn Tám',
        dob: '01/06/2025',
        id: '001203004567',
        phone: '0912 345 678',
        mail: 'a@b.vn',
        rel: 'cha',
        short: 'abc',
      },
      problems: {},
    });
  });

  it('counts length after NFC, so a decomposed accent is one letter', () => {
    expect(normaliseFieldValue(field('t', 'text'), 'Ha\u0300 ')).toBe('Hà');
    expect(checkForm([field('t', 'text', { maxLength: 2 })], { t: 'Ha\u0300' }).problems).toEqual(
      {},
    );
  });

  it('a select without options accepts nothing', () => {
    expect(checkForm([field('s', 'select')], { s: 'x' }).problems).toEqual({ s: 'option' });
  });

  it('phone numbers are Vietnamese: 0 or +84, then 9–10 digits; separators are ignored', () => {
    expect(isPhone('0912 345 678')).toBe(true);
    expect(isPhone('+84912345678')).toBe(true);
    expect(isPhone('0912.345.678')).toBe(true);
    expect(isPhone('912345678')).toBe(false);
    expect(isPhone('091234567')).toBe(false);
    expect(isPhone('+1 234 567 8901')).toBe(false);
  });
});
