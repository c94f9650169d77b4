import type { MonoBitmap } from './mono-bitmap';

/**
 * The few ESC/POS commands a ticket needs (Epson "ESC/POS Application
 * Programming Guide"; the same bytes on Xprinter, Rongta, Sewoo and other
 * clones sold for queue kiosks). Written here rather than through a library:
 * node-thermal-printer and @node-escpos never read the printer's answer
 * back, and the paper-out check needs exactly that.
 */

const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;
const EOT = 0x04;

/** ESC @ = `1B 40`: clears the buffer and resets modes (a half-sent job from before is dropped). */
export function initialize(): Uint8Array {
  return Uint8Array.of(ESC, 0x40);
}

/**
 * Rows per GS v 0 band. The command allows 1–2303 rows (some clones only up
 * to 255 per command), and a printer with a small input buffer prints each
 * band as it arrives, so a long ticket goes as several bands.
 */
export const RASTER_BAND_ROWS = 240;

/**
 * GS v 0 = `1D 76 30 m xL xH yL yH d1…dk`: print a raster bit image.
 * m = 0 (normal scale); x = xL + 256·xH bytes per row (width in dots / 8,
 * rounded up); y = yL + 256·yH rows; k = x·y data bytes, each row left to
 * right, most significant bit leftmost, 1 = print a dot. One command per
 * band of at most {@link RASTER_BAND_ROWS} rows.
 */
export function rasterImage(bitmap: MonoBitmap): Uint8Array {
  const rowBytes = Math.ceil(bitmap.width / 8);
  const packed = bitmap.packRows();
  const parts: Uint8Array[] = [];
  for (let top = 0; top < bitmap.height; top += RASTER_BAND_ROWS) {
    const rows = Math.min(RASTER_BAND_ROWS, bitmap.height - top);
    parts.push(
      Uint8Array.of(GS, 0x76, 0x30, 0, rowBytes & 0xff, rowBytes >> 8, rows & 0xff, rows >> 8),
      packed.subarray(top * rowBytes, (top + rows) * rowBytes),
    );
  }
  return concat(parts);
}

/** ESC d n = `1B 64 n`: print the buffer and feed n lines (brings the ticket's end past the cutter). */
export function feedLines(lines: number): Uint8Array {
  return Uint8Array.of(ESC, 0x64, Math.max(0, Math.min(255, lines)));
}

/**
 * GS V m n = `1D 56 42 n`: feed n motion units past the cutting position,
 * then partial cut (m = 66). A partial cut leaves a hinge, so the ticket
 * hangs from the slot instead of falling to the floor; printers without a
 * partial cutter make a full cut.
 */
export function partialCut(feedUnits = 0): Uint8Array {
  return Uint8Array.of(GS, 0x56, 0x42, Math.max(0, Math.min(255, feedUnits)));
}

/**
 * DLE EOT n = `10 04 n`: real-time status, answered at once with one byte
 * even while the printer is busy or out of paper. n = 2 offline cause,
 * n = 4 roll paper sensor (see printer-status.ts for the bits).
 */
export function statusRequest(n: 1 | 2 | 3 | 4): Uint8Array {
  return Uint8Array.of(DLE, EOT, n);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A whole ticket job: reset, the picture, feed past the cutter, cut. */
export function ticketJob(bitmap: MonoBitmap): Uint8Array {
  return concat([initialize(), rasterImage(bitmap), feedLines(4), partialCut()]);
}
