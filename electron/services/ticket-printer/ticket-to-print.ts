import { z } from 'zod';

/**
 * What a queue ticket says, as the printer needs it: plain values, no queue
 * types, so the queue (electron/services/centre-queue) and the CLI's sample
 * both fill it without this folder knowing how numbers are allocated.
 */
export const TicketToPrintSchema = z
  .object({
    /** As called out and shown on the display, e.g. "1023" or "A023". */
    number: z.string().trim().min(1).max(12),
    /** The lĩnh vực, e.g. "Hộ tịch". */
    areaName: z.string().trim().min(1).max(120),
    peopleAhead: z.number().int().min(0),
    estimatedWaitMinutes: z.number().int().min(0),
    takenAt: z.date(),
    /** The centre's name as in the header, e.g. "Bộ phận Một cửa UBND xã Bình Sơn". */
    centreName: z.string().trim().min(1).max(200),
    /** Set on a priority ticket, e.g. "Người cao tuổi". */
    priorityReason: z.string().trim().min(1).max(120).optional(),
    /** The QR's text: the status lookup's link or payload, printed as given. */
    lookupQr: z.string().min(1).max(500),
  })
  .strict();
export type TicketToPrint = z.infer<typeof TicketToPrintSchema>;

/** Paper as ordered: the printable width at 203 dpi (8 dots per mm). */
export const PAPER_WIDTH_DOTS = { 58: 384, 80: 576 } as const;
export type PaperWidthMm = keyof typeof PAPER_WIDTH_DOTS;

export function isPaperWidthMm(value: number): value is PaperWidthMm {
  return value === 58 || value === 80;
}
