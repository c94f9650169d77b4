import { describe, expect, it } from 'vitest';
import { applyKey, type TypingState } from './apply-key';
import type { KeyAction } from './keyboard-layouts';

function type(actions: readonly KeyAction[], start: TypingState = { value: '', shift: true }) {
  return actions.reduce((state, action) => applyKey(state, action, 20), start);
}
const ins = (text: string): KeyAction => ({ kind: 'insert', text });

describe('applyKey', () => {
  it('types "Trần Khôi" with a capital, a tone after the syllable and NFC output', () => {
    const state = type([
      ins('t'),
      ins('r'),
      ins('â'),
      ins('n'),
      { kind: 'tone', tone: 'huyen' },
      ins(' '),
      { kind: 'shift' },
      ins('k'),
      ins('h'),
      ins('ô'),
      ins('i'),
    ]);
    expect(state.value).toBe('Trần Khôi');
    expect(state.value).toBe(state.value.normalize('NFC'));
  });

  it('stops at maxLength and deletes one whole letter with its marks', () => {
    const full = type(Array.from('123456789012345678901').map(ins), { value: '', shift: false });
    expect(full.value).toHaveLength(20);
    const toned = type([ins('ệ'), { kind: 'backspace' }], { value: 'B', shift: false });
    expect(toned.value).toBe('B');
  });

  it('clears the whole value', () => {
    expect(type([{ kind: 'clear' }], { value: 'abc', shift: false }).value).toBe('');
  });
});
