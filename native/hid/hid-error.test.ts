import { describe, expect, it } from 'vitest';
import { HidError, toHidError, UDEV_RULE_FILE } from './hid-error';
import { NodeHidBridge } from './node-hid-bridge';

describe('HID errors', () => {
  it('a permission error from hidapi names the udev rule to install', () => {
    const error = toHidError(
      new Error("Failed to open a device with path '/dev/hidraw3': Permission denied"),
      '/dev/hidraw3',
    );
    expect(error.code).toBe('permission-denied');
    expect(error.vi).toContain(UDEV_RULE_FILE);
    expect(error.vi).toContain('plugdev');
    expect(error.en).toContain('/etc/udev/rules.d/');
  });

  it('an unplugged device and a busy device get their own codes', () => {
    expect(toHidError(new Error('hid_read: No such device'), '/dev/hidraw0').code).toBe(
      'device-gone',
    );
    expect(toHidError(new Error('Device or resource busy'), '/dev/hidraw0').code).toBe('busy');
    expect(toHidError('something odd', '/dev/hidraw0').code).toBe('unavailable');
  });

  it('opening a path that does not exist through real node-hid reports the device as gone', async () => {
    const bridge = new NodeHidBridge();
    const error = await bridge.open('/dev/hidraw-none-99').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HidError);
    expect((error as HidError).code).toBe('device-gone');
    expect((error as HidError).vi).toMatch(/cắm lại/);
  });

  it('real node-hid lists the devices of this machine as validated entries', async () => {
    const devices = await new NodeHidBridge().list();
    expect(Array.isArray(devices)).toBe(true);
    for (const d of devices) expect(d.path.length).toBeGreaterThan(0);
  });
});
