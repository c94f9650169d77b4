import type { CitizenWire } from '../../../electron/api/contract/citizen';
import type { FormField } from '../../../electron/api/contract/procedure';

/** Why a field's value is refused; the screen shows `intake.invalid.<kind>`. */
export type FieldProblem =
  'required' | 'date' | 'phone' | 'email' | 'idNumber' | 'number' | 'option' | 'maxLength';

export type FormValues = Readonly<Record<string, string>>;

const DATE_DMY = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const DATE_ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written dd/mm/yyyy (as the clerk types it) or yyyy-mm-dd. */
export function isDate(value: string): boolean {
  const dmy = DATE_DMY.exec(value);
  const iso = DATE_ISO.exec(value);
  const [d, m, y] = dmy ? [dmy[1], dmy[2], dmy[3]] : iso ? [iso[3], iso[2], iso[1]] : [];
  if (d === undefined || m === undefined || y === undefined) return false;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return (
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(m) - 1 &&
    date.getUTCDate() === Number(d)
  );
}

/** `dd/mm/yyyy` → `yyyy-mm-dd`; undefined when it is not a real date. */
export function toIsoDate(value: string): string | undefined {
  const dmy = DATE_DMY.exec(value.trim());
  if (!dmy || !isDate(value.trim())) return undefined;
  return `${dmy[3] ?? ''}-${dmy[2] ?? ''}-${dmy[1] ?? ''}`;
}

const formats: Partial<Record<FormField['type'], (value: string) => boolean>> = {
  date: isDate,
  phone: (v) => /^\+?[0-9][0-9 .-]{7,18}[0-9]$/.test(v),
  email: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
  idNumber: (v) => /^\d{12}$/.test(v),
  number: (v) => /^-?\d+([.,]\d+)?$/.test(v),
};

/**
 * The core's checks of dossier.create, run before sending so the clerk sees
 * them at once: required, maxLength, the type's format, a select's options.
 * The core still decides; its FORM_INVALID issues map back with `issuesByField`.
 */
export function validateForm(
  fields: readonly FormField[],
  values: FormValues,
): Readonly<Record<string, FieldProblem>> {
  const problems: Record<string, FieldProblem> = {};
  for (const field of fields) {
    const value = (values[field.key] ?? '').trim();
    if (value === '') {
      if (field.required) problems[field.key] = 'required';
      continue;
    }
    if (field.maxLength !== undefined && value.length > field.maxLength) {
      problems[field.key] = 'maxLength';
    } else if (field.type === 'select') {
      if (field.options && !field.options.some((o) => o.value === value)) {
        problems[field.key] = 'option';
      }
    } else if (formats[field.type]?.(value) === false) {
      problems[field.key] = field.type as FieldProblem;
    }
  }
  return problems;
}

/** FORM_INVALID issues (`path: 'formValues.<key>'`) as messages by field key; others are left out. */
export function issuesByField(
  issues: readonly { readonly path: string; readonly message: string }[] | undefined,
): Readonly<Record<string, string>> {
  const byField: Record<string, string> = {};
  for (const issue of issues ?? []) {
    const match = /^formValues\.([a-zA-Z][a-zA-Z0-9_]*)$/.exec(issue.path);
    if (match?.[1] && byField[match[1]] === undefined) byField[match[1]] = issue.message;
  }
  return byField;
}

const SEX_WORDS: Readonly<Record<'male' | 'female', readonly string[]>> = {
  male: ['male', 'nam', 'm', '1'],
  female: ['female', 'nữ', 'nu', 'f', '2'],
};

/** The text a form field shows for a citizen's value: dates dd/mm/yyyy, sex as the select's option. */
function citizenText(field: FormField, citizen: CitizenWire): string | undefined {
  if (!field.fill) return undefined;
  const raw = citizen[field.fill];
  if (raw === null || raw === '') return undefined;
  if (field.fill === 'sex' && (raw === 'male' || raw === 'female')) {
    const option = field.options?.find(
      (o) =>
        SEX_WORDS[raw].includes(o.value.toLowerCase()) ||
        SEX_WORDS[raw].includes(o.label.vi.toLowerCase()),
    );
    return option?.value ?? raw;
  }
  if (field.type === 'date' && DATE_ISO.test(raw)) return raw.split('-').reverse().join('/');
  return raw;
}

/**
 * Fills the fields that name a citizen field from the applicant, keeping
 * everything else the clerk typed. Answers the new values and which keys
 * came from the citizen record.
 */
export function prefillFromCitizen(
  fields: readonly FormField[],
  citizen: CitizenWire,
  values: FormValues,
): { readonly values: FormValues; readonly filled: readonly string[] } {
  const next: Record<string, string> = { ...values };
  const filled: string[] = [];
  for (const field of fields) {
    const text = citizenText(field, citizen);
    if (text === undefined) continue;
    next[field.key] = text;
    filled.push(field.key);
  }
  return { values: next, filled };
}
