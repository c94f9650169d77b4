/**
 * Entry of the browser shell (`npm start` where Electron cannot run, the
 * Chromium-kiosk deployment, and the end-to-end tests). Prints the kiosk's
 * address on one line, then opens the browser when a display is there and
 * KIOSK_NO_BROWSER is not set.
 */
import { fileURLToPath } from 'node:url';
import { KioskError } from '../api/errors';
import { resolveDataDir } from '../services/config/config-file';
import { browserArguments, hasDisplay, openBrowser } from './browser-launcher';
import { startBrowserShell } from './browser-shell';
import { startTrainingPortal } from './training-portal';

const rendererDir = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));
const dataDir = resolveDataDir(process.env);

try {
  const portOverride =
    process.env.KIOSK_PORT === undefined ? undefined : Number(process.env.KIOSK_PORT);
  const shell = await startBrowserShell({
    dataDir,
    rendererDir,
    ...(portOverride === undefined ? {} : { port: portOverride }),
  });
  const portal = await startTrainingPortal(shell.core.config, dataDir, shell.core.logger);
  // A socket or request handler's error must not end the kiosk (the training
  // portal would be orphaned and a citizen's scan left on disk): log it and
  // keep serving. Start-up errors above still stop the process.
  process.on('uncaughtException', (error) => {
    shell.core.logger.error({ err: error }, 'uncaught error; the kiosk keeps running');
  });
  process.on('unhandledRejection', (reason) => {
    shell.core.logger.error({ err: reason }, 'unhandled rejection; the kiosk keeps running');
  });
  process.stdout.write(`Kiosk Một cửa: ${shell.url}\n`);
  const { browser, kioskWindow } = shell.core.config.browserShell;
  const browserProcess =
    process.env.KIOSK_NO_BROWSER !== '1' && hasDisplay(process.env)
      ? openBrowser(browser, shell.launchPage(), dataDir, kioskWindow)
      : undefined;
  if (browserProcess) {
    shell.core.logger.info(
      { browser, args: browserArguments('(url)', '(profile)', kioskWindow) },
      'browser opened',
    );
  }
  const stop = () => {
    browserProcess?.kill();
    portal?.kill();
    void shell.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (error instanceof KioskError) {
    process.stderr.write(
      `Không khởi động được kiosk / The kiosk could not start: ${error.message}\n`,
    );
    process.exit(1);
  }
  throw error;
}
