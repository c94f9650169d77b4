import { z } from 'zod';

/**
 * Where and how to reach a portal adapter. Mirrors the real adapters'
 * `adapter_url`, `auth_endpoint`, `integration_endpoint` (portal.md §1.1); the
 * files endpoint is the provincial document store the portal fetches from.
 */
export const PortalConfigSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }),
  authPath: z.string().startsWith('/').default('/api/auth'),
  integrationPath: z.string().startsWith('/').default('/api/integration'),
  filesPath: z.string().startsWith('/').default('/api/files'),
  username: z.string().min(1),
  password: z.string().min(1),
  /** The agency's code sent as `madonvi` in every integration call. */
  madonvi: z.string().min(1),
  /** Optional `dstcode` header some adapters require on every call. */
  dstcode: z.string().min(1).optional(),
  /** Bound on one call, body included; the reference client uses 6 s. */
  timeoutMs: z.number().int().positive().max(120_000).default(6_000),
});
export type PortalConfig = z.output<typeof PortalConfigSchema>;
export type PortalConfigInput = z.input<typeof PortalConfigSchema>;
