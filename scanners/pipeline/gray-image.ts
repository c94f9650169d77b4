/** An 8-bit single-channel image, row-major, 0 = black, 255 = white. */
export interface GrayImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** A rectangle in pixels of some image. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export function histogram(image: GrayImage, box: Box = fullBox(image)): Uint32Array {
  const hist = new Uint32Array(256);
  for (let y = box.top; y < box.top + box.height; y++) {
    const row = y * image.width;
    for (let x = box.left; x < box.left + box.width; x++) {
      const level = image.data[row + x] ?? 255;
      hist[level] = (hist[level] ?? 0) + 1;
    }
  }
  return hist;
}

export function fullBox(image: GrayImage): Box {
  return { left: 0, top: 0, width: image.width, height: image.height };
}

/**
 * Otsu's threshold: the grey level that best separates ink from paper.
 * Pixels at or below it are ink.
 */
export function otsuThreshold(hist: Uint32Array): number {
  let total = 0;
  let sum = 0;
  for (let i = 0; i < 256; i++) {
    const count = hist[i] ?? 0;
    total += count;
    sum += i * count;
  }
  let weightBack = 0;
  let sumBack = 0;
  let best = 0;
  let threshold = 127;
  for (let t = 0; t < 256; t++) {
    const count = hist[t] ?? 0;
    weightBack += count;
    if (weightBack === 0) continue;
    const weightFore = total - weightBack;
    if (weightFore === 0) break;
    sumBack += t * count;
    const meanBack = sumBack / weightBack;
    const meanFore = (sum - sumBack) / weightFore;
    const between = weightBack * weightFore * (meanBack - meanFore) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/** A box shrunk by a fraction of its size on every side (scanner edges carry shadows and dust). */
export function insetBox(box: Box, fraction: number): Box {
  const dx = Math.floor(box.width * fraction);
  const dy = Math.floor(box.height * fraction);
  return {
    left: box.left + dx,
    top: box.top + dy,
    width: box.width - 2 * dx,
    height: box.height - 2 * dy,
  };
}
