import { z } from 'zod';

/**
 * The signing service's failures (electron/services/signing/signing-errors.ts
 * throws them with these very codes), listed here so the contract, the CLI
 * and the screens share one vocabulary.
 */
export const signingErrorCodes = [
  'SIGNING_NOT_CONFIGURED',
  'SIGNING_MODULE_MISSING',
  'SIGNING_TOKEN_ABSENT',
  'SIGNING_TOKEN_REMOVED',
  'SIGNING_TOKEN_BUSY',
  'SIGNING_PIN_REQUIRED',
  'SIGNING_PIN_WRONG',
  'SIGNING_PIN_LOCKED',
  'SIGNING_NO_KEY',
  'SIGNING_CERT_EXPIRED',
  'SIGNING_CERT_NOT_YET_VALID',
  'SIGNING_KEY_USAGE',
  'SIGNING_BAD_PDF',
  'SIGNING_TSA_FAILED',
  'SIGNING_FAILED',
] as const;
export type SigningErrorCode = (typeof signingErrorCodes)[number];

/**
 * The queue ticket printer's failures (electron/services/ticket-printer
 * throws them with these very codes), shared by the kiosk page and the CLI.
 */
export const ticketPrinterErrorCodes = [
  'PRINTER_OFFLINE',
  'PRINTER_NOT_ANSWERING',
  'PRINTER_PAPER_OUT',
  'PRINTER_COVER_OPEN',
  'PRINTER_FAULT',
  'PRINTER_ADDRESS_INVALID',
] as const;
export type TicketPrinterErrorCode = (typeof ticketPrinterErrorCodes)[number];

/**
 * Every error code the API can return. The renderer shows `errors.<code>` from
 * its i18n files (Vietnamese first), which says what happened and what to do
 * next; `message` is the English detail for logs.
 */
export const errorCodes = [
  // transport and contract
  'BAD_TOKEN',
  'FORBIDDEN_ORIGIN',
  'UNKNOWN_METHOD',
  'INVALID_PAYLOAD',
  'INVALID_RESULT',
  'NOT_AVAILABLE',
  'CANCELLED',
  'INTERNAL',
  'TOO_LARGE',
  'CORE_RESTARTING',
  'CORE_TIMEOUT',
  // configuration
  'CONFIG_INVALID',
  // staff sign-in
  'AUTH_FAILED',
  'AUTH_LOCKED',
  'AUTH_REQUIRED',
  'AUTH_FORBIDDEN',
  'PASSKEY_REJECTED',
  // dossier store
  'DOSSIER_NOT_FOUND',
  'DOSSIER_INVALID',
  'DOSSIER_CODE_TAKEN',
  'DOSSIER_PURGED',
  'STORE_DISK_FULL',
  'STORE_BLOB_MISSING',
  'STORE_KEY_UNAVAILABLE',
  'STORE_SCHEMA_NEWER',
  'STORE_CODES_EXHAUSTED',
  // chip ID card
  'CARD_PCSCD_DOWN',
  'CARD_NO_READER',
  'CARD_NO_CARD',
  'CARD_REMOVED',
  'CARD_NOT_ID',
  'CARD_ACCESS_DENIED',
  'CARD_BAD_ACCESS_DATA',
  'CARD_SECURE_MESSAGING',
  'CARD_READ_FAILED',
  'CARD_BUSY',
  // scanners
  'SCAN_PAPER_JAM',
  'SCAN_FEEDER_EMPTY',
  'SCAN_COVER_OPEN',
  'SCAN_DEVICE_GONE',
  'SCAN_DEVICE_OFFLINE',
  'SCAN_DEVICE_BUSY',
  'SCAN_DEVICE_NOT_FOUND',
  'SCAN_UNSUPPORTED_OPTION',
  'SCAN_BACKEND_MISSING',
  'SCAN_BAD_FILE',
  'SCAN_FAILED',
  'SCAN_BUSY',
  // procedure catalogue and reception
  'PROCEDURE_NOT_FOUND',
  'CATALOGUE_INVALID',
  'FORM_INVALID',
  'COMPONENT_NOT_FOUND',
  'COMPONENT_MISSING',
  'COMPONENT_PDF_FAILED',
  'APPLICANT_NOT_VERIFIED',
  'RECEIPT_FAILED',
  'LOOKUP_NOT_FOUND',
  'LOOKUP_RATE_LIMITED',
  // returning results (issue 17)
  'RETURN_NOT_READY',
  'RETURN_ALREADY_RETURNED',
  'RETURN_PORTAL_UNREACHABLE',
  'RETURN_RECEIVER_MISMATCH',
  'RETURN_LETTER_REQUIRED',
  'RETURN_RESULT_INVALID',
  // the counter's forms (issue 17 item 2)
  'NOTICE_NOT_OVERDUE',
  // certified copies from originals (issue 12 item 6)
  'COPY_INVALID',
  'COPY_NOT_FOUND',
  'NOTICE_RESULT_READY',
  'NOTICE_NO_SUPPLEMENT_ASKED',
  // the centre queue (issue 19)
  'QUEUE_AREA_UNKNOWN',
  'QUEUE_COUNTER_UNKNOWN',
  'QUEUE_NO_CURRENT',
  'QUEUE_CALL_LIMIT',
  'QUEUE_SKIP_TOO_EARLY',
  'QUEUE_INVALID',
  // the citizen's rating (issue 19 item 5)
  'RATING_NONE_PENDING',
  'RATING_ALREADY_GIVEN',
  'RATING_INVALID',
  // printing a taken ticket (issue 19 item 2)
  'TICKET_PRINT_REFUSED',
  ...ticketPrinterErrorCodes,
  'QUEUE_OFFLINE',
  'QUEUE_DB_CONFIG',
  // centre reports (issue 19 item 6)
  'REPORT_RANGE_INVALID',
  // appointments picked up with the CCCD (issue 19 item 1)
  'APPOINTMENT_INVALID',
  'APPOINTMENT_NONE_TODAY',
  'APPOINTMENT_ALREADY_USED',
  'APPOINTMENT_CARD_NOT_READ',
  // digital signing with a PKCS#11 token (issue 12)
  ...signingErrorCodes,
] as const;

export const ErrorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ApiErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** Field-level detail for INVALID_PAYLOAD and domain validation errors. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /**
   * For SIGNING_PIN_WRONG, what the token's flags say (PKCS#11 has no counter):
   * `triesLeft` 1 on the final try, absent when the token does not tell;
   * `triesLow` once a wrong PIN was entered since the last good one.
   */
  pin: z
    .object({ triesLeft: z.number().int().min(0).optional(), triesLow: z.literal(true).optional() })
    .strict()
    .optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** A typed error thrown by services; the transports turn it into an ApiError. */
export class KioskError extends Error {
  readonly code: ErrorCode;
  readonly issues: ApiError['issues'];

  constructor(code: ErrorCode, message: string, issues?: ApiError['issues']) {
    super(message);
    this.name = 'KioskError';
    this.code = code;
    this.issues = issues;
  }

  toApiError(): ApiError {
    return this.issues === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, issues: this.issues };
  }
}

/** `{ ok: true, value } | { ok: false, error }`: what every call resolves to. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
