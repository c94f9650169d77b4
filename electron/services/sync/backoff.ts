/** Retry delays: exponential in the attempt count, capped, with "equal jitter" (half fixed, half random). */

export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

/** Two minutes at most: a commune's network usually returns within minutes, and a ping runs meanwhile. */
export const defaultBackoff: BackoffPolicy = { baseMs: 500, maxMs: 2 * 60_000 };

/**
 * Delay before the next try after `attempts` failed tries (0 for the first
 * failure). Spreading the second half at random keeps kiosks that lost the
 * network together from retrying in lock-step; the fixed half keeps a retry
 * from coming back almost at once.
 */
export function backoffDelay(
  attempts: number,
  policy: BackoffPolicy,
  random: () => number,
): number {
  const exponent = Math.min(Math.max(0, attempts), 30);
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.round(cap / 2 + random() * (cap / 2));
}

/** The next try time: the backoff, but never earlier than the portal's Retry-After. */
export function nextAttemptAt(
  now: number,
  attempts: number,
  retryAfterMs: number | null,
  policy: BackoffPolicy,
  random: () => number,
): number {
  return now + Math.max(backoffDelay(attempts, policy, random), retryAfterMs ?? 0);
}
