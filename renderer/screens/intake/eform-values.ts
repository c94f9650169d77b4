import type { CitizenWire } from '../../../electron/api/contract/citizen';
import { prefillFromCard } from '../../../electron/api/contract/form-prefill';
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
 * everything else the clerk typed. Answers the new values and which keys
 * came from the citizen record.
 */
export function prefillFromCitizen(
  fields: readonly FormField[],
  citizen: CitizenWire,
  values: FormValues,
): { readonly values: FormValues; readonly filled: readonly string[] } {
  const fromCard = prefillFromCard(fields, citizen);
  return { values: { ...values, ...fromCard }, filled: Object.keys(fromCard) };
}
