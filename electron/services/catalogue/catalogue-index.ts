import type { Procedure, ProcedureSummary } from '../../api/contract/procedure';
import { foldedWords } from './fold-text';

/** Ranking tiers, best first. */
const Tier = { CodeExact: 0, NameStartsWith: 1, AllWordsInName: 2, WithField: 3 } as const;
type Tier = (typeof Tier)[keyof typeof Tier];

interface Entry {
  readonly summary: ProcedureSummary;
  readonly rank: number;
  readonly code: string;
  /** The code's six digits after the dot: "001193" finds "1.001193". */
  readonly codeTail: string;
  /** "w1 w2 w3": the folded name, for "starts with the query". */
  readonly nameText: string;
  /** " w1 w2 w3": space-led, so every word follows a space. */
  readonly nameWords: string;
  /** Name, field and code words together: one scan rejects most entries. */
  readonly allWords: string;
}

export interface SearchResult {
  readonly procedures: ProcedureSummary[];
  readonly total: number;
}

const spaced = (words: readonly string[]): string => ` ${words.join(' ')}`;

/**
 * Whether `word` starts a word of `hay` (space-led words). Searching for the
 * word itself and then checking the boundary is several times faster than
 * searching " word": V8 scans for the first character, and spaces are everywhere.
 */
function hasWordPrefix(hay: string, word: string): boolean {
  for (let i = hay.indexOf(word); i >= 0; i = hay.indexOf(word, i + 1)) {
    if (hay.charCodeAt(i - 1) === 32) return true;
  }
  return false;
}

/**
 * The folded, in-memory search index over the catalogue, rebuilt whenever
 * the catalogue changes. Every query word must prefix-match a word of the
 * code, the name or the field; hits are ranked code exact > name starts with
 * the query > all words in the name > some words only in the field, then by
 * the catalogue's own order (most used first).
 */
export class CatalogueIndex {
  readonly #entries: readonly Entry[];

  constructor(procedures: readonly { readonly procedure: Procedure; readonly rank: number }[]) {
    this.#entries = procedures
      .map(({ procedure: p, rank }) => ({
        summary: {
          code: p.code,
          name: p.name,
          fieldName: p.fieldName,
          level: p.level,
          processingDays: p.processingDays,
          unconfirmed: [...p.unconfirmed],
        },
        rank,
        code: p.code,
        codeTail: p.code.slice(2),
        nameText: foldedWords(p.name).join(' '),
        nameWords: spaced(foldedWords(p.name)),
        allWords: spaced([
          ...foldedWords(p.name),
          ...foldedWords(p.fieldName ?? ''),
          p.code,
          p.code.slice(2),
        ]),
      }))
      .sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
  }

  get size(): number {
    return this.#entries.length;
  }

  search(query: string, limit: number): SearchResult {
    const words = foldedWords(query);
    if (words.length === 0) {
      return {
        procedures: this.#entries.slice(0, limit).map((e) => e.summary),
        total: this.#entries.length,
      };
    }
    const phrase = words.join(' ');
    const single = words.length === 1 ? words[0] : undefined;
    const hits: { entry: Entry; tier: Tier }[] = [];
    for (const entry of this.#entries) {
      const tier = this.#tierOf(entry, words, phrase, single);
      if (tier !== undefined) hits.push({ entry, tier });
    }
    // Entries are already in catalogue order and the sort is stable.
    hits.sort((a, b) => a.tier - b.tier);
    return {
      procedures: hits.slice(0, limit).map((h) => h.entry.summary),
      total: hits.length,
    };
  }

  #tierOf(
    entry: Entry,
    words: readonly string[],
    phrase: string,
    single: string | undefined,
  ): Tier | undefined {
    for (const word of words) if (!hasWordPrefix(entry.allWords, word)) return undefined;
    if (single !== undefined && (single === entry.code || single === entry.codeTail)) {
      return Tier.CodeExact;
    }
    for (const word of words) if (!hasWordPrefix(entry.nameWords, word)) return Tier.WithField;
    return entry.nameText.startsWith(phrase) ? Tier.NameStartsWith : Tier.AllWordsInName;
  }
}
