import { ticketPrinterErrorCodes, type TicketPrinterErrorCode } from '../../api/errors';
import { ticketPrinterMessages } from '../../api/ticket-printer-messages';

/** The codes and texts live in the API contract, so the kiosk page names the same failures. */
export { ticketPrinterErrorCodes, ticketPrinterMessages, type TicketPrinterErrorCode };

/** A printing failure the kiosk can name; `message` is the English detail for logs. */
export class TicketPrinterError extends Error {
  readonly code: TicketPrinterErrorCode;

  constructor(code: TicketPrinterErrorCode, detail: string, options?: ErrorOptions) {
    super(`${code}: ${detail}`, options);
    this.name = 'TicketPrinterError';
    this.code = code;
  }

  get text(): { readonly vi: string; readonly en: string } {
    return ticketPrinterMessages[this.code];
  }
}
