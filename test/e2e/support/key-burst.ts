import type { Page } from 'playwright-core';

/** Per page, the last timestamp sent (seconds since the epoch, possibly ahead of the clock). */
const lastBurstEnd = new WeakMap<Page, number>();

/**
 * Key events as a device sends them: each character `gapMs` after the last,
 * then Enter. The events carry their own timestamps (CDP), so what the page
 * sees is the sender's rhythm whatever the load of the machine running the
 * test: 5 ms is a keyboard-wedge scanner, 120 ms a quick typist.
 */
export async function keyBurst(page: Page, text: string, gapMs: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  // Never before the previous burst's last (future) timestamp, or time would run backwards.
  const start = Math.max(Date.now() / 1000, (lastBurstEnd.get(page) ?? 0) + 1);
  let i = 0;
  const at = () => {
    const timestamp = start + (i++ * gapMs) / 1000;
    lastBurstEnd.set(page, timestamp);
    return timestamp;
  };
  for (const char of text) {
    const timestamp = at();
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'keyDown',
      key: char,
      text: char,
      unmodifiedText: char,
      timestamp,
    });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: char, timestamp });
  }
  const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, timestamp: at() };
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...enter, text: '\r' });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...enter });
  await cdp.detach();
}
