import { z } from 'zod';

/**
 * The centre's queue (issue 19): the areas (lĩnh vực) a citizen picks a
 * number for, the counters that serve each, and the calling rules. Kept out
 * of config-schema.ts so that file stays a list of sections.
 */
export const AreaSchema = z
  .object({
    /** Upper-case letters and digits, e.g. HT; what `kiosk queue take --area` takes. */
    code: z
      .string()
      .regex(/^[A-Z][A-Z0-9]{0,9}$/, 'mã lĩnh vực: chữ in hoa và số, tối đa 10 ký tự'),
    /** As the ticket and the screens show it, with full diacritics. */
    name: z.string().trim().min(1).max(80),
    /** The counter numbers (quầy số) that call tickets of this area. */
    counters: z.array(z.number().int().min(1).max(99)).min(1).max(99),
  })
  .strict()
  .refine((area) => new Set(area.counters).size === area.counters.length, {
    message: 'a counter is listed twice in one area',
    path: ['counters'],
  });

export type AreaConfig = z.infer<typeof AreaSchema>;

/** A commune's usual areas over three counters; each centre edits its own. */
export const defaultAreas: readonly AreaConfig[] = [
  { code: 'HT', name: 'Hộ tịch', counters: [1, 2] },
  { code: 'CT', name: 'Chứng thực', counters: [1, 2] },
  { code: 'CU', name: 'Cư trú', counters: [3] },
  { code: 'DD', name: 'Đất đai', counters: [3] },
  { code: 'KHAC', name: 'Lĩnh vực khác', counters: [1, 2, 3] },
];

export const CentreSchema = z
  .object({
    areas: z
      .array(AreaSchema)
      .min(1)
      .max(50)
      .refine((areas) => new Set(areas.map((a) => a.code)).size === areas.length, {
        message: 'two areas share one code',
      })
      .default(defaultAreas.map((a) => ({ ...a, counters: [...a.counters] }))),
    /**
     * Calls (the first and each recall) a ticket gets before the counter may
     * skip it as a no-show (bỏ qua); a citizen who walks slowly gets N chances.
     */
    maxCalls: z.number().int().min(1).max(10).default(3),
    /** Minutes one service is assumed to take while an area has no served ticket yet. */
    defaultServiceMinutes: z.number().int().min(1).max(240).default(5),
    /**
     * The shared queue of a centre with several machines: a libpq URL
     * (postgresql://user:password@host:5432/db?sslmode=verify-full). Absent:
     * the queue lives in this machine's SQLite. Env KIOSK_CENTRE_DB wins, so
     * each machine's credentials can stay out of a copied config.json.
     */
    databaseUrl: z.string().trim().min(1).max(2000).optional(),
    /**
     * Numbers a ticket kiosk reserves in PostgreSQL ahead of need, to issue
     * while the database is away; reconciled when it returns.
     */
    offlineBlock: z.number().int().min(5).max(1000).default(50),
  })
  .strict();

export type CentreConfig = z.infer<typeof CentreSchema>;

export const defaultCentre: CentreConfig = {
  areas: defaultAreas.map((a) => ({ ...a, counters: [...a.counters] })),
  maxCalls: 3,
  defaultServiceMinutes: 5,
  offlineBlock: 50,
};
