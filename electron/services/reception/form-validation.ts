import { z } from 'zod';
import type { FormField, Procedure } from '../../api/contract/procedure';

export interface FormIssue {
  readonly path: string;
  /** Vietnamese, shown beside the field. */
  readonly message: string;
}

const EMAIL = z.email();
/** Vietnamese numbers: 0 or +84 then 9–10 digits; spaces, dots and dashes ignored. */
const PHONE = /^(?:\+84|0)\d{9,10}$/;
const ID_NUMBER = /^\d{12}$/;
const NUMBER = /^-?\d+(?:[.,]\d+)?$/;
const DMY = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** dd/mm/yyyy or yyyy-mm-dd naming a real day. */
export function isFormDate(value: string): boolean {
  const dmy = DMY.exec(value);
  if (dmy) return isCalendarDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  const iso = ISO.exec(value);
  if (iso) return isCalendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return false;
}

export function isPhone(value: string): boolean {
  return PHONE.test(value.replace(/[\s.-]/g, ''));
}

export function isEmail(value: string): boolean {
  return EMAIL.safeParse(value).success;
}

/** Why `value` does not fit `field`, in Vietnamese; null when it fits. */
function problemOf(field: FormField, value: string): string | null {
  if (field.maxLength !== undefined && value.length > field.maxLength) {
    return `Tối đa ${field.maxLength} ký tự.`;
  }
  switch (field.type) {
    case 'date':
      return isFormDate(value) ? null : 'Ngày không hợp lệ; nhập theo dạng dd/mm/yyyy.';
    case 'phone':
      return isPhone(value) ? null : 'Số điện thoại không hợp lệ (ví dụ 0912345678).';
    case 'email':
      return isEmail(value) ? null : 'Địa chỉ email không hợp lệ.';
    case 'idNumber':
      return ID_NUMBER.test(value) ? null : 'Số định danh cá nhân phải gồm đúng 12 chữ số.';
    case 'number':
      return NUMBER.test(value) ? null : 'Phải là một số.';
    case 'select':
      return (field.options ?? []).some((o) => o.value === value)
        ? null
        : 'Giá trị không có trong danh sách; hãy chọn lại.';
    case 'text':
    case 'textarea':
      return null;
  }
}

/**
 * Checks e-form values against the procedure's form. Values are trimmed and
 * NFC-normalised; an empty value counts as absent. Keys the form does not
 * have are dropped, never stored. Returns the kept values and the issues,
 * one per field, with paths `formValues.<key>`.
 */
export function validateForm(
  procedure: Pick<Procedure, 'form'>,
  values: Readonly<Record<string, string>>,
): { readonly values: Record<string, string>; readonly issues: FormIssue[] } {
  const kept: Record<string, string> = {};
  const issues: FormIssue[] = [];
  for (const field of procedure.form.fields) {
    const raw = Object.hasOwn(values, field.key) ? values[field.key] : undefined;
    const value = (raw ?? '').trim().normalize('NFC');
    const path = `formValues.${field.key}`;
    if (value === '') {
      if (field.required) issues.push({ path, message: `Chưa nhập "${field.label.vi}".` });
      continue;
    }
    const problem = problemOf(field, value);
    if (problem !== null) issues.push({ path, message: `${field.label.vi}: ${problem}` });
    else kept[field.key] = value;
  }
  return { values: kept, issues };
}
