import { SigningError } from './signing-errors';

/** PKCS#11 v2.40 constants used here (pkcs11t.h); numbers, so they read the same in every module. */
export const CK = {
  CKF_TOKEN_PRESENT: 0x1,
  CKF_SERIAL_SESSION: 0x4,
  CKF_LOGIN_REQUIRED: 0x4,
  CKF_USER_PIN_INITIALIZED: 0x8,
  CKF_TOKEN_INITIALIZED: 0x400,
  CKF_USER_PIN_COUNT_LOW: 0x10000,
  CKF_USER_PIN_FINAL_TRY: 0x20000,
  CKF_USER_PIN_LOCKED: 0x40000,
  CKU_USER: 1,
  CKO_CERTIFICATE: 1,
  CKO_PRIVATE_KEY: 3,
  CKA_CLASS: 0x0,
  CKA_LABEL: 0x3,
  CKA_VALUE: 0x11,
  CKA_KEY_TYPE: 0x100,
  CKA_ID: 0x102,
  CKK_RSA: 0x0,
  CKK_EC: 0x3,
  CKM_RSA_PKCS: 0x1,
  CKM_ECDSA: 0x1041,
} as const;

const CKR = {
  DEVICE_ERROR: 0x30,
  DEVICE_REMOVED: 0x32,
  PIN_INCORRECT: 0xa0,
  PIN_INVALID: 0xa1,
  PIN_LEN_RANGE: 0xa2,
  PIN_EXPIRED: 0xa3,
  PIN_LOCKED: 0xa4,
  SESSION_CLOSED: 0xb0,
  SESSION_HANDLE_INVALID: 0xb3,
  TOKEN_NOT_PRESENT: 0xe0,
  TOKEN_NOT_RECOGNIZED: 0xe1,
  USER_NOT_LOGGED_IN: 0x101,
} as const;

/** What the token's flags say about the user PIN (PKCS#11 gives no count, only these three). */
export interface PinState {
  readonly locked: boolean;
  readonly finalTry: boolean;
  readonly countLow: boolean;
  /** 1 on the final try, 0 when locked, undefined when the token does not tell. */
  readonly triesLeft: number | undefined;
}

export function pinStateFromFlags(flags: number): PinState {
  const locked = (flags & CK.CKF_USER_PIN_LOCKED) !== 0;
  const finalTry = (flags & CK.CKF_USER_PIN_FINAL_TRY) !== 0;
  const countLow = (flags & CK.CKF_USER_PIN_COUNT_LOW) !== 0;
  return { locked, finalTry, countLow, triesLeft: locked ? 0 : finalTry ? 1 : undefined };
}

function ckrOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code: unknown = error.code;
    if (typeof code === 'number') return code;
  }
  return undefined;
}

/**
 * Turns a pkcs11js error into a typed SigningError. `pinAfter` is read from the
 * token after a failed login, so the message can warn before the lock.
 */
export function signingErrorFromPkcs11(error: unknown, pinAfter?: PinState): SigningError {
  const ckr = ckrOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  switch (ckr) {
    case CKR.PIN_INCORRECT:
    case CKR.PIN_INVALID:
    case CKR.PIN_LEN_RANGE:
      if (pinAfter?.locked === true) return new SigningError('SIGNING_PIN_LOCKED', detail);
      return new SigningError('SIGNING_PIN_WRONG', detail, {
        ...(pinAfter?.triesLeft === undefined ? {} : { triesLeft: pinAfter.triesLeft }),
        triesLow: pinAfter?.countLow === true || pinAfter?.finalTry === true,
      });
    case CKR.PIN_LOCKED:
    case CKR.PIN_EXPIRED:
      return new SigningError('SIGNING_PIN_LOCKED', detail);
    case CKR.DEVICE_REMOVED:
    case CKR.TOKEN_NOT_PRESENT:
    case CKR.TOKEN_NOT_RECOGNIZED:
    case CKR.SESSION_CLOSED:
    case CKR.SESSION_HANDLE_INVALID:
      return new SigningError('SIGNING_TOKEN_REMOVED', detail);
    case CKR.USER_NOT_LOGGED_IN:
      return new SigningError('SIGNING_PIN_REQUIRED', detail);
    default:
      return new SigningError('SIGNING_FAILED', detail);
  }
}
