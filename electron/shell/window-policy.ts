import type { BrowserWindowConstructorOptions } from 'electron';

/** The renderer's origin: a custom standard scheme, so no file:// privileges apply. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export interface WindowSettings {
  readonly kiosk: boolean;
  readonly fullscreen: boolean;
  readonly preloadPath: string;
  /** DevTools only in development; a packaged kiosk never opens them. */
  readonly devTools: boolean;
}

/**
 * The kiosk window. The page is untrusted: isolated from the preload, in
 * Chromium's sandbox, with no Node. Everything that weakens that is set
 * explicitly so a default change in Electron cannot loosen it.
 */
export function windowOptions(settings: WindowSettings): BrowserWindowConstructorOptions {
  return {
    kiosk: settings.kiosk,
    fullscreen: settings.fullscreen,
    autoHideMenuBar: true,
    backgroundColor: '#f6f7f9',
    show: false,
    webPreferences: {
      preload: settings.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: settings.devTools,
    },
  };
}

/** Only the app's own pages may be loaded; links, drops and redirects elsewhere are refused. */
export function navigationAllowed(url: string): boolean {
  try {
    // URL.origin is "null" for custom schemes outside Electron: compare the parts.
    const parsed = new URL(url);
    return (
      parsed.protocol === `${APP_SCHEME}:` &&
      parsed.host === APP_HOST &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}

/** window.open and target=_blank never open anything. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Every permission (camera, geolocation, notifications…) is denied unless configured. */
export function permissionAllowed(permission: string, allowed: readonly string[]): boolean {
  return allowed.includes(permission);
}

/** IPC is answered only for frames of the app's own origin (not an injected or navigated frame). */
export function senderAllowed(frameUrl: string | undefined): boolean {
  return frameUrl !== undefined && navigationAllowed(frameUrl);
}
