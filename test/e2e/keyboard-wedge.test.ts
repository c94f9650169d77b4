import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SCREENSHOTS } from './support/chromium';
import { kioskCli } from './support/kiosk-cli';
import { startShellProcess, type ShellProcess } from './support/shell-process';

/** A synthetic 2021 CCCD QR payload (no real person). */
const QR =
  '001185012345|123456789|Nguyễn Thị Mai|14031985|Nữ|Số 1 Phố Giả Định, Phường Hàng Bạc, Hà Nội|10052021';

let browser: Browser;
let shell: ShellProcess;
let page: Page;

/**
 * What a wedge scanner sends: every character back to back, then Enter.
 * The key events are pipelined over CDP without waiting for each answer, as
 * a scanner does not wait either, so the test does not depend on the load of
 * the machine running it.
 */
async function scannerBurst(text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const sent: Promise<unknown>[] = [];
  for (const char of text) {
    sent.push(
      cdp.send('Input.dispatchKeyEvent', {
        type: 'keyDown',
        key: char,
        text: char,
        unmodifiedText: char,
      }),
    );
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: char }));
  }
  sent.push(
    cdp.send('Input.dispatchKeyEvent', {
      type: 'keyDown',
      key: 'Enter',
      code: 'Enter',
      windowsVirtualKeyCode: 13,
      text: '\r',
    }),
    cdp.send('Input.dispatchKeyEvent', {
      type: 'keyUp',
      key: 'Enter',
      code: 'Enter',
      windowsVirtualKeyCode: 13,
    }),
  );
  await Promise.all(sent);
  await cdp.detach();
}

beforeAll(async () => {
  shell = await startShellProcess({ mode: 'staff' }, {}, (dataDir) => {
    kioskCli(dataDir, ['staff', 'add', 'canbo1', '--role', 'clerk'], {
      KIOSK_STAFF_PASSWORD: 'mat-khau-can-bo-1',
    });
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(shell.url);
  await page.getByLabel('Tên đăng nhập').fill('canbo1');
  await page.getByLabel('Mật khẩu').fill('mat-khau-can-bo-1');
  await page.getByRole('button', { name: 'Đăng nhập bằng mật khẩu' }).click();
  await page.getByRole('button', { name: /Tiếp nhận hồ sơ mới/ }).click();
  await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ mới' }).waitFor();
});

afterAll(async () => {
  await browser.close();
  await shell.stop();
});

describe('a keyboard-wedge QR scanner on the reception screen', () => {
  it('fills the citizen identity from a scan at scanner speed, wherever the focus is', async () => {
    const phone = page.getByLabel('Số điện thoại liên hệ');
    await phone.click();
    await scannerBurst(QR);
    await page.locator('[data-source="qr"]').waitFor();
    await expect(page.getByLabel('Họ, chữ đệm và tên').inputValue()).resolves.toBe(
      'Nguyễn Thị Mai',
    );
    await expect(page.getByLabel('Số định danh cá nhân').inputValue()).resolves.toBe(
      '001185012345',
    );
    await expect(page.getByLabel('Ngày sinh').inputValue()).resolves.toBe('14/03/1985');
    await expect(page.getByLabel('Giới tính').inputValue()).resolves.toBe('female');
    await expect(page.getByLabel('Số CMND cũ').inputValue()).resolves.toBe('123456789');
    await expect(phone.inputValue()).resolves.toBe('');
    await page.screenshot({ path: `${SCREENSHOTS}/reception-qr-filled.png` });
  });

  it('leaves text typed at human speed alone', async () => {
    const phone = page.getByLabel('Số điện thoại liên hệ');
    await phone.click();
    await page.keyboard.type('0912345678', { delay: 90 });
    await page.keyboard.press('Enter');
    await expect(phone.inputValue()).resolves.toBe('0912345678');
    await expect(page.getByLabel('Họ, chữ đệm và tên').inputValue()).resolves.toBe(
      'Nguyễn Thị Mai',
    );
  });

  it('says so when the scanned code is not an ID card QR', async () => {
    await page.getByLabel('Số CMND cũ').click();
    await scannerBurst('https://example.vn/khong-phai-cccd');
    await page.getByRole('alert').waitFor();
    await expect(page.getByLabel('Số CMND cũ').inputValue()).resolves.toBe('123456789');
  });
});
