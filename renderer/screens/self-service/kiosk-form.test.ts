import { describe, expect, it } from 'vitest';
import type { CitizenWire } from '../../../electron/api/contract/citizen';
import type { FormField } from '../../../electron/api/contract/procedure';
import { fieldsToAsk, pages, prefill, problemOf, problemsOf } from './kiosk-form';

const citizen: CitizenWire = {
  id: '001185012345',
  fullName: 'Nguyễn Thị Mai',
  birthDate: '1985-03-14',
  sex: 'female',
  nationality: 'Việt Nam',
  ethnicity: 'Kinh',
  religion: null,
  placeOfOrigin: 'Hà Nội',
  placeOfResidence: 'Số 1 Phố Giả Định, Phường Hàng Bạc, Hà Nội',
  identifyingFeatures: null,
  issueDate: '2021-05-10',
  expiryDate: '2045-03-14',
  father: null,
  mother: 'Trần Thị Lan',
  spouse: null,
  oldIdNumber: null,
  source: 'chip',
};

const field = (key: string, extra: Partial<FormField> = {}): FormField => ({
  key,
  label: { vi: key, en: key },
  type: 'text',
  required: true,
  fill: null,
  ...extra,
});

const form: FormField[] = [
  field('hoTen', { fill: 'fullName' }),
  field('gioiTinh', {
    type: 'select',
    fill: 'sex',
    options: [
      { value: 'male', label: { vi: 'Nam', en: 'Male' } },
      { value: 'female', label: { vi: 'Nữ', en: 'Female' } },
    ],
  }),
  field('vo', { fill: 'spouse', required: false }),
  field('tenCon'),
  field('ngaySinhCon', { type: 'date' }),
  field('dienThoai', { type: 'phone', required: false }),
  field('noiSinh'),
];

describe('the kiosk e-form', () => {
  it('fills from the chip every field the card has a value for, and asks only the rest', () => {
    expect(prefill(form, citizen)).toEqual({ hoTen: 'Nguyễn Thị Mai', gioiTinh: 'female' });
    expect(fieldsToAsk(form, citizen).map((f) => f.key)).toEqual([
      'vo',
      'tenCon',
      'ngaySinhCon',
      'dienThoai',
      'noiSinh',
    ]);
  });

  it('a date from the chip is written dd/mm/yyyy as the e-form shows it', () => {
    expect(prefill([field('ns', { type: 'date', fill: 'birthDate' })], citizen)).toEqual({
      ns: '14/03/1985',
    });
  });

  it('a select takes the chip value only when it is one of its options', () => {
    const coded = field('gt', {
      type: 'select',
      fill: 'sex',
      options: [{ value: '1', label: { vi: 'Nam', en: 'Male' } }],
    });
    expect(prefill([coded], citizen)).toEqual({});
  });

  it('cuts the questions into screens of three', () => {
    expect(pages([1, 2, 3, 4, 5, 6, 7]).map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages([])).toEqual([]);
  });

  it('a required empty field, a bad phone, an impossible date and a short ID are refused', () => {
    expect(problemOf(field('a'), '  ')).toBe('missing');
    expect(problemOf(field('a', { required: false }), '')).toBeUndefined();
    expect(problemOf(field('p', { type: 'phone' }), '0912 345 678')).toBeUndefined();
    expect(problemOf(field('p', { type: 'phone' }), '12345')).toBe('badPhone');
    expect(problemOf(field('d', { type: 'date' }), '2025-02-29')).toBe('badDate');
    expect(problemOf(field('d', { type: 'date' }), '2024-02-29')).toBeUndefined();
    expect(problemOf(field('d', { type: 'date' }), '29/02/2024')).toBeUndefined();
    expect(problemOf(field('d', { type: 'date' }), '31/04/2024')).toBe('badDate');
    expect(problemOf(field('i', { type: 'idNumber' }), '00118501234')).toBe('badId');
    expect(problemOf(field('e', { type: 'email' }), 'mai@vidu.vn')).toBeUndefined();
    expect(problemOf(field('t', { maxLength: 3 }), 'Hà Nội')).toBe('tooLong');
    expect(problemsOf(form.slice(3, 5), { tenCon: 'Bé An' })).toEqual({ ngaySinhCon: 'missing' });
  });
});
