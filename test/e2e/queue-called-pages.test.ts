/**
 * The counter screen (`/queue`) and the rating screen (`/rate`) follow calls
 * as they happen through the `queue.called` event, even when the call comes
 * from another process on the same queue (`kiosk queue call` run by a script
 * on this machine's SQLite): the number shows up without a reload and well
 * inside the pages' fallback polls (5 s); a recall from another process too.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, SCREENSHOTS } from './support/chromium';
import { kioskCli } from './support/kiosk-cli';
import { startShellProcess, type ShellProcess } from './support/shell-process';
import { addStaff, CLERK, signInWithPassword } from './support/staff';

const AREAS = [{ code: 'HT', name: 'Hộ tịch', counters: [1] }];
/** Well under the pages' 5 s fallback poll: only the event can be this quick every time. */
const EVENT_MS = 2000;

let shell: ShellProcess;
let browser: Browser;
let counterPage: Page;
let ratePage: Page;

/** `kiosk queue call --counter 1 --json` in its own process; the number it called. */
function cliCall(): number {
  const out = kioskCli(shell.dataDir, ['queue', 'call', '--counter', '1', '--json']);
  const answer = JSON.parse(out) as { ticket: { number: number } | null };
  if (answer.ticket === null) throw new Error('nobody waited');
  return answer.ticket.number;
}

beforeAll(async () => {
  shell = await startShellProcess({ mode: 'staff', centre: { areas: AREAS } }, {}, (dataDir) => {
    addStaff(dataDir, CLERK);
  });
  browser = await launchChromium();
  counterPage = await (
    await browser.newContext({ viewport: { width: 1366, height: 900 } })
  ).newPage();
  await counterPage.goto(shell.url);
  await signInWithPassword(counterPage, CLERK);
  await counterPage.evaluate(() => {
    window.location.hash = '#/queue';
  });
  await counterPage.getByLabel('Quầy của tôi').selectOption('1');
  ratePage = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const rate = new URL(shell.url);
  rate.hash = '/rate?counter=1';
  await ratePage.goto(rate.toString());
  await ratePage.getByRole('heading', { name: /Sau khi được phục vụ/ }).waitFor();
  for (let i = 0; i < 4; i++) kioskCli(shell.dataDir, ['queue', 'take', '--area', 'HT']);
});

afterAll(async () => {
  await browser.close();
  await shell.stop();
});

describe('calls made by another process', () => {
  it('show up on the counter screen and the rating screen without a reload', async () => {
    await counterPage.evaluate(() => {
      (window as unknown as { loadedOnce: boolean }).loadedOnce = true;
    });
    const shownMs: number[] = [];
    const askedMs: number[] = [];
    let previous: number | null = null;
    for (let i = 0; i < 4; i++) {
      const started = Date.now();
      const number = cliCall();
      const called = Date.now();
      await counterPage
        .locator(`.queue-current[data-number="${number}"]`)
        .waitFor({ timeout: EVENT_MS });
      shownMs.push(Date.now() - called);
      // The call ended the ticket before it as served: the citizen is asked about that one.
      if (previous !== null) {
        await ratePage
          .getByRole('heading', { name: new RegExp(`^Số ${previous} — `) })
          .waitFor({ timeout: EVENT_MS });
        askedMs.push(Date.now() - called);
      }
      previous = number;
      expect(Date.now() - started).toBeLessThan(60_000);
    }
    // A recall from another process shows too (the second call of the same number).
    kioskCli(shell.dataDir, ['queue', 'recall', '--counter', '1']);
    const recalled = Date.now();
    await counterPage
      .locator(`.queue-current[data-number="${previous ?? 0}"][data-calls="2"]`)
      .waitFor({ timeout: EVENT_MS });
    shownMs.push(Date.now() - recalled);
    expect(
      await counterPage.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce),
    ).toBe(true);
    console.log(
      `kiosk queue call ×4 and recall ×1 (another process) → counter screen: ${shownMs.join(', ')} ms; ` +
        `→ rating screen asks: ${askedMs.join(', ')} ms (fallback polls: 5 s)`,
    );
    await counterPage.screenshot({ path: `${SCREENSHOTS}/queue-called-counter.png` });
    await ratePage.screenshot({ path: `${SCREENSHOTS}/queue-called-rate.png` });
  });
});
