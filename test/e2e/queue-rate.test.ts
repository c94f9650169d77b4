import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/services/store/dossier-store';
import { simGet, startSim, type SimProcess } from '../integration/sync/peers';
import { openApiSocket, type ApiSocket } from '../support/api-socket';
import { axeScreen } from './support/axe';
import { launchChromium, SCREENSHOTS } from './support/chromium';
import { startShellProcess, type ShellProcess } from './support/shell-process';
import { addStaff } from './support/staff';

/**
 * The citizen rates the service on the tablet facing them (issue 19 item 5):
 * a clerk serves a ticket at counter 3 through the real API, /rate?counter=3
 * in Chromium shows its number, the citizen taps "Không hài lòng" and a
 * reason; the rating is stored with the clerk and the dossier, and reaches
 * the portal simulator's survey route (UNCONFIRMED interface).
 */
const CLERK = { username: 'canbo3', password: 'mat-khau-can-bo-3' };
const DOSSIER = '000.00.00.H00-261207-0042';
let browser: Browser | undefined;
let shell: ShellProcess | undefined;
let sim: SimProcess | undefined;
let counter: ApiSocket | undefined;
let page: Page;

beforeAll(async () => {
  sim = await startSim(['--port', '0', '--memory']);
  shell = await startShellProcess(
    { idleTimeoutSeconds: 600 },
    { KIOSK_PORTAL_URL: sim.url, KIOSK_PORTAL_PASSWORD: 'kiosk-training' },
    (dataDir) => {
      addStaff(dataDir, CLERK);
    },
  );
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    timezoneId: 'Asia/Ho_Chi_Minh',
    hasTouch: true,
  });
  page = await context.newPage();
  const rate = new URL(shell.url);
  rate.hash = '/rate?counter=3';
  await page.goto(rate.toString());
  counter = await openApiSocket(shell.url);
}, 180_000);

afterAll(async () => {
  await counter?.close();
  await browser?.close();
  await shell?.stop();
  await sim?.stop();
});

describe('the rating screen facing the citizen', () => {
  it('waits, then asks about the ticket served at its counter, and stores a low rating with its reason', async () => {
    if (!counter || !shell || !sim) throw new Error('peers did not start');
    await page.getByRole('heading', { name: /Sau khi được phục vụ/ }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/rate-1-waiting.png` });

    // The counter's clerk calls and serves a ticket, with the dossier received.
    expect(await counter.call('queue.take', { area: 'CU' })).toMatchObject({ ok: true });
    expect(await counter.call('auth.signIn', CLERK)).toMatchObject({ ok: true });
    const called = await counter.call('queue.call', { counter: 3 });
    expect(called).toMatchObject({ ok: true, value: { ticket: { clerk: CLERK.username } } });
    const number = (called.value as { ticket: { number: number } }).ticket.number;
    expect(await counter.call('queue.serve', { counter: 3, dossierCode: DOSSIER })).toMatchObject({
      ok: true,
    });

    const question = page.getByRole('heading', {
      name: `Số ${number} — Ông/Bà có hài lòng với việc giải quyết thủ tục?`,
    });
    await question.waitFor({ timeout: 10_000 });
    for (const label of ['Rất hài lòng', 'Hài lòng', 'Bình thường', 'Không hài lòng']) {
      const button = page.getByRole('button', { name: label, exact: true });
      const box = await button.boundingBox();
      // Large targets for elderly hands: far beyond the 44 px minimum.
      expect(box?.width ?? 0).toBeGreaterThan(200);
      expect(box?.height ?? 0).toBeGreaterThan(300);
    }
    await page.screenshot({ path: `${SCREENSHOTS}/rate-2-question.png` });
    const askAxe = await axeScreen(page, 'rate-question');
    expect(askAxe.blocking).toEqual([]);

    await page.getByRole('button', { name: 'Không hài lòng', exact: true }).tap();
    await page.getByRole('heading', { name: 'Ông/Bà chưa hài lòng về điều gì?' }).waitFor();
    await page.getByText('Ông/Bà đã chọn: Không hài lòng').waitFor();
    // Everything fits the tablet: the send button is on screen without scrolling.
    const send = await page.getByRole('button', { name: /gửi đánh giá/i }).boundingBox();
    expect((send?.y ?? 0) + (send?.height ?? 0)).toBeLessThanOrEqual(800);
    const attitude = page.getByRole('button', { name: 'Thái độ chưa tốt' });
    await attitude.tap();
    expect(await attitude.getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: `${SCREENSHOTS}/rate-3-reasons.png` });
    const reasonsAxe = await axeScreen(page, 'rate-reasons');
    expect(reasonsAxe.blocking).toEqual([]);
    await page.getByRole('button', { name: 'Gửi đánh giá' }).tap();
    await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/rate-4-thanks.png` });

    // Stored once, tied to the ticket's clerk and dossier.
    const db = new Database(join(shell.dataDir, DATABASE_FILE), { readonly: true });
    try {
      expect(
        db.prepare('SELECT counter, clerk, dossier_code, score, reasons FROM queue_ratings').all(),
      ).toEqual([
        {
          counter: 3,
          clerk: CLERK.username,
          dossier_code: DOSSIER,
          score: 'dissatisfied',
          reasons: '["attitude"]',
        },
      ]);
    } finally {
      db.close();
    }
    // A second rating of the same ticket is refused, even from a script on the socket.
    expect(
      await counter.call('rating.submit', { counter: 3, number, score: 'very_satisfied' }),
    ).toMatchObject({ ok: false, error: { code: 'RATING_ALREADY_GIVEN' } });

    // The kiosk delivers it to the portal's survey interface on its own.
    let held: { held: number; surveys: Record<string, unknown>[] } = { held: 0, surveys: [] };
    for (let i = 0; i < 40 && held.held === 0; i++) {
      held = await simGet(`${sim.url}/__sim/surveys`);
      if (held.held === 0) await new Promise((r) => setTimeout(r, 250));
    }
    expect(held.surveys).toMatchObject([
      { SoThuTu: number, Quay: 3, CanBo: CLERK.username, MaHoSo: DOSSIER, LyDo: ['attitude'] },
    ]);

    // Back to waiting for the next served ticket.
    await page.getByRole('heading', { name: /Sau khi được phục vụ/ }).waitFor({ timeout: 15_000 });
  }, 90_000);
});
