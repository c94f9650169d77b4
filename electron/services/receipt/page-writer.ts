import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib';
import { rgb } from 'pdf-lib';

/** A4 portrait in PDF points, and the margins of an administrative form (left 25 mm, others 18 mm). */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { left: 71, right: 51, top: 51, bottom: 57 } as const;

export interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  readonly italic: PDFFont;
}

export interface TextStyle {
  readonly font?: keyof Fonts;
  readonly size?: number;
  readonly align?: 'left' | 'center' | 'right';
  /** Left edge and width of the column, in points from the page's left edge. */
  readonly x?: number;
  readonly width?: number;
  /** Indent of the wrapped lines after the first (hanging indent), in points. */
  readonly hang?: number;
  readonly color?: RGB;
  /** Line height over font size; 1.35 unless a dense document asks for less. */
  readonly leading?: number;
}

/** By font name: the widths are the font file's, the same in every document. */
const wordWidths = new Map<string, Map<string, number>>();

/**
 * Width of a line in points. pdf-lib measures a custom font by laying the
 * text out (slow: about a millisecond a call) and sums glyph advances
 * without kerning, so a line is the sum of its words and spaces: each word
 * is measured once per font.
 */
export function measureText(font: PDFFont, text: string, size: number): number {
  let cache = wordWidths.get(font.name);
  if (cache === undefined) {
    cache = new Map();
    wordWidths.set(font.name, cache);
  }
  // A bound on memory: receipts carry people's names, so the cache forgets.
  if (cache.size > 20_000) cache.clear();
  let total = 0;
  for (const part of text.split(/( )/)) {
    if (part === '') continue;
    let w = cache.get(part);
    if (w === undefined) {
      w = font.widthOfTextAtSize(part, 1);
      cache.set(part, w);
    }
    total += w;
  }
  return total * size;
}

/**
 * Splits text into lines no wider than `width` at spaces; a word longer than
 * a line is broken between characters, so nothing runs off the page.
 */
export function wrapText(
  text: string,
  font: PDFFont,
  size: number,
  width: number,
  hang = 0,
): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    const room = (): number => width - (lines.length > 0 ? hang : 0);
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measureText(font, candidate, size) <= room()) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      // Code points, so a break never splits a surrogate pair.
      let rest = Array.from(word);
      while (measureText(font, rest.join(''), size) > room()) {
        let cut = rest.length - 1;
        while (cut > 1 && measureText(font, rest.slice(0, cut).join(''), size) > room()) cut -= 1;
        lines.push(rest.slice(0, cut).join(''));
        rest = rest.slice(cut);
      }
      line = rest.join('');
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Writes flowing text down a document's pages; starts a new page (through
 * `onNewPage`, which draws the continuation header) when the next line would
 * cross the bottom margin.
 */
export class PageWriter {
  readonly #doc: PDFDocument;
  readonly #fonts: Fonts;
  readonly #onNewPage: (page: PDFPage) => number;
  readonly pages: PDFPage[] = [];
  #page: PDFPage;
  #y: number;

  constructor(doc: PDFDocument, fonts: Fonts, onNewPage: (page: PDFPage) => number) {
    this.#doc = doc;
    this.#fonts = fonts;
    this.#onNewPage = onNewPage;
    this.#page = doc.addPage([A4.width, A4.height]);
    this.pages.push(this.#page);
    this.#y = A4.height - MARGIN.top;
  }

  get page(): PDFPage {
    return this.#page;
  }

  get y(): number {
    return this.#y;
  }

  set y(value: number) {
    this.#y = value;
  }

  font(name: keyof Fonts): PDFFont {
    return this.#fonts[name];
  }

  /** Makes sure `height` points fit above the bottom margin, else starts a new page. */
  ensure(height: number): void {
    if (this.#y - height >= MARGIN.bottom) return;
    this.#page = this.#doc.addPage([A4.width, A4.height]);
    this.pages.push(this.#page);
    this.#y = this.#onNewPage(this.#page);
  }

  gap(points: number): void {
    this.#y -= points;
  }

  /** Draws wrapped text and returns the number of lines it took. */
  text(text: string, style: TextStyle = {}): number {
    const font = this.#fonts[style.font ?? 'regular'];
    const size = style.size ?? 11;
    const x = style.x ?? MARGIN.left;
    const width = style.width ?? A4.width - MARGIN.right - x;
    const hang = style.hang ?? 0;
    const leading = size * (style.leading ?? 1.35);
    const lines = wrapText(text, font, size, width, hang);
    // A short paragraph (a component line, a name) is not split across pages.
    if (lines.length <= 6) this.ensure(leading * lines.length);
    lines.forEach((line, i) => {
      this.ensure(leading);
      const lineX = i > 0 ? x + hang : x;
      const lineWidth = measureText(font, line, size);
      const room = width - (i > 0 ? hang : 0);
      const dx =
        style.align === 'center'
          ? (room - lineWidth) / 2
          : style.align === 'right'
            ? room - lineWidth
            : 0;
      this.#y -= size;
      this.#page.drawText(line, {
        x: lineX + dx,
        y: this.#y,
        size,
        font,
        color: style.color ?? rgb(0, 0, 0),
      });
      this.#y -= leading - size;
    });
    return lines.length;
  }
}
