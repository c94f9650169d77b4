import { KioskError, type ErrorCode } from '../../api/errors';

/** A refused certification step, with the Vietnamese text the clerk reads (what to do next). */
export class CopyError extends KioskError {
  readonly vi: string;

  constructor(code: ErrorCode, vi: string, en: string) {
    super(code, en);
    this.name = 'CopyError';
    this.vi = vi;
  }
}
