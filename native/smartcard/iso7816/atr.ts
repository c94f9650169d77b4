/**
 * Whether the ATR announces extended Lc/Le (ISO/IEC 7816-4 §12.1.1.9: the
 * third software function table, compact-TLV tag 7 length 3 in the historical
 * bytes, third byte bit 7 = 0x40). Unknown or malformed ATRs answer false.
 *
 * ATR: TS T0 {TAi TBi TCi TDi}… historical bytes [TCK]
 */
export function atrSupportsExtendedLength(atr: Uint8Array): boolean {
  const t0 = atr[1];
  if (t0 === undefined) return false;
  const k = t0 & 0x0f;
  let i = 2;
  let y = t0 >> 4;
  for (;;) {
    if (y & 1) i++;
    if (y & 2) i++;
    if (y & 4) i++;
    if ((y & 8) === 0) break;
    const td = atr[i++];
    if (td === undefined) return false;
    y = td >> 4;
  }
  const historical = atr.subarray(i, i + k);
  if (historical.length !== k || historical[0] !== 0x80) return false;
  let j = 1;
  while (j < historical.length) {
    const tl = historical[j] ?? 0;
    const tag = tl >> 4;
    const length = tl & 0x0f;
    if (tag === 0x7 && length === 3) return ((historical[j + 3] ?? 0) & 0x40) !== 0;
    j += 1 + length;
  }
  return false;
}
