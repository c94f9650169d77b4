import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { printedImage, VirtualEscPosPrinter } from './virtual-escpos-printer';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-ticket-cli-'));

function kiosk(
  args: readonly string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(root, 'node_modules/.bin/tsx'), ['electron/cli/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, KIOSK_DATA_DIR: dataDir, KIOSK_LOCALE: 'vi' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const Printed = z.object({
  printer: z.string(),
  paperWidthMm: z.literal(58),
  widthDots: z.literal(384),
  rows: z.number().int().positive(),
  bytes: z.number().int().positive(),
  paperNearEnd: z.boolean(),
});

describe('kiosk ticket test-print', () => {
  let printer: VirtualEscPosPrinter;

  beforeAll(async () => {
    printer = await VirtualEscPosPrinter.start();
  });
  afterAll(async () => {
    await printer.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints a 58 mm sample ticket the printer receives whole, and writes its PNG', async () => {
    const png = join(dataDir, 'sample.png');
    const run = await kiosk([
      '--json',
      'ticket',
      'test-print',
      '--printer',
      printer.url,
      '--width',
      '58',
      '--png',
      png,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const result = Printed.parse(JSON.parse(run.stdout));
    expect(result.printer).toBe(printer.url);
    const commands = await printer.lastJob();
    expect(printer.jobs.at(-1)!.bytes.length).toBe(result.bytes + 6);
    const image = printedImage(commands);
    expect({ width: image.width, height: image.height }).toEqual({
      width: 384,
      height: result.rows,
    });
    const qr = execFileSync('zbarimg', ['--raw', '-q', png], {
      encoding: 'utf8',
      timeout: 30_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(qr).toMatch(/^KIOSK-TEST-PRINT \d{4}-\d\d-\d\dT/);
  });

  it('says the roll is empty in Vietnamese and exits 3 when the printer is out of paper', async () => {
    printer.paper = 'out';
    try {
      const run = await kiosk(['ticket', 'test-print', '--printer', printer.url]);
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('Máy in phiếu đang hết giấy');
      expect(run.stderr).toContain('PRINTER_PAPER_OUT');
    } finally {
      printer.paper = 'ok';
    }
  });

  it('exits 2 with the usage for a width the printers do not have', async () => {
    const run = await kiosk(['ticket', 'test-print', '--printer', printer.url, '--width', '76']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('kiosk ticket test-print');
  });
});
