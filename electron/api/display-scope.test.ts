import { describe, expect, it } from 'vitest';
import { methods } from './contract';
import { allowedEvent, allowedMethod, displayMethods } from './display-scope';

describe('the hall display scope', () => {
  it('opens only the display’s reads and its call sentences', () => {
    expect([...displayMethods].sort()).toEqual([
      'queue.areas',
      'queue.status',
      'system.info',
      'voice.speak',
    ]);
    for (const method of displayMethods) expect(Object.hasOwn(methods, method)).toBe(true);
  });

  it('refuses every other method and event to a display, and nothing to a session', () => {
    for (const method of Object.keys(methods)) {
      expect(allowedMethod('session', method)).toBe(true);
      expect(allowedMethod('display', method)).toBe(displayMethods.has(method as never));
    }
    expect(allowedEvent('display', 'queue.called')).toBe(true);
    // The waiting counts, not the dossier outbox's depth (`queue.changed`).
    expect(allowedEvent('display', 'queue.areaChanged')).toBe(true);
    expect(allowedEvent('display', 'queue.changed')).toBe(false);
    expect(allowedEvent('display', 'card.inserted')).toBe(false);
    expect(allowedEvent('session', 'card.inserted')).toBe(true);
  });
});
