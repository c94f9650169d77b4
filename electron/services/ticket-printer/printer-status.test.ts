import { describe, expect, it } from 'vitest';
import { isStatusByte, parseStatus } from './printer-status';

describe('DLE EOT status answers', () => {
  it('a ready printer answers 0x12 to both and has nothing to report', () => {
    expect(parseStatus(0x12, 0x12)).toEqual({
      coverOpen: false,
      paperOut: false,
      paperNearEnd: false,
      error: false,
    });
  });

  it('paper end is read from either answer', () => {
    expect(parseStatus(0x12, 0x72)?.paperOut).toBe(true);
    expect(parseStatus(0x32, 0x12)?.paperOut).toBe(true);
    expect(parseStatus(0x12, 0x1e)).toMatchObject({ paperOut: false, paperNearEnd: true });
  });

  it('cover open and error come from the offline cause', () => {
    expect(parseStatus(0x16, 0x12)?.coverOpen).toBe(true);
    expect(parseStatus(0x52, 0x12)?.error).toBe(true);
  });

  it('a byte without the fixed bits is no status answer', () => {
    expect(isStatusByte(0x00)).toBe(false);
    expect(isStatusByte(0x93)).toBe(false);
    expect(parseStatus(0x12, 0x41)).toBeNull();
  });
});
