import sharp, { type Metadata } from 'sharp';
import { extname } from 'node:path';
import { ScanError, type ColourMode, type PageFormat, type ScannedPage } from './scanner';

const formats: Readonly<Record<string, PageFormat>> = {
  '.tif': 'tiff',
  '.tiff': 'tiff',
  '.png': 'png',
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.pnm': 'pnm',
  '.pdf': 'pdf',
};

/**
 * Describes a finished page file from its own header: pixel size, dpi (the
 * requested resolution when the file carries none) and colour mode.
 */
export async function readPageInfo(
  path: string,
  index: number,
  requested: { readonly resolution?: number; readonly mode?: ColourMode },
): Promise<ScannedPage> {
  let meta: Metadata;
  try {
    meta = await sharp(path).metadata();
  } catch (error) {
    throw new ScanError(
      'BAD_FILE',
      `${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const dpi = Math.round(meta.density ?? requested.resolution ?? 72);
  const mode: ColourMode =
    requested.mode === 'bitonal' ? 'bitonal' : meta.channels >= 3 ? 'color' : 'gray';
  return {
    index,
    path,
    format: formats[extname(path).toLowerCase()] ?? 'tiff',
    width: meta.width,
    height: meta.height,
    dpi,
    mode,
  };
}
