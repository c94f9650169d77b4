import { describe, expect, it } from 'vitest';
import { scannerBackends } from './scanner-backends';
import { ScannerRegistry } from './scanner-registry';
import { scriptOutsideAsar } from './wia/wia-backend';

describe('scanner backends chosen for the kiosk and the CLI', () => {
  it('scans through WIA on Windows: its bridge is asked, and a missing PowerShell is a named problem', async () => {
    const backends = scannerBackends({ platform: 'win32', esclUrls: [] });
    // This machine has no powershell.exe, so the WIA backend really runs and fails to start.
    const list = await new ScannerRegistry(backends, { timeoutMs: 5_000 }).listDevices();
    expect(list.problems).toEqual([
      expect.objectContaining({ backend: 'wia', code: 'BACKEND_MISSING' }),
    ]);
    expect(list.devices).toEqual([]);
  });

  it('never offers SANE on Windows nor WIA elsewhere; eSCL only when a URL is given', () => {
    const names = (platform: NodeJS.Platform, esclUrls: string[]) =>
      scannerBackends({ platform, esclUrls }).map((backend) => backend.name);
    expect(names('win32', [])).not.toContain('sane');
    expect(names('linux', [])).not.toContain('wia');
    expect(names('linux', ['', ''])).not.toContain('escl');
    expect(names('win32', ['http://192.0.2.7/eSCL'])).toContain('escl');
  });

  it('reads the WIA bridge from app.asar.unpacked in the packaged app, unchanged elsewhere', () => {
    expect(
      scriptOutsideAsar('C:\\Kiosk\\resources\\app.asar\\dist\\electron\\wia-bridge.ps1'),
    ).toBe('C:\\Kiosk\\resources\\app.asar.unpacked\\dist\\electron\\wia-bridge.ps1');
    expect(scriptOutsideAsar('/opt/kiosk/resources/app.asar/dist/electron/wia-bridge.ps1')).toBe(
      '/opt/kiosk/resources/app.asar.unpacked/dist/electron/wia-bridge.ps1',
    );
    expect(scriptOutsideAsar('/work/kiosk/dist/node/wia-bridge.ps1')).toBe(
      '/work/kiosk/dist/node/wia-bridge.ps1',
    );
  });
});
