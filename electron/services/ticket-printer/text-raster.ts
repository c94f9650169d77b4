import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { FONT_FILES, fontUrl } from '../receipt/font-files';
import { MonoBitmap } from './mono-bitmap';

export interface TextStyle {
  /** Font size in dots (the em at 203 dpi: 24 dots ≈ 3 mm). */
  readonly size: number;
  readonly bold?: boolean;
  /** Lines wrap at word boundaries to this width in dots (inside a word only when one word is wider). */
  readonly maxWidth: number;
}

const pangoEscape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Text set by sharp's Pango renderer in the receipt's DejaVu Serif (every
 * Vietnamese letter, read from beside the receipt module, never from the OS,
 * so every kiosk prints the same), centred, thresholded to 1 bit. The
 * result is as tall and wide as its ink plus Pango's line box.
 */
export async function rasterText(text: string, style: TextStyle): Promise<MonoBitmap> {
  const file = style.bold === true ? FONT_FILES.bold : FONT_FILES.regular;
  const { data, info } = await sharp({
    text: {
      text: pangoEscape(text.normalize('NFC')),
      font: `DejaVu Serif${style.bold === true ? ' Bold' : ''} ${String(style.size)}px`,
      fontfile: fileURLToPath(fontUrl(file)),
      width: style.maxWidth,
      align: 'centre',
      wrap: 'word-char',
      dpi: 72,
    },
  })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return MonoBitmap.fromInkLevels(data, info.width, info.height);
}
