/**
 * The waiting counts on the hall display (`/display`) and the counter screen
 * (`/queue`) follow numbers taken and tickets finished by another process
 * (`kiosk queue take` / `serve` on this machine's SQLite) through the
 * `queue.areaChanged` event, not the pages' fallback polls (display 15 s,
 * counter 5 s); a take says nothing aloud on the display.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SCREENSHOTS } from './support/chromium';
import { kioskCli } from './support/kiosk-cli';
import { startShellProcess, type ShellProcess } from './support/shell-process';
import { addStaff, CLERK, signInWithPassword } from './support/staff';
import { clearOfVietnamMidnight } from '../support/vn-midnight';

const AREAS = [
  { code: 'HT', name: 'Hộ tịch', counters: [1] },
  { code: 'CT', name: 'Chứng thực', counters: [2] },
];
/** Well under the display's 15 s poll and the counter's 5 s one. */
const EVENT_MS = 2000;

let shell: ShellProcess;
let browser: Browser;
let display: Page;
let counter: Page;

beforeAll(async () => {
  // The counts shown are today's: the whole test runs on one side of Vietnam's midnight.
  await clearOfVietnamMidnight(90_000);
  shell = await startShellProcess({ mode: 'staff', centre: { areas: AREAS } }, {}, (dataDir) => {
    addStaff(dataDir, CLERK);
  });
  browser = await launchChromium();
  display = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await display.goto(`${shell.url}#/display`);
  await display.locator('main.hall[data-live="yes"]').waitFor();
  counter = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await counter.goto(shell.url);
  await signInWithPassword(counter, CLERK);
  await counter.evaluate(() => {
    window.location.hash = '#/queue';
  });
  await counter.getByLabel('Quầy của tôi').selectOption('1');
  await counter.locator('.queue-waiting [data-area="HT"][data-waiting="0"]').waitFor();
});

afterAll(async () => {
  await browser.close();
  await shell.stop();
});

describe('numbers taken and tickets served by another process', () => {
  it('change the waiting counts on the display and the counter screen without a call', async () => {
    const displayMs: number[] = [];
    const counterMs: number[] = [];
    for (let n = 1; n <= 3; n++) {
      kioskCli(shell.dataDir, ['queue', 'take', '--area', 'HT']);
      const taken = Date.now();
      await display
        .locator(`.hall-waiting [data-area="HT"][data-waiting="${n}"]`)
        .waitFor({ timeout: EVENT_MS });
      displayMs.push(Date.now() - taken);
      await counter
        .locator(`.queue-waiting [data-area="HT"][data-waiting="${n}"]`)
        .waitFor({ timeout: EVENT_MS });
      counterMs.push(Date.now() - taken);
    }
    // A take is not a call: the display asked for no sentence to be spoken.
    expect(await display.locator('main.hall').getAttribute('data-spoken')).toBe('0');

    kioskCli(shell.dataDir, ['queue', 'call', '--counter', '1']);
    await counter.locator('.queue-current[data-number="1"]').waitFor({ timeout: EVENT_MS });
    kioskCli(shell.dataDir, ['queue', 'serve', '--counter', '1']);
    const served = Date.now();
    await counter.locator('.queue-current[data-number="1"]').waitFor({
      state: 'detached',
      timeout: EVENT_MS,
    });
    counterMs.push(Date.now() - served);
    console.log(
      `kiosk queue take ×3 (another process) → display count: ${displayMs.join(', ')} ms; ` +
        `→ counter count: ${counterMs.slice(0, 3).join(', ')} ms; serve → counter: ${counterMs[3] ?? -1} ms ` +
        `(fallback polls: display 15 s, counter 5 s)`,
    );
    await display.screenshot({ path: `${SCREENSHOTS}/queue-counts-display.png` });
    await counter.screenshot({ path: `${SCREENSHOTS}/queue-counts-counter.png` });
  });
});
