import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SCREENSHOTS } from './support/chromium';
import { addStaff, CLERK, signInWithPassword } from './support/staff';
import { startShellProcess, type ShellProcess } from './support/shell-process';

/** A synthetic 2021 CCCD QR payload (no real person). */
const QR =
  '001185012345|123456789|Nguyễn Thị Mai|14031985|Nữ|Số 1 Phố Giả Định, Phường Hàng Bạc, Hà Nội|10052021';

let browser: Browser;
let shell: ShellProcess;
let page: Page;
/** The last timestamp sent (seconds since the epoch, possibly ahead of the clock). */
let lastBurstEnd = 0;

/**
 * Key events as a device sends them: each character `gapMs` after the last,
 * then Enter. The events carry their own timestamps (CDP), so what the page
 * sees is the sender's rhythm whatever the load of the machine running the
 * test: 5 ms is a scanner, 120 ms a quick typist.
 */
async function keyBurst(text: string, gapMs: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  // Never before the previous burst's last (future) timestamp, or time would run backwards.
  const start = Math.max(Date.now() / 1000, lastBurstEnd + 1);
  let i = 0;
  const at = () => (lastBurstEnd = start + (i++ * gapMs) / 1000);
  for (const char of text) {
    const timestamp = at();
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'keyDown',
      key: char,
      text: char,
      unmodifiedText: char,
      timestamp,
    });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: char, timestamp });
  }
  const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, timestamp: at() };
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...enter, text: '\r' });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...enter });
  await cdp.detach();
}

beforeAll(async () => {
  shell = await startShellProcess({ mode: 'staff' }, {}, (dataDir) => {
    addStaff(dataDir, CLERK);
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(shell.url);
  await signInWithPassword(page, CLERK);
  await page.getByRole('button', { name: /Tiếp nhận hồ sơ mới/ }).click();
  await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ mới' }).waitFor();
  // The wizard opens on the procedure; the applicant step is open before one is chosen.
  await page.getByRole('button', { name: /Người nộp/ }).click();
});

afterAll(async () => {
  await browser.close();
  await shell.stop();
});

describe('a keyboard-wedge QR scanner on the reception screen', () => {
  it('fills the citizen identity from a scan at scanner speed, wherever the focus is', async () => {
    const phone = page.getByLabel('Số điện thoại liên hệ');
    await phone.click();
    await keyBurst(QR, 5);
    await page.locator('[data-source="qr"]').waitFor();
    await expect(page.getByLabel('Họ, chữ đệm và tên').inputValue()).resolves.toBe(
      'Nguyễn Thị Mai',
    );
    await expect(
      page.getByLabel('Số định danh cá nhân', { exact: true }).inputValue(),
    ).resolves.toBe('001185012345');
    await expect(page.getByLabel('Ngày sinh').inputValue()).resolves.toBe('14/03/1985');
    await expect(page.getByLabel('Giới tính').inputValue()).resolves.toBe('female');
    await expect(page.getByLabel('Số CMND cũ').inputValue()).resolves.toBe('123456789');
    await expect(phone.inputValue()).resolves.toBe('');
    await page.screenshot({ path: `${SCREENSHOTS}/reception-qr-filled.png` });
  });

  it('leaves text typed at human speed alone', async () => {
    const phone = page.getByLabel('Số điện thoại liên hệ');
    await phone.click();
    await keyBurst('0912345678', 120);
    await expect(phone.inputValue()).resolves.toBe('0912345678');
    await expect(page.getByLabel('Họ, chữ đệm và tên').inputValue()).resolves.toBe(
      'Nguyễn Thị Mai',
    );
  });

  it('says so when the scanned code is not an ID card QR', async () => {
    await page.getByLabel('Số CMND cũ').click();
    await keyBurst('https://example.vn/khong-phai-cccd', 5);
    await page.getByRole('alert').waitFor();
    await expect(page.getByLabel('Số CMND cũ').inputValue()).resolves.toBe('123456789');
  });
});
