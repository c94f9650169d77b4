import { KioskError } from '../../api/errors';
import { COMMON_PASSWORDS } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 10;

let common: ReadonlySet<string> | undefined;

/**
 * NIST SP 800-63B §5.1.1.2 for a new staff password: long enough, not one of
 * the passwords attackers try first, and not built from the username. No
 * composition rules (they make passwords worse, not stronger). Messages are
 * Vietnamese first: the CLI prints them to IT as they are.
 */
export function checkNewPassword(username: string, password: string): void {
  const normalized = password.normalize('NFC');
  if (Array.from(normalized).length < MIN_PASSWORD_LENGTH) {
    throw new KioskError(
      'INVALID_PAYLOAD',
      `Mật khẩu cần ít nhất ${String(MIN_PASSWORD_LENGTH)} ký tự; hãy dùng một câu dài dễ nhớ / password: at least ${String(MIN_PASSWORD_LENGTH)} characters`,
    );
  }
  const lower = normalized.toLowerCase();
  common ??= new Set(COMMON_PASSWORDS.split('\n').filter((line) => line !== ''));
  if (common.has(lower)) {
    throw new KioskError(
      'INVALID_PAYLOAD',
      'Mật khẩu này nằm trong danh sách mật khẩu phổ biến, dễ bị đoán; hãy chọn mật khẩu khác / password: too common',
    );
  }
  if (lower.includes(username.toLowerCase())) {
    throw new KioskError(
      'INVALID_PAYLOAD',
      'Mật khẩu không được chứa tên đăng nhập; hãy chọn mật khẩu khác / password: contains the username',
    );
  }
}
