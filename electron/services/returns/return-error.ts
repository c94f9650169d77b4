import { KioskError, type ErrorCode } from '../../api/errors';

/** A refused return, with the Vietnamese text the clerk reads (what happened, what to do next). */
export class ReturnError extends KioskError {
  readonly vi: string;

  constructor(code: ErrorCode, vi: string, en: string) {
    super(code, en);
    this.name = 'ReturnError';
    this.vi = vi;
  }
}
