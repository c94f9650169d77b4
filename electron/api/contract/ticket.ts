import { z } from 'zod';
import { method } from './method';

/**
 * Printing a queue ticket the kiosk page has just taken (issue 19 item 2).
 * No sign-in (the kiosk's start screen has none), so the core prints only a
 * ticket taken through this core in the last few minutes, a few times at
 * most: an anonymous page cannot print arbitrary numbers or flood the roll.
 * A failure of the printer is a typed PRINTER_* error; the number stays valid.
 */
export const ticketMethods = {
  'ticket.print': method(
    z.object({ ticketId: z.string().trim().min(1).max(64) }).strict(),
    z.discriminatedUnion('outcome', [
      z.object({
        outcome: z.literal('printed'),
        /** The roll's near-end sensor: printed, but staff should load paper soon. */
        paperNearEnd: z.boolean(),
      }),
      /** No `ticketPrinter.url` in the config: the screen alone shows the number. */
      z.object({ outcome: z.literal('no-printer') }),
    ]),
  ),
} as const;
