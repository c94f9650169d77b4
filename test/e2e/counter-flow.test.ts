import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedCard } from '../fixtures/cccd/generate-card';
import { renderPage } from '../fixtures/ocr/vietnamese-pages';
import { createSaneTestEnv, type SaneTestEnv } from '../integration/scan/sane-test-env';
import { simGet, startSim, type SimProcess } from '../integration/sync/peers';
import { launchChromium, SCREENSHOTS } from './support/chromium';
import { startShellProcess, type ShellProcess } from './support/shell-process';
import { addStaff, CLERK, signInWithPassword } from './support/staff';
import { fillMrz, insertVirtualCccd, type InsertedCard } from './support/virtual-cccd';

/**
 * (a) A clerk at the counter receives a birth registration end to end
 * through the browser shell, against real peers: pcscd + vsmartcard's vicc
 * holding a generated CCCD, SANE's test scanner (feeder), and the portal
 * simulator the kiosk syncs to.
 */
let browser: Browser | undefined;
let shell: ShellProcess | undefined;
let page: Page;
let inserted: InsertedCard | undefined;
let generated: GeneratedCard;
let sane: SaneTestEnv | undefined;
let sim: SimProcess | undefined;
let simUrl = '';
let shot = 0;
let code = '';
let dueText = '';
const consoleErrors: string[] = [];

async function screenshot(name: string): Promise<void> {
  shot += 1;
  await page.screenshot({ path: `${SCREENSHOTS}/counter-${shot}-${name}.png`, fullPage: true });
}

/** The kept pages of one component row, as the ScanPage indices in screen order. */
function pageOrder(component: string): Promise<string[]> {
  return page
    .locator(`[data-component="${component}"] .page-strip .page`)
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-page-index') ?? ''));
}

async function scan(component: string, pages: number): Promise<void> {
  await page.getByLabel('Số trang tối đa (để trống: hết giấy)').fill(String(pages));
  const row = page.locator(`[data-component="${component}"]`);
  await row.getByRole('button', { name: 'Quét', exact: true }).click();
  // Pages arrive one by one while the feeder runs, then the row's job holds them all.
  await row
    .getByRole('button', { name: 'Quét lại' })
    .waitFor({ timeout: 90_000 })
    .catch(async (error: unknown) => {
      await screenshot(`scan-failed-${component}`);
      throw new Error(`${component}: ${await row.innerText()}`, { cause: error });
    });
  await expect(row.locator('.page-strip .page').count()).resolves.toBe(pages);
}

beforeAll(async () => {
  inserted = await insertVirtualCccd();
  generated = inserted.generated;
  const { trustDir } = inserted;
  sane = createSaneTestEnv();
  // A grid rather than the default solid black, so the pages look like paper to the pipeline.
  writeFileSync(join(sane.dir, 'test.conf'), 'number_of_devices 2\ntest-picture "Grid"\n');
  sim = await startSim(['--port', '0', '--memory']);
  simUrl = sim.url;
  shell = await startShellProcess(
    { mode: 'staff', idleTimeoutSeconds: 600, card: { trustDir } },
    {
      SANE_CONFIG_DIR: sane.dir,
      KIOSK_PORTAL_URL: simUrl,
      KIOSK_PORTAL_PASSWORD: 'kiosk-training',
    },
    (dataDir) => {
      addStaff(dataDir, CLERK);
    },
  );
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 1000 },
    acceptDownloads: true,
    // The counter PC runs on Vietnam time, as the receipt does.
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(shell.url);
}, 240_000);

afterAll(async () => {
  // Each peer is stopped only if this run got as far as starting it.
  await browser?.close();
  await shell?.stop();
  await sim?.stop();
  await inserted?.stop();
  sane?.dispose();
});

describe('a clerk receives a birth registration at the counter (browser shell, real peers)', () => {
  it('signs in and finds the procedure by typing without diacritics', async () => {
    await signInWithPassword(page, CLERK);
    await page.getByRole('button', { name: /Tiếp nhận hồ sơ mới/ }).click();
    await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ mới' }).waitFor();
    // The common procedures are listed before anything is typed.
    await page.locator('.procedure-item').first().waitFor();
    await screenshot('start');
    await page.getByLabel('Tìm thủ tục (tên, mã hoặc lĩnh vực)').fill('dang ky khai sinh');
    const item = page.locator('.procedure-item[data-code="1.001193"]');
    await item.waitFor();
    await expect(item.locator('.procedure-name').textContent()).resolves.toBe('Đăng ký khai sinh');
    await expect(item.locator('[data-unconfirmed]').count()).resolves.toBe(1);
    await screenshot('procedure');
    await item.click();
  });

  it('reads the chip: progress, then the trusted badge and the photo', async () => {
    await fillMrz(page, generated);
    await page.getByRole('button', { name: 'Đọc thẻ' }).click();
    await page.getByText('Đang đọc thẻ… Xin giữ nguyên thẻ trên đầu đọc.').waitFor();
    const summary = page.locator('.applicant-summary[data-applicant-source="chip"]');
    await summary.waitFor({ timeout: 90_000 });
    await expect(summary.locator('[data-trust]').getAttribute('data-trust')).resolves.toBe(
      'trusted',
    );
    await expect(summary.locator('.applicant-name').textContent()).resolves.toBe(
      generated.person.fullName,
    );
    const photoWidth = await summary
      .locator('img.portrait')
      .evaluate((img) => (img as HTMLImageElement).naturalWidth);
    expect(photoWidth).toBeGreaterThan(0);
    await screenshot('card');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
  });

  it('the e-form holds the card values without typing; the child is typed; errors keep what was typed', async () => {
    const value = (key: string) => page.locator(`[name="${key}"]`).inputValue();
    await page.locator('[name="registrantName"]').waitFor();
    await expect(value('registrantName')).resolves.toBe(generated.person.fullName);
    await expect(value('registrantId')).resolves.toBe(generated.person.id);
    await expect(value('registrantResidence')).resolves.toBe(generated.person.placeOfResidence);
    await expect(
      page.locator('[data-field="registrantName"] [data-from-card]').count(),
    ).resolves.toBe(1);
    await expect(
      page.locator('[name="registrantId"]').getAttribute('readonly'),
    ).resolves.not.toBeNull();

    await page.locator('[name="childName"]').fill('Trần Minh Khôi');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByText(/Còn \d+ ô chưa hợp lệ/).waitFor();
    await expect(value('childName')).resolves.toBe('Trần Minh Khôi');

    await page.locator('[name="relationship"]').selectOption('mother');
    await page.locator('[name="childBirthDate"]').fill('01/11/2026');
    await page.locator('[name="childSex"]').selectOption('male');
    await page.locator('[name="childBirthPlace"]').fill('Bệnh viện Phụ sản Hà Nội');
    await page.locator('[name="childEthnicity"]').fill('Kinh');
    await page.locator('[name="childNationality"]').fill('Việt Nam');
    await page.locator('[name="motherName"]').fill(generated.person.fullName);
    await screenshot('form');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
  });

  it('scans the form on the feeder (3 pages), moves one and deletes one', async () => {
    await expect
      .poll(() => page.locator('[name="scanner"]').inputValue(), { timeout: 30_000 })
      .toBe('sane:test:0');
    await expect(page.locator('[name="scan-source"]').inputValue()).resolves.toBe('adf');
    await scan('TO_KHAI', 3);
    await expect(pageOrder('TO_KHAI')).resolves.toEqual(['0', '1', '2']);
    const row = page.locator('[data-component="TO_KHAI"]');
    await row.getByRole('button', { name: 'Chuyển trang 3 sang trái' }).click();
    await expect(pageOrder('TO_KHAI')).resolves.toEqual(['0', '2', '1']);
    await row.getByRole('button', { name: 'Xoá trang 1' }).click();
    await expect(pageOrder('TO_KHAI')).resolves.toEqual(['2', '1']);
    await screenshot('components-scanned');
  });

  it('imports the birth certificate from a PNG file; its page is OCR-read', async () => {
    const png = await renderPage(
      'GIẤY CHỨNG SINH\n\nHọ, chữ đệm, tên mẹ: Nguyễn Thị Mai\nSinh con: trai, ngày 01 tháng 11 năm 2026',
    );
    await page.locator('[name="import-GIAY_CHUNG_SINH"]').setInputFiles({
      name: 'giay-chung-sinh.png',
      mimeType: 'image/png',
      buffer: Buffer.from(png),
    });
    const row = page.locator('[data-component="GIAY_CHUNG_SINH"]');
    await row.getByRole('button', { name: 'Quét lại' }).waitFor({ timeout: 60_000 });
    await expect(row.locator('.page-strip .page').count()).resolves.toBe(1);
    await row.locator('[data-ocr="done"]').waitFor({ timeout: 90_000 });
    await screenshot('components');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
  });

  it('reviews and saves: "Đang lưu…" until the core answers, then the receipt', async () => {
    await page.getByRole('heading', { name: 'Kiểm tra trước khi lưu' }).waitFor();
    await expect(
      page.locator('[data-part="components"] [data-component="TO_KHAI"]').textContent(),
    ).resolves.toContain('2 trang');
    await screenshot('review');
    // Every state the page passes through from the click on: the save button's text and
    // whether anything says "Đã lưu".
    await page.evaluate(() => {
      const seen: { button: string; saved: boolean }[] = [];
      const record = () => {
        seen.push({
          button: document.querySelector('button.save')?.textContent ?? '',
          saved: document.body.innerText.includes('Đã lưu'),
        });
      };
      new MutationObserver(record).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
      (window as unknown as { saveStates: typeof seen }).saveStates = seen;
    });
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await page.locator('main.intake[data-step="receipt"]').waitFor({ timeout: 60_000 });
    const states = await page.evaluate(
      () => (window as unknown as { saveStates: { button: string; saved: boolean }[] }).saveStates,
    );
    expect(states.some((s) => s.button === 'Đang lưu…')).toBe(true);
    expect(states.filter((s) => s.button !== '' && s.saved)).toEqual([]);
    await page
      .getByRole('status')
      .getByText(/Đã lưu hồ sơ/)
      .waitFor();
    code = (await page.locator('.receipt-code').getAttribute('data-code')) ?? '';
    expect(code).not.toBe('');
    dueText = (await page.locator('.receipt-due').textContent()) ?? '';
    expect(dueText).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  });

  it('the receipt PDF downloads with the code, the applicant with diacritics and the appointment date', async () => {
    const link = page.getByRole('link', { name: 'Tải về (PDF)' });
    await link.waitFor({ timeout: 60_000 });
    await page.locator('iframe.receipt-pdf').waitFor();
    // The CSP lets the page frame its own blob: PDF.
    expect(consoleErrors.filter((e) => /Content Security Policy|Refused to frame/.test(e))).toEqual(
      [],
    );
    await screenshot('receipt');
    // The next reception starts from a button the clerk sees without
    // scrolling past the A4 preview.
    const another = await page
      .getByRole('button', { name: 'Tiếp nhận hồ sơ khác' })
      .evaluate((button) => {
        const box = button.getBoundingClientRect();
        return { top: box.top, bottom: box.bottom, viewport: window.innerHeight };
      });
    expect(another.top).toBeGreaterThanOrEqual(0);
    expect(another.bottom).toBeLessThanOrEqual(another.viewport);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await download.saveAs('test-results/receipt-counter.pdf');
    // Lines of the form may wrap anywhere: compare with white space collapsed.
    const text = execFileSync('pdftotext', ['test-results/receipt-counter.pdf', '-'], {
      encoding: 'utf8',
    })
      .normalize('NFC')
      .replace(/\s+/g, ' ');
    expect(text).toContain(code);
    expect(text).toContain(generated.person.fullName.normalize('NFC'));
    const [day, month, year] = dueText.slice(0, 10).split('/');
    expect(text).toContain(`ngày ${day ?? ''} tháng ${month ?? ''} năm ${year ?? ''}`);
  });

  it('the portal simulator receives the dossier exactly once', async () => {
    interface SimDossiers {
      dossiers: { MaHoSo?: string; maHoSo?: string }[];
    }
    const held = async () =>
      (await simGet<SimDossiers>(`${simUrl}/__sim/dossiers`)).dossiers.filter(
        (d) => (d.MaHoSo ?? d.maHoSo) === code,
      ).length;
    await expect.poll(held, { timeout: 60_000, interval: 500 }).toBe(1);
    // A later sync round must not send it again.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await expect(held()).resolves.toBe(1);
  });
});
