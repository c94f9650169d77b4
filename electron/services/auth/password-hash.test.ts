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
