import { describe, expect, it } from 'vitest';
import type { CitizenWire } from '../../../electron/api/contract/citizen';
import type { FormField } from '../../../electron/api/contract/procedure';
import { issuesByField, prefillFromCitizen } from './eform-values';

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

  it("the phone typed at the applicant step fills the applicant's empty phone field only", () => {
    const fields = [
      field('applicantId', 'idNumber', { fill: 'id' }),
      field('applicantPhone', 'phone'),
      field('witnessPhone', 'phone'),
    ];
    const filled = prefillFromCitizen(fields, citizen, {}, ' 0912 345 678 ');
    expect(filled.values).toEqual({ applicantId: '001203004567', applicantPhone: '0912 345 678' });
    expect(filled.filled).toEqual(['applicantId']);
    const typedInForm = prefillFromCitizen(
      fields,
      citizen,
      { applicantPhone: '0988000111' },
      '0912345678',
    );
    expect(typedInForm.values.applicantPhone).toBe('0988000111');
    expect(prefillFromCitizen(fields, citizen, {}, '').values.applicantPhone).toBeUndefined();
  });
});
