import { z } from 'zod';

/** One JSON line from wia-bridge.ps1 (see the script's header for the protocol). */
export const WiaLineSchema = z.discriminatedUnion('event', [
  z.object({
    event: z.literal('device'),
    id: z.string().min(1),
    name: z.string(),
    vendor: z.string(),
    sources: z.array(z.enum(['flatbed', 'adf', 'adf-duplex'])),
    dpi: z.tuple([z.number(), z.number()]).optional(),
    bedMm: z.tuple([z.number(), z.number()]).optional(),
    status: z.enum(['ready', 'offline']).optional(),
  }),
  z.object({
    event: z.literal('page'),
    index: z.number().int().nonnegative(),
    path: z.string().min(1),
  }),
  z.object({
    event: z.literal('error'),
    code: z.enum([
      'PAPER_JAM',
      'FEEDER_EMPTY',
      'COVER_OPEN',
      'DEVICE_GONE',
      'DEVICE_OFFLINE',
      'DEVICE_BUSY',
      'DEVICE_NOT_FOUND',
      'UNSUPPORTED_OPTION',
      'SCAN_FAILED',
    ]),
    hresult: z.string(),
    detail: z.string(),
  }),
  z.object({ event: z.literal('done'), pages: z.number().int().nonnegative() }),
]);
export type WiaLine = z.infer<typeof WiaLineSchema>;

/** Parses one stdout line; PowerShell noise (blank lines, warnings) is ignored as undefined. */
export function parseWiaLine(line: string): WiaLine | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  const parsed = WiaLineSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
