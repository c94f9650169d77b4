import { isoToFormDate } from '../../electron/api/contract/form-date';
import type { FormField } from '../../electron/api/contract/procedure';

/**
 * An e-form answer as a person reads it: a select's option label (never the
 * stored value, e.g. "mother"), a date as dd/mm/yyyy, anything else as typed.
 * One helper for the counter's and the kiosk's review, so both say the same.
 */
export function fieldValueText(
  field: Pick<FormField, 'type' | 'options'>,
  value: string,
  language: string,
): string {
  const option = field.options?.find((o) => o.value === value);
  if (option) return language === 'en' ? option.label.en : option.label.vi;
  return field.type === 'date' ? isoToFormDate(value) : value;
}
