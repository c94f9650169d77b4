import { createHmac, randomBytes } from 'node:crypto';

/**
 * How the book finds a card without holding its number (the personal data
 * law — Luật Bảo vệ dữ liệu cá nhân and Decree 356/2025 — asks to collect
 * the least and keep it only as long as the purpose needs).
 *
 * A plain SHA-256 of a 12-digit number is no protection: the first six
 * digits are a province code, a century/sex digit and the birth year, so
 * the rest is a search of at most 10^6 per person and about 10^12 in all —
 * minutes on a GPU. HMAC-SHA256 with a 256-bit random key makes a leaked
 * appointments table (a backup, a report export, a support dump) useless
 * without the key.
 *
 * The key is the centre's, kept in the queue database itself
 * (`queue_appointment_key`), not the kiosk's at-rest key: every machine of
 * a centre must compute the same HMAC (a booking made at a counter PC is
 * picked up at a ticket kiosk), and each machine's store key is its own. The
 * honest limit: whoever copies the whole queue database, key table
 * included, can search the numbers; the database's own access control and
 * the 30-day retention (appointment-rules.ts) are what bound that.
 */
export function cccdHmac(key: Uint8Array, cccd: string): string {
  return createHmac('sha256', key).update(cccd, 'utf8').digest('hex');
}

/** A new centre key: 32 bytes from the operating system's CSPRNG. */
export function newCentreKey(): Buffer {
  return randomBytes(32);
}
