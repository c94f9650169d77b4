import { describe, expect, it } from 'vitest';
import { chipCitizenMai } from '../../../test/fixtures/citizen/sample-citizen';
import type { FormField } from '../../../electron/api/contract/procedure';
import { fieldsToAsk, pages } from './kiosk-form';

const citizen = chipCitizenMai();

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
  it('asks only the fields the chip did not fill', () => {
    expect(fieldsToAsk(form, citizen).map((f) => f.key)).toEqual([
      'vo',
      'tenCon',
      'ngaySinhCon',
      'dienThoai',
      'noiSinh',
    ]);
  });

  it('cuts the questions into screens of three', () => {
    expect(pages([1, 2, 3, 4, 5, 6, 7]).map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages([])).toEqual([]);
  });
});
