import { describe, expect, it } from 'vitest';
import type { Procedure } from '../../api/contract/procedure';
import { isFormDate, isPhone, validateForm } from './form-validation';

const label = (vi: string) => ({ vi, en: vi });
const form: Pick<Procedure, 'form'> = {
  form: {
    fields: [
      {
        key: 'childName',
        label: label('Họ tên trẻ'),
        type: 'text',
        required: true,
        maxLength: 10,
        fill: null,
      },
      { key: 'childBirth', label: label('Ngày sinh'), type: 'date', required: true, fill: null },
      {
        key: 'fatherId',
        label: label('Số định danh cha'),
        type: 'idNumber',
        required: false,
        fill: null,
      },
      { key: 'phone', label: label('Điện thoại'), type: 'phone', required: false, fill: null },
      { key: 'mail', label: label('Email'), type: 'email', required: false, fill: null },
      {
        key: 'sex',
        label: label('Giới tính'),
        type: 'select',
        required: true,
        options: [
          { value: 'nam', label: label('Nam') },
          { value: 'nu', label: label('Nữ') },
        ],
        fill: null,
      },
    ],
  },
};

describe('e-form validation', () => {
  it('a complete form passes, values trimmed, and keys the form lacks are dropped', () => {
    const result = validateForm(form, {
      childName: '  Lê Bé  ',
      childBirth: '29/02/2024',
      sex: 'nu',
      smuggled: 'x',
    });
    expect(result.issues).toEqual([]);
    expect(result.values).toEqual({ childName: 'Lê Bé', childBirth: '29/02/2024', sex: 'nu' });
  });

  it('a missing required field is named by its path with a Vietnamese message', () => {
    const result = validateForm(form, { childBirth: '2024-01-31', sex: 'nam', childName: ' ' });
    expect(result.issues).toEqual([
      { path: 'formValues.childName', message: 'Chưa nhập "Họ tên trẻ".' },
    ]);
  });

  it('each type is checked: date, idNumber, phone, email, select, maxLength', () => {
    const result = validateForm(form, {
      childName: 'Nguyễn Văn Anh Tuấn',
      childBirth: '31/02/2024',
      fatherId: '12345678901',
      phone: '12345',
      mail: 'không-phải-email',
      sex: 'khác',
    });
    expect(result.issues.map((i) => i.path)).toEqual([
      'formValues.childName',
      'formValues.childBirth',
      'formValues.fatherId',
      'formValues.phone',
      'formValues.mail',
      'formValues.sex',
    ]);
  });

  it('dates are real calendar days in dd/mm/yyyy or ISO form', () => {
    expect(isFormDate('01/12/2026')).toBe(true);
    expect(isFormDate('2026-12-01')).toBe(true);
    expect(isFormDate('29/02/2025')).toBe(false);
    expect(isFormDate('1/12/2026')).toBe(false);
  });

  it('Vietnamese phone numbers are accepted with spaces or +84', () => {
    expect(isPhone('0912 345 678')).toBe(true);
    expect(isPhone('+84912345678')).toBe(true);
    expect(isPhone('912345678')).toBe(false);
  });
});
