import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedCard } from '../fixtures/cccd/generate-card';
import { renderPage } from '../fixtures/ocr/vietnamese-pages';
import {
  PIN,
  SOFTHSM_MODULE,
  makeNssDb,
  makePki,
  makeToken,
  pdfsig,
  type SoftToken,
} from '../integration/signing/signing-peers';
import { simFile, simGet, startSim, type SimProcess } from '../integration/sync/peers';
import { freePort } from '../support/free-port';
import { startTsa, type TsaPeer } from '../support/tsa-peer';
import { launchChromium, SCREENSHOTS } from './support/chromium';
import { startShellProcess, type ShellProcess } from './support/shell-process';
import { addStaff, CLERK, signInWithPassword } from './support/staff';
import { fillMrz, insertVirtualCccd, type InsertedCard } from './support/virtual-cccd';

/**
 * Issue 12 "Done when": a signed dossier received end to end in Chromium
 * through the browser shell, against real peers: pcscd + vicc holding a
 * generated CCCD, a SoftHSM2 token as the agency's signing token, `openssl
 * ts` as the TSA, and the portal simulator. The portal is down at first
 * (its port is chosen but nothing listens), so the dossier saved with a
 * wrong PIN stays local as "Chưa ký số" until "Ký số bổ sung" signs it; a
 * second dossier is saved with the right PIN and its receipt says signed.
 * Then the portal comes up and receives both dossiers' component files,
 * which pdfsig finds valid, trusted and wholly signed.
 */
interface HeldDossier {
  MaHoSo?: string;
  TaiLieuNop?: { DuongDanTaiTepTin: string }[];
}

let browser: Browser | undefined;
let shell: ShellProcess | undefined;
let sim: SimProcess | undefined;
let tsa: TsaPeer | undefined;
let inserted: InsertedCard | undefined;
let token: SoftToken | undefined;
let generated: GeneratedCard;
let page: Page;
let nss = '';
let simPort = 0;
let unsignedCode = '';
let signedCode = '';
let shot = 0;
const work = mkdtempSync(join(tmpdir(), 'kiosk-e2e-signed-'));

async function screenshot(name: string): Promise<void> {
  shot += 1;
  await page.screenshot({ path: `${SCREENSHOTS}/signed-${shot}-${name}.png`, fullPage: true });
}

async function importPage(component: string, text: string): Promise<void> {
  await page.locator(`[name="import-${component}"]`).setInputFiles({
    name: `${component.toLowerCase()}.png`,
    mimeType: 'image/png',
    buffer: Buffer.from(await renderPage(text)),
  });
  const row = page.locator(`[data-component="${component}"]`);
  await row.getByRole('button', { name: 'Quét lại' }).waitFor({ timeout: 60_000 });
}

/** One birth registration from the staff start to the review step. */
async function receiveUpToReview(child: string): Promise<void> {
  await page.evaluate(() => {
    window.location.hash = '#/reception';
  });
  await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ mới' }).waitFor();
  await page.getByLabel('Tìm thủ tục (tên, mã hoặc lĩnh vực)').fill('dang ky khai sinh');
  await page.locator('.procedure-item[data-code="1.001193"]').click();
  await fillMrz(page, generated);
  await page.getByRole('button', { name: 'Đọc thẻ' }).click();
  await page
    .locator('.applicant-summary[data-applicant-source="chip"]')
    .waitFor({ timeout: 90_000 });
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.locator('[name="childName"]').fill(child);
  await page.locator('[name="relationship"]').selectOption('mother');
  await page.locator('[name="childBirthDate"]').fill('01/11/2026');
  await page.locator('[name="childSex"]').selectOption('male');
  await page.locator('[name="childBirthPlace"]').fill('Bệnh viện Phụ sản Hà Nội');
  await page.locator('[name="childEthnicity"]').fill('Kinh');
  await page.locator('[name="childNationality"]').fill('Việt Nam');
  await page.locator('[name="motherName"]').fill(generated.person.fullName);
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await importPage('TO_KHAI', `TỜ KHAI ĐĂNG KÝ KHAI SINH\n\nHọ, chữ đệm, tên: ${child}`);
  await importPage(
    'GIAY_CHUNG_SINH',
    'GIẤY CHỨNG SINH\n\nHọ, chữ đệm, tên mẹ: Nguyễn Thị Mai\nSinh con: trai, ngày 01 tháng 11 năm 2026',
  );
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByRole('heading', { name: 'Kiểm tra trước khi lưu' }).waitFor();
}

/** Types `pin` at review, saves, and returns the receipt's dossier code. */
async function saveWithPin(pin: string): Promise<string> {
  await page.getByLabel('Mã PIN thiết bị ký số (USB token) của cơ quan').fill(pin);
  await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
  await page.locator('main.intake[data-step="receipt"]').waitFor({ timeout: 90_000 });
  const code = (await page.locator('.receipt-code').getAttribute('data-code')) ?? '';
  expect(code).not.toBe('');
  return code;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

function expectSignedForPdfsig(bytes: Buffer, name: string): void {
  const file = join(work, name);
  writeFileSync(file, bytes);
  const report = pdfsig(file, nss);
  expect(report).toContain('Signature is Valid');
  expect(report).toContain('Certificate is Trusted');
  expect(report).toContain('Total document signed');
  expect(report).toContain('ETSI.CAdES.detached');
}

beforeAll(async () => {
  inserted = await insertVirtualCccd();
  generated = inserted.generated;
  const { trustDir } = inserted;
  const pki = makePki();
  token = makeToken(pki.signer);
  nss = makeNssDb(pki.root);
  tsa = await startTsa(
    { cert: pki.intermediate, key: pki.intermediate.replace(/\.pem$/, '.key') },
    readFileSync(pki.chainFile, 'utf8'),
  );
  simPort = await freePort();
  shell = await startShellProcess(
    {
      mode: 'staff',
      idleTimeoutSeconds: 900,
      card: { trustDir },
      signing: {
        pkcs11Module: SOFTHSM_MODULE,
        tokenLabel: token.label,
        chainFile: pki.chainFile,
        tsaUrl: tsa.url,
      },
    },
    {
      KIOSK_PORTAL_URL: `http://127.0.0.1:${String(simPort)}`,
      KIOSK_PORTAL_PASSWORD: 'kiosk-training',
      SOFTHSM2_CONF: token.env.SOFTHSM2_CONF,
    },
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
  await page.goto(shell.url);
  await signInWithPassword(page, CLERK);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  await sim?.stop();
  tsa?.remove();
  await inserted?.stop();
  token?.remove();
  rmSync(work, { recursive: true, force: true });
});

describe('a clerk receives a signed dossier (browser shell, SoftHSM2 token, portal simulator)', () => {
  it('a wrong PIN at save still saves the dossier, marked "Chưa ký số" with what to do', async () => {
    await receiveUpToReview('Trần Minh Khôi');
    await screenshot('review-pin');
    unsignedCode = await saveWithPin('000000');
    const notice = page.locator('.signature-notice[data-signed="false"]');
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain('Chưa ký số');
    expect(text).toContain('Mã PIN không đúng');
    expect(text).toContain('Ký số bổ sung');
    await screenshot('receipt-unsigned');
  });

  it('"Ký số bổ sung" in the dossier list signs it while the portal is still down', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/dossiers';
    });
    const row = page.locator(`tr[data-code="${unsignedCode}"]`);
    await row.locator('[data-unsigned="true"]').waitFor({ timeout: 30_000 });
    await screenshot('list-unsigned');
    const form = page.locator('form.sign-pending');
    await form.getByLabel('Mã PIN thiết bị ký số (USB token) của cơ quan').fill(PIN);
    await form.getByRole('button', { name: 'Ký số bổ sung' }).click();
    await form
      .getByRole('status')
      .filter({ hasText: 'Đã ký số bổ sung 1 hồ sơ.' })
      .waitFor({ timeout: 60_000 })
      .catch(async (error: unknown) => {
        await screenshot('sign-later-failed');
        throw error;
      });
    await expect(row.locator('[data-unsigned="true"]').count()).resolves.toBe(0);
    await screenshot('list-signed-later');
  });

  it('the right PIN at save signs the components and the receipt; the receipt says so', async () => {
    await receiveUpToReview('Trần Minh Khang');
    signedCode = await saveWithPin(PIN);
    const notice = page.locator('.signature-notice[data-signed="true"]');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('Đã ký số');
    const link = page.getByRole('link', { name: 'Tải về (PDF)' });
    await link.waitFor({ timeout: 60_000 });
    await screenshot('receipt-signed');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const receipt = join(work, 'receipt.pdf');
    await download.saveAs(receipt);
    const report = pdfsig(receipt, nss);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Total document signed');
  });

  it('when the portal comes up it receives both dossiers, every component file signed and valid for pdfsig', async () => {
    sim = await startSim(['--port', String(simPort), '--memory']);
    const simUrl = sim.url;
    for (const code of [unsignedCode, signedCode]) {
      const held = await until(
        `the portal to hold ${code} with its two files`,
        async () => {
          const all = await simGet<{ dossiers: HeldDossier[] }>(`${simUrl}/__sim/dossiers`);
          const mine = all.dossiers.find((d) => d.MaHoSo === code);
          return (mine?.TaiLieuNop?.length ?? 0) === 2 ? mine : undefined;
        },
        150_000,
      );
      for (const [i, doc] of (held.TaiLieuNop ?? []).entries()) {
        const res = await simFile(doc.DuongDanTaiTepTin);
        expect(res.status).toBe(200);
        expectSignedForPdfsig(Buffer.from(await res.arrayBuffer()), `${code}-${String(i)}.pdf`);
      }
    }
    // The components were signed with the TSA up: each carries a signature timestamp.
    expect(tsa?.answered()).toBeGreaterThanOrEqual(4);
    await page.evaluate(() => {
      window.location.hash = '#/dossiers';
    });
    await page
      .locator(`tr[data-code="${signedCode}"][data-sync="synced"]`)
      .waitFor({ timeout: 60_000 });
    await screenshot('list-synced');
    expect(execFileSync('pdfinfo', [join(work, 'receipt.pdf')], { encoding: 'utf8' })).toMatch(
      /Pages:\s+\d+/,
    );
  }, 240_000);
});
