/**
 * What a catalogue entry's `unconfirmed` may name: a Procedure key the
 * source left open, or `componentCounts` (how many originals and copies).
 * Each has a phrase in intake.procedure.unconfirmedWhat; `other` stands for
 * a key added later, so the clerk never reads an identifier.
 */
export const UNCONFIRMED_KEYS = [
  'code',
  'name',
  'fieldCode',
  'fieldName',
  'level',
  'agency',
  'processingDays',
  'sameDayCutoff',
  'fees',
  'components',
  'componentCounts',
  'form',
  'other',
] as const;
export type UnconfirmedKey = (typeof UNCONFIRMED_KEYS)[number];

const known: readonly string[] = UNCONFIRMED_KEYS;

/** The unconfirmed keys as the clerk's phrases, in order, each phrase once. */
export function unconfirmedNote(
  keys: readonly string[],
  phrase: (key: UnconfirmedKey) => string,
): string {
  const words = keys.map((key) => phrase(known.includes(key) ? (key as UnconfirmedKey) : 'other'));
  return [...new Set(words)].join(', ');
}
