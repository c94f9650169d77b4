/**
 * The hall display after a full restart of the kiosk: the TV's page, opened
 * with the machine's display key, reconnects on its own when the shell
 * process comes back on the same port (a new session token, the same key),
 * and shows numbers again without anyone touching it. The key opens only the
 * display's scope: no staff method, no dossier, no sign-in.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiSocket, type ApiSocket } from '../support/api-socket';
import { freePort } from '../support/free-port';
import { CHROMIUM, SCREENSHOTS } from './support/chromium';
import { startShellIn, type RunningShell } from './support/shell-process';
import { addStaff, CLERK } from './support/staff';

const AREAS = [{ code: 'HT', name: 'Hộ tịch', counters: [1, 2] }];
const HALL_LINE = /Màn hình sảnh \/ Hall display: (http:\/\/\S+)/;

let dataDir: string;
let shell: RunningShell;
let browser: Browser;
let page: Page;
let displayUrl: string;

/** The hall display's address as the launcher prints it for IT (KIOSK_DISPLAY=1, no browser). */
async function start(): Promise<void> {
  shell = await startShellIn(dataDir, { KIOSK_DISPLAY: '1' }, HALL_LINE);
  displayUrl = HALL_LINE.exec(shell.output())?.[1] ?? '';
}

/** A clerk on this launch's session takes a number and calls it at counter 1. */
async function takeAndCall(): Promise<number> {
  const clerk = await openApiSocket(shell.url);
  try {
    const signIn = await clerk.call('auth.signIn', CLERK);
    expect(signIn.ok).toBe(true);
    const taken = await clerk.call('queue.take', { area: 'HT' });
    expect(taken.ok).toBe(true);
    const called = await clerk.call('queue.call', { counter: 1 });
    expect(called.ok).toBe(true);
    return (called.value as { ticket: { number: number } }).ticket.number;
  } finally {
    await clerk.close();
  }
}

function counterShows(number: number) {
  return page.locator(`.hall-counter[data-counter="1"][data-number="${number}"]`);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-display-restart-'));
  const config = {
    mode: 'staff',
    centre: { areas: AREAS },
    browserShell: { port: await freePort() },
  };
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify(config));
  addStaff(dataDir, CLERK);
  await start();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'],
  });
  page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await page.goto(displayUrl);
  await page.locator('main.hall[data-live="yes"]').waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await browser.close();
  await shell.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the hall display across a restart', () => {
  it('the display key is the machine’s own, readable by its owner only, and stays in the address', () => {
    expect(displayUrl).toMatch(/\/\?display=[0-9a-f]{64}#\/display$/);
    expect(statSync(join(dataDir, 'display-key')).mode & 0o077).toBe(0);
    expect(page.url()).toContain('?display=');
  });

  it('opens only what the display shows: staff methods, dossiers and sign-in are refused', async () => {
    const key = new URL(displayUrl).searchParams.get('display') ?? '';
    const socket: ApiSocket = await openApiSocket(`${new URL(displayUrl).origin}/?token=${key}`);
    try {
      expect((await socket.call('queue.status')).ok).toBe(true);
      for (const [method, params] of [
        ['queue.call', { counter: 1 }],
        ['queue.take', { area: 'HT' }],
        ['auth.signIn', CLERK],
        ['dossier.list', {}],
        ['system.health', {}],
      ] as const) {
        const answer = await socket.call(method, params);
        expect(answer.ok, method).toBe(false);
        expect(answer.error?.code, method).toBe('AUTH_FORBIDDEN');
      }
    } finally {
      await socket.close();
    }
  });

  it('shows numbers again by itself after the kiosk process restarts, without a reload', async () => {
    const before = await takeAndCall();
    await counterShows(before).waitFor({ timeout: 5000 });
    await page.evaluate(() => {
      (window as unknown as { loadedOnce: boolean }).loadedOnce = true;
    });

    await shell.stop();
    await page.locator('main.hall[data-live="no"]').waitFor({ timeout: 10_000 });
    await page.getByText('Đang kết nối lại…').waitFor();
    const firstUrl = displayUrl;
    const down = Date.now();
    await start();
    // Same machine, same port: the same display address; a new session token.
    expect(displayUrl).toBe(firstUrl);
    await page.locator('main.hall[data-live="yes"]').waitFor({ timeout: 30_000 });
    const backMs = Date.now() - down;
    await counterShows(before).waitFor({ timeout: 5000 });
    expect(
      await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce),
    ).toBe(true);
    // And calls of the new launch reach it as they happen.
    const after = await takeAndCall();
    const called = Date.now();
    await counterShows(after).waitFor({ timeout: 1000 });
    console.log(
      `display live again ${backMs} ms after the shell process was started again; ` +
        `next call shown ${Date.now() - called} ms after its answer`,
    );
    await page.screenshot({ path: `${SCREENSHOTS}/display-after-restart.png` });
  });
});
