import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import type { ScannedPage } from '../scanner';
import { detectBlankPage } from './blank-page';
import { despeckle, toBitonal, toGrey } from './bitonal';
import { encodeG4 } from './ccitt-g4';
import type { PdfPageImage } from './component-pdf';
import { histogram, otsuThreshold, type Box, type GrayImage } from './gray-image';
import { findPaperBounds } from './paper-bounds';
import { estimateSkew } from './skew';

/**
 * How a page is stored. `bitonal`: 1-bit PNG, for text (an A4 300 dpi text
 * page is 30–90 KB). `gray` / `color`: JPEG, for photos, stamps and colour
 * forms where thresholding would lose information.
 */
export type OutputProfile = 'bitonal' | 'gray' | 'color';

export interface PipelineOptions {
  readonly profile?: OutputProfile;
  /** JPEG quality for `gray` and `color`. */
  readonly jpegQuality?: number;
  readonly removeBlank?: boolean;
  readonly deskew?: boolean;
  readonly crop?: boolean;
  /** Where cleaned page files go; beside the scanned page when absent. */
  readonly outDir?: string;
  /** Clear isolated ink pixels after thresholding (default on). */
  readonly despeckle?: boolean;
  /**
   * Where the page is cleaned: a worker pool (page-pool.ts), so the
   * thresholding, despeckling, skew search and G4 encoding (0.1–0.25 s each
   * on an A4 300 dpi page) hold a worker thread rather than the caller's
   * event loop. Absent: on the caller's thread (the CLI, tests).
   */
  readonly cleaner?: PageCleaner;
}

/** Cleans pages somewhere else (a worker pool), with the same result as {@link cleanPage}. */
export interface PageCleaner {
  clean(page: ScannedPage, options: PipelineOptions): Promise<ProcessedPage>;
}

/** The options that travel to a worker: the plain ones, nothing else the caller's object holds. */
export function plainPipelineOptions(options: {
  readonly [K in keyof PipelineOptions]?: PipelineOptions[K] | undefined;
}): PipelineOptions {
  const { profile, jpegQuality, removeBlank, deskew, crop, outDir, despeckle } = options;
  return {
    ...(profile === undefined ? {} : { profile }),
    ...(jpegQuality === undefined ? {} : { jpegQuality }),
    ...(removeBlank === undefined ? {} : { removeBlank }),
    ...(deskew === undefined ? {} : { deskew }),
    ...(crop === undefined ? {} : { crop }),
    ...(outDir === undefined ? {} : { outDir }),
    ...(despeckle === undefined ? {} : { despeckle }),
  };
}

/**
 * A cleaned page: the bytes for the PDF, and a PNG/JPEG file of the same
 * image for OCR and previews, with that file's bytes kept in memory so the
 * thumbnail, OCR and the stored page image do not each read it back.
 */
export type PageImage = PdfPageImage & { readonly path: string; readonly file: Uint8Array };

export interface ProcessedPage {
  readonly index: number;
  readonly source: string;
  readonly blank: boolean;
  readonly inkRatio: number;
  /** Skew found in the scan, degrees (positive = clockwise); the output is turned back by it. */
  readonly skewDegrees: number;
  /** The paper within the scan, in scan pixels. */
  readonly crop: Box;
  /** The cleaned page, absent for a removed blank page. */
  readonly image?: PageImage;
}

/** Analysis runs at about this resolution: enough for 0.1° of skew, cheap on two cores. */
const analysisDpi = 100;

async function analysisImage(path: string, width: number, scale: number): Promise<GrayImage> {
  const { data, info } = await sharp(path)
    .flatten({ background: '#ffffff' })
    .greyscale()
    .resize({ width: Math.max(1, Math.round(width * scale)) })
    .median(3)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
  };
}

function shrink(box: Box, image: GrayImage): Box {
  if (box.width === image.width && box.height === image.height) return box;
  return {
    left: box.left + 1,
    top: box.top + 1,
    width: Math.max(1, box.width - 2),
    height: Math.max(1, box.height - 2),
  };
}

function scaleBox(box: Box, factor: number, width: number, height: number): Box {
  const left = Math.max(0, Math.floor(box.left * factor));
  const top = Math.max(0, Math.floor(box.top * factor));
  return {
    left,
    top,
    width: Math.min(width - left, Math.ceil(box.width * factor)),
    height: Math.min(height - top, Math.ceil(box.height * factor)),
  };
}

/**
 * Cleans one scanned page: finds the paper, drops it if blank, straightens
 * it, crops it and encodes it for the component PDF. With `options.cleaner`
 * the work is done there (off this thread).
 */
export async function processPage(
  page: ScannedPage,
  options: PipelineOptions = {},
): Promise<ProcessedPage> {
  return options.cleaner
    ? options.cleaner.clean(page, plainPipelineOptions(options))
    : cleanPage(page, options);
}

/** {@link processPage} on this thread: what a page worker runs. */
export async function cleanPage(
  page: ScannedPage,
  options: PipelineOptions = {},
): Promise<ProcessedPage> {
  const scale = Math.min(1, analysisDpi / page.dpi);
  const small = await analysisImage(page.path, page.width, scale);
  // One analysis pixel in from the paper's edge, so no sliver of dark background survives the crop.
  const paper =
    options.crop === false
      ? { left: 0, top: 0, width: small.width, height: small.height }
      : shrink(findPaperBounds(small), small);
  const verdict = detectBlankPage(small, paper);
  const crop = scaleBox(paper, page.width / small.width, page.width, page.height);
  const base = { index: page.index, source: page.path, inkRatio: verdict.inkRatio, crop };
  if (verdict.blank && options.removeBlank !== false)
    return { ...base, blank: true, skewDegrees: 0 };
  const skewDegrees = options.deskew === false ? 0 : estimateSkew(small, paper);
  const profile = options.profile ?? 'bitonal';
  const straight = await straighten(page.path, crop, skewDegrees, profile === 'color');
  // Otsu's level is the last ink level; sharp's threshold blackens what is below its value.
  const threshold = otsuThreshold(histogram(small, paper)) + 1;
  const dir = options.outDir ?? dirname(page.path);
  await mkdir(dir, { recursive: true });
  const stem = join(dir, basename(page.path, extname(page.path)));
  const { width, height } = straight.info;
  if (profile === 'bitonal') {
    const thresholded = toBitonal(straight.data, straight.info, threshold);
    const bits = options.despeckle === false ? thresholded : despeckle(thresholded);
    const path = `${stem}.clean.png`;
    const file = await sharp(toGrey(bits), { raw: { width, height, channels: 1 } })
      .toColourspace('b-w')
      .withDensity(page.dpi)
      .png({ compressionLevel: 2 })
      .toBuffer();
    await writeFile(path, file);
    const image: PageImage = {
      format: 'g4',
      bytes: encodeG4(bits),
      width,
      height,
      dpi: page.dpi,
      path,
      file,
    };
    return { ...base, blank: verdict.blank, skewDegrees, image };
  }
  // Explicit output space: withDensity alone would write grey pages as 3-channel files.
  const bytes = await sharp(straight.data, { raw: straight.info })
    .toColourspace(profile === 'color' ? 'srgb' : 'b-w')
    .withDensity(page.dpi)
    .jpeg({ quality: options.jpegQuality ?? 60, mozjpeg: true })
    .toBuffer();
  const path = `${stem}.clean.jpg`;
  await writeFile(path, bytes);
  const image: PageImage = {
    format: 'jpeg',
    bytes,
    width,
    height,
    dpi: page.dpi,
    path,
    file: bytes,
  };
  return { ...base, blank: verdict.blank, skewDegrees, image };
}

/** Crops to the paper and turns the page back by its skew, keeping the cropped size (corners filled white). */
async function straighten(
  path: string,
  crop: Box,
  skewDegrees: number,
  colour: boolean,
): Promise<RawImage> {
  const cropped = sharp(path).flatten({ background: '#ffffff' }).extract(crop);
  const source = colour ? cropped.toColourspace('srgb') : cropped.greyscale();
  if (Math.abs(skewDegrees) < 0.05) return toRaw(source);
  // Rotation may add bands (the background colour), so the raw result is re-read by its own channel count.
  const rotated = await toRaw(source.rotate(-skewDegrees, { background: '#ffffff' }));
  const left = Math.max(0, Math.floor((rotated.info.width - crop.width) / 2));
  const top = Math.max(0, Math.floor((rotated.info.height - crop.height) / 2));
  const centred = sharp(rotated.data, { raw: rotated.info }).extract({
    left,
    top,
    width: Math.min(crop.width, rotated.info.width),
    height: Math.min(crop.height, rotated.info.height),
  });
  return toRaw(colour ? centred.removeAlpha().toColourspace('srgb') : centred.greyscale());
}

interface RawImage {
  readonly data: Buffer;
  readonly info: {
    readonly width: number;
    readonly height: number;
    readonly channels: 1 | 2 | 3 | 4;
  };
}

async function toRaw(image: Sharp): Promise<RawImage> {
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  return { data, info: { width: info.width, height: info.height, channels: info.channels } };
}
