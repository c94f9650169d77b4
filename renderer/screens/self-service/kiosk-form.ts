import type { CitizenWire } from '../../../electron/api/contract/citizen';
import { cardValue } from '../../../electron/api/contract/form-prefill';
import type { FormField } from '../../../electron/api/contract/procedure';

/** Fields a citizen answers on one kiosk screen: few, so each stays large. */
export const FIELDS_PER_PAGE = 3;

/** The fields the citizen still has to answer: those the card did not fill. */
export function fieldsToAsk(fields: readonly FormField[], citizen: CitizenWire): FormField[] {
  return fields.filter((field) => cardValue(field, citizen) === undefined);
}

/** `fields` cut into screens of FIELDS_PER_PAGE; no screen when there is nothing to ask. */
export function pages<T>(fields: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < fields.length; i += FIELDS_PER_PAGE) {
    out.push(fields.slice(i, i + FIELDS_PER_PAGE));
  }
  return out;
}
