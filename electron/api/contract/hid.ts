import { z } from 'zod';
import { CitizenWireSchema } from './citizen';
import { method } from './method';

export const HidDeviceSchema = z.object({
  path: z.string(),
  vendorId: z.number().int().min(0).max(0xffff),
  productId: z.number().int().min(0).max(0xffff),
  usagePage: z.number().int().nonnegative(),
  usage: z.number().int().nonnegative(),
  kind: z.enum(['fido', 'barcode-scanner', 'fingerprint', 'other']),
  manufacturer: z.string(),
  product: z.string(),
  /** For barcode scanners: whether the kiosk is reading it now (HID POS). */
  reading: z.boolean(),
});
export type HidDevice = z.infer<typeof HidDeviceSchema>;

export const FingerprintReaderSchema = z.object({
  vendorId: z.number().int(),
  productId: z.number().int(),
  vendor: z.string(),
  model: z.string(),
  /** The vendor SDK driver's name, or null when none is installed. */
  driver: z.string().nullable(),
});

export const HidDevicesSchema = z.object({
  devices: z.array(HidDeviceSchema),
  fingerprintReaders: z.array(FingerprintReaderSchema),
  /** Why the list may be incomplete (node-hid unavailable, permission), in Vietnamese and English. */
  problem: z.object({ code: z.string(), vi: z.string(), en: z.string() }).nullable(),
});

/** Why a scanned text gave no citizen: QR_FORMAT (not a CCCD QR) or a CCCD field to re-scan. */
export const ScanCitizenProblemSchema = z.object({
  code: z.enum(['QR_FORMAT', 'QR_FIELD', 'RECORD_INVALID']),
  field: z.string().nullable(),
  vi: z.string(),
  en: z.string(),
});
export type ScanCitizenProblem = z.infer<typeof ScanCitizenProblemSchema>;

const ScanTextSchema = z.string().max(8192);

/** A code read by a HID POS scanner (no keyboard focus involved). */
export const HidScanSchema = z.object({
  text: ScanTextSchema,
  symbology: z.object({ id: z.string(), name: z.string() }),
  /** The citizen (source 'qr'), when the text is a CCCD QR; null for any other code. */
  citizen: CitizenWireSchema.nullable(),
  problem: ScanCitizenProblemSchema.nullable(),
});
export type HidScan = z.infer<typeof HidScanSchema>;

export const hidMethods = {
  /** For Diagnostics: HID devices with ids and usage pages, and fingerprint readers seen on USB. */
  'hid.devices': method(z.object({}).strict(), HidDevicesSchema),
  /**
   * The citizen in a code the renderer's keyboard-wedge detector caught, parsed
   * by the same CCCD QR parser as HID POS scans.
   */
  'hid.parseScan': method(
    z.object({ text: ScanTextSchema }).strict(),
    z.object({
      citizen: CitizenWireSchema.nullable(),
      problem: ScanCitizenProblemSchema.nullable(),
    }),
  ),
} as const;

export const hidEvents = {
  'hid.scan': HidScanSchema,
} as const;
