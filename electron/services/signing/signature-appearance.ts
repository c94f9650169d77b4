import { readFileSync } from 'node:fs';
import { fontkit } from '../fontkit/lazy-fontkit';
import {
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingRgbColor,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  showText,
  stroke,
  moveText,
} from 'pdf-lib';
import type { PDFDocument, PDFRef } from 'pdf-lib';
import { FONT_FILES, fontUrl } from '../receipt/font-files';

/** The receipt's font, found the way the receipt finds it (never from the OS). */
const FONT_URL = fontUrl(FONT_FILES.regular);
let fontBytes: Uint8Array | undefined;

/** Vietnam time (UTC+7, no daylight saving): dd/mm/yyyy HH:mm:ss. */
export function vietnamTime(date: Date): string {
  const t = new Date(date.getTime() + 7 * 3600_000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(t.getUTCDate())}/${two(t.getUTCMonth() + 1)}/${String(t.getUTCFullYear())} ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())}`;
}

/**
 * The lines of a Vietnamese-style visible signature ("Ký bởi", "Cơ quan",
 * "Thời gian ký" in Vietnam time), as agencies print them.
 */
export function appearanceLines(input: {
  signerName: string;
  unit: string;
  signingTime: Date;
  reason?: string | undefined;
}): string[] {
  const lines = [`Ký bởi: ${input.signerName}`];
  if (input.unit !== '') lines.push(`Cơ quan: ${input.unit}`);
  lines.push(`Thời gian ký: ${vietnamTime(input.signingTime)} (GMT+7)`);
  if (input.reason !== undefined && input.reason !== '') lines.push(`Lý do: ${input.reason}`);
  return lines;
}

/**
 * A form XObject drawing `lines` in a framed box of `width`×`height` points
 * with an embedded DejaVu subset; the font shrinks until the longest line fits.
 */
export async function appearanceStream(
  doc: PDFDocument,
  lines: readonly string[],
  width: number,
  height: number,
): Promise<PDFRef> {
  doc.registerFontkit(fontkit);
  fontBytes ??= new Uint8Array(readFileSync(FONT_URL));
  const font = await doc.embedFont(fontBytes, { subset: true });
  const pad = 4;
  let size = 9;
  const widest = (): number => Math.max(...lines.map((l) => font.widthOfTextAtSize(l, size)));
  while (size > 4 && (widest() > width - 2 * pad || lines.length * size * 1.25 > height - 2 * pad))
    size -= 0.5;
  const blue = { r: 0.05, g: 0.15, b: 0.55 };
  const ops = [
    pushGraphicsState(),
    setLineWidth(1),
    setStrokingRgbColor(blue.r, blue.g, blue.b),
    rectangle(0.5, 0.5, width - 1, height - 1),
    stroke(),
    setFillingRgbColor(blue.r, blue.g, blue.b),
    beginText(),
    setFontAndSize('F1', size),
    moveText(pad, height - pad - size),
  ];
  lines.forEach((line, i) => {
    if (i > 0) ops.push(moveText(0, -size * 1.25));
    ops.push(showText(font.encodeText(line)));
  });
  ops.push(endText(), popGraphicsState());
  const stream = doc.context.formXObject(ops, {
    BBox: [0, 0, width, height],
    Resources: { Font: { F1: font.ref } },
  });
  return doc.context.register(stream);
}
