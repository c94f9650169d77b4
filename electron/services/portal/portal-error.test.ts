import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './portal-error';

describe('Retry-After', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('1', 0)).toBe(1_000);
    expect(parseRetryAfter(' 120 ', 0)).toBe(120_000);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    const now = Date.parse('Wed, 25 Nov 2026 08:00:00 GMT');
    expect(parseRetryAfter('Wed, 25 Nov 2026 08:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 07:00:00 GMT', now)).toBe(0);
  });

  it('ignores an absent or unreadable header', () => {
    expect(parseRetryAfter(null, 0)).toBeNull();
    expect(parseRetryAfter('', 0)).toBeNull();
    expect(parseRetryAfter('soon', 0)).toBeNull();
  });
});
