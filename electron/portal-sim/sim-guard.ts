/**
 * Who may talk to the training portal. It holds the same personal data as the
 * real portal (names, ID numbers, phones, attachments), so on a shared machine
 * it must not be an open copy: every request must come from a non-browser
 * client or this origin (a web page cannot post to it, DNS rebinding cannot
 * reach it), files need a portal session like the data API, and the `/__sim/`
 * control routes need the secret of this launch.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Header carrying the per-launch secret on `/__sim/` routes. */
export const SIM_CONTROL_HEADER = 'x-sim-control';

/** Environment variable through which a parent hands the secret to `main.ts` (not argv: /proc/PID/cmdline is world-readable). */
export const SIM_CONTROL_ENV = 'KIOSK_SIM_CONTROL_SECRET';

export function newControlSecret(): string {
  return randomBytes(32).toString('base64url');
}

export type Refusal = { readonly status: number; readonly message: string } | null;

/**
 * Browsers always send Origin on cross-origin posts and fetches and
 * Sec-Fetch-Site on every request; Node's fetch (the kiosk) sends neither.
 * Host must name the loopback address we listen on, so a rebinding DNS name
 * pointing at 127.0.0.1 is refused as well.
 */
export function refuseForeign(headers: IncomingHttpHeaders, port: number): Refusal {
  const host = headers.host ?? '';
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return { status: 421, message: 'Tên máy chủ không hợp lệ cho Cổng đào tạo.' };
  }
  const origin = headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) {
    return { status: 403, message: 'Cổng đào tạo từ chối yêu cầu từ trang web khác.' };
  }
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { status: 403, message: 'Cổng đào tạo từ chối yêu cầu từ trang web khác.' };
  }
  return null;
}

/** Constant-time check of the control header against this launch's secret. */
export function controlAllowed(headers: IncomingHttpHeaders, secret: string): boolean {
  const given = headers[SIM_CONTROL_HEADER];
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}
