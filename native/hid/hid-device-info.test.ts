import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toDeviceInfos } from './hid-device-info';
import { hex4, supportedVendors } from './supported-vendors';

describe('HID device list', () => {
  it('a FIDO interface, a HID POS scanner and a fingerprint reader are told apart by usage page and vendor', () => {
    const devices = toDeviceInfos([
      {
        vendorId: 0x1050,
        productId: 0x0402,
        path: '/dev/hidraw0',
        release: 0x0512,
        interface: 1,
        usagePage: 0xf1d0,
        usage: 1,
      },
      {
        vendorId: 0x0c2e,
        productId: 0x0b61,
        path: '/dev/hidraw1',
        release: 1,
        interface: 0,
        usagePage: 0x8c,
        usage: 2,
      },
      {
        vendorId: 0x1162,
        productId: 0x2200,
        path: '/dev/hidraw2',
        release: 1,
        interface: 0,
        usagePage: 0xff00,
        usage: 1,
      },
      {
        vendorId: 0x046d,
        productId: 0xc52b,
        path: '/dev/hidraw3',
        release: 1,
        interface: 2,
        usagePage: 1,
        usage: 6,
      },
    ]);
    expect(devices.map((d) => d.kind)).toEqual(['fido', 'barcode-scanner', 'fingerprint', 'other']);
  });

  it('entries without a path or with ids out of range are dropped, not trusted', () => {
    expect(
      toDeviceInfos([
        { vendorId: 1, productId: 2 },
        { vendorId: -1, productId: 2, path: 'x' },
        'junk',
      ]),
    ).toEqual([]);
    expect(toDeviceInfos('not a list')).toEqual([]);
  });

  it('the udev rule grants access to exactly the supported vendors, group plugdev, mode 0660', () => {
    const rules = readFileSync(
      new URL('../../build/udev/70-mot-cua-kiosk.rules', import.meta.url),
      'utf8',
    );
    const lines = rules.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
    const vendors = new Set(lines.map((l) => /idVendor\}=="([0-9a-f]{4})"/.exec(l)?.[1]));
    expect([...vendors].sort()).toEqual(supportedVendors.map((v) => hex4(v.vendorId)).sort());
    for (const line of lines) {
      expect(line).toContain('MODE="0660"');
      expect(line).toContain('GROUP="plugdev"');
    }
  });
});
