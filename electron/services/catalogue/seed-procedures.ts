import { civilStatusSeed } from './seed-civil-status';
import type { SeedProcedure } from './seed-helpers';
import { residenceAndOtherSeed } from './seed-residence-other';

export type { SeedProcedure } from './seed-helpers';

/**
 * The procedures a commune counter receives most, from notes/portal.md §5.2
 * and its "Also seen" list. Anything the note marks secondary (S) or
 * unconfirmed (U), or does not give at all, is listed in `unconfirmed`; where
 * the note gives nothing the value is the cautious one (the longer time; no
 * fee amount rather than a guessed one). Component counts (bản chính / bản
 * sao) are not in the note: "componentCounts" is always listed for the seed.
 */
const MOST_USED_FIRST = [
  '1.001193',
  '1.000894',
  '1.000656',
  '1.004222',
  '1.003197',
  '2.000815',
  '2.000884',
  '1.001612',
  '3.000722',
  '2.002913',
  '2.000806',
  '1.000419',
  '1.004884',
  '2.000635',
  '1.004873',
  '1.004194',
  '1.010038',
];

const all = new Map([...civilStatusSeed, ...residenceAndOtherSeed].map((p) => [p.code, p]));

/** In the order of an empty search (most used first). */
export const seedProcedures: readonly SeedProcedure[] = MOST_USED_FIRST.map((code) => {
  const entry = all.get(code);
  if (entry === undefined) throw new Error(`seed order names ${code}, which has no entry`);
  return entry;
});
