import { MonoBitmap } from './mono-bitmap';
import { rasterQr } from './qr-raster';
import { rasterText } from './text-raster';
import { ticketLines } from './ticket-text';
import { PAPER_WIDTH_DOTS, type PaperWidthMm, type TicketToPrint } from './ticket-to-print';

/**
 * Sizes in dots (203 dpi, 8 dots per mm). The number is set as large as the
 * roll allows (about 2 cm tall on 80 mm) for a citizen who reads it from
 * arm's length against the display; no text is smaller than 20 dots
 * (2.5 mm em), the floor for reading without glasses.
 */
const SIZES = {
  80: { centre: 24, label: 30, number: 190, area: 34, body: 26, small: 22, qr: 232 },
  58: { centre: 20, label: 26, number: 140, area: 28, body: 22, small: 20, qr: 176 },
} as const;

/** Side margin: most heads print the full width, but the first and last dots fade on many rolls. */
const MARGIN = 8;

interface Block {
  readonly bitmap: MonoBitmap;
  /** Paper left below the block, in dots. */
  readonly gap: number;
}

/** The whole ticket as one 1-bit picture as wide as the roll prints. */
export async function renderTicket(
  ticket: TicketToPrint,
  paper: PaperWidthMm,
): Promise<MonoBitmap> {
  const width = PAPER_WIDTH_DOTS[paper];
  const size = SIZES[paper];
  const inner = width - 2 * MARGIN;
  const lines = ticketLines(ticket);
  const [centre, label, number, area, priority, ahead, wait, takenAt, hint] = await Promise.all([
    rasterText(lines.centre, { size: size.centre, bold: true, maxWidth: inner }),
    rasterText(lines.label, { size: size.label, bold: true, maxWidth: inner }),
    numberText(lines.number, size.number, inner),
    rasterText(lines.area, { size: size.area, bold: true, maxWidth: inner }),
    lines.priority === null
      ? null
      : rasterText(lines.priority, { size: size.body, bold: true, maxWidth: inner - 24 }),
    rasterText(lines.peopleAhead, { size: size.body, maxWidth: inner }),
    rasterText(lines.wait, { size: size.body, maxWidth: inner }),
    rasterText(lines.takenAt, { size: size.small, maxWidth: inner }),
    rasterText(lines.qrHint, { size: size.small, maxWidth: inner }),
  ]);
  const blocks: Block[] = [
    { bitmap: centre, gap: 10 },
    { bitmap: rule(inner), gap: 14 },
    { bitmap: label, gap: 6 },
    { bitmap: number, gap: 4 },
    { bitmap: area, gap: 14 },
    ...(priority === null ? [] : [{ bitmap: inverted(priority), gap: 14 }]),
    { bitmap: ahead, gap: 6 },
    { bitmap: wait, gap: 6 },
    { bitmap: takenAt, gap: 10 },
    { bitmap: rasterQr(ticket.lookupQr, size.qr), gap: 0 },
    { bitmap: hint, gap: 0 },
  ];
  const top = 8;
  const height = top + blocks.reduce((sum, b) => sum + b.bitmap.height + b.gap, 0);
  const ticketBitmap = new MonoBitmap(width, height);
  let y = top;
  for (const block of blocks) {
    ticketBitmap.draw(block.bitmap, Math.floor((width - block.bitmap.width) / 2), y);
    y += block.bitmap.height + block.gap;
  }
  return ticketBitmap;
}

/** The number on one line: set at `size`, then smaller only if a long number would not fit. */
async function numberText(number: string, size: number, maxWidth: number): Promise<MonoBitmap> {
  const wide = 4 * maxWidth;
  const first = await rasterText(number, { size, bold: true, maxWidth: wide });
  if (first.width <= maxWidth) return first;
  // Glyph widths do not scale exactly with the size (hinting), so step down until it fits.
  let fitted = Math.floor((size * maxWidth) / first.width);
  for (;;) {
    const text = await rasterText(number, { size: fitted, bold: true, maxWidth: wide });
    if (text.width <= maxWidth || fitted <= 8) return text;
    fitted -= 2;
  }
}

function rule(width: number): MonoBitmap {
  const line = new MonoBitmap(width, 2);
  for (let x = 0; x < width; x += 12) line.fillRect(x, 0, 8, 2);
  return line;
}

/** White text on a black band: the priority line stands out to the clerk who checks it. */
function inverted(text: MonoBitmap): MonoBitmap {
  const band = new MonoBitmap(text.width + 24, text.height + 12);
  band.fillRect(0, 0, band.width, band.height);
  band.draw(text, 12, 6, true);
  return band;
}
