import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePrinterAddress } from '../../../electron/services/ticket-printer/printer-address';
import { EscPosTicketPrinter } from '../../../electron/services/ticket-printer/ticket-printer';
import { TicketPrinterError } from '../../../electron/services/ticket-printer/ticket-printer-error';
import type { TicketToPrint } from '../../../electron/services/ticket-printer/ticket-to-print';
import { printedImage, VirtualEscPosPrinter } from './virtual-escpos-printer';

const outDir = fileURLToPath(new URL('../../../test-results/ticket-printer/', import.meta.url));

const ticket: TicketToPrint = {
  number: '1023',
  areaName: 'Hộ tịch',
  peopleAhead: 12,
  estimatedWaitMinutes: 35,
  takenAt: new Date('2026-12-07T01:15:00Z'),
  centreName: 'Bộ phận Một cửa UBND xã Bình Sơn',
  priorityReason: 'Người cao tuổi',
  lookupQr: 'https://motcua.example.vn/tra-cuu/so-thu-tu?ngay=2026-12-07&so=1023&k=Q7xP2',
};

/** Writes the printed picture as a PNG, as the printer's head laid it down. */
async function savePrinted(printer: VirtualEscPosPrinter, name: string): Promise<string> {
  const { width, height, grey } = printedImage(await printer.lastJob());
  mkdirSync(outDir, { recursive: true });
  const path = `${outDir}${name}.png`;
  await sharp(grey, { raw: { width, height, channels: 1 } })
    .withMetadata({ density: 203 })
    .png()
    .toFile(path);
  return path;
}

function zbarimg(path: string): string {
  return execFileSync('zbarimg', ['--raw', '-q', path], {
    encoding: 'utf8',
    timeout: 30_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Debian's tesseract (one thread, automatic page layout) on the picture as printed. */
function tesseract(path: string, lang: string, psm: string): string {
  return execFileSync('tesseract', [path, '-', '-l', lang, '--psm', psm], {
    encoding: 'utf8',
    timeout: 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  });
}

async function printingFails(
  printer: EscPosTicketPrinter,
): Promise<{ error: TicketPrinterError; ms: number }> {
  const start = performance.now();
  try {
    await printer.print(ticket);
  } catch (error) {
    if (error instanceof TicketPrinterError) return { error, ms: performance.now() - start };
    throw error;
  }
  throw new Error('printing succeeded');
}

describe('printing a queue ticket on a virtual ESC/POS printer over TCP', () => {
  let printer: VirtualEscPosPrinter;

  beforeAll(async () => {
    printer = await VirtualEscPosPrinter.start();
  });
  afterAll(async () => {
    await printer.stop();
  });

  for (const paper of [80, 58] as const) {
    it(`a ${paper} mm ticket's raster carries a QR zbarimg reads exactly and a number tesseract reads`, async () => {
      printer.paper = 'ok';
      const report = await new EscPosTicketPrinter({
        address: parsePrinterAddress(printer.url),
        paper,
      }).print(ticket);
      const commands = await printer.lastJob();
      expect(commands.slice(0, 3)).toEqual([
        { kind: 'status', n: 2 },
        { kind: 'status', n: 4 },
        { kind: 'init' },
      ]);
      expect(commands.at(-1)).toMatchObject({ kind: 'cut', mode: 66 });
      expect(printer.jobs.at(-1)!.bytes.length).toBe(report.bytes + 6);
      const { width, height } = printedImage(commands);
      expect(width).toBe(paper === 80 ? 576 : 384);
      expect(height).toBe(report.rows);
      expect(report.paperNearEnd).toBe(false);

      const png = await savePrinted(printer, `ticket-${paper}mm`);
      expect(zbarimg(png)).toBe(`${ticket.lookupQr}\n`);
      const lines = tesseract(png, 'vie', '3')
        .normalize('NFC')
        .split('\n')
        .map((line) => line.trim());
      expect(lines).toContain('1023');
      expect(lines).toContain('SỐ THỨ TỰ');
      expect(lines).toContain('Hộ tịch');
      expect(lines).toContain('ƯU TIÊN: Người cao tuổi');
      expect(lines.join(' ')).toContain('Có 12 người đang chờ trước Ông/Bà');
      expect(lines.join(' ')).toContain('Lấy số lúc 08:15, ngày 07/12/2026');
      console.info(`${paper} mm: ${report.bytes} bytes, ${width}x${height} dots -> ${png}`);
    });
  }

  it('a printer out of paper is PRINTER_PAPER_OUT and gets no ticket', async () => {
    printer.paper = 'out';
    const { error } = await printingFails(
      new EscPosTicketPrinter({ address: parsePrinterAddress(printer.url), paper: 80 }),
    );
    expect(error.code).toBe('PRINTER_PAPER_OUT');
    expect(error.text.vi).toMatch(/^Máy in phiếu đang hết giấy\. Mời Ông\/Bà/);
    expect(await printer.lastJob()).toEqual([
      { kind: 'status', n: 2 },
      { kind: 'status', n: 4 },
    ]);
  });

  it('a roll near its end still prints, and the report says so', async () => {
    printer.paper = 'near-end';
    const report = await new EscPosTicketPrinter({
      address: parsePrinterAddress(printer.url),
      paper: 58,
    }).print(ticket);
    expect(report.paperNearEnd).toBe(true);
    expect((await printer.lastJob()).some((c) => c.kind === 'raster')).toBe(true);
  });

  it('a printer that takes the connection but never answers is PRINTER_NOT_ANSWERING within the timeout', async () => {
    printer.paper = 'ok';
    printer.silent = true;
    try {
      const { error, ms } = await printingFails(
        new EscPosTicketPrinter({
          address: parsePrinterAddress(printer.url),
          paper: 80,
          timeoutMs: 800,
        }),
      );
      expect(error.code).toBe('PRINTER_NOT_ANSWERING');
      expect(ms).toBeLessThan(800 + 1500);
    } finally {
      printer.silent = false;
    }
  });
});

describe('a ticket printer that is not there', () => {
  it('a refused connection is PRINTER_OFFLINE at once', async () => {
    const closed = await VirtualEscPosPrinter.start();
    const url = closed.url;
    await closed.stop();
    const { error, ms } = await printingFails(
      new EscPosTicketPrinter({ address: parsePrinterAddress(url), paper: 80, timeoutMs: 2000 }),
    );
    expect(error.code).toBe('PRINTER_OFFLINE');
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.text.vi).toMatch(/^Máy in phiếu chưa sẵn sàng/);
    expect(ms).toBeLessThan(2000);
  });

  it('an address nothing answers from (TEST-NET-1) is PRINTER_OFFLINE within the timeout', async () => {
    const { error, ms } = await printingFails(
      new EscPosTicketPrinter({
        address: parsePrinterAddress('tcp://192.0.2.1:9100'),
        paper: 80,
        timeoutMs: 700,
      }),
    );
    expect(error.code).toBe('PRINTER_OFFLINE');
    expect(ms).toBeLessThan(700 + 1500);
  });

  it('a USB device file that does not exist is PRINTER_OFFLINE', async () => {
    const { error } = await printingFails(
      new EscPosTicketPrinter({
        address: parsePrinterAddress('/dev/usb/lp-not-here'),
        paper: 58,
      }),
    );
    expect(error.code).toBe('PRINTER_OFFLINE');
    expect(error.message).toContain('ENOENT');
  });
});
