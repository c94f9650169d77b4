import { describe, expect, it } from 'vitest';
import type { Procedure } from '../../api/contract/procedure';
import { formIssues } from './form-issues';

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

describe('e-form issues of dossier.create', () => {
  it('a complete form passes, values trimmed, and keys the form lacks are dropped', () => {
    const result = formIssues(form.form.fields, {
      childName: '  Lê Bé  ',
      childBirth: '29/02/2024',
      sex: 'nu',
      smuggled: 'x',
    });
    expect(result.issues).toEqual([]);
    expect(result.values).toEqual({ childName: 'Lê Bé', childBirth: '29/02/2024', sex: 'nu' });
  });

  it('a missing required field is named by its path with a Vietnamese message', () => {
    const result = formIssues(form.form.fields, {
      childBirth: '2024-01-31',
      sex: 'nam',
      childName: ' ',
    });
    expect(result.issues).toEqual([
      { path: 'formValues.childName', message: 'Chưa nhập "Họ tên trẻ".' },
    ]);
  });

  it('each type is checked: date, idNumber, phone, email, select, maxLength', () => {
    const result = formIssues(form.form.fields, {
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
    expect(result.issues[0]?.message).toBe('Họ tên trẻ: Tối đa 10 ký tự.');
    expect(result.issues[3]?.message).toBe(
      'Điện thoại: Số điện thoại không hợp lệ (ví dụ 0912345678).',
    );
  });
});
