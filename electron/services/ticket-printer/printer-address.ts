import { TicketPrinterError } from './ticket-printer-error';

/** Where the ticket printer is: raw TCP (port 9100, "JetDirect") or a USB printer's device file. */
export type PrinterAddress =
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  | { readonly kind: 'device'; readonly path: string };

/**
 * `tcp://HOST[:PORT]` (port 9100 when left out) or an absolute device path
 * (`/dev/usb/lp0`, Linux usblp) also written `file:///dev/usb/lp0`.
 */
export function parsePrinterAddress(text: string): PrinterAddress {
  const trimmed = text.trim();
  if (trimmed.startsWith('/')) return { kind: 'device', path: trimmed };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new TicketPrinterError('PRINTER_ADDRESS_INVALID', `not a printer address: ${trimmed}`);
  }
  if (url.protocol === 'file:' && url.pathname.startsWith('/') && url.host === '') {
    return { kind: 'device', path: decodeURIComponent(url.pathname) };
  }
  if (url.protocol === 'tcp:' && url.hostname !== '' && url.pathname === '') {
    const port = url.port === '' ? 9100 : Number(url.port);
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    return { kind: 'tcp', host, port };
  }
  throw new TicketPrinterError('PRINTER_ADDRESS_INVALID', `not a printer address: ${trimmed}`);
}

export function formatPrinterAddress(address: PrinterAddress): string {
  if (address.kind === 'device') return address.path;
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return `tcp://${host}:${String(address.port)}`;
}
