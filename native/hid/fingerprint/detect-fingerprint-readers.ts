import { supportedVendors } from '../supported-vendors';
import type { FingerprintReaderDriver } from './fingerprint-reader';

export interface DetectedFingerprintReader {
  readonly vendorId: number;
  readonly productId: number;
  readonly vendor: string;
  readonly model: string;
  /** The registered driver's name, or null when no vendor SDK driver is installed. */
  readonly driver: string | null;
}

export interface FingerprintStatus {
  readonly status: 'ok' | 'warn' | 'unknown';
  readonly readers: readonly DetectedFingerprintReader[];
  readonly detail: string;
  readonly fix?: { readonly vi: string; readonly en: string };
}

/**
 * Finds fingerprint readers among USB (and HID) devices by the vendor ids in
 * supported-vendors.ts. A reader without a driver is a warning: it is plugged
 * in, but the kiosk cannot use it until its vendor SDK driver is installed.
 */
export function detectFingerprintReaders(
  devices: readonly {
    readonly vendorId: number;
    readonly productId: number;
    readonly product?: string;
  }[],
  drivers: readonly FingerprintReaderDriver[] = [],
): FingerprintStatus {
  const seen = new Set<string>();
  const readers: DetectedFingerprintReader[] = [];
  for (const d of devices) {
    const vendor = supportedVendors.find(
      (v) => v.vendorId === d.vendorId && v.role === 'fingerprint',
    );
    const key = `${d.vendorId}:${d.productId}`;
    if (!vendor || seen.has(key)) continue;
    seen.add(key);
    readers.push({
      vendorId: d.vendorId,
      productId: d.productId,
      vendor: vendor.name,
      model: d.product ?? '',
      driver: drivers.find((x) => x.vendorIds.includes(d.vendorId))?.name ?? null,
    });
  }
  if (readers.length === 0) {
    return { status: 'unknown', readers, detail: 'no fingerprint reader detected' };
  }
  const missing = readers.filter((r) => r.driver === null);
  if (missing.length === 0) {
    return {
      status: 'ok',
      readers,
      detail: `${readers.length} fingerprint reader(s) with a driver`,
    };
  }
  const names = missing.map((r) => r.vendor).join(', ');
  return {
    status: 'warn',
    readers,
    detail: `fingerprint reader(s) without a driver: ${names}`,
    fix: {
      vi: `Đã thấy đầu đọc vân tay (${names}) nhưng chưa có trình điều khiển: cài bộ SDK của hãng theo hướng dẫn của bộ phận CNTT.`,
      en: `Fingerprint reader(s) found (${names}) but no driver: install the vendor SDK as IT instructs.`,
    },
  };
}
