import type { Box, GrayImage } from './gray-image';

/**
 * The paper inside a scan whose background is darker than the paper (ADF
 * backing, an open lid): the outermost rows and columns in which at least
 * `minBright` of the pixels are paper-bright. On a white-lid flatbed the
 * paper cannot be told from the lid, and the whole image is returned.
 */
export function findPaperBounds(
  image: GrayImage,
  options: { readonly bright?: number; readonly minBright?: number } = {},
): Box {
  const bright = options.bright ?? 160;
  const minBright = options.minBright ?? 0.35;
  const { width, height, data } = image;
  const rowCounts = new Uint32Array(height);
  const colCounts = new Uint32Array(width);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if ((data[row + x] ?? 0) >= bright) {
        rowCounts[y] = (rowCounts[y] ?? 0) + 1;
        colCounts[x] = (colCounts[x] ?? 0) + 1;
      }
    }
  }
  const first = (counts: Uint32Array, need: number): number => counts.findIndex((c) => c >= need);
  const last = (counts: Uint32Array, need: number): number =>
    counts.findLastIndex((c) => c >= need);
  const top = first(rowCounts, width * minBright);
  const bottom = last(rowCounts, width * minBright);
  const left = first(colCounts, height * minBright);
  const right = last(colCounts, height * minBright);
  if (top < 0 || left < 0 || bottom <= top || right <= left)
    return { left: 0, top: 0, width, height };
  return { left, top, width: right - left + 1, height: bottom - top + 1 };
}
