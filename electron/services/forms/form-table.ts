import { rgb } from 'pdf-lib';
import { A4, MARGIN, wrapText } from '../receipt/page-writer';
import type { FormDocument } from './form-document';

const SIZE = 7.5;
const LEADING = SIZE * 1.3;
const PAD = 2;

/**
 * Draws a ruled table across the printable width: a bold header row, then
 * one row per entry, each cell wrapped; a row that does not fit starts a new
 * page. `shares` are the columns' parts of the width, in column order.
 */
export function drawFormTable(
  form: FormDocument,
  shares: readonly number[],
  header: readonly string[],
  rows: readonly (readonly string[])[],
): void {
  const { w } = form;
  const total = A4.width - MARGIN.left - MARGIN.right;
  const widths = shares.map((s) => s * total);
  const drawRow = (cells: readonly string[], bold: boolean): void => {
    const font = w.font(bold ? 'bold' : 'regular');
    const wrapped = cells.map((c, i) => wrapText(c, font, SIZE, (widths[i] ?? 0) - PAD * 2));
    const height = Math.max(...wrapped.map((l) => l.length)) * LEADING + PAD * 2;
    w.ensure(height);
    const top = w.y;
    let x = MARGIN.left;
    wrapped.forEach((cellLines, i) => {
      const width = widths[i] ?? 0;
      w.page.drawRectangle({
        x,
        y: top - height,
        width,
        height,
        borderColor: rgb(0, 0, 0),
        borderWidth: 0.5,
      });
      cellLines.forEach((text, j) => {
        w.page.drawText(text, { x: x + PAD, y: top - PAD - SIZE - j * LEADING, size: SIZE, font });
      });
      x += width;
    });
    w.y = top - height;
  };
  drawRow(header, true);
  for (const row of rows) drawRow(row, false);
}
