import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Whether a graphical session is there to open a window in. */
export function hasDisplay(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.DISPLAY ?? env.WAYLAND_DISPLAY);
}

/**
 * Chromium's command line for a kiosk window: an app window (or a full
 * kiosk), its own profile in the data folder, and none of the background
 * services that phone home.
 */
export function browserArguments(url: string, profileDir: string, kioskWindow: boolean): string[] {
  return [
    kioskWindow ? '--kiosk' : '--start-maximized',
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    '--disable-features=Translate,MediaRouter',
    '--password-store=basic',
  ];
}

/**
 * A hall TV's command line: full screen, its own profile (a kiosk window may
 * run beside it on the same machine), and sound without a press, since
 * nobody stands at a TV to tap "Bật âm thanh" each morning.
 */
export function displayBrowserArguments(url: string, profileDir: string): string[] {
  return [...browserArguments(url, profileDir, true), '--autoplay-policy=no-user-gesture-required'];
}

/** Opens the hall display (`/display` with the display key); undefined when the browser is missing. */
export function openDisplayBrowser(
  browser: string,
  url: string,
  dataDir: string,
): ChildProcess | undefined {
  if (!existsSync(browser)) return undefined;
  return spawn(browser, displayBrowserArguments(url, join(dataDir, 'display-profile')), {
    stdio: 'ignore',
  });
}

/** Opens the kiosk page in the configured browser; undefined when it is not installed. */
export function openBrowser(
  browser: string,
  url: string,
  dataDir: string,
  kioskWindow: boolean,
): ChildProcess | undefined {
  if (!existsSync(browser)) return undefined;
  return spawn(browser, browserArguments(url, join(dataDir, 'browser-profile'), kioskWindow), {
    stdio: 'ignore',
  });
}
