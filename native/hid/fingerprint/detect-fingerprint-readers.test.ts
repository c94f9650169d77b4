import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectFingerprintReaders } from './detect-fingerprint-readers';
import type { FingerprintReaderDriver } from './fingerprint-reader';
import { listUsbDevices } from './usb-devices';

const root = mkdtempSync(join(tmpdir(), 'kiosk-sysfs-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function usb(name: string, files: Record<string, string>): void {
  mkdirSync(join(root, name));
  for (const [file, text] of Object.entries(files))
    writeFileSync(join(root, name, file), `${text}\n`);
}

describe('fingerprint reader detection', () => {
  it('a SecuGen reader in a sysfs tree is found by vendor id and flagged as lacking a driver', async () => {
    usb('1-1', {
      idVendor: '1162',
      idProduct: '2200',
      product: 'Hamster Pro 20',
      manufacturer: 'SecuGen',
    });
    usb('1-2', { idVendor: '046d', idProduct: 'c52b', product: 'Receiver' });
    usb('1-1:1.0', { bInterfaceClass: 'ff' });
    const devices = await listUsbDevices(root);
    expect(devices).toHaveLength(2);
    const status = detectFingerprintReaders(devices);
    expect(status.status).toBe('warn');
    expect(status.readers).toEqual([
      {
        vendorId: 0x1162,
        productId: 0x2200,
        vendor: 'SecuGen',
        model: 'Hamster Pro 20',
        driver: null,
      },
    ]);
    expect(status.fix?.vi).toContain('SDK');
  });

  it('a registered vendor driver makes the reader usable, and no reader at all is unknown, not a failure', () => {
    const driver: FingerprintReaderDriver = {
      name: 'secugen-fdx',
      vendorIds: [0x1162],
      open: () => Promise.reject(new Error('no SDK in tests')),
    };
    expect(
      detectFingerprintReaders([{ vendorId: 0x1162, productId: 0x2200 }], [driver]).status,
    ).toBe('ok');
    expect(detectFingerprintReaders([]).status).toBe('unknown');
  });

  it('this machine has no USB sysfs, so the real listing is empty rather than an error', async () => {
    expect(Array.isArray(await listUsbDevices())).toBe(true);
    expect(await listUsbDevices(join(root, 'missing'))).toEqual([]);
  });
});
