import { z } from 'zod';
import { isCitizenId } from './citizen';
import { isFormDate } from './form-date';
import type { FormField } from './procedure';

/**
 * The e-form field rules, written once: the core enforces them in
 * dossier.create and both screens (counter and kiosk) run the same code
 * before sending, so a value a screen lets through is never refused later.
 */

/** Why a value does not fit its field; screens show their own text for each. */
export type FieldProblem =
  'required' | 'maxLength' | 'date' | 'phone' | 'email' | 'idNumber' | 'number' | 'option';

const EMAIL = z.email();
/** Vietnamese numbers: 0 or +84 then 9–10 digits, once spaces, dots and dashes are dropped. */
const PHONE = /^(?:\+84|0)\d{9,10}$/;
const NUMBER = /^-?\d+(?:[.,]\d+)?$/;

export function isPhone(value: string): boolean {
  return PHONE.test(value.replace(/[\s.-]/g, ''));
}

export function isEmail(value: string): boolean {
  return EMAIL.safeParse(value).success;
}

/** The 12-digit personal ID (số định danh cá nhân), with the spaces people group it by dropped. */
export function compactIdNumber(value: string): string {
  return value.replace(/\s/g, '');
}

export function isIdNumber(value: string): boolean {
  return isCitizenId(compactIdNumber(value));
}

/**
 * The value as stored: trimmed and NFC-normalised (so "Hà" typed as a + grave
 * accent counts two letters, as the portal will), an ID number without spaces.
 */
export function normaliseFieldValue(field: FormField, raw: string | undefined): string {
  const value = (raw ?? '').trim().normalize('NFC');
  return field.type === 'idNumber' ? compactIdNumber(value) : value;
}

interface Format {
  readonly problem: FieldProblem;
  readonly ok: (value: string, field: FormField) => boolean;
}

/** Text and textarea have no format: any text within maxLength fits. */
const formats: Partial<Record<FormField['type'], Format>> = {
  date: { problem: 'date', ok: isFormDate },
  phone: { problem: 'phone', ok: isPhone },
  email: { problem: 'email', ok: isEmail },
  idNumber: { problem: 'idNumber', ok: isCitizenId },
  number: { problem: 'number', ok: (v) => NUMBER.test(v) },
  // A select without options accepts nothing: the catalogue entry is broken, not the answer.
  select: { problem: 'option', ok: (v, field) => (field.options ?? []).some((o) => o.value === v) },
};

/** What is wrong with a normalised value, or undefined. An empty optional field is fine. */
export function fieldProblem(field: FormField, value: string): FieldProblem | undefined {
  if (value === '') return field.required ? 'required' : undefined;
  if (field.maxLength !== undefined && value.length > field.maxLength) return 'maxLength';
  const format = formats[field.type];
  return format === undefined || format.ok(value, field) ? undefined : format.problem;
}

export interface CheckedForm {
  /** The normalised values of the form's own fields that passed; other keys are dropped. */
  readonly values: Readonly<Record<string, string>>;
  readonly problems: Readonly<Record<string, FieldProblem>>;
}

/** Every field of the form checked against `values` (raw, as typed). */
export function checkForm(
  fields: readonly FormField[],
  values: Readonly<Record<string, string>>,
): CheckedForm {
  const kept: Record<string, string> = {};
  const problems: Record<string, FieldProblem> = {};
  for (const field of fields) {
    const raw = Object.hasOwn(values, field.key) ? values[field.key] : undefined;
    const value = normaliseFieldValue(field, raw);
    const problem = fieldProblem(field, value);
    if (problem !== undefined) problems[field.key] = problem;
    else if (value !== '') kept[field.key] = value;
  }
  return { values: kept, problems };
}
