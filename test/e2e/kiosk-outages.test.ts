import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SCREENSHOTS } from './support/chromium';
import { startShellProcess, type ShellProcess } from './support/shell-process';
import { fillMrz, insertVirtualCccd, type InsertedCard } from './support/virtual-cccd';

/**
 * A citizen meets a device that is down: the kiosk says in plain Vietnamese
 * what to do next and names the counter IT configured ("Quầy số 3"). The
 * reader is taken down on the card step (pcscd stopped); the scanner is
 * absent (SANE reads an empty configuration folder, so it has no backend).
 * The portal and the printer are checked where they matter, on the receipt,
 * in kiosk-landscape.test.ts.
 */
const COUNTER = 'Quầy số 3';
const INTERNAL = /pcscd|scanimage|sane|kiosk doctor|sudo|\/usr|\/etc|lpstat|cups/i;

let browser: Browser;
let shell: ShellProcess;
let page: Page;
let inserted: InsertedCard;
let emptySane: string;

beforeAll(async () => {
  inserted = await insertVirtualCccd();
  emptySane = mkdtempSync(join(tmpdir(), 'sane-none-'));
  shell = await startShellProcess(
    {
      mode: 'kiosk',
      idleTimeoutSeconds: 600,
      helpCounter: COUNTER,
      card: { trustDir: inserted.trustDir },
    },
    { SANE_CONFIG_DIR: emptySane },
  );
  browser = await launchChromium();
  page = await (
    await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true })
  ).newPage();
  await page.goto(shell.url);
}, 240_000);

afterAll(async () => {
  await (browser as Browser | undefined)?.close();
  await (shell as ShellProcess | undefined)?.stop();
  await (inserted as InsertedCard | undefined)?.stop();
  rmSync(emptySane, { recursive: true, force: true });
});

describe('outages tell the citizen what to do and which counter to go to', () => {
  it('the card reader taken down: within 2 s, "go to Quầy số 3 with your card", no internal names', async () => {
    await page.getByRole('button', { name: /Nộp hồ sơ/ }).tap();
    await page.locator('[data-procedure="1.001193"]').tap();
    await page.locator('.kiosk-card[data-reader="ready"]').waitFor({ timeout: 10_000 });
    await inserted.takeReaderDown();
    const down = Date.now();
    await page.locator('.reader-down [role="alert"]').waitFor({ timeout: 2000 });
    expect(Date.now() - down).toBeLessThan(2000);
    const message = (await page.locator('.reader-down [role="alert"]').textContent()) ?? '';
    expect(message).toContain('Máy đọc thẻ đang tạm ngừng');
    expect(message).toContain(`mang thẻ Căn cước đến ${COUNTER}`);
    expect(message).not.toMatch(INTERNAL);
    // The heading and every line follow the outage: no "type the numbers" for a reader that is
    // not there (typed details are not accepted at an unattended kiosk).
    await expect(page.locator('h1').textContent()).resolves.toBe('Máy đọc thẻ đang tạm ngừng');
    const screen = await page.locator('main').innerText();
    expect(screen).not.toMatch(/Nhập (các )?số|bàn phím/);
    expect(screen).not.toMatch(INTERNAL);
    await page.screenshot({ path: `${SCREENSHOTS}/outage-reader.png`, fullPage: true });
  });

  it('no scanner: the document step says to take the papers to Quầy số 3', async () => {
    // Only a chip read takes the citizen on (no typed identity at an unattended kiosk).
    expect(await page.getByRole('button', { name: /bàn phím/ }).count()).toBe(0);
    await inserted.bringReaderBack();
    await page.locator('.kiosk-card[data-reader="ready"]').waitFor({ timeout: 15_000 });
    // vicc answers BAC only, so the chip is opened with the MRZ rather than the CAN.
    await fillMrz(page, inserted.generated);
    await page.getByRole('button', { name: 'Đọc thẻ' }).tap();
    await page
      .getByRole('heading', { name: 'Đây có phải là Ông/Bà?' })
      .waitFor({ timeout: 90_000 });
    await page.getByRole('button', { name: 'Đúng, là tôi' }).tap();
    // The e-form is not what this test is about: the first option or "Không" everywhere.
    for (let screen = 0; screen < 12; screen += 1) {
      await page.locator('main[data-step]').waitFor();
      if ((await page.locator('[data-step="fields"]').count()) === 0) break;
      const first = await page.locator('.eform-field').first().getAttribute('data-field');
      for (const field of await page.locator('.eform-field').all()) {
        const radios = field.locator('input[type="radio"]');
        if ((await radios.count()) > 0) {
          if ((await radios.first().getAttribute('required')) !== null)
            await radios.first().check();
          continue;
        }
        const input = field.locator('input, textarea');
        if ((await input.getAttribute('required')) === null || (await input.inputValue()) !== '')
          continue;
        const key = (await field.getAttribute('data-field')) ?? '';
        await input.fill(key.includes('Date') ? '01/11/2026' : 'Không');
      }
      await page.getByRole('button', { name: 'Tiếp tục' }).tap();
      await page.waitForFunction(
        (before) =>
          document.querySelector('[data-step="fields"]') === null ||
          document.querySelector('[aria-invalid="true"]') !== null ||
          document.querySelector('.eform-field')?.getAttribute('data-field') !== before,
        first,
      );
      if ((await page.locator('[aria-invalid="true"]').count()) > 0)
        throw new Error(`field refused on screen ${String(screen + 1)}`);
    }
    await page.locator('main[data-step="documents"]').waitFor();
    const alert = page.locator('main[data-step="documents"] [role="alert"]').first();
    await alert.waitFor({ timeout: 5000 });
    const message = (await alert.textContent()) ?? '';
    expect(message).toContain('Máy quét đang tạm ngừng');
    expect(message).toContain(`mang giấy tờ đến ${COUNTER}`);
    expect(message).not.toMatch(INTERNAL);
    await page.screenshot({ path: `${SCREENSHOTS}/outage-scanner.png`, fullPage: true });
  });
});
