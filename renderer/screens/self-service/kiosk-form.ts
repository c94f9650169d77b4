import type { CitizenWire } from '../../../electron/api/contract/citizen';
import type { FormField } from '../../../electron/api/contract/procedure';

/** Fields a citizen answers on one kiosk screen: few, so each stays large. */
export const FIELDS_PER_PAGE = 3;

export type FieldProblem = 'missing' | 'tooLong' | 'badPhone' | 'badEmail' | 'badDate' | 'badId';

/**
 * The value the chip gives a field, or undefined when the field is not
 * filled from the card or the card has no such value. Select fields take the
 * chip's value only when it is one of their options (sex: "male"/"female").
 */
export function chipValue(field: FormField, citizen: CitizenWire): string | undefined {
  if (field.fill === null) return undefined;
  const value = citizen[field.fill];
  if (value === null || value === '') return undefined;
  if (field.type === 'select' && !(field.options ?? []).some((o) => o.value === value)) {
    return undefined;
  }
  // The e-form writes dates as the citizen reads them, dd/mm/yyyy; the chip gives yyyy-mm-dd.
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (field.type === 'date' && iso) return `${iso[3] ?? ''}/${iso[2] ?? ''}/${iso[1] ?? ''}`;
  return value;
}

/** The form values the chip fills, by field key. */
export function prefill(
  fields: readonly FormField[],
  citizen: CitizenWire,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = chipValue(field, citizen);
    if (value !== undefined) values[field.key] = value;
  }
  return values;
}

/** The fields the citizen still has to answer: those the chip did not fill. */
export function fieldsToAsk(fields: readonly FormField[], citizen: CitizenWire): FormField[] {
  return fields.filter((field) => chipValue(field, citizen) === undefined);
}

/** `fields` cut into screens of FIELDS_PER_PAGE; no screen when there is nothing to ask. */
export function pages<T>(fields: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < fields.length; i += FIELDS_PER_PAGE) {
    out.push(fields.slice(i, i + FIELDS_PER_PAGE));
  }
  return out;
}

/** What is wrong with one answer, or undefined. Empty optional fields are fine. */
export function problemOf(field: FormField, raw: string | undefined): FieldProblem | undefined {
  const value = (raw ?? '').trim();
  if (value === '') return field.required ? 'missing' : undefined;
  if (field.maxLength !== undefined && value.length > field.maxLength) return 'tooLong';
  switch (field.type) {
    case 'phone':
      return /^(?:\+84|0)\d{9,10}$/.test(value.replace(/[\s.-]/g, '')) ? undefined : 'badPhone';
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? undefined : 'badEmail';
    case 'date':
      return isFormDate(value) ? undefined : 'badDate';
    case 'idNumber':
      return /^\d{12}$/.test(value) ? undefined : 'badId';
    default:
      return undefined;
  }
}

/** Each field's problem on one screen, by key; empty when the screen may be left. */
export function problemsOf(
  fields: readonly FormField[],
  values: Readonly<Record<string, string>>,
): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const field of fields) {
    const problem = problemOf(field, values[field.key]);
    if (problem) problems[field.key] = problem;
  }
  return problems;
}

/** dd/mm/yyyy (as typed) or yyyy-mm-dd naming a real day: what dossier.create accepts. */
function isFormDate(value: string): boolean {
  const dmy = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const parts = dmy ? [dmy[3], dmy[2], dmy[1]] : iso ? [iso[1], iso[2], iso[3]] : undefined;
  if (!parts) return false;
  const [y, m, d] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
