import type { Tone } from './vietnamese-tone';

/** What a key does to the value being typed. */
export type KeyAction =
  | { readonly kind: 'insert'; readonly text: string }
  | { readonly kind: 'tone'; readonly tone: Tone }
  | { readonly kind: 'shift' }
  | { readonly kind: 'backspace' }
  | { readonly kind: 'clear' };

export interface KeySpec {
  /** Stable id for tests and styling: the character, or "tone-sac", "backspace"… */
  readonly id: string;
  readonly action: KeyAction;
  /** Wider keys (space, delete) span more grid columns. */
  readonly span?: number;
}

/**
 * numeric: ID number, CAN, phone; date: dd/mm/yyyy; code: a dossier code
 * (digits, the capital letters of an agency code, "." and "-"); text: the
 * Vietnamese keyboard with its own keys for ă â đ ê ô ơ ư and the five tones.
 */
export type KeyboardLayout = 'numeric' | 'date' | 'code' | 'text';

const insert = (text: string, span?: number): KeySpec => ({
  id: text === ' ' ? 'space' : text,
  action: { kind: 'insert', text },
  ...(span === undefined ? {} : { span }),
});
const chars = (row: string): KeySpec[] => Array.from(row).map((c) => insert(c));
const BACKSPACE: KeySpec = { id: 'backspace', action: { kind: 'backspace' }, span: 2 };
const CLEAR: KeySpec = { id: 'clear', action: { kind: 'clear' }, span: 2 };
const TONE_KEYS: readonly KeySpec[] = (['sac', 'huyen', 'hoi', 'nga', 'nang'] as const).map(
  (tone) => ({ id: `tone-${tone}`, action: { kind: 'tone', tone }, span: 2 }),
);

/** Rows of keys; the grid has `columns` columns (a key spans 1 unless it says so). */
export function layoutRows(layout: KeyboardLayout): {
  readonly columns: number;
  readonly rows: readonly (readonly KeySpec[])[];
} {
  switch (layout) {
    case 'numeric':
      return {
        columns: 3,
        rows: [chars('123'), chars('456'), chars('789'), [CLEAR, insert('0')], [BACKSPACE]],
      };
    case 'date':
      return {
        columns: 3,
        rows: [chars('123'), chars('456'), chars('789'), [insert('/'), insert('0'), BACKSPACE]],
      };
    case 'code':
      return {
        columns: 10,
        rows: [
          chars('1234567890'),
          chars('ABCDEFGHIJ'),
          chars('KLMNOPQRST'),
          [...chars('UVWXYZ'), insert('.'), insert('-'), BACKSPACE],
        ],
      };
    case 'text':
      // Twelve columns so that a tone key spans two: "Huyền" and "Nặng" fit in large text too.
      return {
        columns: 12,
        rows: [
          chars('1234567890-/'),
          chars('qwertyuiopđ@'),
          chars('asdfghjklăâ,'),
          chars('zxcvbnmêôơư.'),
          [...TONE_KEYS, BACKSPACE],
          [{ id: 'shift', action: { kind: 'shift' }, span: 3 }, insert(' ', 7), CLEAR],
        ],
      };
  }
}
