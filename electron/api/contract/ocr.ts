import { z } from 'zod';
import { method } from './method';

/** The OCR worker pool, for Diagnostics. */
export const OcrStatusSchema = z.object({
  /** Worker threads in the pool (sized to the CPU cores). */
  size: z.number().int().positive(),
  /** Workers recognising a page right now. */
  busy: z.number().int().nonnegative(),
  /** Pages waiting for a worker. */
  queued: z.number().int().nonnegative(),
  /** Pages recognised since the pool started. */
  pagesDone: z.number().int().nonnegative(),
  /** Workers started so far, recycled ones included. */
  workersStarted: z.number().int().nonnegative(),
  /** A worker is replaced after this many pages (tesseract's heap only grows). */
  recycleAfterPages: z.number().int().positive(),
  /** e.g. ['vie'] or ['vie', 'eng']. */
  languages: z.array(z.enum(['vie', 'eng'])),
  /** Resolution pages are brought down to before OCR. */
  dpi: z.number().int().positive(),
  /** The folder of the OCR models in use (config `ocr.modelDir`); '' for the bundled ones. */
  modelDir: z.string(),
});
export type OcrStatus = z.infer<typeof OcrStatusSchema>;

export const ocrMethods = {
  'ocr.status': method(z.object({}).strict(), OcrStatusSchema),
} as const;
