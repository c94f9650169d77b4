/**
 * Entry of the browser shell (`npm start` where Electron cannot run, the
 * Chromium-kiosk deployment, and the end-to-end tests). Prints the kiosk's
 * address on one line as soon as it listens, then opens the browser when a
 * display is there and KIOSK_NO_BROWSER is not set; the core composes
 * meanwhile. With `--display` (or KIOSK_DISPLAY=1) the browser opens the
 * hall display instead, full screen with sound allowed (a hall TV).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KioskError } from '../api/errors';
import { resolveDataDir } from '../services/config/config-file';
import {
  browserArguments,
  displayBrowserArguments,
  hasDisplay,
  openBrowser,
  openDisplayBrowser,
} from './browser-launcher';
import { startBrowserShell } from './browser-shell';
import { startTrainingPortal } from './training-portal';

/** The kiosk's address without its session token. */
function addressOnly(url: string): string {
  const address = new URL(url);
  address.search = '';
  address.hash = '';
  return address.href;
}

const rendererDir = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));
const dataDir = resolveDataDir(process.env);
/** A hall TV: the browser opens `/display`, which reconnects by itself after a restart. */
const hallDisplay = process.argv.includes('--display') || process.env.KIOSK_DISPLAY === '1';
/** Opened before the core is composed; closed again if composing fails. */
let browserProcess: ReturnType<typeof openBrowser> | undefined;

try {
  const portOverride =
    process.env.KIOSK_PORT === undefined ? undefined : Number(process.env.KIOSK_PORT);
  const shell = await startBrowserShell({
    dataDir,
    rendererDir,
    ...(portOverride === undefined ? {} : { port: portOverride }),
  });
  const { browser, kioskWindow } = shell.config.browserShell;
  const opensBrowser =
    process.env.KIOSK_NO_BROWSER !== '1' && hasDisplay(process.env) && existsSync(browser);
  // The token goes to stdout only when a person must open the page by hand:
  // stdout often ends in the system journal, which more users can read.
  process.stdout.write(
    opensBrowser
      ? `Kiosk Một cửa: ${addressOnly(shell.url)} (mở trong trình duyệt của kiosk)\n`
      : `Kiosk Một cửa: ${shell.url}\n`,
  );
  // The display key opens only the hall display's numbers, never a citizen's data.
  if (hallDisplay && !opensBrowser)
    process.stdout.write(`Màn hình sảnh / Hall display: ${shell.displayUrl}\n`);
  // Stopping while the core still composes waits for it, so the store is
  // closed cleanly rather than cut off mid-migration.
  const stopping = new AbortController();
  let portal: Awaited<ReturnType<typeof startTrainingPortal>>;
  const stop = () => {
    stopping.abort();
    browserProcess?.kill();
    portal?.kill();
    void shell.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // The page opens now and says "Đang khởi động…" until the core answers.
  if (opensBrowser && hallDisplay) {
    browserProcess = openDisplayBrowser(browser, shell.displayUrl, dataDir);
    shell.logger.info(
      { browser, args: displayBrowserArguments('(url)', '(profile)') },
      'hall display opened',
    );
  } else if (opensBrowser) {
    browserProcess = openBrowser(browser, shell.launchPage(), dataDir, kioskWindow);
    shell.logger.info(
      { browser, args: browserArguments('(url)', '(profile)', kioskWindow) },
      'browser opened',
    );
  }
  await shell.ready;
  if (!stopping.signal.aborted)
    portal = await startTrainingPortal(shell.config, dataDir, shell.logger);
  if (stopping.signal.aborted) portal?.kill();
  // A socket or request handler's error must not end the kiosk (the training
  // portal would be orphaned and a citizen's scan left on disk): log it and
  // keep serving. Start-up errors above still stop the process.
  process.on('uncaughtException', (error) => {
    shell.logger.error({ err: error }, 'uncaught error; the kiosk keeps running');
  });
  process.on('unhandledRejection', (reason) => {
    shell.logger.error({ err: reason }, 'unhandled rejection; the kiosk keeps running');
  });
} catch (error) {
  browserProcess?.kill();
  if (error instanceof KioskError) {
    process.stderr.write(
      `Không khởi động được kiosk / The kiosk could not start: ${error.message}\n`,
    );
    process.exit(1);
  }
  throw error;
}
