import { toPortalDateTime } from '../portal-contract/portal-time';

/** "25/11/2026 10:15" in Vietnam time, whatever the machine's zone. */
export function vnDateDigits(epochMs: number): string {
  const t = toPortalDateTime(epochMs);
  return `${t.slice(6, 8)}/${t.slice(4, 6)}/${t.slice(0, 4)} ${t.slice(8, 10)}:${t.slice(10, 12)}`;
}
