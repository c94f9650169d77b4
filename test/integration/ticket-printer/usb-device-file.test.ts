import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePrinterAddress } from '../../../electron/services/ticket-printer/printer-address';
import { EscPosTicketPrinter } from '../../../electron/services/ticket-printer/ticket-printer';
import { TicketPrinterError } from '../../../electron/services/ticket-printer/ticket-printer-error';
import { printedImage, VirtualEscPosPrinter } from './virtual-escpos-printer';

const bridgeScript = fileURLToPath(
  new URL('../../fixtures/ticket-printer/pty_bridge.py', import.meta.url),
);

const ticket = {
  number: '0007',
  areaName: 'Đất đai',
  peopleAhead: 2,
  estimatedWaitMinutes: 10,
  takenAt: new Date('2026-12-07T02:00:00Z'),
  centreName: 'Bộ phận Một cửa UBND xã Bình Sơn',
  lookupQr: 'https://motcua.example.vn/tra-cuu/so-thu-tu?so=0007',
};

/** A character device (a raw pseudo-terminal) whose far end is the virtual printer. */
async function deviceFor(
  printer: VirtualEscPosPrinter,
): Promise<{ path: string; bridge: ChildProcessWithoutNullStreams }> {
  const { port } = new URL(printer.url.replace('tcp:', 'http:'));
  const bridge = spawn('python3', [bridgeScript, '127.0.0.1', port]);
  const [first] = (await once(bridge.stdout, 'data')) as [Buffer];
  return { path: first.toString('utf8').trim(), bridge };
}

async function endBridge(bridge: ChildProcessWithoutNullStreams): Promise<void> {
  const closed = once(bridge, 'close');
  bridge.stdin.end();
  await closed;
}

describe('printing through a device file (the /dev/usb/lpN path)', () => {
  let printer: VirtualEscPosPrinter;

  beforeAll(async () => {
    printer = await VirtualEscPosPrinter.start();
  });
  afterAll(async () => {
    await printer.stop();
  });

  it('writes the whole ticket and reads the status answer back through the device', async () => {
    const { path, bridge } = await deviceFor(printer);
    const report = await new EscPosTicketPrinter({
      address: parsePrinterAddress(path),
      paper: 58,
    }).print(ticket);
    await endBridge(bridge);
    const commands = await printer.lastJob();
    expect(commands.slice(0, 3)).toEqual([
      { kind: 'status', n: 2 },
      { kind: 'status', n: 4 },
      { kind: 'init' },
    ]);
    expect(printer.jobs.at(-1)!.bytes.length).toBe(report.bytes + 6);
    expect(printedImage(commands).height).toBe(report.rows);
  });

  it('a device whose printer is out of paper is PRINTER_PAPER_OUT', async () => {
    printer.paper = 'out';
    const { path, bridge } = await deviceFor(printer);
    try {
      const failure = await new EscPosTicketPrinter({
        address: parsePrinterAddress(path),
        paper: 80,
      })
        .print(ticket)
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(failure).toBeInstanceOf(TicketPrinterError);
      expect((failure as TicketPrinterError).code).toBe('PRINTER_PAPER_OUT');
    } finally {
      printer.paper = 'ok';
      await endBridge(bridge);
    }
  });

  it('a device that never answers is PRINTER_NOT_ANSWERING within the timeout', async () => {
    printer.silent = true;
    const { path, bridge } = await deviceFor(printer);
    try {
      const start = performance.now();
      const failure = await new EscPosTicketPrinter({
        address: parsePrinterAddress(path),
        paper: 80,
        timeoutMs: 600,
      })
        .print(ticket)
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect((failure as TicketPrinterError).code).toBe('PRINTER_NOT_ANSWERING');
      expect(performance.now() - start).toBeLessThan(600 + 1500);
    } finally {
      printer.silent = false;
      await endBridge(bridge);
    }
  });
});
