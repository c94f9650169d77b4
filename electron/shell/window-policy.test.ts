import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './security-policy';
import {
  APP_ENTRY,
  navigationAllowed,
  permissionAllowed,
  senderAllowed,
  windowOpenDecision,
  windowOptions,
} from './window-policy';

describe('the kiosk window', () => {
  const options = windowOptions({
    kiosk: true,
    fullscreen: true,
    preloadPath: '/app/preload.cjs',
    devTools: false,
  });

  it('keeps contextIsolation, the sandbox and no Node in the page', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('has no DevTools in production and honours the kiosk setting', () => {
    expect(options.webPreferences?.devTools).toBe(false);
    expect(options.kiosk).toBe(true);
    expect(
      windowOptions({ kiosk: false, fullscreen: false, preloadPath: 'p', devTools: true }).kiosk,
    ).toBe(false);
  });

  it('serves the page with a CSP that allows only its own scripts and origin', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    // Only the page's own blob: URLs (the receipt PDF) may be framed, never a web address.
    expect(csp).toContain('frame-src blob:;');
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(securityHeaders()['Content-Security-Policy']).toBe(csp);
  });
});

describe('navigation, windows and permissions', () => {
  it('denies navigation away from the app', () => {
    expect(navigationAllowed(APP_ENTRY)).toBe(true);
    for (const url of [
      'https://dichvucong.gov.vn/',
      'file:///etc/passwd',
      'http://127.0.0.1:8080/',
      'javascript:alert(1)',
      'app://other/index.html',
      'not a url',
    ]) {
      expect(navigationAllowed(url)).toBe(false);
    }
  });

  it('denies every window.open', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });

  it('denies every permission request unless listed', () => {
    expect(permissionAllowed('media', [])).toBe(false);
    expect(permissionAllowed('geolocation', ['media'])).toBe(false);
    expect(permissionAllowed('media', ['media'])).toBe(true);
  });

  it('answers IPC only for frames of the app origin', () => {
    expect(senderAllowed(APP_ENTRY)).toBe(true);
    expect(senderAllowed('https://evil.example/')).toBe(false);
    expect(senderAllowed(undefined)).toBe(false);
  });
});
