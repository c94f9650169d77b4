import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, unmatchableHash, verifyPassword } from './password-hash';

describe('the unmatchable hash unknown and locked accounts are checked against', () => {
  it('has the parameters of a real hash, so checking it spends the same scrypt, and no password matches it', async () => {
    const real = await hashPassword('mật khẩu thật 123');
    const dummy = unmatchableHash();
    const shape = (hash: string) => hash.split('$').map((part, i) => (i < 4 ? part : part.length));
    expect(shape(dummy)).toEqual(shape(real));
    expect(await verifyPassword('mật khẩu thật 123', dummy)).toBe(false);
    expect(await verifyPassword('', dummy)).toBe(false);
  });
});

/** A stored hash made outside hashPassword, with node's scrypt and the given parameters. */
function storedWith(password: string, N: number, keyLength = 32): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, keyLength, { N, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', N, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

describe('staff password hashes', () => {
  it('are scrypt N=2^15 r=8 p=1 with a 16-byte salt and a 32-byte key, and verify their password only', async () => {
    const stored = await hashPassword('sông hồng chảy về biển');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('sông hồng chảy về biển', stored)).toBe(true);
    expect(await verifyPassword('sông hồng chảy về biển ', stored)).toBe(false);
    expect(await hashPassword('sông hồng chảy về biển')).not.toBe(stored);
  });

  it('compare Vietnamese text after NFC, whichever form the keyboard sent', async () => {
    const stored = await hashPassword('mật khẩu dài'.normalize('NFD'));
    expect(await verifyPassword('mật khẩu dài'.normalize('NFC'), stored)).toBe(true);
  });

  it('are checked with the parameters stored beside them, so older hashes keep working', async () => {
    expect(await verifyPassword('mật khẩu cũ 2024', storedWith('mật khẩu cũ 2024', 2 ** 14))).toBe(
      true,
    );
  });

  it('that are malformed, of another scheme or of another key length match nothing, without throwing', async () => {
    const good = storedWith('mật khẩu cũ 2024', 2 ** 14);
    const parts = good.split('$');
    const variants = [
      ['bcrypt', ...parts.slice(1)].join('$'),
      ...[1, 2, 3, 4, 5].map((i) => parts.map((p, j) => (j === i ? '' : p)).join('$')),
      parts.slice(0, 5).join('$'),
      storedWith('mật khẩu cũ 2024', 2 ** 14, 16),
    ];
    for (const stored of variants) {
      expect(await verifyPassword('mật khẩu cũ 2024', stored), stored).toBe(false);
    }
  });
});
