/**
 * Diagnostics' `ticket-printer` line against a virtual ESC/POS printer on
 * 127.0.0.1: each state the printer reports becomes ok, warn or fail with a
 * fix for IT, the check prints nothing (status requests only), and
 * `kiosk doctor` shows the line when the config names a ticket printer.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HealthCheckSchema } from '../../../electron/api/contract/system';
import { createTicketPrinterProbe } from '../../../electron/services/ticket-printer/ticket-printer-probe';
import { VirtualEscPosPrinter } from './virtual-escpos-printer';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let printer: VirtualEscPosPrinter;

beforeAll(async () => {
  printer = await VirtualEscPosPrinter.start();
});
afterAll(async () => {
  await printer.stop();
});

function probeOf(url: string) {
  const probe = createTicketPrinterProbe({ url, paperWidthMm: 80, timeoutMs: 1000 });
  if (probe === null) throw new Error('no probe for a configured printer');
  return probe;
}

/** A port nothing listens on: bound, read, closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  if (address === null || typeof address === 'string') throw new Error('not listening');
  return address.port;
}

describe('the ticket printer probe', () => {
  it('is absent when no ticket printer is configured', () => {
    expect(createTicketPrinterProbe({ url: '  ', paperWidthMm: 58, timeoutMs: 1000 })).toBeNull();
  });

  it('says ready, near end and out as the printer reports them, and prints nothing', async () => {
    printer.paper = 'ok';
    const sentBefore = printer.jobs.length;
    const ready = await probeOf(printer.url).check();
    expect(ready).toMatchObject({ id: 'ticket-printer', kind: 'device', status: 'ok' });
    expect(ready.detailVi).toBe('Máy in số thứ tự sẵn sàng (cuộn 80 mm).');
    const commands = await printer.lastJob();
    expect(printer.jobs.length).toBe(sentBefore + 1);
    expect(commands.map((c) => c.kind)).toEqual(['status', 'status']);

    printer.paper = 'near-end';
    const nearEnd = await probeOf(printer.url).check();
    expect(nearEnd.status).toBe('warn');
    expect(nearEnd.detailVi).toBe('Máy in số thứ tự sắp hết giấy.');

    printer.paper = 'out';
    const out = await probeOf(printer.url).check();
    expect(out.status).toBe('fail');
    expect(out.detail).toContain('PRINTER_PAPER_OUT');
    expect(out.fix?.vi).toMatch(/Thay cuộn giấy/);
    printer.paper = 'ok';
  });

  it('fails with what to check when the printer is silent, unplugged or misnamed', async () => {
    printer.silent = true;
    try {
      const silent = await probeOf(printer.url).check();
      expect(silent.status).toBe('fail');
      expect(silent.detail).toContain('PRINTER_NOT_ANSWERING');
      expect(silent.fix?.vi).toMatch(/ESC\/POS/);
    } finally {
      printer.silent = false;
    }

    const unplugged = await probeOf(`tcp://127.0.0.1:${await closedPort()}`).check();
    expect(unplugged.status).toBe('fail');
    expect(unplugged.detail).toContain('PRINTER_OFFLINE');
    expect(unplugged.fix?.vi).toMatch(/Bật nguồn/);

    const misnamed = await probeOf('ftp://printer').check();
    expect(misnamed.status).toBe('fail');
    expect(misnamed.detail).toContain('PRINTER_ADDRESS_INVALID');
  });

  it('appears in `kiosk doctor --json` when the config names a ticket printer', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-doctor-ticket-'));
    try {
      writeFileSync(
        join(dataDir, 'config.json'),
        JSON.stringify({ ticketPrinter: { url: printer.url, paperWidthMm: 58, timeoutMs: 1000 } }),
      );
      // Not spawnSync: the virtual printer answers from this process's event loop.
      const run = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'electron/cli/main.ts', '--json', 'doctor'],
        {
          cwd: root,
          encoding: 'utf8',
          env: { ...process.env, KIOSK_DATA_DIR: dataDir, KIOSK_PORTAL_URL: 'http://127.0.0.1:1' },
          timeout: 90_000,
        },
      ).catch((error: unknown) => ({
        // doctor exits 1 here (no pcscd, no portal); its report is still on stdout.
        stdout: z.object({ stdout: z.string() }).parse(error).stdout,
      }));
      const report = z.object({ checks: z.array(HealthCheckSchema) }).parse(JSON.parse(run.stdout));
      const line = report.checks.find((c) => c.id === 'ticket-printer');
      expect(line).toMatchObject({ status: 'ok', kind: 'device' });
      expect(line?.detail).toContain(printer.url);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
