import { describe, expect, it } from 'vitest';
import { formatPrinterAddress, parsePrinterAddress } from './printer-address';
import { TicketPrinterError } from './ticket-printer-error';

describe('printer addresses', () => {
  it('tcp:// takes port 9100 unless another is given', () => {
    expect(parsePrinterAddress('tcp://192.168.1.50')).toEqual({
      kind: 'tcp',
      host: '192.168.1.50',
      port: 9100,
    });
    expect(parsePrinterAddress('tcp://[::1]:9101')).toEqual({
      kind: 'tcp',
      host: '::1',
      port: 9101,
    });
    expect(formatPrinterAddress({ kind: 'tcp', host: '::1', port: 9101 })).toBe('tcp://[::1]:9101');
  });

  it('a device path, bare or as file://, is a USB printer', () => {
    expect(parsePrinterAddress('/dev/usb/lp0')).toEqual({ kind: 'device', path: '/dev/usb/lp0' });
    expect(parsePrinterAddress('file:///dev/usb/lp1')).toEqual({
      kind: 'device',
      path: '/dev/usb/lp1',
    });
  });

  it('anything else is PRINTER_ADDRESS_INVALID', () => {
    for (const bad of [
      '192.168.1.50:9100',
      'http://printer:9100',
      'tcp://printer:9100/queue',
      '',
    ]) {
      expect(() => parsePrinterAddress(bad)).toThrow(TicketPrinterError);
    }
  });
});
