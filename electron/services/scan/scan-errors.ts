import { KioskError, type ErrorCode } from '../../api/errors';
import { ScanError, type ScanErrorCode } from '../../../scanners/scanner';

const CODE: Readonly<Record<ScanErrorCode, ErrorCode>> = {
  PAPER_JAM: 'SCAN_PAPER_JAM',
  FEEDER_EMPTY: 'SCAN_FEEDER_EMPTY',
  COVER_OPEN: 'SCAN_COVER_OPEN',
  DEVICE_GONE: 'SCAN_DEVICE_GONE',
  DEVICE_OFFLINE: 'SCAN_DEVICE_OFFLINE',
  DEVICE_BUSY: 'SCAN_DEVICE_BUSY',
  DEVICE_NOT_FOUND: 'SCAN_DEVICE_NOT_FOUND',
  UNSUPPORTED_OPTION: 'SCAN_UNSUPPORTED_OPTION',
  BACKEND_MISSING: 'SCAN_BACKEND_MISSING',
  BAD_FILE: 'SCAN_BAD_FILE',
  CANCELLED: 'CANCELLED',
  SCAN_FAILED: 'SCAN_FAILED',
};

/** A scanner failure as an API error; anything else is returned unchanged for the dispatcher to log. */
export function toKioskError(error: unknown): unknown {
  return error instanceof ScanError ? new KioskError(CODE[error.code], error.message) : error;
}
