import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SCREENSHOTS } from './support/chromium';
import { keyBurst } from './support/key-burst';
import { addStaff, CLERK, signInWithPassword } from './support/staff';
import { startShellProcess, type ShellProcess } from './support/shell-process';

/** A synthetic 2021 CCCD QR payload (no real person). */
const QR =
  '001185012345|123456789|Nguyễn Thị Mai|14031985|Nữ|Số 1 Phố Giả Định, Phường Hàng Bạc, Hà Nội|10052021';

let browser: Browser;
let shell: ShellProcess;
let page: Page;

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
    await keyBurst(page, QR, 5);
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
    await keyBurst(page, '0912345678', 120);
    await expect(phone.inputValue()).resolves.toBe('0912345678');
    await expect(page.getByLabel('Họ, chữ đệm và tên').inputValue()).resolves.toBe(
      'Nguyễn Thị Mai',
    );
  });

  it('says so when the scanned code is not an ID card QR', async () => {
    await page.getByLabel('Số CMND cũ').click();
    await keyBurst(page, 'https://example.vn/khong-phai-cccd', 5);
    await page.getByRole('alert').waitFor();
    await expect(page.getByLabel('Số CMND cũ').inputValue()).resolves.toBe('123456789');
  });
});
