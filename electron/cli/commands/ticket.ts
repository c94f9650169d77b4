import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { loadConfig, resolveDataDir } from '../../services/config/config-file';
import {
  formatPrinterAddress,
  parsePrinterAddress,
} from '../../services/ticket-printer/printer-address';
import { EscPosTicketPrinter } from '../../services/ticket-printer/ticket-printer';
import { TicketPrinterError } from '../../services/ticket-printer/ticket-printer-error';
import { isPaperWidthMm, type TicketToPrint } from '../../services/ticket-printer/ticket-to-print';
import { ExitCode, type CliIo } from '../cli-io';
import type { CliCommand } from '../command';

const usage = {
  vi: 'Cách dùng: kiosk ticket test-print [--printer tcp://MÁY:9100|/dev/usb/lp0] [--width 58|80] [--timeout MS] [--png TỆP.png]',
  en: 'Usage: kiosk ticket test-print [--printer tcp://HOST:9100|/dev/usb/lp0] [--width 58|80] [--timeout MS] [--png FILE.png]',
};

/** A ticket no queue issued: "PHIẾU IN THỬ" on the area line says so to anyone who finds it. */
function sampleTicket(centreName: string, now: Date): TicketToPrint {
  return {
    number: '0123',
    areaName: 'PHIẾU IN THỬ – Hộ tịch',
    peopleAhead: 4,
    estimatedWaitMinutes: 15,
    takenAt: now,
    centreName,
    priorityReason: 'Người cao tuổi',
    lookupQr: `KIOSK-TEST-PRINT ${now.toISOString()}`,
  };
}

/**
 * `kiosk ticket test-print`: prints a sample queue ticket on the configured
 * ticket printer (config `ticketPrinter`) or the one given, so IT can check
 * the address, the roll width, the paper and the cutter. Exit 3 when the
 * printer is offline, silent, out of paper or open.
 */
export const ticketCommand: CliCommand = {
  name: 'ticket',
  summary: {
    vi: 'Máy in phiếu số thứ tự: in thử một phiếu mẫu',
    en: 'Queue ticket printer: print a sample ticket',
  },
  run: async (args, io: CliIo) => {
    let values: { printer?: string; width?: string; timeout?: string; png?: string };
    let positionals: string[];
    try {
      ({ values, positionals } = parseArgs({
        args: [...args],
        allowPositionals: true,
        options: {
          printer: { type: 'string' },
          width: { type: 'string' },
          timeout: { type: 'string' },
          png: { type: 'string' },
        },
      }));
    } catch {
      io.error(io.t(usage.vi, usage.en));
      return ExitCode.usage;
    }
    const width = values.width === undefined ? undefined : Number(values.width);
    const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
    if (
      positionals.length !== 1 ||
      positionals[0] !== 'test-print' ||
      (width !== undefined && !isPaperWidthMm(width)) ||
      (timeout !== undefined && !(Number.isInteger(timeout) && timeout > 0))
    ) {
      io.error(io.t(usage.vi, usage.en));
      return ExitCode.usage;
    }
    const { config } = loadConfig(resolveDataDir(process.env));
    const url = values.printer ?? config.ticketPrinter.url;
    if (url === '') {
      io.error(
        io.t(
          'Chưa có máy in phiếu: đặt ticketPrinter.url trong config.json hoặc dùng --printer.',
          'No ticket printer: set ticketPrinter.url in config.json or pass --printer.',
        ),
      );
      return ExitCode.usage;
    }
    const paper =
      width !== undefined && isPaperWidthMm(width) ? width : config.ticketPrinter.paperWidthMm;
    try {
      const address = parsePrinterAddress(url);
      const printer = new EscPosTicketPrinter({
        address,
        paper,
        timeoutMs: timeout ?? config.ticketPrinter.timeoutMs,
      });
      const report = await printer.print(sampleTicket(config.agency.name, new Date()));
      if (values.png !== undefined) {
        const { bitmap } = report;
        await sharp(bitmap.toGrey(), {
          raw: { width: bitmap.width, height: bitmap.height, channels: 1 },
        })
          .withMetadata({ density: 203 })
          .png()
          .toFile(resolve(values.png));
      }
      io.line(
        io.t(
          `Đã in phiếu mẫu trên ${formatPrinterAddress(address)} (khổ ${paper} mm, ${report.widthDots}×${report.rows} điểm, ${report.bytes} byte).`,
          `Sample ticket printed on ${formatPrinterAddress(address)} (${paper} mm, ${report.widthDots}×${report.rows} dots, ${report.bytes} bytes).`,
        ),
      );
      if (report.paperNearEnd) {
        io.line(
          io.t(
            'Cuộn giấy sắp hết: hãy thay cuộn mới.',
            'The roll is near its end: load a new one.',
          ),
        );
      }
      io.result({
        printer: formatPrinterAddress(address),
        paperWidthMm: paper,
        widthDots: report.widthDots,
        rows: report.rows,
        bytes: report.bytes,
        paperNearEnd: report.paperNearEnd,
      });
      return ExitCode.ok;
    } catch (error) {
      if (!(error instanceof TicketPrinterError)) throw error;
      io.error(`${io.t(error.text.vi, error.text.en)}\n(${error.message})`);
      if (io.json) io.result({ error: error.code, message: error.message });
      return error.code === 'PRINTER_ADDRESS_INVALID' ? ExitCode.usage : ExitCode.unavailable;
    }
  },
};
