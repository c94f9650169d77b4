/**
 * Bytes from an annotated hex listing, the way specifications print traces:
 * each line starts with hex byte pairs, and the first token that is not a pair
 * starts a comment. Used for byte traces in tests and fixtures.
 *
 * ```
 * 05 8c     Usage Page (Bar Code Scanner)
 * 26 ff 00  Logical Maximum (255)
 * ```
 */
export function annotatedHex(listing: string): Uint8Array {
  const bytes: number[] = [];
  for (const line of listing.split('\n')) {
    for (const token of line.trim().split(/\s+/)) {
      if (!/^([0-9a-fA-F]{2})+$/.test(token)) break;
      for (let i = 0; i < token.length; i += 2) bytes.push(parseInt(token.slice(i, i + 2), 16));
    }
  }
  return Uint8Array.from(bytes);
}
