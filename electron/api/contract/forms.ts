import { z } from 'zod';
import { method } from './method';

/**
 * The counter's forms (issue 17 item 2), staff only. `forms.book` is the
 * tracking book (Sổ theo dõi hồ sơ, Mẫu 06) of the dossiers received in a
 * span of days, Vietnam time, both days included: a PDF in the receipt's
 * style and a CSV (UTF-8 with BOM) a spreadsheet opens, as `kiosk forms book`
 * writes them.
 */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const formsMethods = {
  'forms.book': method(
    z
      .object({ from: Day, to: Day })
      .strict()
      // ISO dates compare as text; a span that runs backwards is refused before any read.
      .refine((r) => r.from <= r.to, { message: 'from must not be after to', path: ['to'] }),
    z.object({
      count: z.number().int().nonnegative(),
      pdfFileName: z.string(),
      pdfBase64: Base64,
      csvFileName: z.string(),
      csvBase64: Base64,
    }),
  ),
} as const;
