/**
 * USB vendor ids the kiosk supports, by role. build/udev/70-mot-cua-kiosk.rules
 * grants access to exactly these (a test keeps the two in step). Each id was
 * checked against public udev rules written for that vendor's devices; no
 * device of any of them was met on the development machine (see README.md).
 * Add a vendor here and in the rule together, once its id is confirmed.
 */
export interface SupportedVendor {
  readonly vendorId: number;
  readonly name: string;
  readonly role: 'fido' | 'barcode-scanner' | 'fingerprint';
}

export const supportedVendors: readonly SupportedVendor[] = [
  { vendorId: 0x1050, name: 'Yubico', role: 'fido' },
  { vendorId: 0x096e, name: 'Feitian', role: 'fido' },
  { vendorId: 0x0c2e, name: 'Honeywell (Metrologic)', role: 'barcode-scanner' },
  { vendorId: 0x05e0, name: 'Zebra (Symbol)', role: 'barcode-scanner' },
  { vendorId: 0x05f9, name: 'Datalogic', role: 'barcode-scanner' },
  { vendorId: 0x1eab, name: 'Newland', role: 'barcode-scanner' },
  { vendorId: 0x1162, name: 'SecuGen', role: 'fingerprint' },
  { vendorId: 0x1491, name: 'Futronic', role: 'fingerprint' },
  { vendorId: 0x05ba, name: 'DigitalPersona (HID Global)', role: 'fingerprint' },
  { vendorId: 0x1b55, name: 'ZKTeco', role: 'fingerprint' },
];

export function vendorOf(vendorId: number): SupportedVendor | undefined {
  return supportedVendors.find((v) => v.vendorId === vendorId);
}

export function hex4(id: number): string {
  return id.toString(16).padStart(4, '0');
}
