import { KioskError } from '../../api/errors';
import { PortalError } from '../portal/portal-error';

/**
 * Failures no retry can fix, with the Vietnamese text staff read: the
 * portal's refusal, or an attachment missing or damaged on this kiosk.
 */
export function parkReason(error: unknown): string | null {
  if (error instanceof PortalError) return error.kind === 'rejected' ? error.vi : null;
  if (error instanceof KioskError && error.code === 'STORE_BLOB_MISSING') {
    return 'vi' in error && typeof error.vi === 'string' ? error.vi : error.message;
  }
  return null;
}
