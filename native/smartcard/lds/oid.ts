import { ParseError } from '../iso7816/parse-error';

/** Dotted form of a DER OBJECT IDENTIFIER value (without tag and length). */
export function decodeOid(value: Uint8Array): string {
  if (value.length === 0) throw new ParseError('BAD_VALUE', 0, 'empty OBJECT IDENTIFIER');
  const arcs: number[] = [];
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const b = value[i] ?? 0;
    n = n * 128 + (b & 0x7f);
    if (n > Number.MAX_SAFE_INTEGER / 128) throw new ParseError('BAD_VALUE', i, 'OID arc too big');
    if ((b & 0x80) === 0) {
      if (arcs.length === 0) arcs.push(n < 80 ? Math.floor(n / 40) : 2, n < 80 ? n % 40 : n - 80);
      else arcs.push(n);
      n = 0;
    } else if (i === value.length - 1) {
      throw new ParseError('TRUNCATED', i, 'OBJECT IDENTIFIER ends mid-arc');
    }
  }
  return arcs.join('.');
}

/** DER value bytes of a dotted OID. */
export function encodeOid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  const [a = 0, b = 0, ...rest] = arcs;
  const out: number[] = [];
  for (const arc of [a * 40 + b, ...rest]) {
    const chunk: number[] = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128))
      chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return Uint8Array.from(out);
}
