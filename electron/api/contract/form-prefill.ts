import type { CitizenWire } from './citizen';
import { isoToFormDate } from './form-date';
import { fieldProblem, normaliseFieldValue } from './form-rules';
import type { FormField } from './procedure';

/**
 * Which e-form fields the ID card fills, and with what: the same answer on
 * the counter's screen and the kiosk's, so the kiosk never skips a question
 * whose prefilled answer the core would refuse.
 */

/** Ways a procedure's select may spell the chip's sex (value or Vietnamese label). */
const SEX_WORDS: Readonly<Record<'male' | 'female', readonly string[]>> = {
  male: ['male', 'nam', 'm', '1'],
  female: ['female', 'nữ', 'nu', 'f', '2'],
};

/** The option of a select that means the chip's value, if the select has one. */
function optionFor(field: FormField, value: string): string | undefined {
  const options = field.options ?? [];
  const exact = options.find((o) => o.value === value);
  if (exact) return exact.value;
  if (field.fill !== 'sex' || (value !== 'male' && value !== 'female')) return undefined;
  const words = SEX_WORDS[value];
  return options.find(
    (o) => words.includes(o.value.toLowerCase()) || words.includes(o.label.vi.toLowerCase()),
  )?.value;
}

/**
 * Only Vietnamese citizens hold a Căn cước, so a card read that leaves the
 * nationality empty (the card's QR has none, some chips none in DG13) still
 * means Việt Nam; a nationality the chip gives is used as it is.
 */
export const CARD_NATIONALITY = 'Việt Nam';

function cardText(fill: NonNullable<FormField['fill']>, citizen: CitizenWire): string | undefined {
  const raw = citizen[fill];
  if (raw !== null && raw !== '') return raw;
  if (fill === 'nationality' && citizen.source !== 'typed') return CARD_NATIONALITY;
  return undefined;
}

/**
 * The value the card gives `field`, written as the e-form shows it (dates
 * dd/mm/yyyy, a select's own option); undefined when the field is not filled
 * from the card, the card has no such value, or the field's rules refuse it.
 */
export function cardValue(field: FormField, citizen: CitizenWire): string | undefined {
  if (field.fill === null) return undefined;
  const raw = cardText(field.fill, citizen);
  if (raw === undefined) return undefined;
  const text =
    field.type === 'select'
      ? optionFor(field, raw)
      : field.type === 'date'
        ? isoToFormDate(raw)
        : raw;
  if (text === undefined) return undefined;
  const value = normaliseFieldValue(field, text);
  return fieldProblem(field, value) === undefined && value !== '' ? value : undefined;
}

/** The values the card fills, by field key. */
export function prefillFromCard(
  fields: readonly FormField[],
  citizen: CitizenWire,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = cardValue(field, citizen);
    if (value !== undefined) values[field.key] = value;
  }
  return values;
}

/**
 * The e-form's phone fields that belong to the person the card fills: for a
 * group `<p>Id` filled from the card's ID number, its `<p>Phone` (the
 * catalogue names each person's fields by one prefix). The phone typed at
 * the applicant step goes there, so it is not asked twice.
 */
export function applicantPhoneFields(fields: readonly FormField[]): readonly FormField[] {
  const prefixes = fields
    .filter((f) => f.fill === 'id' && f.key.endsWith('Id'))
    .map((f) => f.key.slice(0, -'Id'.length));
  return fields.filter((f) => f.type === 'phone' && prefixes.some((p) => f.key === `${p}Phone`));
}
