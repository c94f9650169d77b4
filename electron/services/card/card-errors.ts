import { KioskError, type ErrorCode } from '../../api/errors';
import { CitizenError } from '../../../native/smartcard/citizen';
import { CardError, type CardErrorCode } from '../../../native/smartcard/errors';
import { ParseError } from '../../../native/smartcard/lds';
import { MrzError } from '../../../native/smartcard/mrz';
import { PaceError } from '../../../native/smartcard/pace';

const CODE: Readonly<Record<CardErrorCode, ErrorCode>> = {
  PCSCD_DOWN: 'CARD_PCSCD_DOWN',
  NO_READER: 'CARD_NO_READER',
  NO_CARD: 'CARD_NO_CARD',
  CARD_REMOVED: 'CARD_REMOVED',
  NOT_AN_ID_CARD: 'CARD_NOT_ID',
  ACCESS_DENIED: 'CARD_ACCESS_DENIED',
  BAD_ACCESS_DATA: 'CARD_BAD_ACCESS_DATA',
  SECURE_MESSAGING: 'CARD_SECURE_MESSAGING',
  FILE_NOT_FOUND: 'CARD_NOT_ID',
  STATUS_WORD: 'CARD_READ_FAILED',
  MALFORMED_RESPONSE: 'CARD_READ_FAILED',
  CANCELLED: 'CANCELLED',
  TRANSPORT: 'CARD_REMOVED',
};

/** Turns the card stack's typed errors into API errors; anything else is rethrown as it is. */
export function toKioskError(error: unknown): unknown {
  if (error instanceof CardError) return new KioskError(CODE[error.code], error.en);
  if (error instanceof MrzError) {
    return new KioskError('CARD_BAD_ACCESS_DATA', error.en, [
      { path: error.field, message: error.vi },
    ]);
  }
  if (error instanceof PaceError) {
    return new KioskError(
      error.code === 'PACE_WRONG_PASSWORD' ? 'CARD_ACCESS_DENIED' : 'CARD_READ_FAILED',
      error.en,
    );
  }
  if (error instanceof ParseError || error instanceof CitizenError) {
    return new KioskError('CARD_READ_FAILED', error.message);
  }
  return error;
}
