/**
 * Issue 11 item 7: the one-time launch code is not on Chromium's command
 * line. The kiosk's real browser (/usr/bin/chromium, headless) is started
 * with the shell's own arguments and the launch page's file:// URL; it must
 * reach the kiosk with a session while no process's command line holds the
 * code or the token, and the page file (0600) is gone once the code is spent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserArguments } from '../../electron/shell/browser-launcher';
import { startBrowserShell, type BrowserShell } from '../../electron/shell/browser-shell';
import { CHROMIUM } from '../e2e/support/chromium';

const rendererDir = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

let dataDir: string;
let shell: BrowserShell;
let browserProcess: ChildProcess | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('dist/renderer is missing: run "npm run build" first');
  }
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-launch-'));
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ mode: 'kiosk' }));
  shell = await startBrowserShell({ dataDir, rendererDir });
});
afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await stopBrowser();
  await shell.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Ends only the Chromium this test started (its children go with it). */
async function stopBrowser(): Promise<void> {
  const child = browserProcess;
  if (child?.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** The DevTools port Chromium wrote into its profile, waited for at most 30 s. */
async function devToolsPort(profileDir: string): Promise<number> {
  const file = join(profileDir, 'DevToolsActivePort');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (existsSync(file)) {
      const port = Number(readFileSync(file, 'utf8').split('\n')[0]);
      if (port > 0) return port;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('Chromium wrote no DevToolsActivePort in 30 s');
}

/** Every process's command line that this user may read. */
function commandLines(): string[] {
  const lines: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      lines.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '));
    } catch {
      // The process ended while listed.
    }
  }
  return lines;
}

describe('the launch code travels in a 0600 page file, not on the command line', () => {
  it('Chromium started with the launch page reaches the kiosk with a session; no cmdline holds the code and the page is gone once spent', async () => {
    const pageUrl = shell.launchPage();
    expect(pageUrl).toMatch(/^file:\/\//);
    const pageFile = fileURLToPath(pageUrl);
    expect(statSync(pageFile).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(pageFile)).mode & 0o777).toBe(0o700);
    const code = /launch=([\w-]+)/.exec(readFileSync(pageFile, 'utf8'))?.[1] ?? '';
    expect(code.length).toBeGreaterThan(20);
    const token = new URL(shell.url).searchParams.get('token') ?? '';

    const profileDir = join(dataDir, 'browser-profile');
    const args = [
      ...browserArguments(pageUrl, profileDir, false),
      // The test's own additions: no screen, and a DevTools port to watch the page.
      '--headless=new',
      '--disable-gpu',
      '--remote-debugging-port=0',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ];
    browserProcess = spawn(CHROMIUM, args, { stdio: 'ignore' });
    browser = await chromium.connectOverCDP(
      `http://127.0.0.1:${String(await devToolsPort(profileDir))}`,
    );
    const context = browser.contexts()[0];
    if (!context) throw new Error('Chromium has no browser context');
    const deadline = Date.now() + 30_000;
    let page = context.pages().find((p) => p.url().startsWith(shell.origin));
    while (!page && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      page = context.pages().find((p) => p.url().startsWith(shell.origin));
    }
    if (!page) throw new Error(`no page reached ${shell.origin} in 30 s`);
    // The start screen needs the API: it renders only over an authenticated socket.
    await page.getByRole('heading', { name: 'Xin chào!' }).waitFor({ timeout: 30_000 });
    // The page keeps the token in sessionStorage once the launch redirect delivered it.
    expect(await page.evaluate<number>('sessionStorage.length')).toBeGreaterThan(0);

    const lines = commandLines();
    expect(lines.some((line) => line.includes(pageUrl))).toBe(true);
    expect(lines.filter((line) => line.includes(code))).toEqual([]);
    expect(lines.filter((line) => line.includes(token))).toEqual([]);
    expect(existsSync(pageFile)).toBe(false);
  }, 90_000);
});
