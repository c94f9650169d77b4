import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPage } from '../fixtures/ocr/vietnamese-pages';
import { createSaneTestEnv, type SaneTestEnv } from '../integration/scan/sane-test-env';
import {
  PIN,
  SOFTHSM_MODULE,
  makeNssDb,
  makePki,
  makeToken,
  pdfsig,
  type Pki,
  type SoftToken,
} from '../integration/signing/signing-peers';
import { launchChromium, SCREENSHOTS } from './support/chromium';
import { startShellProcess, type ShellProcess } from './support/shell-process';
import { addStaff, CLERK, signInWithPassword } from './support/staff';

/**
 * Issue 12 item 6 in Chromium through the browser shell, with real peers:
 * SANE's test scanner as the flatbed, a SoftHSM2 token as the certifier's
 * token, poppler's pdfsig and pdftotext as the independent readers. The
 * clerk scans a 2-page original sheet by sheet in colour, ticks each page,
 * certifies one copy with the PIN, downloads the signed copy (pdfsig: valid,
 * trusted, whole) and sees the slip; then refuses an altered original with
 * the decree's reason on screen. The kiosk's own time for the 2-page flow
 * (first scan click to the signed copy on screen) is printed.
 */
let browser: Browser | undefined;
let shell: ShellProcess | undefined;
let sane: SaneTestEnv | undefined;
let token: SoftToken | undefined;
let pki: Pki | undefined;
let page: Page;
let nss = '';
let shot = 0;
const work = mkdtempSync(join(tmpdir(), 'kiosk-e2e-copies-'));
const timings: string[] = [];
const consoleErrors: string[] = [];

async function screenshot(name: string): Promise<void> {
  shot += 1;
  await page.screenshot({ path: `${SCREENSHOTS}/copies-${shot}-${name}.png`, fullPage: true });
}

/** Scans one sheet on the flatbed into the part's row and waits for its page. */
async function scanSheet(part: number): Promise<void> {
  const row = page.locator(`[data-component="BAN_CHINH_${String(part)}"]`);
  await row.getByRole('button', { name: 'Quét', exact: true }).click();
  await row
    .getByRole('button', { name: 'Quét lại' })
    .waitFor({ timeout: 90_000 })
    .catch(async (error: unknown) => {
      await screenshot(`scan-failed-${String(part)}`);
      throw new Error(`part ${String(part)}: ${await row.innerText()}`, { cause: error });
    });
  await expect(row.locator('.page-strip .page').count()).resolves.toBe(1);
}

beforeAll(async () => {
  sane = createSaneTestEnv();
  // A grid rather than solid black, so the sheets look like paper.
  writeFileSync(join(sane.dir, 'test.conf'), 'number_of_devices 2\ntest-picture "Grid"\n');
  pki = makePki();
  token = makeToken(pki.signer);
  nss = makeNssDb(pki.root);
  shell = await startShellProcess(
    {
      mode: 'staff',
      idleTimeoutSeconds: 600,
      agency: { code: '000.00.12.H48', name: 'UBND xã Bình Sơn' },
      receipt: { place: 'Bình Sơn' },
      signing: { pkcs11Module: SOFTHSM_MODULE, tokenLabel: token.label, chainFile: pki.chainFile },
    },
    { SANE_CONFIG_DIR: sane.dir, SOFTHSM2_CONF: token.env.SOFTHSM2_CONF ?? '' },
    (dataDir) => {
      addStaff(dataDir, CLERK);
    },
  );
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 1000 },
    acceptDownloads: true,
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error')
      consoleErrors.push(`${message.text()} ${message.location().url}`);
  });
  await page.goto(shell.url);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  sane?.dispose();
  token?.remove();
  for (const dir of [work, nss, pki?.dir ?? ''])
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  console.log(`certified-copy e2e: ${timings.join('; ')}`);
});

describe('a clerk certifies an electronic copy from a 2-page original (browser shell, real peers)', () => {
  it('opens the screen from the staff header', async () => {
    await signInWithPassword(page, CLERK);
    await page.locator('header').getByRole('link', { name: 'Chứng thực bản sao' }).click();
    await page.getByRole('heading', { name: 'Chứng thực bản sao điện tử từ bản chính' }).waitFor();
    await expect
      .poll(() => page.locator('[name="scanner"]').inputValue(), { timeout: 30_000 })
      .toBe('sane:test:0');
    // An original goes on the glass: the flatbed is chosen for the clerk.
    await expect(page.locator('[name="scan-source"]').inputValue()).resolves.toBe('flatbed');
  });

  it('scans two sheets on the flatbed, checks each page, certifies with the PIN and downloads the signed copy', async () => {
    const started = performance.now();
    await scanSheet(1);
    await page.getByRole('button', { name: 'Quét hoặc nhập thêm trang' }).click();
    await scanSheet(2);
    const scanned = performance.now();
    await screenshot('original-scanned');
    // Certification stays out of reach until every page is ticked.
    await page.getByLabel('Trang 1 đúng với bản chính').check();
    await page.getByLabel('Đủ điều kiện chứng thực', { exact: true }).check();
    await expect(page.locator('.missing').getAttribute('data-missing')).resolves.toContain(
      'needChecks',
    );
    await page.getByLabel('Trang 2 đúng với bản chính').check();
    await page.getByText('Đã đối chiếu đủ 2 trang.').waitFor();
    await page.getByLabel('Họ và tên người yêu cầu chứng thực').fill('Trần Thị Bích Ngọc');
    await page.getByLabel(/Tên giấy tờ, văn bản/).fill('Bằng tốt nghiệp trung học phổ thông');
    await page.getByLabel(/Chức danh người thực hiện chứng thực/).fill('Phó Chủ tịch UBND xã');
    await expect(page.locator('.fee').first().getAttribute('data-fee')).resolves.toBe('4000');
    await page.getByText('Lệ phí: 4.000 đ × 1 bản = 4.000 đ').waitFor();
    await page.getByLabel('Mã PIN thiết bị ký số của người chứng thực').fill(PIN);
    await screenshot('ready-to-certify');
    const signingStarted = performance.now();
    await page.getByRole('button', { name: 'Chứng thực và ký số' }).click();
    await page.getByText('Đã chứng thực 1 bản sao.').waitFor({ timeout: 120_000 });
    const link = page.getByRole('link', { name: /Tải bản sao đã ký số \(PDF\) – số 1/ });
    await expect.poll(() => link.getAttribute('href'), { timeout: 30_000 }).toMatch(/^blob:/);
    const certified = performance.now();
    timings.push(
      `2-page flow machine time ${((certified - started) / 1000).toFixed(1)} s (scanning 2 sheets ${((scanned - started) / 1000).toFixed(1)} s, certify+sign+slip ${((certified - signingStarted) / 1000).toFixed(1)} s; the clerk's ticking and typing in between is scripted)`,
    );
    await screenshot('certified');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^ban-sao-chung-thuc-1-\d{4}\.pdf$/);
    const file = join(work, download.suggestedFilename());
    await download.saveAs(file);
    const report = pdfsig(file, nss);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Certificate is Trusted');
    expect(report).toContain('Total document signed');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Chứng thực bản sao đúng với bản chính.');
    expect(text).toMatch(/Số chứng thực: 1;\s+Quyển số: 01\/\d{4}-SCT\/BS/);
    expect(text).toContain('Bản sao gồm 2 trang bản chính');
    const slipLink = page.getByRole('link', { name: 'Tải phiếu chứng thực (PDF)' });
    const [slipDownload] = await Promise.all([page.waitForEvent('download'), slipLink.click()]);
    const slip = join(work, 'phieu.pdf');
    await slipDownload.saveAs(slip);
    const slipText = execFileSync('pdftotext', [slip, '-'], { encoding: 'utf8' });
    expect(slipText).toContain('Tổng lệ phí: 4.000 đ');
    expect(slipText).toContain('Trần Thị Bích Ngọc');
    execFileSync('pdftoppm', [
      '-r',
      '50',
      '-png',
      slip,
      join(SCREENSHOTS, `copies-${String(shot + 1)}-slip`),
    ]);
    // Keep the pages to look at: the scanned sheets in colour and the lời chứng.
    execFileSync('pdftoppm', [
      '-r',
      '50',
      '-png',
      file,
      join(SCREENSHOTS, `copies-${String(shot + 1)}-signed-copy`),
    ]);
  });

  it('refuses an altered original with the decree reason on screen and issues no number', async () => {
    await page.getByRole('button', { name: 'Chứng thực bản khác' }).click();
    const png = await renderPage('BẰNG TỐT NGHIỆP\n\nNgày cấp: 12/06/2019 (đã bị tẩy xoá)');
    await page.locator('[name="import-BAN_CHINH_1"]').setInputFiles({
      name: 'ban-chinh.png',
      mimeType: 'image/png',
      buffer: Buffer.from(png),
    });
    await page
      .locator('[data-component="BAN_CHINH_1"]')
      .getByRole('button', { name: 'Quét lại' })
      .waitFor({ timeout: 60_000 });
    await page.getByLabel('Trang 1 đúng với bản chính').check();
    await page.getByLabel('Không đủ điều kiện chứng thực (từ chối)').check();
    await page.locator('[name="refusal-reason"]').selectOption('altered');
    await page.locator('[name="refusal-note"]').fill('Ngày cấp ở trang 1 bị tẩy xoá');
    await page.getByRole('button', { name: 'Ghi nhận từ chối' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Đã từ chối chứng thực' });
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toContain(
      'Bản chính bị tẩy xoá, sửa chữa, thêm, bớt nội dung không hợp lệ.',
    );
    await screenshot('refused');
    // The book holds the one certified copy, found by part of the name; the refusal took no number.
    await page.getByRole('link', { name: 'Sổ chứng thực', exact: true }).click();
    await page.getByRole('heading', { name: 'Sổ chứng thực bản sao từ bản chính' }).waitFor();
    await page.getByLabel('Tên người yêu cầu (một phần)').fill('bích ngọc');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.locator('tr[data-number="1"]').waitFor();
    await expect(page.locator('tbody tr').count()).resolves.toBe(1);
    await page.getByLabel('Tên người yêu cầu (một phần)').fill('');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.getByRole('link', { name: 'Tải sổ (CSV)' }).waitFor();
    await expect(page.locator('tbody tr').count()).resolves.toBe(1);
    await screenshot('book');
    // The browser's own favicon request is the shell's business; the page must raise nothing else.
    expect(consoleErrors.filter((e) => !e.includes('/favicon.ico'))).toEqual([]);
  });
});
