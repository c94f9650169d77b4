import { createKioskApi, type KioskApi } from '../../electron/api/client';
import { createWsTransport } from './ws-transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser shell. */
    readonly kiosk?: KioskApi;
  }
}

export const TOKEN_KEY = 'kiosk.token';

/**
 * The API for this page: the preload's `window.kiosk` under Electron, or a
 * WebSocket client in the browser shell. The shell's launch URL carries the
 * token once; it is kept in sessionStorage (not citizen data, so the idle
 * wipe keeps it) and removed from the address bar. A hall display opens
 * with `?display=KEY` instead (electron/api/display-scope.ts).
 */
export function connectKiosk(onConnection: (up: boolean) => void): KioskApi | undefined {
  if (window.kiosk) {
    onConnection(true);
    return window.kiosk;
  }
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url);
  }
  // A hall TV's address keeps its display key (it must open again after a
  // reload or a restart); the key opens only what the display shows.
  const displayKey = url.searchParams.get('display');
  if (displayKey) return createKioskApi(createWsTransport(displayKey, onConnection));
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return undefined;
  return createKioskApi(createWsTransport(token, onConnection));
}
