import { describe, expect, it } from 'vitest';
import type { CitizenWire } from '../../../electron/api/contract/citizen';
import type { FormField } from '../../../electron/api/contract/procedure';
import { issuesByField, isDate, prefillFromCitizen, toIsoDate, validateForm } from './eform-values';

const label = (vi: string) => ({ vi, en: vi });
const field = (
  key: string,
  type: FormField['type'],
  extra: Partial<FormField> = {},
): FormField => ({
  key,
  label: label(key),
  type,
  required: false,
  fill: null,
  ...extra,
});

const citizen: CitizenWire = {
  id: '001203004567',
  fullName: 'Nguyễn Thị Hồng Nhung',
  birthDate: '1990-03-07',
  sex: 'female',
  nationality: 'Việt Nam',
  ethnicity: 'Kinh',
  religion: null,
  placeOfOrigin: null,
  placeOfResidence: 'Số 5 ngõ 12, phường Láng Hạ, Hà Nội',
  identifyingFeatures: null,
  issueDate: null,
  expiryDate: null,
  father: 'Nguyễn Văn An',
  mother: null,
  spouse: null,
  oldIdNumber: null,
  source: 'chip',
};

describe('e-form values', () => {
  it('a date is a real calendar day written dd/mm/yyyy or yyyy-mm-dd', () => {
    expect(isDate('29/02/2024')).toBe(true);
    expect(isDate('29/02/2023')).toBe(false);
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('7/3/1990')).toBe(false);
    expect(toIsoDate('07/03/1990')).toBe('1990-03-07');
    expect(toIsoDate('31/04/1990')).toBeUndefined();
  });

  it('the client refuses what the core refuses: required, formats, options, length', () => {
    const fields = [
      field('name', 'text', { required: true }),
      field('dob', 'date'),
      field('id', 'idNumber'),
      field('phone', 'phone'),
      field('mail', 'email'),
      field('rel', 'select', { options: [{ value: 'cha', label: label('Cha') }] }),
      field('short', 'text', { maxLength: 3 }),
      field('optional', 'date'),
    ];
    expect(
      validateForm(fields, {
        name: '  ',
        dob: '31/02/2020',
        id: '12345',
        phone: 'abc',
        mail: 'a@b',
        rel: 'chú',
        short: 'abcd',
        optional: '',
      }),
    ).toEqual({
      name: 'required',
      dob: 'date',
      id: 'idNumber',
      phone: 'phone',
      mail: 'email',
      rel: 'option',
      short: 'maxLength',
    });
    expect(
      validateForm(fields, {
        name: 'Lê Văn Tám',
        dob: '01/06/2025',
        id: '001203004567',
        phone: '0912 345 678',
        mail: 'a@b.vn',
        rel: 'cha',
        short: 'abc',
      }),
    ).toEqual({});
  });

  it('FORM_INVALID issues from the core land on their fields and nothing else', () => {
    expect(
      issuesByField([
        { path: 'formValues.childName', message: 'Thiếu họ tên trẻ' },
        { path: 'components', message: 'Thiếu giấy chứng sinh' },
        { path: 'formValues.childName', message: 'second' },
      ]),
    ).toEqual({ childName: 'Thiếu họ tên trẻ' });
    expect(issuesByField(undefined)).toEqual({});
  });

  it('fields that name a citizen field fill from the chip in form notation, the rest stay as typed', () => {
    const fields = [
      field('applicantName', 'text', { fill: 'fullName' }),
      field('applicantDob', 'date', { fill: 'birthDate' }),
      field('applicantSex', 'select', {
        fill: 'sex',
        options: [
          { value: 'nam', label: label('Nam') },
          { value: 'nu', label: label('Nữ') },
        ],
      }),
      field('religion', 'text', { fill: 'religion' }),
      field('childName', 'text'),
    ];
    const result = prefillFromCitizen(fields, citizen, {
      applicantName: 'typed before',
      childName: 'Nguyễn Minh Khôi',
      religion: 'kept',
    });
    expect(result.values).toEqual({
      applicantName: 'Nguyễn Thị Hồng Nhung',
      applicantDob: '07/03/1990',
      applicantSex: 'nu',
      childName: 'Nguyễn Minh Khôi',
      religion: 'kept',
    });
    expect(result.filled).toEqual(['applicantName', 'applicantDob', 'applicantSex']);
  });
});
