import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedCard } from '../fixtures/cccd/generate-card';
import { launchChromium, SCREENSHOTS } from './support/chromium';
import { startShellProcess, type ShellProcess } from './support/shell-process';
import { fillMrz, insertVirtualCccd, type InsertedCard } from './support/virtual-cccd';

let browser: Browser;
let shell: ShellProcess;
let page: Page;
let inserted: InsertedCard;
let generated: GeneratedCard;

beforeAll(async () => {
  inserted = await insertVirtualCccd();
  generated = inserted.generated;
  const { trustDir } = inserted;
  shell = await startShellProcess({ mode: 'kiosk', idleTimeoutSeconds: 600, card: { trustDir } });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(shell.url);
}, 240_000);

afterAll(async () => {
  await browser.close();
  await shell.stop();
  await inserted.stop();
});

describe('the virtual CCCD through the browser shell (pcscd + vsmartcard vicc)', () => {
  it('Diagnostics shows the reader and the card on it, live', async () => {
    // Kiosk mode shows citizens no Diagnostics link: IT opens it by its address.
    await page.goto(`${shell.url.split('#')[0] ?? shell.url}#/diagnostics`);
    const reader = page.locator('[data-reader="Virtual PCD 00 00"]');
    await reader.waitFor({ timeout: 30_000 });
    await expect(reader.getAttribute('data-card')).resolves.toBe('present');
    await page.screenshot({ path: `${SCREENSHOTS}/diagnostics-card-reader.png`, fullPage: true });
    await page.goto(`${shell.url.split('#')[0] ?? shell.url}#/`);
  });

  it('a citizen reads the card at the kiosk: progress, photo, fields with diacritics, trusted badge', async () => {
    await page.getByRole('button', { name: /Nộp hồ sơ/ }).click();
    await page.locator('[data-procedure="1.001193"]').click();
    await fillMrz(page, generated);
    await page.getByRole('button', { name: 'Đọc thẻ' }).click();
    await page.getByText('Đang đọc thẻ… Xin giữ nguyên thẻ trên đầu đọc.').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/kiosk-card-reading.png` });
    // The self-service flow moves on to "Đây có phải là Ông/Bà?" as soon as the chip is read.
    await page.locator('.confirm-person').waitFor({ timeout: 90_000 });
    await expect(page.locator('.confirm-person').getAttribute('data-trust')).resolves.toBe(
      'trusted',
    );
    await expect(page.locator('.person-name').textContent()).resolves.toBe(
      generated.person.fullName,
    );
    const photoWidth = await page
      .locator('img.portrait')
      .evaluate((img) => (img as HTMLImageElement).naturalWidth);
    expect(photoWidth).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/kiosk-card-read.png`, fullPage: true });
  });

  it('a wrong MRZ is refused with a message the citizen understands', async () => {
    await page.getByRole('button', { name: 'Không phải, đọc lại thẻ' }).click();
    await fillMrz(page, generated, '010101');
    await page.getByRole('button', { name: 'Đọc thẻ' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/MRZ|không khớp/);
  });
});
