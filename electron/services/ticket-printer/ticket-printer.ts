import { concat, statusRequest, ticketJob } from './escpos-commands';
import type { MonoBitmap } from './mono-bitmap';
import type { PrinterAddress } from './printer-address';
import { openPrinterLink, type PrinterLink } from './printer-link';
import { parseStatus, type PrinterStatus } from './printer-status';
import { renderTicket } from './render-ticket';
import { TicketPrinterError } from './ticket-printer-error';
import { TicketToPrintSchema, type PaperWidthMm, type TicketToPrint } from './ticket-to-print';

/** What a printed ticket cost and what the printer said before it. */
export interface PrintReport {
  readonly bytes: number;
  readonly widthDots: number;
  readonly rows: number;
  /** The roll's near-end sensor: the ticket printed, but staff should load paper soon. */
  readonly paperNearEnd: boolean;
  /** The printed picture, for a screen preview or a log. */
  readonly bitmap: MonoBitmap;
}

/** Prints queue tickets; fails with a TicketPrinterError the kiosk can say. */
export interface TicketPrinter {
  print(ticket: TicketToPrint): Promise<PrintReport>;
  /** Asks the printer's state without printing (DLE EOT 2 and 4), for Diagnostics. */
  status(): Promise<PrinterStatus>;
}

export interface EscPosPrinterOptions {
  readonly address: PrinterAddress;
  readonly paper: PaperWidthMm;
  /** Bound on connecting, on each status answer and on each write; default 3000 ms. */
  readonly timeoutMs?: number;
}

/**
 * An ESC/POS thermal printer: asks its status first (DLE EOT 2 and 4) so an
 * empty roll or open cover is said before the citizen waits at the slot,
 * then sends the ticket as one raster picture and cuts.
 */
export class EscPosTicketPrinter implements TicketPrinter {
  readonly #options: EscPosPrinterOptions;

  constructor(options: EscPosPrinterOptions) {
    this.#options = options;
  }

  async status(): Promise<PrinterStatus> {
    const timeoutMs = this.#options.timeoutMs ?? 3000;
    const link = await openPrinterLink(this.#options.address, timeoutMs);
    try {
      return await askStatus(link, timeoutMs);
    } finally {
      await link.close();
    }
  }

  async print(ticket: TicketToPrint): Promise<PrintReport> {
    const parsed = TicketToPrintSchema.parse(ticket);
    const timeoutMs = this.#options.timeoutMs ?? 3000;
    const bitmap = await renderTicket(parsed, this.#options.paper);
    const job = ticketJob(bitmap);
    const link = await openPrinterLink(this.#options.address, timeoutMs);
    try {
      const status = await askStatus(link, timeoutMs);
      if (status.paperOut) {
        throw new TicketPrinterError('PRINTER_PAPER_OUT', 'the paper end sensor is set');
      }
      if (status.coverOpen) throw new TicketPrinterError('PRINTER_COVER_OPEN', 'the cover is open');
      if (status.error) throw new TicketPrinterError('PRINTER_FAULT', 'the error bit is set');
      await link.write(job);
      return {
        bytes: job.length,
        widthDots: bitmap.width,
        rows: bitmap.height,
        paperNearEnd: status.paperNearEnd,
        bitmap,
      };
    } finally {
      await link.close();
    }
  }
}

async function askStatus(link: PrinterLink, timeoutMs: number): Promise<PrinterStatus> {
  await link.write(concat([statusRequest(2), statusRequest(4)]));
  const answer = await link.read(2, timeoutMs);
  if (answer === null) {
    throw new TicketPrinterError(
      'PRINTER_NOT_ANSWERING',
      `no answer to DLE EOT 2/4 in ${timeoutMs} ms`,
    );
  }
  const [offlineCause = 0, paperSensor = 0] = answer;
  const status = parseStatus(offlineCause, paperSensor);
  if (status === null) {
    throw new TicketPrinterError(
      'PRINTER_NOT_ANSWERING',
      `not a status answer: ${Buffer.from(answer).toString('hex')}`,
    );
  }
  return status;
}
