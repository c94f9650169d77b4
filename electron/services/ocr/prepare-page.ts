import sharp from 'sharp';
import { OcrError } from './ocr-error';

/** What OCR needs from a page image, decoded once. */
export interface PreparedPage {
  /** 8-bit greyscale binary PGM (P5). */
  readonly image: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly dpi: number;
}

/**
 * The resolution pages are brought down to before OCR. Tesseract's LSTM
 * normalises every text line to a fixed height, so above ~200 dpi extra
 * pixels buy no accuracy for 10-14 pt text (on the generated set 200 dpi read
 * better than 300 at the same CPU time, test/bench/ocr.bench.ts) but grow the
 * WASM heap, which never shrinks (naptha/tesseract.js#977).
 */
export const defaultOcrDpi = 200;
/** Resolution assumed for an image that does not say (scanners write 300). */
export const assumedDpi = 300;
/** An A4 page at 300 dpi plus a margin: the most pixels one page may keep. */
export const maxOcrPixels = Math.round(2480 * 3508 * 1.15);

/**
 * Decodes a page image, turns it grey and downscales it so that it is at
 * most `dpi` (by its own resolution tag) and at most `maxOcrPixels`. An
 * image without a resolution tag, or one that claims an implausible one, is
 * assumed to be 300 dpi. Never upscales.
 */
export async function preparePage(input: Uint8Array, dpi = defaultOcrDpi): Promise<PreparedPage> {
  try {
    const source = sharp(input, { failOn: 'error' });
    const meta = await source.metadata();
    const width = meta.autoOrient.width;
    const height = meta.autoOrient.height;
    const tagged =
      meta.density !== undefined && meta.density >= 72 && meta.density <= 2400
        ? meta.density
        : assumedDpi;
    const byDpi = Math.min(1, dpi / tagged);
    const byPixels = Math.min(1, Math.sqrt(maxOcrPixels / (width * height)));
    const scale = Math.min(byDpi, byPixels);
    const outWidth = Math.max(1, Math.round(width * scale));
    const outHeight = Math.max(1, Math.round(height * scale));
    const outDpi = Math.round(tagged * scale);
    let pipeline = source.autoOrient().greyscale();
    if (scale < 1) pipeline = pipeline.resize(outWidth, outHeight, { kernel: 'lanczos3' });
    const { data, info } = await pipeline
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    // Binary PGM: no compression to pay for on this side or to undo inside
    // the WASM engine (leptonica reads PNM natively); it carries no
    // resolution, so the pool passes `dpi` to tesseract as user_defined_dpi.
    const header = new TextEncoder().encode(
      `P5\n${String(info.width)} ${String(info.height)}\n255\n`,
    );
    const image = new Uint8Array(header.length + data.length);
    image.set(header, 0);
    image.set(data, header.length);
    return { image, width: info.width, height: info.height, dpi: outDpi };
  } catch (error) {
    throw new OcrError('OCR_BAD_IMAGE', error instanceof Error ? error.message : String(error));
  }
}
