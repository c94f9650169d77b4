import { describe, expect, it } from 'vitest';
import { letterMime } from './letter-type';

describe('the authorisation letter type', () => {
  it('tells PDF, JPEG and PNG by their first bytes', () => {
    expect(letterMime(new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf');
    expect(letterMime(Uint8Array.of(0xff, 0xd8, 0xff, 0xe1, 0))).toBe('image/jpeg');
    expect(letterMime(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe(
      'image/png',
    );
  });

  it('refuses anything else, a truncated header included, whatever its name said', () => {
    expect(letterMime(new TextEncoder().encode('<html>'))).toBeNull();
    expect(letterMime(Uint8Array.of(0x89, 0x50, 0x4e))).toBeNull();
    expect(letterMime(new Uint8Array(0))).toBeNull();
  });
});
