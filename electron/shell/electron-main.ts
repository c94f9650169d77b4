/**
 * The Electron shell: window management and lock-down only. The core (store,
 * devices, pipeline, sync) runs in its own utility process, the same core
 * the browser shell forks (core-process/); main relays typed calls and
 * events between it and the window and restarts it when it dies.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { fileURLToPath } from 'node:url';
import { ApiErrorSchema, KioskError } from '../api/errors';
import { EventHub } from '../api/event-hub';
import { registerIpcTransport } from '../api/transports/ipc-main';
import { loadConfig, resolveDataDir } from '../services/config/config-file';
import type { Config } from '../services/config/config-schema';
import { createLogger, type Logger } from '../services/log/logger';
import { CoreSupervisor } from './core-process/core-supervisor';
import { utilityCore } from './core-process/utility-launcher';
import { loadSafeStorageKey } from './electron-key-provider';
import { focusExistingWindow, shouldReloadRenderer } from './main-process-policy';
import { securityHeaders } from './security-policy';
import { readStaticFile } from './static-files';
import {
  APP_ENTRY,
  APP_HOST,
  APP_SCHEME,
  navigationAllowed,
  permissionAllowed,
  senderAllowed,
  windowOpenDecision,
  windowOptions,
} from './window-policy';

const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const preloadPath = fileURLToPath(new URL('./preload.cjs', import.meta.url));

/**
 * A hall TV (`--display` or KIOSK_DISPLAY=1): the window shows `/display`
 * and may speak each call without anyone pressing "Bật âm thanh" first.
 */
const hallDisplay = process.argv.includes('--display') || process.env.KIOSK_DISPLAY === '1';
if (hallDisplay) app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');

app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
}

let mainWindow: BrowserWindow | undefined;

app.on('second-instance', () => {
  focusExistingWindow(mainWindow);
});

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!navigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!navigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(windowOpenDecision);
});

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file =
      url.host === APP_HOST ? await readStaticFile(rendererDir, url.pathname) : undefined;
    if (!file) return new Response('Not found', { status: 404, headers: securityHeaders() });
    return new Response(new Uint8Array(file.body), {
      headers: { ...securityHeaders(), 'Content-Type': file.type },
    });
  });
}

function createWindow(config: Config, logger: Logger): BrowserWindow {
  const entry = hallDisplay ? `${APP_ENTRY}#/display` : APP_ENTRY;
  const window = new BrowserWindow(
    windowOptions({
      kiosk: config.window.kiosk,
      fullscreen: config.window.fullscreen,
      preloadPath,
      devTools: !app.isPackaged,
    }),
  );
  window.once('ready-to-show', () => {
    window.show();
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    logger.error(
      { reason: details.reason, exitCode: details.exitCode },
      'renderer gone; reloading',
    );
    if (shouldReloadRenderer(details.reason, window.isDestroyed())) void window.loadURL(entry);
  });
  void window.loadURL(entry);
  return window;
}

function refuseToStart(error: unknown): void {
  const message = error instanceof KioskError ? error.message : String(error);
  dialog.showErrorBox(
    'Kiosk Một cửa',
    `Không khởi động được kiosk / The kiosk could not start:\n${message}`,
  );
  app.exit(1);
}

/** The reason a core that could not compose gave, as the dialog says it. */
function failureMessage(failure: unknown): string {
  const parsed = ApiErrorSchema.safeParse((failure as { error?: unknown }).error);
  return parsed.success ? parsed.data.message : 'The kiosk core did not start; see the log';
}

async function start(): Promise<void> {
  await app.whenReady();
  let config: Config;
  let supervisor: CoreSupervisor;
  let logger: Logger;
  const events = new EventHub();
  try {
    const dataDir = resolveDataDir(process.env, app.getPath('userData'));
    config = loadConfig(dataDir).config;
    logger = createLogger(dataDir, config.logs);
    // The core's process cannot reach safeStorage: main unseals the key and
    // hands it over in the first message.
    const key = await loadSafeStorageKey(dataDir);
    supervisor = new CoreSupervisor({
      launch: utilityCore,
      init: {
        type: 'init',
        dataDir,
        shell: 'electron',
        masterKey: new Uint8Array(key.masterKey()),
        keyDescription: key.description,
        wipesRenderer: true,
      },
      events,
      log: logger.child({ subsystem: 'core-process' }),
      wipeRenderer: () => session.defaultSession.clearStorageData(),
    });
  } catch (error) {
    refuseToStart(error);
    return;
  }
  supervisor.ready.catch((failure: unknown) => {
    refuseToStart(new KioskError('NOT_AVAILABLE', failureMessage(failure)));
  });
  const allowed = config.allowedPermissions;
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(permissionAllowed(permission, allowed));
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission) =>
    permissionAllowed(permission, allowed),
  );
  serveRenderer();
  registerIpcTransport({
    ipcMain,
    // Calls made while the core composes wait for it; while it restarts they
    // are answered CORE_RESTARTING and the page says so.
    dispatch: supervisor.dispatch,
    events,
    log: logger.child({ subsystem: 'ipc' }),
    senderAllowed,
    targets: () => (mainWindow ? [mainWindow.webContents] : []),
    onConnectionClosed: (connection) => {
      supervisor.endConnection(connection);
    },
  });
  mainWindow = createWindow(config, logger);
  app.on('window-all-closed', () => {
    void supervisor.close().then(() => {
      app.quit();
    });
  });
}

void start();
