import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualEscPosPrinter } from '../integration/ticket-printer/virtual-escpos-printer';
import { vnNow } from '../../electron/services/queue/appointments/appointment-rules';
import { axeScreen } from './support/axe';
import { launchChromium, SCREENSHOTS } from './support/chromium';
import { kioskCli } from './support/kiosk-cli';
import { startShellProcess, type ShellProcess } from './support/shell-process';
import { fillMrz, insertVirtualCccd, type InsertedCard } from './support/virtual-cccd';

/**
 * A citizen who booked ahead picks up the appointment at the kiosk (issue 19
 * item 1) with real peers: pcscd + vicc holding the generated CCCD (its
 * number, 001185012345, is the synthetic person's), the browser shell, the
 * `kiosk queue book` CLI on the same data folder, a virtual ESC/POS printer.
 */
let browser: Browser;
let shell: ShellProcess;
let page: Page;
let printer: VirtualEscPosPrinter;
let inserted: InsertedCard;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/queue-appointment-${name}.png`, fullPage: true });
  const count = await axeScreen(page, `queue-appointment-${name}`);
  expect(count.blocking, name).toEqual([]);
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function book(slot: string): void {
  const { day } = vnNow(Date.now());
  const card = inserted.generated.person.id;
  kioskCli(shell.dataDir, [
    'queue',
    'book',
    '--area',
    'HT',
    '--cccd',
    card,
    '--date',
    day,
    '--time',
    slot,
  ]);
}

/** From the start screen through the card read to whatever the check-in shows. */
async function checkIn(): Promise<number> {
  await page.getByRole('heading', { name: 'Xin chào!' }).waitFor();
  await page.getByRole('button', { name: /Lấy số thứ tự/ }).click();
  await page.getByRole('button', { name: /Tôi đã đặt lịch hẹn/ }).click();
  await page.getByRole('heading', { name: 'Đặt thẻ Căn cước (CCCD) lên đầu đọc' }).waitFor();
  await fillMrz(page, inserted.generated);
  const start = performance.now();
  await page.getByRole('button', { name: 'Đọc thẻ' }).click();
  await page
    .locator('.queue-ticket, .queue-appointment-error')
    .first()
    .waitFor({ timeout: 90_000 });
  return performance.now() - start;
}

beforeAll(async () => {
  inserted = await insertVirtualCccd();
  printer = await VirtualEscPosPrinter.start();
  shell = await startShellProcess({
    mode: 'kiosk',
    idleTimeoutSeconds: 600,
    agency: { name: 'UBND xã Bình Sơn' },
    ticketPrinter: { url: printer.url, paperWidthMm: 80, timeoutMs: 2000 },
    card: { trustDir: inserted.trustDir },
  });
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 1000 },
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  page = await context.newPage();
  await page.goto(shell.url);
}, 240_000);

afterAll(async () => {
  await (browser as Browser | undefined)?.close();
  await (shell as ShellProcess | undefined)?.stop();
  await (printer as VirtualEscPosPrinter | undefined)?.stop();
  await (inserted as InsertedCard | undefined)?.stop();
});

describe('picking up a booked appointment with the CCCD at the kiosk', () => {
  it('on time: a ticket called before the walk-in who came first, and the screen says so', async () => {
    const { minutes } = vnNow(Date.now());
    book(hhmm(minutes));
    // A walk-in takes a number first.
    await page.getByRole('heading', { name: 'Xin chào!' }).waitFor();
    await page.getByRole('button', { name: /Lấy số thứ tự/ }).click();
    await page.getByRole('button', { name: 'Hộ tịch', exact: true }).waitFor();
    await shot('1-areas');
    await page.getByRole('button', { name: 'Hộ tịch', exact: true }).click();
    await page.locator('.queue-ticket').waitFor();
    await page.getByRole('button', { name: 'Xong' }).click();

    await page.getByRole('heading', { name: 'Xin chào!' }).waitFor();
    await page.getByRole('button', { name: /Lấy số thứ tự/ }).click();
    await page.getByRole('button', { name: /Tôi đã đặt lịch hẹn/ }).click();
    await page.getByRole('heading', { name: 'Đặt thẻ Căn cước (CCCD) lên đầu đọc' }).waitFor();
    await shot('2-card');
    await page.getByRole('button', { name: 'Lấy số thường theo lĩnh vực' }).click();
    await page.getByRole('button', { name: 'Hộ tịch', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Quay lại' }).click();

    const ms = await checkIn();
    console.log(`card read + check-in to the ticket screen: ${ms.toFixed(0)} ms`);
    await page.getByText(`Lịch hẹn ${hhmm(minutes)} — được gọi trước`).waitFor();
    expect(await page.locator('.queue-number').getAttribute('data-number')).toBe('2');
    // The walk-in (number 1) waits behind the booked ticket, not ahead of it.
    await page.getByText('Không có ai đang chờ trước Ông/Bà').waitFor();
    await page.getByText('Đã in phiếu. Mời Ông/Bà nhận phiếu ở khe máy in.').waitFor();
    await shot('3-booked-ticket');
    await page.getByRole('button', { name: 'Xong' }).click();
  });

  it('early or late: an ordinary ticket and the reason; a second pick-up is refused plainly', async () => {
    const { minutes } = vnNow(Date.now());
    // 90 minutes away from now, on the same day: early when it can be, late near midnight.
    const later = minutes + 90 < 24 * 60;
    book(hhmm(later ? minutes + 90 : minutes - 90));
    await checkIn();
    const reason = later ? 'đến sớm hơn 30 phút' : 'đến muộn quá 30 phút';
    await page.getByText(new RegExp(reason)).waitFor();
    expect(await page.locator('.queue-number').getAttribute('data-number')).toBe('3');
    await page.getByText('Có 2 người đang chờ trước Ông/Bà').waitFor();
    await shot('4-ordinary-ticket');
    await page.getByRole('button', { name: 'Xong' }).click();

    await checkIn();
    await page.getByRole('alert').filter({ hasText: 'đã được nhận số rồi' }).waitFor();
    await shot('5-already-used');
    await page.getByRole('button', { name: 'Đọc lại thẻ' }).click();
    await page.getByRole('button', { name: 'Đọc thẻ' }).waitFor();
    await page.getByRole('button', { name: 'Lấy số thường theo lĩnh vực' }).click();
    await page.getByRole('button', { name: 'Hộ tịch', exact: true }).waitFor();
  });
});
