/**
 * Issue 11 item 3, in the real browser: a clerk's sign-in on a Chromium tab
 * ends when the tab makes no call for the core's idle limit, even though the
 * page's own idle guard (set long here) has not run; the next staff call of
 * that same tab, on the same socket, is refused with AUTH_REQUIRED.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { startShellProcess, type ShellProcess } from './support/shell-process';
import { addStaff, CLERK, signInWithPassword } from './support/staff';

const STAFF_IDLE_SECONDS = 5;

let browser: Browser;
let shell: ShellProcess;
beforeAll(async () => {
  browser = await launchChromium();
  shell = await startShellProcess(
    { mode: 'staff', idleTimeoutSeconds: 600, staffIdleTimeoutSeconds: STAFF_IDLE_SECONDS },
    {},
    (dataDir) => {
      addStaff(dataDir, CLERK);
    },
  );
});
afterAll(async () => {
  await shell.stop();
  await browser.close();
});

interface Frame {
  readonly type: string;
  readonly id?: number;
  readonly method?: string;
  readonly result?: { ok: boolean; error?: { code: string } };
}

describe('a clerk signed in on a browser tab', () => {
  it('is signed out by the core after its idle limit: the same tab and socket then get AUTH_REQUIRED', async () => {
    const page = await browser.newPage({ locale: 'vi-VN' });
    let sockets = 0;
    const methods = new Map<number, string>();
    const answers: { method: string; code: string }[] = [];
    page.on('websocket', (ws) => {
      sockets += 1;
      ws.on('framesent', ({ payload }) => {
        const frame = JSON.parse(String(payload)) as Frame;
        if (frame.type === 'call' && frame.id !== undefined && frame.method) {
          methods.set(frame.id, frame.method);
        }
      });
      ws.on('framereceived', ({ payload }) => {
        const frame = JSON.parse(String(payload)) as Frame;
        if (frame.type !== 'result' || frame.id === undefined || !frame.result) return;
        answers.push({
          method: methods.get(frame.id) ?? '?',
          code: frame.result.ok ? 'ok' : (frame.result.error?.code ?? '?'),
        });
      });
    });
    await page.goto(shell.url);
    await signInWithPassword(page, CLERK);
    await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ' }).waitFor();
    const lists = () => answers.filter((a) => a.method === 'dossier.list').map((a) => a.code);
    // The header's queue badge and the list screen both call dossier.list while signed in.
    await page.getByRole('button', { name: /Danh sách hồ sơ/ }).click();
    await page.getByRole('heading', { name: 'Danh sách hồ sơ' }).waitFor();
    await expect.poll(() => lists().length).toBeGreaterThan(1);
    expect(lists().every((code) => code === 'ok')).toBe(true);
    await page.getByRole('link', { name: 'Trang đầu', exact: true }).click();
    const before = lists().length;

    // The clerk walks away; the page makes no call for longer than the core's limit.
    await new Promise((resolve) => setTimeout(resolve, (STAFF_IDLE_SECONDS + 1) * 1000));
    expect(lists()).toHaveLength(before);
    await page.getByRole('button', { name: /Danh sách hồ sơ/ }).click();
    await expect.poll(() => lists().slice(before)).toContain('AUTH_REQUIRED');
    expect(
      lists()
        .slice(before)
        .every((code) => code === 'AUTH_REQUIRED'),
    ).toBe(true);
    expect(sockets).toBe(1);
    await page.close();
  }, 60_000);
});
