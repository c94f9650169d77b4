import { histogram, otsuThreshold, type Box, type GrayImage } from './gray-image';

export interface SkewOptions {
  /** Search range either side of level, degrees. */
  readonly maxDegrees?: number;
  /** Ink points sampled at most; more only costs time. */
  readonly maxPoints?: number;
}

/**
 * Estimates the skew of text lines by projection-profile search: the ink
 * pixels are projected onto the vertical axis along each candidate angle and
 * the angle whose profile is sharpest (largest sum of squared bin counts)
 * wins. Coarse 0.2° steps over ±maxDegrees, then 0.02° steps around the best.
 *
 * Positive = the content is turned clockwise (lines fall to the right, in
 * image coordinates with y down); rotate by the negative to straighten.
 * Returns 0 when the page has too little ink to tell.
 */
export function estimateSkew(image: GrayImage, box: Box, options: SkewOptions = {}): number {
  const maxDegrees = options.maxDegrees ?? 5;
  const threshold = otsuThreshold(histogram(image, box));
  const points = inkPoints(image, box, threshold, options.maxPoints ?? 150_000);
  if (points.length < 200) return 0;
  const bins = new Uint32Array(box.height + box.width * 2 + 2);
  const score = (degrees: number): number => {
    const slope = Math.tan((degrees * Math.PI) / 180);
    const offset = box.width + 1;
    bins.fill(0);
    for (let i = 0; i < points.length; i += 2) {
      const bin = Math.round((points[i + 1] ?? 0) - (points[i] ?? 0) * slope) + offset;
      bins[bin] = (bins[bin] ?? 0) + 1;
    }
    let total = 0;
    for (const count of bins) total += count * count;
    return total;
  };
  const search = (from: number, to: number, step: number): number => {
    let best = 0;
    let bestScore = -1;
    for (let degrees = from; degrees <= to + 1e-9; degrees += step) {
      const s = score(degrees);
      if (s > bestScore) {
        bestScore = s;
        best = degrees;
      }
    }
    return best;
  };
  const coarse = search(-maxDegrees, maxDegrees, 0.2);
  const fine = search(coarse - 0.2, coarse + 0.2, 0.02);
  return Math.round(fine * 100) / 100;
}

/** Ink pixels as interleaved (x, y) relative to the box, evenly thinned to at most `max` points. */
function inkPoints(image: GrayImage, box: Box, threshold: number, max: number): Int32Array {
  let count = 0;
  for (let y = box.top; y < box.top + box.height; y++) {
    const row = y * image.width;
    for (let x = box.left; x < box.left + box.width; x++)
      if ((image.data[row + x] ?? 255) <= threshold) count++;
  }
  const keepEvery = Math.max(1, Math.ceil(count / max));
  const points = new Int32Array(Math.ceil(count / keepEvery) * 2);
  let seen = 0;
  let n = 0;
  for (let y = box.top; y < box.top + box.height; y++) {
    const row = y * image.width;
    for (let x = box.left; x < box.left + box.width; x++) {
      if ((image.data[row + x] ?? 255) > threshold) continue;
      if (seen++ % keepEvery !== 0) continue;
      points[n++] = x - box.left;
      points[n++] = y - box.top;
    }
  }
  return points.subarray(0, n);
}
