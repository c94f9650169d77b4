import {
  blackMakeUp,
  blackTerminating,
  extendedMakeUp,
  modeCodes,
  whiteMakeUp,
  whiteTerminating,
} from './ccitt-codes';

/** A 1-bit image, one byte per pixel: 1 = black (ink), 0 = white. */
export interface BitonalImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

class BitWriter {
  #bytes = new Uint8Array(1 << 16);
  #length = 0;
  #bit = 0;

  write(bits: string): void {
    for (let i = 0; i < bits.length; i++) {
      if (this.#bit === 0) {
        if (this.#length === this.#bytes.length) {
          const grown = new Uint8Array(this.#bytes.length * 2);
          grown.set(this.#bytes);
          this.#bytes = grown;
        }
        this.#bytes[this.#length++] = 0;
      }
      if (bits.charCodeAt(i) === 49) {
        const at = this.#length - 1;
        this.#bytes[at] = (this.#bytes[at] ?? 0) | (0x80 >> this.#bit);
      }
      this.#bit = (this.#bit + 1) & 7;
    }
  }

  bytes(): Uint8Array {
    return this.#bytes.slice(0, this.#length);
  }
}

function writeRun(out: BitWriter, run: number, black: boolean): void {
  let rest = run;
  while (rest >= 2560) {
    out.write(extendedMakeUp[12] ?? '');
    rest -= 2560;
  }
  if (rest >= 64) {
    const units = Math.floor(rest / 64);
    const makeUp =
      units >= 28 ? extendedMakeUp[units - 28] : (black ? blackMakeUp : whiteMakeUp)[units - 1];
    out.write(makeUp ?? '');
    rest -= units * 64;
  }
  out.write((black ? blackTerminating : whiteTerminating)[rest] ?? '');
}

/** First position > `after` (≥ 0) whose pixel differs from `colour`, or the width. */
function nextOther(
  line: Uint8Array,
  offset: number,
  width: number,
  after: number,
  colour: number,
): number {
  for (let i = Math.max(0, after + 1); i < width; i++) if (line[offset + i] !== colour) return i;
  return width;
}

/**
 * Encodes an image with ITU-T T.6 (CCITT Group 4), the compression fax and
 * scanner PDFs use for black-and-white pages: each line is coded against the
 * one above it. Decoded by a PDF `/CCITTFaxDecode` filter with `/K -1`,
 * `/Columns width`, `/Rows height`, default `/BlackIs1 false`.
 *
 * a0 is the current position (−1 before the line, an imaginary white pixel),
 * a1/a2 the next changes on the coding line, b1/b2 on the reference line.
 */
export function encodeG4(image: BitonalImage): Uint8Array {
  const { width, height, data } = image;
  const out = new BitWriter();
  const white = new Uint8Array(width);
  for (let y = 0; y < height; y++) {
    const cur = data.subarray(y * width, (y + 1) * width);
    const ref = y === 0 ? white : data.subarray((y - 1) * width, y * width);
    let a0 = -1;
    let colour = 0;
    while (a0 < width) {
      const a1 = nextOther(cur, 0, width, a0, colour);
      // b1: first change on the reference line right of a0 to the opposite colour.
      let b1 = a0 < 0 ? 0 : a0 + 1;
      while (b1 < width && !(ref[b1] !== colour && (b1 === 0 ? 0 : ref[b1 - 1]) === colour)) b1++;
      const b2 = b1 < width ? nextOther(ref, 0, width, b1, 1 - colour) : width;
      if (b2 < a1) {
        out.write(modeCodes.pass);
        a0 = b2;
        continue;
      }
      const vertical = modeCodes.vertical.get(a1 - b1);
      if (vertical !== undefined) {
        out.write(vertical);
        a0 = a1;
        colour = 1 - colour;
        continue;
      }
      const a2 = a1 < width ? nextOther(cur, 0, width, a1, 1 - colour) : width;
      out.write(modeCodes.horizontal);
      writeRun(out, a1 - Math.max(0, a0), colour === 1);
      writeRun(out, a2 - a1, colour === 0);
      a0 = a2;
    }
  }
  out.write(modeCodes.eofb);
  return out.bytes();
}
