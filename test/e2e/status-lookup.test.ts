import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskMigrations } from '../../electron/services/kiosk-migrations';
import { DossierStore } from '../../electron/services/store/dossier-store';
import { CITIZEN, sampleDossier } from '../fixtures/store/sample-dossier';
import { simFetch, startSim, type SimProcess } from '../integration/sync/peers';
import { axeScreen } from './support/axe';
import { launchChromium, SCREENSHOTS } from './support/chromium';
import { keyBurst } from './support/key-burst';
import { startShellProcess, type ShellProcess } from './support/shell-process';

/**
 * (c) Status lookup on a kiosk-mode machine: a dossier saved in the real
 * store and synced to the portal simulator, looked up by its receipt QR's
 * text sent as a keyboard-wedge burst (the bare code of receipts printed
 * before the v1 QR, then a v1 payload), then again after the simulator
 * changed its status.
 */
let browser: Browser | undefined;
let shell: ShellProcess | undefined;
let sim: SimProcess | undefined;
let page: Page;
let code = '';

async function simDossierStatus(): Promise<string | undefined> {
  if (!sim) throw new Error('no simulator');
  const answer = (await (await simFetch(`${sim.url}/__sim/dossiers`)).json()) as {
    dossiers: { MaHoSo?: string; TrangThaiHoSo?: string }[];
  };
  return answer.dossiers.find((d) => d.MaHoSo === code)?.TrangThaiHoSo;
}

beforeAll(async () => {
  sim = await startSim(['--port', '0', '--memory']);
  shell = await startShellProcess(
    { mode: 'kiosk', idleTimeoutSeconds: 600 },
    { KIOSK_PORTAL_URL: sim.url, KIOSK_PORTAL_PASSWORD: 'kiosk-training' },
    (dataDir) => {
      const store = DossierStore.open({
        dataDir,
        agencyCode: '000.00.00.H00',
        migrations: kioskMigrations,
      });
      try {
        code = store.save(
          sampleDossier('lookup', { attachments: 1, receivedAt: Date.now() }),
          'seed',
        ).code;
      } finally {
        store.close();
      }
    },
  );
  // The kiosk syncs the seeded dossier on its own; the lookup is tested once the portal has it.
  for (let i = 0; i < 60 && (await simDossierStatus()) === undefined; i += 1) {
    await new Promise((r) => setTimeout(r, 1000));
  }
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 1000 },
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  page = await context.newPage();
  await page.goto(shell.url);
  await page.getByRole('heading', { name: 'Xin chào!' }).waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  await sim?.stop();
});

describe('status lookup by the receipt QR through a keyboard-wedge reader', () => {
  it('shows the status, the dates and the sync state of a scanned code', async () => {
    expect(await simDossierStatus()).toBeDefined();
    await page.getByRole('button', { name: /Tra cứu hồ sơ/ }).click();
    await page.getByRole('heading', { name: 'Tra cứu hồ sơ' }).click();
    await page.screenshot({ path: `${SCREENSHOTS}/lookup-1-start.png` });
    await keyBurst(page, code, 5);
    const result = page.locator(`.lookup-result[data-code="${code}"]`);
    await result.waitFor({ timeout: 30_000 });
    await expect(
      page.getByLabel('Nhập mã hồ sơ hoặc quét mã QR trên giấy hẹn', { exact: true }).inputValue(),
    ).resolves.toBe(code);
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('Đăng ký khai sinh');
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(await result.locator('[data-sync]').getAttribute('data-sync')).toBe('synced');
    await page.screenshot({ path: `${SCREENSHOTS}/lookup-2-result.png`, fullPage: true });
    const count = await axeScreen(page, 'lookup-result');
    expect(count.blocking).toEqual([]);
  });

  it("a burst of a receipt's v1 QR finds the same dossier and shows only its code", async () => {
    const before = await page.locator('.lookup-result').innerText();
    await page.getByRole('button', { name: 'Tra cứu hồ sơ khác' }).click();
    await page.locator('.lookup-result').waitFor({ state: 'detached' });
    // Written out by hand from the seeded dossier: kind 01, code, procedure, ID, system, times.
    const payload = `MC1*01*${code}*1.001193*${CITIZEN.idNumber}*KMC*202612051015*202612091700`;
    const field = page.getByLabel('Nhập mã hồ sơ hoặc quét mã QR trên giấy hẹn', { exact: true });
    await field.click();
    await keyBurst(page, payload, 5);
    const result = page.locator(`.lookup-result[data-code="${code}"]`);
    await result.waitFor({ timeout: 30_000 });
    await expect(field.inputValue()).resolves.toBe(code);
    await expect(page.locator('main').innerText()).resolves.not.toContain(CITIZEN.idNumber);
    // The same answer as the bare code's: procedure, status, dates, sync state.
    await expect(result.innerText()).resolves.toBe(before);
    await page.screenshot({ path: `${SCREENSHOTS}/lookup-2b-v1-qr.png`, fullPage: true });
  });

  it('shows the new status after the portal changed it', async () => {
    const before = await page.locator('.lookup-status').textContent();
    const changed = await simFetch(`${sim!.url}/__sim/status?mahoso=${code}&status=9`, {
      method: 'POST',
    });
    expect(changed.status).toBe(200);
    await page.getByRole('button', { name: 'Tra cứu hồ sơ khác' }).click();
    await page
      .getByLabel('Nhập mã hồ sơ hoặc quét mã QR trên giấy hẹn', { exact: true })
      .fill(code);
    await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    await page.locator('.lookup-result[data-status="9"]').waitFor({ timeout: 30_000 });
    const after = await page.locator('.lookup-status').textContent();
    expect(after).not.toBe(before);
    // Status 9 in words a citizen acts on: the result is ready, come to the counter.
    expect(after).toContain('Đã có kết quả — mời Ông/Bà đến quầy nhận');
    expect(
      await page.locator('[data-portal-checked]').getAttribute('data-portal-checked'),
    ).not.toBe('');
    await expect(page.locator('[data-portal-checked]').textContent()).resolves.toContain(
      'Đã đối chiếu với Cổng Dịch vụ công lúc',
    );
    await page.screenshot({ path: `${SCREENSHOTS}/lookup-3-changed.png`, fullPage: true });
  });

  it('an unknown code shows what to check', async () => {
    await page.getByRole('button', { name: 'Tra cứu hồ sơ khác' }).click();
    await keyBurst(page, '000.00.00.H00-261125-9999', 5);
    await page.getByRole('heading', { name: 'Không tìm thấy hồ sơ' }).waitFor();
    await expect(page.locator('.lookup-not-found').textContent()).resolves.toContain(
      'Kiểm tra từng ký tự của mã',
    );
    await page.screenshot({ path: `${SCREENSHOTS}/lookup-4-not-found.png`, fullPage: true });
  });
});
