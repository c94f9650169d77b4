import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface UsbDevice {
  readonly vendorId: number;
  readonly productId: number;
  readonly manufacturer: string;
  readonly product: string;
}

async function attr(dir: string, name: string): Promise<string> {
  try {
    return (await readFile(join(dir, name), 'utf8')).trim();
  } catch {
    return '';
  }
}

/**
 * USB devices from Linux sysfs (`/sys/bus/usb/devices/<bus-port>/idVendor`…).
 * Fingerprint readers are usually vendor-class USB devices, invisible to a HID
 * listing. Elsewhere, or without sysfs, the list is empty.
 */
export async function listUsbDevices(root = '/sys/bus/usb/devices'): Promise<UsbDevice[]> {
  let entries: string[];
  try {
    entries = await readdir(root);
  } catch {
    return [];
  }
  const devices: UsbDevice[] = [];
  for (const entry of entries) {
    const dir = join(root, entry);
    const vendor = await attr(dir, 'idVendor');
    const product = await attr(dir, 'idProduct');
    if (!/^[0-9a-f]{4}$/i.test(vendor) || !/^[0-9a-f]{4}$/i.test(product)) continue;
    devices.push({
      vendorId: parseInt(vendor, 16),
      productId: parseInt(product, 16),
      manufacturer: await attr(dir, 'manufacturer'),
      product: await attr(dir, 'product'),
    });
  }
  return devices;
}
