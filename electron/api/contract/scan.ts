import { z } from 'zod';
import { method } from './method';

/**
 * Scanners and the page pipeline. Mirrors scanners/scanner.ts (the contract
 * stays pure and imports nothing from device code); every capability is
 * optional because drivers differ.
 */
export const ScanSourceSchema = z.enum(['flatbed', 'adf', 'adf-duplex']);
export const ColourModeSchema = z.enum(['color', 'gray', 'bitonal']);

export const ScanErrorCodeSchema = z.enum([
  'PAPER_JAM',
  'FEEDER_EMPTY',
  'COVER_OPEN',
  'DEVICE_GONE',
  'DEVICE_OFFLINE',
  'DEVICE_BUSY',
  'DEVICE_NOT_FOUND',
  'UNSUPPORTED_OPTION',
  'BACKEND_MISSING',
  'BAD_FILE',
  'CANCELLED',
  'SCAN_FAILED',
]);

export const ScanDeviceSchema = z.object({
  id: z.string(),
  backend: z.enum(['sane', 'escl', 'wia', 'import']),
  name: z.string(),
  status: z.enum(['ready', 'offline', 'busy']),
  problem: ScanErrorCodeSchema.optional(),
  capabilities: z.object({
    sources: z.array(ScanSourceSchema).optional(),
    resolutions: z
      .union([
        z.array(z.number().positive()),
        z.object({ min: z.number(), max: z.number(), step: z.number() }),
      ])
      .optional(),
    modes: z.array(ColourModeSchema).optional(),
    maxArea: z
      .object({ widthMm: z.number().positive(), heightMm: z.number().positive() })
      .optional(),
    duplex: z.boolean().optional(),
  }),
});
export type ScanDevice = z.infer<typeof ScanDeviceSchema>;

/** Why a batch stopped early, Vietnamese and English, with what to do next. */
export const ScanStopSchema = z.object({
  code: ScanErrorCodeSchema,
  vi: z.string(),
  en: z.string(),
});

export const ScanPageSchema = z.object({
  jobId: z.string(),
  /** 0-based, in the order the device delivered it. */
  index: z.number().int().nonnegative(),
  blank: z.boolean(),
  skewDegrees: z.number(),
  width: z.number().int().nonnegative(),
  height: z.number().int().nonnegative(),
  dpi: z.number().positive(),
  /** Bytes this page adds to the PDF (0 for a removed blank page). */
  bytes: z.number().int().nonnegative(),
  /** A small JPEG preview as a data: URL (the renderer has no file access). */
  thumbnail: z
    .string()
    .regex(/^data:image\/jpeg;base64,[A-Za-z0-9+/=]+$/)
    .nullable(),
});

export const ScanResultSchema = z.object({
  jobId: z.string(),
  pages: z.array(ScanPageSchema),
  /**
   * The component PDF's pages and size; null when no page was kept. The kiosk
   * builds the PDF once, at save (clerk's order, OCR text layer), so a scan
   * or import gives no `sha256` and `bytes` is what the page images add.
   */
  pdf: z
    .object({
      sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .optional(),
      pageCount: z.number().int().positive(),
      bytes: z.number().int().positive(),
    })
    .nullable(),
  /** Set when the batch stopped early (jam, cancel, device gone) after some pages: those pages are kept. */
  stopped: ScanStopSchema.nullable(),
});

export const scanMethods = {
  /** Devices of every backend; an offline one is listed with its problem, never hides the others. */
  'scan.devices': method(
    z.object({ refresh: z.boolean().optional() }).strict(),
    z.object({
      devices: z.array(ScanDeviceSchema),
      problems: z.array(z.object({ backend: z.string(), code: ScanErrorCodeSchema })),
    }),
  ),
  /**
   * Scans one dossier component; resolves when the batch ends. Pages come as
   * `scan.page` events meanwhile. A failure before any page throws a
   * SCAN_* error; a stop after some pages resolves with `stopped` set.
   */
  'scan.start': method(
    z
      .object({
        device: z.string().min(1).max(300),
        source: ScanSourceSchema.optional(),
        resolution: z.number().int().min(50).max(1200).optional(),
        mode: ColourModeSchema.optional(),
        maxPages: z.number().int().min(1).max(500).optional(),
        /** Storage profile: 1-bit G4 for text (default), JPEG for photos or colour forms. */
        profile: z.enum(['bitonal', 'gray', 'color']).optional(),
        removeBlank: z.boolean().optional(),
        /** Component name, the PDF's title (e.g. "Đơn đề nghị"). */
        component: z.string().min(1).max(200).optional(),
      })
      .strict(),
    ScanResultSchema,
  ),
  'scan.cancel': method(z.object({}).strict(), z.object({ cancelled: z.boolean() })),
} as const;

export const scanEvents = {
  'scan.page': ScanPageSchema,
  'scan.progress': z.object({
    jobId: z.string(),
    phase: z.enum(['starting', 'scanning', 'page-done', 'finished']),
    pagesDone: z.number().int().nonnegative(),
    pagesTotal: z.number().int().positive().optional(),
  }),
} as const;
