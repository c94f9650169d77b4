import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSaneTestEnv, type SaneTestEnv } from '../integration/scan/sane-test-env';
import { launchChromium, SCREENSHOTS } from './support/chromium';
import { measureFit } from './support/fit';
import { startShellProcess, type ShellProcess } from './support/shell-process';
import { fillMrz, insertVirtualCccd, type InsertedCard } from './support/virtual-cccd';

/**
 * Kiosks are mounted landscape too (1366×768, 1920×1080). The whole
 * submission, start to receipt, is walked once in normal text and once in
 * large text; every screen is photographed and measured at each size: no
 * horizontal scroll, nothing outside the screen or cut off, no text or button
 * on another, text ≥ 22 px (33 px in large text), targets ≥ 64 px. The
 * card is a real chip read (pcscd + vicc): a self-service dossier is only
 * accepted for an applicant the chip vouches for.
 */
const LANDSCAPE = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const PORTRAIT = { width: 1080, height: 1920 } as const;

let browser: Browser;
let shell: ShellProcess;
let sane: SaneTestEnv;
let page: Page;
let inserted: InsertedCard;
const figures: string[] = [];

/**
 * Each size in turn: a screenshot, then the measures, which must all hold.
 * `inView`: what must be read without scrolling (outage notes): its bottom
 * inside the first screenful, except at the sizes in `scrolls` (measured and
 * recorded there all the same).
 */
async function check(
  name: string,
  large: boolean,
  inView?: string,
  scrolls: readonly { width: number; height: number }[] = [],
): Promise<void> {
  const sizes = large ? [...LANDSCAPE, PORTRAIT] : LANDSCAPE;
  for (const size of sizes) {
    await page.setViewportSize(size);
    // Two frames: the layout of the new width, then the paint the screenshot takes.
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    const label = `${name}${large ? '-large' : ''}-${String(size.width)}x${String(size.height)}`;
    await page.screenshot({ path: `${SCREENSHOTS}/landscape-${label}.png`, fullPage: true });
    const fit = await measureFit(page, large ? 33 : 22, 64);
    figures.push(
      `${label}: min text ${String(fit.minText)} px, min target ${String(Math.round(fit.minTarget))} px, widest block ${String(Math.round(fit.usedWidth * 100))}% of the width`,
    );
    expect(fit.overflowX, `${label}: horizontal scroll`).toBe(0);
    expect(fit.outside, `${label}: outside the screen`).toEqual([]);
    expect(fit.clipped, `${label}: cut off`).toEqual([]);
    expect(fit.overlapping, `${label}: overlapping`).toEqual([]);
    expect(fit.smallText, `${label}: text under the minimum`).toEqual([]);
    expect(fit.smallTargets, `${label}: targets under 64 px`).toEqual([]);
    // No thin column in the middle of a wide screen: some block spans most of it.
    expect(fit.usedWidth, `${label}: width used`).toBeGreaterThan(0.6);
    if (inView !== undefined) {
      const bottom = await page.evaluate((selector) => {
        window.scrollTo(0, 0);
        const boxes = [...document.querySelectorAll(selector)].map((el) =>
          el.getBoundingClientRect(),
        );
        return boxes.length === 0 ? Infinity : Math.max(...boxes.map((b) => b.bottom));
      }, inView);
      figures.push(
        `${label}: ${inView} ends at ${String(Math.round(bottom))} px of ${String(size.height)}`,
      );
      if (!scrolls.includes(size)) {
        expect(bottom, `${label}: ${inView} below the first screenful`).toBeLessThanOrEqual(
          size.height,
        );
      } else {
        // The screen scrolls anyway at this size: the first note (the one that asks the
        // citizen to act) must still be whole in the first screenful.
        const first = await page.evaluate(
          (selector) =>
            document.querySelector(`${selector} > :first-child`)?.getBoundingClientRect().bottom ??
            Infinity,
          inView,
        );
        figures.push(`${label}: its first note ends at ${String(Math.round(first))} px`);
        expect(first, `${label}: first note below the first screenful`).toBeLessThanOrEqual(
          size.height,
        );
      }
    }
    // The form's questions use the width of a landscape screen (two columns), not a
    // one-column strip that leaves the right third empty.
    if (name.startsWith('fields-') && size.width > size.height) {
      const share = await page.evaluate(() => {
        const form = document.querySelector('.kiosk-fields .eform');
        return form ? form.getBoundingClientRect().width / document.documentElement.clientWidth : 0;
      });
      figures.push(`${label}: the form spans ${String(Math.round(share * 100))}% of the width`);
      expect(share, `${label}: form width`).toBeGreaterThan(0.8);
    }
  }
  await page.setViewportSize(LANDSCAPE[0]);
}

const answers: Readonly<Record<string, string>> = {
  childName: 'Trần Minh Khôi',
  childBirthDate: '01/11/2026',
  childBirthPlace: 'Bệnh viện Phụ sản Hà Nội',
  childEthnicity: 'Kinh',
  childNationality: 'Việt Nam',
};

/** Start to receipt, with the applicant typed; `check` on every screen. */
async function walk(large: boolean): Promise<void> {
  await page.goto(shell.url);
  await page.getByRole('heading', { name: 'Xin chào!' }).waitFor();
  if (large) await page.getByRole('button', { name: 'Chữ to' }).click();
  // Before any form: the printer and the portal are down here, and the start screen says what
  // that means for the citizen, with the counter, as soon as the bounded checks answer.
  const opened = Date.now();
  await page.locator('.kiosk-start [data-outage="printer"]').waitFor({ timeout: 5000 });
  await page.locator('.kiosk-start [data-outage="portal"]').waitFor({ timeout: 5000 });
  figures.push(
    `start${large ? '-large' : ''}: outages shown ${String(Date.now() - opened)} ms after the greeting`,
  );
  const startPrinter =
    (await page.locator('.kiosk-start [data-outage="printer"]').textContent()) ?? '';
  expect(startPrinter).toContain('Ông/Bà vẫn nộp hồ sơ được');
  expect(startPrinter).toContain('giấy hẹn in nhận tại Quầy số 3');
  expect(await page.locator('.kiosk-start [data-outage="portal"]').textContent()).toContain(
    'hồ sơ vẫn được nhận, và sẽ tự gửi đi khi có mạng',
  );
  expect(await page.locator('.kiosk-start .outage-notes').textContent()).not.toMatch(
    /lpstat|cups|http|127\.0\.0\.1|sudo/i,
  );
  // In large text at 1366×768 the start screen scrolls already (its own tiles end below the
  // first screenful); the notes come first after the question, before the tiles.
  await check('start', large, '.kiosk-start .outage-notes', large ? [LANDSCAPE[0]] : []);
  await page.getByRole('button', { name: /Nộp hồ sơ/ }).click();
  await page.locator('[data-procedure="1.001193"]').waitFor();
  await check('procedure', large);
  await page.locator('[data-procedure="1.001193"]').click();
  await page.locator('.kiosk-card[data-reader="ready"]').waitFor({ timeout: 10_000 });
  await check('card', large);
  // vicc answers BAC only, so the chip is opened with the MRZ rather than the CAN.
  await fillMrz(page, inserted.generated);
  await check('card-typed', large);
  await page.getByRole('button', { name: 'Đọc thẻ' }).click();
  await page.getByRole('heading', { name: 'Đây có phải là Ông/Bà?' }).waitFor({ timeout: 90_000 });
  await check('confirm', large);
  await page.getByRole('button', { name: 'Đúng, là tôi' }).click();
  for (let screen = 0; screen < 12; screen += 1) {
    await page.locator('main[data-step]').waitFor();
    if ((await page.locator('[data-step="fields"]').count()) === 0) break;
    const first = await page.locator('.eform-field').first().getAttribute('data-field');
    for (const field of await page.locator('.eform-field').all()) {
      const key = (await field.getAttribute('data-field')) ?? '';
      const radios = field.locator('input[type="radio"]');
      if ((await radios.count()) > 0) {
        if ((await radios.first().getAttribute('required')) !== null) await radios.first().check();
        continue;
      }
      const input = field.locator('input, textarea');
      if ((await input.getAttribute('required')) === null || (await input.inputValue()) !== '')
        continue;
      await input.fill(answers[key] ?? 'Không');
    }
    await check(`fields-${String(screen + 1)}`, large);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
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
  for (let doc = 0; doc < 10; doc += 1) {
    if ((await page.locator('main').getAttribute('data-step')) !== 'documents') break;
    const heading = (await page.locator('h1').textContent()) ?? '';
    if (await page.getByText('Giấy tờ bắt buộc').isVisible()) {
      await page.getByRole('button', { name: 'Quét', exact: true }).click();
      await page.locator('.scanned').waitFor({ timeout: 90_000 });
      await check(`document-${String(doc + 1)}-scanned`, large);
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
    } else {
      await check(`document-${String(doc + 1)}`, large);
      await page.getByRole('button', { name: 'Tôi không có giấy tờ này' }).click();
    }
    await page.waitForFunction(
      (before) => document.querySelector('h1')?.textContent !== before,
      heading,
    );
  }
  await page.getByRole('heading', { name: 'Mời Ông/Bà kiểm tra lại trước khi nộp' }).waitFor();
  await check('review', large);
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await page
    .getByRole('heading', { name: 'Hồ sơ đã được tiếp nhận' })
    .waitFor({ timeout: 60_000 })
    .catch(async (e: unknown) => {
      await page.screenshot({ path: `${SCREENSHOTS}/landscape-submit-failed.png`, fullPage: true });
      throw e;
    });
  // Known from the start screen: on the receipt from its first frame, not arriving later
  // above the code and moving the buttons.
  expect(await page.locator('.kiosk-submit .outage-notes').count()).toBe(1);
  await page.locator('.receipt-qr').waitFor();
  await page.locator('iframe.receipt-pdf').waitFor({ timeout: 60_000 });
  // The portal and the printer are down here: the receipt says what that means and where to go.
  const printer = page.locator('[data-outage="printer"]');
  await printer.waitFor({ timeout: 30_000 });
  expect(await printer.textContent()).toContain('Máy in đang tạm ngừng');
  expect(await printer.textContent()).toContain('đến Quầy số 3 để nhận giấy hẹn in');
  const portal = page.locator('[data-outage="portal"]');
  expect(await portal.textContent()).toContain('sẽ tự gửi đi khi có mạng');
  expect(await portal.textContent()).toContain('đến Quầy số 3');
  // Above the PDF preview, read without scrolling at every size.
  const notes = await page.evaluate(() => {
    const outage = document.querySelector('.outage-notes');
    const preview = document.querySelector('iframe.receipt-pdf');
    return outage && preview
      ? outage.getBoundingClientRect().bottom <= preview.getBoundingClientRect().top
      : false;
  });
  expect(notes, 'outage notes above the preview').toBe(true);
  // In large text at 1366×768 the header, the step and the heading already take 577 px.
  await check('receipt', large, '.kiosk-submit .outage-notes', large ? [LANDSCAPE[0]] : []);
  const finish = page.getByRole('button', { name: 'Hoàn tất' });
  await finish.scrollIntoViewIfNeeded();
  await finish.click();
  await page.getByRole('heading', { name: 'Xin chào!' }).waitFor();
}

beforeAll(async () => {
  inserted = await insertVirtualCccd();
  sane = createSaneTestEnv();
  shell = await startShellProcess(
    {
      mode: 'kiosk',
      idleTimeoutSeconds: 600,
      helpCounter: 'Quầy số 3',
      card: { trustDir: inserted.trustDir },
    },
    // No print server answers (a refused port, CUPS installed or not): the printer is down, as
    // the portal is (the shell's default portal address refuses too).
    { SANE_CONFIG_DIR: sane.dir, CUPS_SERVER: '127.0.0.1:1' },
  );
  browser = await launchChromium();
  page = await (
    await browser.newContext({ viewport: LANDSCAPE[0], timezoneId: 'Asia/Ho_Chi_Minh' })
  ).newPage();
}, 240_000);

afterAll(async () => {
  await (browser as Browser | undefined)?.close();
  await (shell as ShellProcess | undefined)?.stop();
  (sane as SaneTestEnv | undefined)?.dispose();
  await (inserted as InsertedCard | undefined)?.stop();
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/kiosk-landscape.txt', `${figures.join('\n')}\n`);
  console.log(figures.join('\n'));
});

describe('the kiosk on a landscape screen, and in large text, start to receipt', () => {
  it('normal text at 1366×768 and 1920×1080: no sideways scroll, text ≥ 22 px, targets ≥ 64 px', async () => {
    await walk(false);
  }, 300_000);

  it('large text at 1366×768, 1920×1080 and 1080×1920, through the receipt: text ≥ 33 px, nothing cut off or overlapping', async () => {
    await walk(true);
  }, 300_000);
});
