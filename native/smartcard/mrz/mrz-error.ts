/** Why an MRZ was rejected; `field` names the part the clerk should re-check. */
export type MrzErrorCode = 'MRZ_FORMAT' | 'MRZ_CHARACTER' | 'MRZ_CHECK_DIGIT' | 'MRZ_DATE';

export type MrzField =
  'lines' | 'documentNumber' | 'personalId' | 'birthDate' | 'expiryDate' | 'composite' | 'sex';

/**
 * A typed MRZ failure. `message` is Vietnamese first, English second, and says
 * what to do next (re-scan or re-type the named field).
 */
export class MrzError extends Error {
  readonly code: MrzErrorCode;
  readonly field: MrzField;
  readonly vi: string;
  readonly en: string;

  constructor(code: MrzErrorCode, field: MrzField, vi: string, en: string) {
    super(`${vi} / ${en}`);
    this.name = 'MrzError';
    this.code = code;
    this.field = field;
    this.vi = vi;
    this.en = en;
  }
}
