import { z } from 'zod';
import { FIDO_USAGE_CTAPHID, UsagePage } from './hid-usage';
import { vendorOf } from './supported-vendors';

/** One entry of node-hid's `devicesAsync()`, validated: it comes from a native module. */
export const NodeHidDeviceSchema = z.object({
  vendorId: z.number().int().min(0).max(0xffff),
  productId: z.number().int().min(0).max(0xffff),
  path: z.string().optional(),
  serialNumber: z.string().optional(),
  manufacturer: z.string().optional(),
  product: z.string().optional(),
  release: z.number().int().optional(),
  interface: z.number().int().optional(),
  usagePage: z.number().int().optional(),
  usage: z.number().int().optional(),
});

export type HidDeviceKind = 'fido' | 'barcode-scanner' | 'fingerprint' | 'other';

export interface HidDeviceInfo {
  /** The OS path node-hid opens (/dev/hidrawN on Linux); unique per interface. */
  readonly path: string;
  readonly vendorId: number;
  readonly productId: number;
  readonly usagePage: number;
  readonly usage: number;
  readonly interface: number;
  readonly product: string;
  readonly manufacturer: string;
  readonly serialNumber: string;
  readonly kind: HidDeviceKind;
}

/** What a device is for: its usage page first, then its vendor. */
export function kindOf(vendorId: number, usagePage: number, usage: number): HidDeviceKind {
  if (usagePage === UsagePage.fido && usage === FIDO_USAGE_CTAPHID) return 'fido';
  if (usagePage === UsagePage.barcodeScanner) return 'barcode-scanner';
  return vendorOf(vendorId)?.role === 'fingerprint' ? 'fingerprint' : 'other';
}

/** Entries without a path cannot be opened and are dropped; invalid entries are dropped too. */
export function toDeviceInfos(raw: unknown): HidDeviceInfo[] {
  const list = z.array(z.unknown()).safeParse(raw);
  if (!list.success) return [];
  const infos: HidDeviceInfo[] = [];
  for (const item of list.data) {
    const parsed = NodeHidDeviceSchema.safeParse(item);
    if (!parsed.success || parsed.data.path === undefined) continue;
    const d = parsed.data;
    const usagePage = d.usagePage ?? 0;
    const usage = d.usage ?? 0;
    infos.push({
      path: d.path ?? '',
      vendorId: d.vendorId,
      productId: d.productId,
      usagePage,
      usage,
      interface: d.interface ?? -1,
      product: d.product ?? '',
      manufacturer: d.manufacturer ?? '',
      serialNumber: d.serialNumber ?? '',
      kind: kindOf(d.vendorId, usagePage, usage),
    });
  }
  return infos;
}
