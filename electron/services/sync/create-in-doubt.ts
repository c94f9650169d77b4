import { PortalError } from '../portal/portal-error';

/**
 * How long after a create left without a readable answer the portal may still
 * commit it. A portal keeps working on a call after the client gave up (the
 * simulator's `late-commit`); a lookup inside this window proves nothing, so a
 * second create waits it out. Thirty seconds is five times the reference
 * client's 6 s timeout; a portal slower than that is outside what a client
 * without idempotency keys on the wire can tell apart.
 */
export const DEFAULT_CREATE_SETTLE_MS = 30_000;

/** Not a failure: the dossier waits for an earlier create's outcome before another may leave. */
export function createInDoubt(waitMs: number): PortalError {
  const seconds = Math.ceil(waitMs / 1000);
  return new PortalError(
    {
      kind: 'transient',
      status: null,
      errorCode: null,
      // The lookup that found nothing was answered: the portal is reachable.
      answered: true,
      retryAfterMs: waitMs,
    },
    `Chưa rõ Cổng đã nhận lần gửi trước hay chưa; chờ ${seconds} giây rồi tra cứu lại trước khi gửi.`,
    `The previous create's outcome is unknown; looking the dossier up again in ${seconds} s before sending it.`,
  );
}
