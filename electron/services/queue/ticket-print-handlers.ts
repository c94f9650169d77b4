import { KioskError } from '../../api/errors';
import type { HandlerGroup } from '../../api/dispatcher';
import { parsePrinterAddress } from '../ticket-printer/printer-address';
import { EscPosTicketPrinter, type TicketPrinter } from '../ticket-printer/ticket-printer';
import { TicketPrinterError } from '../ticket-printer/ticket-printer-error';
import type { PaperWidthMm, TicketToPrint } from '../ticket-printer/ticket-to-print';
import { priorityReasonNames, type TakenTicket } from './centre-queue-store';
import type { RecentTickets } from './recent-tickets';

export interface TicketPrintDeps {
  readonly recent: RecentTickets;
  /** config.ticketPrinter; an empty url means the kiosk has no ticket printer. */
  readonly printer: {
    readonly url: string;
    readonly paperWidthMm: PaperWidthMm;
    readonly timeoutMs: number;
  };
  /** The header line, e.g. "UBND xã Bình Sơn". */
  readonly centreName: string;
}

/**
 * What the ticket's QR carries: the day, number and area as the display
 * calls them, and the ticket's id, which the counter later ties to the
 * dossier. Nothing personal is on a ticket.
 */
export function ticketQr(ticket: TakenTicket): string {
  return `MOTCUA-STT:${ticket.day}:${ticket.number}:${ticket.area}:${ticket.id}`;
}

export function ticketToPrint(ticket: TakenTicket, centreName: string): TicketToPrint {
  return {
    number: String(ticket.number),
    areaName: ticket.areaName,
    peopleAhead: ticket.peopleAhead,
    estimatedWaitMinutes: ticket.estimatedWaitMinutes,
    takenAt: new Date(ticket.takenAt),
    centreName,
    ...(ticket.priority === null ? {} : { priorityReason: priorityReasonNames[ticket.priority] }),
    lookupQr: ticketQr(ticket),
  };
}

/** `ticket.print`: one job at a time, so a page pressing twice cannot interleave two tickets. */
export function createTicketPrintHandlers(deps: TicketPrintDeps): HandlerGroup<'ticket.print'> {
  let printer: TicketPrinter | null | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const printerOf = (): TicketPrinter | null => {
    if (printer !== undefined) return printer;
    const { url, paperWidthMm, timeoutMs } = deps.printer;
    printer =
      url.trim() === ''
        ? null
        : new EscPosTicketPrinter({
            address: parsePrinterAddress(url),
            paper: paperWidthMm,
            timeoutMs,
          });
    return printer;
  };
  return {
    'ticket.print': async ({ ticketId }) => {
      const ticket = deps.recent.claim(ticketId);
      const job = queue.then(async () => {
        try {
          const chosen = printerOf();
          if (chosen === null) return { outcome: 'no-printer' as const };
          const report = await chosen.print(ticketToPrint(ticket, deps.centreName));
          return { outcome: 'printed' as const, paperNearEnd: report.paperNearEnd };
        } catch (error) {
          if (error instanceof TicketPrinterError) throw new KioskError(error.code, error.message);
          throw error;
        }
      });
      queue = job.catch(() => undefined);
      return job;
    },
  };
}
