/**
 * How a portal call failed, classified once so the sync engine can act:
 * - `rejected`: the portal refused the content (a 4xx other than 401/429, or a
 *   2xx, with a non-zero `error_code` and a message). Retrying will not help;
 *   staff must fix the dossier.
 * - `transient`: 5xx, 429, a timeout, a reset, a non-JSON or malformed answer,
 *   a 401 that persists after a fresh login. Retry with backoff.
 * - `auth`: the portal refused the kiosk's credentials. Nothing per-dossier is
 *   wrong; IT staff must fix the configuration.
 */
export type PortalFailure = 'rejected' | 'transient' | 'auth';

export interface PortalErrorDetails {
  readonly kind: PortalFailure;
  /** HTTP status, or null when no answer arrived (timeout, reset, refused). */
  readonly status: number | null;
  /** The portal's `error_code`, when it sent one. */
  readonly errorCode: string | null;
  /** Whether any HTTP answer arrived (false: the network or the server is down). */
  readonly answered: boolean;
  /** From `Retry-After`, in ms. */
  readonly retryAfterMs: number | null;
}

export class PortalError extends Error {
  readonly kind: PortalFailure;
  readonly status: number | null;
  readonly errorCode: string | null;
  readonly answered: boolean;
  readonly retryAfterMs: number | null;
  /** Vietnamese first: what happened and what to do next. */
  readonly vi: string;

  constructor(details: PortalErrorDetails, vi: string, en: string) {
    super(en);
    this.name = 'PortalError';
    this.kind = details.kind;
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.answered = details.answered;
    this.retryAfterMs = details.retryAfterMs;
    this.vi = vi;
  }
}

/** `Retry-After` as delta-seconds or an HTTP date -> ms from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
