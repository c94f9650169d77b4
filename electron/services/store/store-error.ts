import { KioskError, type ApiError, type ErrorCode } from '../../api/errors';

/**
 * A store failure with its text in Vietnamese (`vi`) and English (`message`),
 * each saying what to do next. The API turns it into an ApiError by `code`.
 */
export class StoreError extends KioskError {
  readonly vi: string;

  constructor(code: ErrorCode, vi: string, en: string, issues?: ApiError['issues']) {
    super(code, en, issues);
    this.name = 'StoreError';
    this.vi = vi;
  }
}

/** ENOSPC / EDQUOT / SQLITE_FULL: the disk is full. */
export function isDiskFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}

export function diskFullError(cause: unknown): StoreError {
  const err = new StoreError(
    'STORE_DISK_FULL',
    'Ổ đĩa đã đầy, hồ sơ chưa được lưu. Hãy giải phóng dung lượng (hoặc báo bộ phận CNTT) rồi lưu lại; các hồ sơ đã lưu trước đó vẫn an toàn.',
    'The disk is full and the dossier was not saved. Free some space (or call IT) and save again; dossiers saved earlier are safe.',
  );
  err.cause = cause;
  return err;
}
