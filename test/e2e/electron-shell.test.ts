import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../electron/shell/electron-binary';
import { SCREENSHOTS } from './support/chromium';
import { startXvfb, type VirtualDisplay } from './support/xvfb';

const root = fileURLToPath(new URL('../..', import.meta.url));
const electron = findElectronBinary(root);
const display = Boolean(process.env.DISPLAY ?? process.env.WAYLAND_DISPLAY);

describe('the Electron shell', () => {
  it('opens the sandboxed kiosk window with window.kiosk and no Node', async (context) => {
    if (!electron.ok) context.skip(`Electron binary not available here: ${electron.reason}`);
    if (!electron.ok) return;
    // With no screen, the test brings its own virtual one (as xvfb-run would).
    const xvfb: VirtualDisplay | undefined = display ? undefined : await startXvfb();
    if (!display && !xvfb) context.skip('Electron needs a display and Xvfb is not installed');
    const app = await _electron
      .launch({
        executablePath: electron.path,
        args: [root],
        env: {
          ...process.env,
          ...(xvfb ? { DISPLAY: xvfb.display } : {}),
          KIOSK_DATA_DIR: mkdtempSync(join(tmpdir(), 'kiosk-electron-')),
        },
      })
      .catch((error: unknown) => {
        xvfb?.stop();
        throw error;
      });
    try {
      const page = await app.firstWindow();
      await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ' }).waitFor();
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
        'undefined',
      );
      expect(
        await page.evaluate(
          () => typeof (window as { kiosk?: { system?: { info?: unknown } } }).kiosk?.system?.info,
        ),
      ).toBe('function');
      expect(page.url()).toBe('app://kiosk/index.html#/');
      // The core answers from its own utility process, not from main.
      const processes = await app.evaluate(({ app: electronApp }) =>
        electronApp.getAppMetrics().map((metric) => ({
          type: metric.type,
          name: metric.serviceName ?? metric.name ?? '',
        })),
      );
      expect(processes).toContainEqual({ type: 'Utility', name: 'Kiosk Một cửa core' });
      await page.screenshot({ path: `${SCREENSHOTS}/electron-start-vi.png` });
    } finally {
      await app.close();
      xvfb?.stop();
    }
  });
});
