import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  printedImage,
  VirtualEscPosPrinter,
} from '../integration/ticket-printer/virtual-escpos-printer';
import { axeScreen } from './support/axe';
import { launchChromium, SCREENSHOTS } from './support/chromium';
import { startShellProcess, type ShellProcess } from './support/shell-process';

/**
 * A citizen takes a number on the kiosk's start screen (issue 19 items 1-2):
 * the area as one large button, the ticket on screen, and the same ticket
 * on a virtual ESC/POS printer on 127.0.0.1 whose raster is decoded as the
 * head would lay it down. With the printer out of paper or gone, the screen
 * says so and keeps the number.
 */
let browser: Browser;
let shell: ShellProcess;
let page: Page;
let printer: VirtualEscPosPrinter;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/queue-take-${name}.png`, fullPage: true });
  const count = await axeScreen(page, `queue-take-${name}`);
  expect(count.blocking, name).toEqual([]);
}

/** From the start screen to the ticket of `area`; returns the number shown and the ticket's id. */
async function takeNumber(area: string): Promise<{ number: string; id: string; ms: number }> {
  await page.getByRole('heading', { name: 'Xin chào!' }).waitFor();
  await page.getByRole('button', { name: /Lấy số thứ tự/ }).click();
  await page.getByRole('heading', { name: 'Ông/Bà cần làm thủ tục thuộc lĩnh vực nào?' }).waitFor();
  const start = performance.now();
  await page.getByRole('button', { name: area, exact: true }).click();
  const ticket = page.locator('.queue-ticket');
  await ticket.waitFor();
  const ms = performance.now() - start;
  const number = (await page.locator('.queue-number').getAttribute('data-number')) ?? '';
  const id = (await ticket.getAttribute('data-ticket')) ?? '';
  return { number, id, ms };
}

function zbarimg(path: string): string {
  return execFileSync('zbarimg', ['--raw', '-q', path], { encoding: 'utf8', timeout: 30_000 });
}

/**
 * The ticket's number as tesseract reads it: a lone glyph 2 cm tall defeats
 * page layout analysis, so the number is cut
 * out (the first band of inked rows taller than text), scaled to text size
 * and read as one line.
 */
async function readNumber(image: {
  width: number;
  height: number;
  grey: Uint8Array;
}): Promise<string> {
  const { width, height, grey } = image;
  const inked = (y: number) => grey.subarray(y * width, (y + 1) * width).includes(0);
  // The first band taller than any line of text (30 dots) and above the QR: the number.
  let best = { top: 0, rows: 0 };
  for (let y = 0, run = 0; y < height && best.rows === 0; y += 1) {
    run = inked(y) ? run + 1 : 0;
    if (run > 0 && !inked(y + 1) && run > 80) best = { top: y - run + 1, rows: run };
  }
  const path = `${SCREENSHOTS}/queue-take-printed-number.png`;
  await sharp(grey, { raw: { width, height, channels: 1 } })
    .extract({ left: 0, top: best.top, width, height: best.rows })
    .extend({ top: 20, bottom: 20, background: '#fff' })
    .resize({ height: 80 })
    .png()
    .toFile(path);
  return execFileSync('tesseract', [path, '-', '-l', 'eng', '--psm', '7'], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  }).trim();
}

function tesseractLines(path: string): string[] {
  return execFileSync('tesseract', [path, '-', '-l', 'vie', '--psm', '3'], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  })
    .normalize('NFC')
    .split('\n')
    .map((line) => line.trim());
}

beforeAll(async () => {
  printer = await VirtualEscPosPrinter.start();
  shell = await startShellProcess({
    mode: 'kiosk',
    idleTimeoutSeconds: 600,
    agency: { name: 'UBND xã Bình Sơn' },
    ticketPrinter: { url: printer.url, paperWidthMm: 80, timeoutMs: 2000 },
  });
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 1000 },
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  page = await context.newPage();
  await page.goto(shell.url);
});

afterAll(async () => {
  await (browser as Browser | undefined)?.close();
  await (shell as ShellProcess | undefined)?.stop();
  await (printer as VirtualEscPosPrinter | undefined)?.stop();
});

describe('taking a queue number at the kiosk', () => {
  it('shows the number, people ahead and the wait, and prints the same ticket', async () => {
    await page.getByRole('heading', { name: 'Xin chào!' }).waitFor();
    await shot('1-start');
    await page.getByRole('button', { name: /Lấy số thứ tự/ }).click();
    await page.getByRole('button', { name: 'Hộ tịch', exact: true }).waitFor();
    await page
      .getByText(/Người cao tuổi, người khuyết tật, phụ nữ mang thai.*báo cán bộ/)
      .waitFor();
    await shot('2-areas');
    await page.getByRole('button', { name: 'Quay lại' }).click();

    const first = await takeNumber('Hộ tịch');
    expect(first.number).toBe('1');
    await page.getByText('Không có ai đang chờ trước Ông/Bà').waitFor();
    await page.getByText('Đã in phiếu. Mời Ông/Bà nhận phiếu ở khe máy in.').waitFor();
    await page.getByRole('button', { name: 'Xong' }).click();

    const second = await takeNumber('Hộ tịch');
    expect(second.number).toBe('2');
    await page.getByText('Có 1 người đang chờ trước Ông/Bà').waitFor();
    // One ahead, 5 min a service (nothing served yet), two counters for Hộ tịch: ⌈2.5⌉.
    await page.getByText('Thời gian chờ: khoảng 3 phút').waitFor();
    await page.getByText('Đã in phiếu. Mời Ông/Bà nhận phiếu ở khe máy in.').waitFor();
    await shot('3-ticket-printed');
    console.info(`area button to ticket on screen: ${second.ms.toFixed(0)} ms`);

    const image = printedImage(await printer.lastJob());
    const { width, height, grey } = image;
    const png = `${SCREENSHOTS}/queue-take-printed-ticket.png`;
    await sharp(grey, { raw: { width, height, channels: 1 } })
      .png()
      .toFile(png);
    expect(zbarimg(png).trim()).toMatch(new RegExp(`^MOTCUA-STT:[0-9-]{10}:2:HT:${second.id}$`));
    const lines = tesseractLines(png);
    expect(lines).toContain('Hộ tịch');
    expect(lines).toContain('SỐ THỨ TỰ');
    expect(lines.join(' ')).toContain('Có 1 người đang chờ trước Ông/Bà');
    expect(await readNumber(image)).toBe(second.number);
    console.info(`printed ticket: ${width}x${height} dots, ${printer.jobs.length} print jobs`);
    await page.getByRole('button', { name: 'Xong' }).click();
  });

  it('says the printer is out of paper, and the number stays on the screen', async () => {
    printer.paper = 'out';
    const jobs = printer.jobs.length;
    const taken = await takeNumber('Chứng thực');
    const alert = page.getByRole('alert');
    await alert.getByText(/Máy in phiếu đang hết giấy/).waitFor();
    await alert.getByText(`Số của Ông/Bà là ${taken.number}.`).waitFor();
    expect(await page.locator('.queue-number').textContent()).toBe(taken.number);
    await shot('4-paper-out');
    // The status question went out, no ticket followed it.
    expect(printer.jobs.length).toBe(jobs + 1);
    expect((await printer.lastJob()).some((c) => c.kind === 'raster')).toBe(false);
    printer.paper = 'ok';
    await page.getByRole('button', { name: 'Xong' }).click();
  });

  it('in large text on a 1366×768 screen, the number and its area fit the first screenful', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('button', { name: 'Chữ to' }).click();
    const taken = await takeNumber('Đất đai');
    await page.getByText('Đã in phiếu. Mời Ông/Bà nhận phiếu ở khe máy in.').waitFor();
    await shot('6-large-text');
    for (const selector of ['.queue-number', '.queue-area']) {
      const box = await page.locator(selector).boundingBox();
      expect(box, selector).not.toBeNull();
      expect(box!.y + box!.height, selector).toBeLessThanOrEqual(768);
    }
    const size = await page
      .locator('.queue-number')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    console.info(`number ${taken.number} in large text: ${size} px tall type`);
    expect(size).toBeGreaterThanOrEqual(150);
    await page.getByRole('button', { name: 'Xong' }).click();
    await page.getByRole('button', { name: 'Chữ thường' }).click();
    await page.setViewportSize({ width: 1280, height: 1000 });
  });

  it('says the printer is not connected, keeps the number, and returns to the start by itself', async () => {
    await printer.stop();
    const taken = await takeNumber('Cư trú');
    const alert = page.getByRole('alert');
    await alert.getByText(/Máy in phiếu chưa sẵn sàng/).waitFor();
    await alert.getByText(`Số của Ông/Bà là ${taken.number}.`).waitFor();
    await shot('5-printer-offline');
    const shownAt = performance.now();
    await page.getByRole('heading', { name: 'Xin chào!' }).waitFor({ timeout: 30_000 });
    const back = (performance.now() - shownAt) / 1000;
    console.info(`back to the start screen by itself after ${back.toFixed(1)} s`);
    expect(back).toBeGreaterThan(15);
    expect(back).toBeLessThan(25);
  });
});
