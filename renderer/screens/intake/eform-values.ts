import type { CitizenWire } from '../../../electron/api/contract/citizen';
import { applicantPhoneFields, prefillFromCard } from '../../../electron/api/contract/form-prefill';
import type { FormField } from '../../../electron/api/contract/procedure';

export type FormValues = Readonly<Record<string, string>>;

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

/**
 * Fills the fields the card fills (the shared prefill rules), keeping
 * everything else the clerk typed. The phone typed at the applicant step
 * goes into the applicant's empty phone field (never over one typed in the
 * form). Answers the new values and which keys came from the citizen record.
 */
export function prefillFromCitizen(
  fields: readonly FormField[],
  citizen: CitizenWire,
  values: FormValues,
  phone = '',
): { readonly values: FormValues; readonly filled: readonly string[] } {
  const fromCard = prefillFromCard(fields, citizen);
  const typedPhone = phone.trim();
  const fromApplicant: Record<string, string> = {};
  for (const field of typedPhone === '' ? [] : applicantPhoneFields(fields)) {
    if ((values[field.key] ?? '').trim() === '') fromApplicant[field.key] = typedPhone;
  }
  return { values: { ...values, ...fromApplicant, ...fromCard }, filled: Object.keys(fromCard) };
}
