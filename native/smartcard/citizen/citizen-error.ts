export type CitizenErrorCode = 'QR_FORMAT' | 'QR_FIELD' | 'RECORD_INVALID';

/** A QR text or record that cannot become a Citizen; `message` is Vietnamese then English. */
export class CitizenError extends Error {
  readonly code: CitizenErrorCode;
  readonly field: string | null;
  readonly vi: string;
  readonly en: string;

  constructor(code: CitizenErrorCode, field: string | null, vi: string, en: string) {
    super(`${vi} / ${en}`);
    this.name = 'CitizenError';
    this.code = code;
    this.field = field;
    this.vi = vi;
    this.en = en;
  }
}
