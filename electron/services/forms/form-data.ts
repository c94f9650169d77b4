import type { FormHeader } from './form-document';

/** The dossier as the counter forms print it. */
export interface FormDossier {
  readonly code: string;
  readonly procedureCode: string;
  readonly procedureName: string;
  /** Null once retention purged the personal data (the form prints a blank). */
  readonly applicantName: string | null;
  /** The personal ID (or organisation code) the QR carries; null once purged or never recorded. */
  readonly applicantId: string | null;
  readonly receivedAt: Date;
  readonly dueAt: Date;
}

export interface FormContext extends FormHeader {
  /** Bộ phận tiếp nhận và trả kết quả, e.g. "Bộ phận Một cửa xã Bình Sơn". */
  readonly unitName: string;
  /** The clerk's full name, printed under their signature. */
  readonly staffName: string;
  /** The desk's phone number (config `receipt.phone`). */
  readonly phone: string;
}

export const blank = (s: string | null): string => (s === null || s.trim() === '' ? '……………' : s);
