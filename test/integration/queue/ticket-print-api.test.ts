/**
 * `ticket.print` through the core's real dispatcher, on a virtual ESC/POS
 * printer over TCP on 127.0.0.1: a ticket the kiosk page has just taken is
 * printed with its number and a QR naming it; anything else is refused, so
 * an anonymous page cannot print arbitrary numbers or flood the roll.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../electron/api/errors';
import { createCore, type Core } from '../../../electron/shell/composition-root';
import { captureLogger } from '../../support/capture-logger';
import { printedImage, VirtualEscPosPrinter } from '../ticket-printer/virtual-escpos-printer';

const outDir = fileURLToPath(new URL('../../../test-results/ticket-printer/', import.meta.url));
const cores: { core: Core; dataDir: string }[] = [];
let printer: VirtualEscPosPrinter;

function startCore(config: Record<string, unknown>): Core {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-ticket-print-'));
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify(config));
  const core = createCore({ dataDir, shell: 'browser', logger: captureLogger().logger });
  cores.push({ core, dataDir });
  return core;
}

function caller(core: Core) {
  return async (method: string, params: unknown) =>
    (await core.dispatch(method, params, { transport: 'ws', connection: 'kiosk' })) as ApiResult<
      Record<string, unknown>
    >;
}

async function takeTicket(
  call: ReturnType<typeof caller>,
): Promise<{ id: string; number: number }> {
  const taken = await call('queue.take', { area: 'HT' });
  if (!taken.ok) throw new Error(taken.error.code);
  return taken.value as unknown as { id: string; number: number };
}

beforeAll(async () => {
  printer = await VirtualEscPosPrinter.start();
});

afterAll(async () => {
  for (const { core, dataDir } of cores) {
    await core.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
  await printer.stop();
});

describe('printing the ticket a kiosk page has just taken', () => {
  it('prints it: the raster holds a QR zbarimg reads back to the ticket', async () => {
    const call = caller(startCore({ ticketPrinter: { url: printer.url, timeoutMs: 2000 } }));
    await takeTicket(call);
    const ticket = await takeTicket(call);
    const printed = await call('ticket.print', { ticketId: ticket.id });
    expect(printed).toEqual({ ok: true, value: { outcome: 'printed', paperNearEnd: false } });
    const { width, height, grey } = printedImage(await printer.lastJob());
    mkdirSync(outDir, { recursive: true });
    const png = `${outDir}api-ticket.png`;
    await sharp(grey, { raw: { width, height, channels: 1 } })
      .png()
      .toFile(png);
    const qr = execFileSync('zbarimg', ['--raw', '-q', png], { encoding: 'utf8', timeout: 30_000 });
    expect(qr.trim()).toMatch(new RegExp(`^MOTCUA-STT:\\d{4}-\\d{2}-\\d{2}:2:HT:${ticket.id}$`));
  });

  it('refuses a ticket it did not hand out, and a fourth print of one it did', async () => {
    const call = caller(startCore({ ticketPrinter: { url: printer.url, timeoutMs: 2000 } }));
    const unknown = await call('ticket.print', {
      ticketId: '0190abcd-0000-7000-8000-000000000000',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'TICKET_PRINT_REFUSED' } });
    const ticket = await takeTicket(call);
    const jobsBefore = printer.jobs.length;
    for (let i = 0; i < 3; i += 1) {
      expect(await call('ticket.print', { ticketId: ticket.id })).toMatchObject({ ok: true });
    }
    expect(await call('ticket.print', { ticketId: ticket.id })).toMatchObject({
      ok: false,
      error: { code: 'TICKET_PRINT_REFUSED' },
    });
    expect(printer.jobs.length - jobsBefore).toBe(3);
  });

  it('says PRINTER_PAPER_OUT when the roll is empty, and the ticket stays taken', async () => {
    const call = caller(startCore({ ticketPrinter: { url: printer.url, timeoutMs: 2000 } }));
    const ticket = await takeTicket(call);
    printer.paper = 'out';
    try {
      expect(await call('ticket.print', { ticketId: ticket.id })).toMatchObject({
        ok: false,
        error: { code: 'PRINTER_PAPER_OUT' },
      });
    } finally {
      printer.paper = 'ok';
    }
    const status = await call('queue.status', {});
    if (!status.ok) throw new Error(status.error.code);
    const areas = status.value.areas as { code: string; waiting: number }[];
    expect(areas.find((a) => a.code === 'HT')?.waiting).toBe(1);
  });

  it('answers no-printer when none is configured, so the screen alone shows the number', async () => {
    const call = caller(startCore({}));
    const ticket = await takeTicket(call);
    expect(await call('ticket.print', { ticketId: ticket.id })).toEqual({
      ok: true,
      value: { outcome: 'no-printer' },
    });
  });
});
