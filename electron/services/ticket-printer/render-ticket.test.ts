import { describe, expect, it } from 'vitest';
import type { MonoBitmap } from './mono-bitmap';
import { renderTicket } from './render-ticket';
import type { TicketToPrint } from './ticket-to-print';

const ticket: TicketToPrint = {
  number: '1023',
  areaName: 'Hộ tịch',
  peopleAhead: 3,
  estimatedWaitMinutes: 12,
  takenAt: new Date('2026-12-07T01:15:00Z'),
  centreName: 'Bộ phận Một cửa UBND xã Bình Sơn',
  lookupQr: 'https://motcua.example.vn/tra-cuu?so=1023',
};

/** Columns that carry ink anywhere in the picture. */
function inkColumns(bitmap: MonoBitmap): { left: number; right: number } {
  let left = bitmap.width;
  let right = -1;
  for (let y = 0; y < bitmap.height; y += 1) {
    for (let x = 0; x < bitmap.width; x += 1) {
      if (bitmap.get(x, y)) {
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  return { left, right };
}

describe('the ticket picture', () => {
  it('is exactly as wide as the roll prints and keeps its ink off the 8-dot side margins', async () => {
    for (const [paper, width] of [
      [58, 384],
      [80, 576],
    ] as const) {
      const bitmap = await renderTicket({ ...ticket, number: 'A10234' }, paper);
      expect(bitmap.width).toBe(width);
      const ink = inkColumns(bitmap);
      expect(ink.left).toBeGreaterThanOrEqual(8);
      expect(ink.right).toBeLessThan(width - 8);
    }
  });

  it('grows by the priority band when the ticket has a priority reason', async () => {
    const plain = await renderTicket(ticket, 80);
    const priority = await renderTicket({ ...ticket, priorityReason: 'Phụ nữ mang thai' }, 80);
    expect(priority.height - plain.height).toBeGreaterThan(30);
  });
});

describe('a ticket with words wider than the roll', () => {
  it('breaks them rather than printing past the edge', async () => {
    const bitmap = await renderTicket(
      { ...ticket, centreName: 'UBNDxãBìnhSơnhuyệnBìnhSơntỉnhQuảngNgãiViệtNam' },
      58,
    );
    expect(inkColumns(bitmap).right).toBeLessThan(384 - 8);
  });
});
