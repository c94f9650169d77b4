import { insetBox, type Box, type GrayImage } from './gray-image';

export interface BlankVerdict {
  readonly blank: boolean;
  /** Share of the inspected area that is ink (0..1). */
  readonly inkRatio: number;
}

export interface BlankOptions {
  /** Pixels darker than the paper by this many grey levels count as ink. */
  readonly contrast?: number;
  /** A page with less ink than this share of its area is blank. */
  readonly maxInkRatio?: number;
  /** Margin ignored on each side, as a share of the size (edge shadows, punch holes). */
  readonly margin?: number;
}

/**
 * Decides whether a page is blank. Paper brightness is the 90th percentile, so
 * grey recycled paper and a dim lamp still work; ink is what is clearly darker.
 * Run it on a median-filtered image at about 100 dpi, so dust specks and
 * show-through from the back of thin paper do not count. A single short line
 * of text at 100 dpi is about 0.1% of an A4 page, well above the default.
 */
export function detectBlankPage(
  image: GrayImage,
  paper: Box,
  options: BlankOptions = {},
): BlankVerdict {
  const box = insetBox(paper, options.margin ?? 0.04);
  const area = box.width * box.height;
  if (area <= 0) return { blank: true, inkRatio: 0 };
  const hist = new Uint32Array(256);
  for (let y = box.top; y < box.top + box.height; y++) {
    const row = y * image.width;
    for (let x = box.left; x < box.left + box.width; x++) {
      const level = image.data[row + x] ?? 255;
      hist[level] = (hist[level] ?? 0) + 1;
    }
  }
  let seen = 0;
  let paperLevel = 255;
  for (let level = 255; level >= 0; level--) {
    seen += hist[level] ?? 0;
    if (seen >= area * 0.1) {
      paperLevel = level;
      break;
    }
  }
  const inkBelow = paperLevel - (options.contrast ?? 80);
  let ink = 0;
  for (let level = 0; level < Math.max(0, inkBelow); level++) ink += hist[level] ?? 0;
  const inkRatio = ink / area;
  // A uniformly dark sheet (a black photo, the lid left open) is not blank paper: keep it for the operator.
  if (paperLevel < 100) return { blank: false, inkRatio };
  return { blank: inkRatio < (options.maxInkRatio ?? 0.0003), inkRatio };
}
