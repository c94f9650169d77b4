/**
 * The Electron shell: window management and lock-down only. Everything else
 * is the same core the browser shell runs (composition-root.ts).
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { fileURLToPath } from 'node:url';
import { KioskError } from '../api/errors';
import { registerIpcTransport } from '../api/transports/ipc-main';
import { resolveDataDir } from '../services/config/config-file';
import { createCore, type Core } from './composition-root';
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

function createWindow(core: Core): BrowserWindow {
  const entry = hallDisplay ? `${APP_ENTRY}#/display` : APP_ENTRY;
  const window = new BrowserWindow(
    windowOptions({
      kiosk: core.config.window.kiosk,
      fullscreen: core.config.window.fullscreen,
      preloadPath,
      devTools: !app.isPackaged,
    }),
  );
  window.once('ready-to-show', () => {
    window.show();
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    core.logger.error(
      { reason: details.reason, exitCode: details.exitCode },
      'renderer gone; reloading',
    );
    if (shouldReloadRenderer(details.reason, window.isDestroyed())) void window.loadURL(entry);
  });
  void window.loadURL(entry);
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  let core: Core;
  try {
    const dataDir = resolveDataDir(process.env, app.getPath('userData'));
    core = createCore({
      dataDir,
      shell: 'electron',
      keyProvider: await loadSafeStorageKey(dataDir),
      wipeRenderer: () => session.defaultSession.clearStorageData(),
    });
  } catch (error) {
    const message = error instanceof KioskError ? error.message : String(error);
    dialog.showErrorBox(
      'Kiosk Một cửa',
      `Không khởi động được kiosk / The kiosk could not start:\n${message}`,
    );
    app.exit(1);
    return;
  }
  const allowed = core.config.allowedPermissions;
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(permissionAllowed(permission, allowed));
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission) =>
    permissionAllowed(permission, allowed),
  );
  serveRenderer();
  registerIpcTransport({
    ipcMain,
    dispatch: core.dispatch,
    events: core.events,
    log: core.logger.child({ subsystem: 'ipc' }),
    senderAllowed,
    targets: () => (mainWindow ? [mainWindow.webContents] : []),
    onConnectionClosed: (connection) => {
      core.endConnection(connection);
    },
  });
  mainWindow = createWindow(core);
  app.on('window-all-closed', () => {
    void core.dispose().then(() => {
      app.quit();
    });
  });
}

void start();
