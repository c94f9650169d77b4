import { describe, expect, it } from 'vitest';
import type { FormField } from '../../electron/api/contract/procedure';
import { fieldValueText } from './field-value';

const relation: FormField = {
  key: 'relation',
  label: { vi: 'Quan hệ với người được khai sinh', en: 'Relationship to the child' },
  type: 'select',
  required: true,
  options: [
    { value: 'mother', label: { vi: 'Mẹ', en: 'Mother' } },
    { value: 'father', label: { vi: 'Cha', en: 'Father' } },
  ],
  fill: null,
};

const birthDate: FormField = {
  key: 'childBirthDate',
  label: { vi: 'Ngày sinh', en: 'Date of birth' },
  type: 'date',
  required: true,
  fill: null,
};

describe('an e-form answer as the review shows it', () => {
  it('a select answer reads as its option label, never the stored value', () => {
    expect(fieldValueText(relation, 'mother', 'vi')).toBe('Mẹ');
    expect(fieldValueText(relation, 'mother', 'en')).toBe('Mother');
  });

  it('a value no option has is shown as it is', () => {
    expect(fieldValueText(relation, 'aunt', 'vi')).toBe('aunt');
  });

  it('a date reads as dd/mm/yyyy whichever spelling was stored', () => {
    expect(fieldValueText(birthDate, '2025-03-07', 'vi')).toBe('07/03/2025');
    expect(fieldValueText(birthDate, '07/03/2025', 'en')).toBe('07/03/2025');
  });
});
