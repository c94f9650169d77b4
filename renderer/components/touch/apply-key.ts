import type { KeyAction } from './keyboard-layouts';
import { applyTone } from './vietnamese-tone';

export interface TypingState {
  readonly value: string;
  /** The next letter is a capital (one-shot, like a phone keyboard). */
  readonly shift: boolean;
}

/**
 * One key press on the on-screen keyboard: the new value (NFC, at most
 * `maxLength` characters) and shift state. Typing only appends at the end:
 * an elderly citizen corrects with "Xóa" rather than moving a caret.
 */
export function applyKey(state: TypingState, action: KeyAction, maxLength?: number): TypingState {
  switch (action.kind) {
    case 'insert': {
      const text = state.shift ? action.text.toUpperCase() : action.text;
      const value = `${state.value}${text}`.normalize('NFC');
      if (maxLength !== undefined && Array.from(value).length > maxLength) return state;
      // After a space the next word of a name starts with a capital, as the citizen writes it.
      return { value, shift: action.text === ' ' ? state.shift : false };
    }
    case 'tone':
      return { ...state, value: applyTone(state.value, action.tone) };
    case 'shift':
      return { ...state, shift: !state.shift };
    case 'backspace':
      return { ...state, value: Array.from(state.value).slice(0, -1).join('') };
    case 'clear':
      return { ...state, value: '' };
  }
}
