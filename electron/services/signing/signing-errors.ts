/**
 * Typed signing errors. A SigningError is a KioskError, so the dispatcher
 * answers its own code (SIGNING_PIN_WRONG, SIGNING_TOKEN_ABSENT…) and not
 * INTERNAL; the codes and their Vietnamese/English texts live with the API
 * contract (electron/api/signing-error-messages.ts) so the CLI, the API and
 * the screens read the same words. `detail` is technical English for the
 * log; it never contains the PIN.
 */
import { apiErrorText } from '../../api/error-messages';
import { KioskError, signingErrorCodes, type ApiError } from '../../api/errors';
import type { SigningErrorCode } from '../../api/errors';

export { signingErrorCodes, type SigningErrorCode };

export interface SigningErrorInfo {
  /** From the token's flags: 1 when the next wrong PIN locks it; undefined when the token does not say. */
  readonly triesLeft?: number;
  /** The token reports that a wrong PIN was entered since the last good one (CKF_USER_PIN_COUNT_LOW). */
  readonly triesLow?: boolean;
}

/** The PIN facts the API carries: only what the token said, and only for a wrong PIN. */
function pinOf(code: SigningErrorCode, info: SigningErrorInfo): ApiError['pin'] {
  if (code !== 'SIGNING_PIN_WRONG') return undefined;
  return {
    ...(info.triesLeft === undefined ? {} : { triesLeft: info.triesLeft }),
    ...(info.triesLow === true ? { triesLow: true as const } : {}),
  };
}

export function signingErrorText(
  code: SigningErrorCode,
  info: SigningErrorInfo = {},
): { readonly vi: string; readonly en: string } {
  const pin = pinOf(code, info);
  return apiErrorText(pin === undefined ? { code } : { code, pin });
}

export class SigningError extends KioskError {
  declare readonly code: SigningErrorCode;
  readonly info: SigningErrorInfo;
  /** What the clerk reads. */
  readonly vi: string;

  constructor(code: SigningErrorCode, detail: string, info: SigningErrorInfo = {}) {
    super(code, detail);
    this.name = 'SigningError';
    this.info = info;
    this.vi = signingErrorText(code, info).vi;
  }

  override toApiError(): ApiError {
    const pin = pinOf(this.code, this.info);
    return pin === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, pin };
  }
}
