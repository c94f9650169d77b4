/**
 * A 1-bit picture, one byte per dot while it is drawn (1 = ink), packed only
 * when it leaves for the printer. Row-major, origin top left.
 */
export class MonoBitmap {
  readonly width: number;
  readonly height: number;
  readonly #dots: Uint8Array;

  constructor(width: number, height: number, dots?: Uint8Array) {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
      throw new RangeError(`bad bitmap size ${String(width)}x${String(height)}`);
    }
    if (dots !== undefined && dots.length !== width * height) {
      throw new RangeError('dots do not match the bitmap size');
    }
    this.width = width;
    this.height = height;
    this.#dots = dots ?? new Uint8Array(width * height);
  }

  /** Ink where an 8-bit grey value (255 = ink) is at least `threshold`. */
  static fromInkLevels(
    levels: Uint8Array,
    width: number,
    height: number,
    threshold = 128,
  ): MonoBitmap {
    const dots = new Uint8Array(width * height);
    for (let i = 0; i < dots.length; i += 1) dots[i] = (levels[i] ?? 0) >= threshold ? 1 : 0;
    return new MonoBitmap(width, height, dots);
  }

  get(x: number, y: number): boolean {
    return this.#dots[y * this.width + x] === 1;
  }

  set(x: number, y: number, ink = true): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    this.#dots[y * this.width + x] = ink ? 1 : 0;
  }

  fillRect(x: number, y: number, width: number, height: number, ink = true): void {
    for (let row = y; row < y + height; row += 1) {
      for (let col = x; col < x + width; col += 1) this.set(col, row, ink);
    }
  }

  /** Copies `source` with its top left at (x, y); `invert` draws its ink as paper. */
  draw(source: MonoBitmap, x: number, y: number, invert = false): void {
    for (let row = 0; row < source.height; row += 1) {
      for (let col = 0; col < source.width; col += 1) {
        if (source.get(col, row)) this.set(x + col, y + row, !invert);
      }
    }
  }

  /**
   * Rows of `ceil(width / 8)` bytes, most significant bit leftmost, 1 = ink:
   * the data layout of GS v 0 (and of PBM P4).
   */
  packRows(): Uint8Array {
    const rowBytes = Math.ceil(this.width / 8);
    const packed = new Uint8Array(rowBytes * this.height);
    for (let y = 0; y < this.height; y += 1) {
      for (let x = 0; x < this.width; x += 1) {
        if (!this.get(x, y)) continue;
        const at = y * rowBytes + (x >> 3);
        packed[at] = (packed[at] ?? 0) | (0x80 >> (x & 7));
      }
    }
    return packed;
  }

  /** 8-bit grey, 0 = ink, 255 = paper: what an image file of the ticket holds. */
  toGrey(): Uint8Array {
    return this.#dots.map((d) => (d === 1 ? 0 : 255));
  }
}
