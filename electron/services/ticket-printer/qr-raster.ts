import QRCode from 'qrcode';
import { MonoBitmap } from './mono-bitmap';

/** The 4-module quiet zone ISO/IEC 18004 asks for; paper around it is not enough on a narrow roll. */
const QUIET_MODULES = 4;

/**
 * The payload as a QR (level M, as the receipt's) with whole dots per
 * module, so every module prints the same size, as large as fits `maxSize`
 * dots including the quiet zone (at least 3 dots ≈ 0.375 mm a module).
 */
export function rasterQr(payload: string, maxSize: number): MonoBitmap {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  const scale = Math.max(3, Math.floor(maxSize / (count + 2 * QUIET_MODULES)));
  const side = (count + 2 * QUIET_MODULES) * scale;
  const bitmap = new MonoBitmap(side, side);
  for (let row = 0; row < count; row += 1) {
    for (let col = 0; col < count; col += 1) {
      if (modules.get(row, col) !== 0) {
        bitmap.fillRect((col + QUIET_MODULES) * scale, (row + QUIET_MODULES) * scale, scale, scale);
      }
    }
  }
  return bitmap;
}
