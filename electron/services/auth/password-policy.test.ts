import { describe, expect, it } from 'vitest';
import { KioskError } from '../../api/errors';
import { checkNewPassword } from './password-policy';

function refusal(username: string, password: string): string | undefined {
  try {
    checkNewPassword(username, password);
    return undefined;
  } catch (error) {
    return error instanceof KioskError ? error.message : String(error);
  }
}

describe('a new staff password (NIST SP 800-63B)', () => {
  it('is refused when it is on the common-password list, whatever its case', () => {
    for (const common of ['password123', 'Matkhau123', 'ANHYEUEM123', 'qwertyuiop'])
      expect(refusal('canbo1', common), common).toMatch(/danh sách mật khẩu phổ biến/);
  });

  it('is refused when it contains the username, whatever its case', () => {
    expect(refusal('canbo1', 'CanBo1-mua-thu-ha-noi')).toMatch(/không được chứa tên đăng nhập/);
    expect(refusal('nguyen.an', 'toi-la-nguyen.an-2026')).toMatch(/tên đăng nhập/);
  });

  it('is refused when shorter than 10 characters, counting Vietnamese letters as one each', () => {
    expect(refusal('canbo1', 'mùa thu')).toMatch(/ít nhất 10 ký tự/);
    // Ten letters in NFD are more than ten code points, still ten characters after NFC.
    expect(refusal('canbo1', 'đường dài'.normalize('NFD') + 'x')).toBeUndefined();
  });

  it('is accepted when long, uncommon and free of the username, without composition rules', () => {
    expect(refusal('canbo1', 'sông hồng chảy về biển')).toBeUndefined();
  });

  it('takes exactly 10 characters and refuses 9, saying how many it needs', () => {
    expect(refusal('canbo1', 'bầu trời x')).toBeUndefined();
    const e = refusal('canbo1', 'bầu trời ');
    expect(e).toMatch(/^Mật khẩu cần ít nhất 10 ký tự; hãy dùng một câu dài dễ nhớ/);
    expect(e).toMatch(/at least 10 characters$/);
  });

  it('says in Vietnamese what to do for a common password or one containing the username', () => {
    expect(refusal('canbo1', 'password123')).toBe(
      'Mật khẩu này nằm trong danh sách mật khẩu phổ biến, dễ bị đoán; hãy chọn mật khẩu khác / password: too common',
    );
    expect(refusal('canbo1', 'canbo1 mùa thu')).toBe(
      'Mật khẩu không được chứa tên đăng nhập; hãy chọn mật khẩu khác / password: contains the username',
    );
  });
});
