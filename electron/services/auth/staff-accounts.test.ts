import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { apiErrorText } from '../../api/error-messages';
import { KioskError } from '../../api/errors';
import { kioskMigrations } from '../kiosk-migrations';
import { migrate } from '../store/migrator';
import { LOCK_MS, MAX_FAILED_ATTEMPTS, StaffAccounts } from './staff-accounts';

function accountsAt(clock: { now: number }) {
  const db = new Database(':memory:');
  migrate(db, kioskMigrations);
  return { db, accounts: new StaffAccounts(db, () => clock.now) };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof KioskError ? error.code : String(error);
  }
}

describe('staff passwords', () => {
  it('are stored as scrypt hashes, never in clear', async () => {
    const { db, accounts } = accountsAt({ now: 0 });
    await accounts.create('canbo1', 'clerk', 'mật khẩu dài 123');
    const row = db.prepare<[], { hash: string }>('SELECT hash FROM staff_passwords').get();
    expect(row?.hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row?.hash).not.toContain('mật khẩu');
    await expect(accounts.signIn('canbo1', 'mật khẩu dài 123')).resolves.toMatchObject({
      username: 'canbo1',
      role: 'clerk',
    });
  });

  it('a wrong password and an unknown user fail the same way', async () => {
    const { accounts } = accountsAt({ now: 0 });
    await accounts.create('canbo1', 'clerk', 'correct horse 1');
    expect(await codeOf(accounts.signIn('canbo1', 'wrong password'))).toBe('AUTH_FAILED');
    expect(await codeOf(accounts.signIn('nobody', 'wrong password'))).toBe('AUTH_FAILED');
  });

  it('locks the account after repeated failures, even for the right password, until the lock expires', async () => {
    const clock = { now: 1_000_000 };
    const { accounts } = accountsAt(clock);
    await accounts.create('canbo1', 'clerk', 'correct horse 1');
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++)
      expect(await codeOf(accounts.signIn('canbo1', `guess ${i}`))).toBe('AUTH_FAILED');
    expect(await codeOf(accounts.signIn('canbo1', 'last guess'))).toBe('AUTH_LOCKED');
    expect(await codeOf(accounts.signIn('canbo1', 'correct horse 1'))).toBe('AUTH_LOCKED');
    clock.now += LOCK_MS + 1;
    await expect(accounts.signIn('canbo1', 'correct horse 1')).resolves.toMatchObject({
      username: 'canbo1',
    });
  });

  it('40 parallel wrong passwords lock the account: only the limit reach the hash, the right one is then refused', async () => {
    const { db, accounts } = accountsAt({ now: 1_000_000 });
    await accounts.create('canbo1', 'clerk', 'correct horse 1');
    const codes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => codeOf(accounts.signIn('canbo1', `guess ${i}`))),
    );
    expect(codes.filter((c) => c === 'AUTH_FAILED')).toHaveLength(MAX_FAILED_ATTEMPTS - 1);
    expect(codes.filter((c) => c === 'AUTH_LOCKED')).toHaveLength(40 - (MAX_FAILED_ATTEMPTS - 1));
    expect(await codeOf(accounts.signIn('canbo1', 'correct horse 1'))).toBe('AUTH_LOCKED');
    const row = db
      .prepare<[], { failed_attempts: number }>('SELECT failed_attempts FROM staff_passwords')
      .get();
    expect(row?.failed_attempts).toBe(MAX_FAILED_ATTEMPTS);
  });

  it('an unknown user and a locked user get the same answers, attempt for attempt', async () => {
    const { accounts } = accountsAt({ now: 1_000_000 });
    await accounts.create('canbo1', 'clerk', 'correct horse 1');
    const known: (string | undefined)[] = [];
    const unknown: (string | undefined)[] = [];
    for (let i = 0; i < MAX_FAILED_ATTEMPTS + 3; i++) {
      known.push(await codeOf(accounts.signIn('canbo1', `guess ${i}`)));
      unknown.push(await codeOf(accounts.signIn('khongco', `guess ${i}`)));
    }
    expect(unknown).toEqual(known);
    expect(known.slice(MAX_FAILED_ATTEMPTS - 1).every((c) => c === 'AUTH_LOCKED')).toBe(true);
  });

  it('an unknown user and a locked user are refused with the same code, message and Vietnamese text', async () => {
    const { accounts } = accountsAt({ now: 1_000_000 });
    await accounts.create('canbo1', 'clerk', 'correct horse 1');
    const errorOf = async (promise: Promise<unknown>) => {
      try {
        await promise;
      } catch (error) {
        if (error instanceof KioskError) return error.toApiError();
      }
      throw new Error('the sign-in was not refused with a KioskError');
    };
    const firstKnown = await errorOf(accounts.signIn('canbo1', 'wrong 0'));
    const firstUnknown = await errorOf(accounts.signIn('khongco', 'wrong 0'));
    expect(firstUnknown).toEqual(firstKnown);
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) {
      await errorOf(accounts.signIn('canbo1', `wrong ${String(i)}`));
      await errorOf(accounts.signIn('khongco', `wrong ${String(i)}`));
    }
    const locked = await errorOf(accounts.signIn('canbo1', 'correct horse 1'));
    const lockedUnknown = await errorOf(accounts.signIn('khongco', 'correct horse 1'));
    expect(lockedUnknown).toEqual(locked);
    expect(locked.code).toBe('AUTH_LOCKED');
    expect(apiErrorText(lockedUnknown)).toEqual(apiErrorText(locked));
    expect(apiErrorText(locked).vi).toMatch(/khoá|khóa/);
  });

  it('refuses short passwords and odd usernames', async () => {
    const { accounts } = accountsAt({ now: 0 });
    expect(await codeOf(accounts.create('canbo1', 'clerk', 'short'))).toBe('INVALID_PAYLOAD');
    expect(await codeOf(accounts.create('Cán Bộ', 'clerk', 'long enough 123'))).toBe(
      'INVALID_PAYLOAD',
    );
  });

  it('a right password clears the count of earlier wrong ones', async () => {
    const { accounts } = accountsAt({ now: 1_000_000 });
    await accounts.create('canbo1', 'clerk', 'correct horse 1');
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++)
      await codeOf(accounts.signIn('canbo1', `guess ${String(i)}`));
    await accounts.signIn('canbo1', 'correct horse 1');
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++)
      expect(await codeOf(accounts.signIn('canbo1', `again ${String(i)}`))).toBe('AUTH_FAILED');
  });

  it('an unknown user is counted afresh once its lock has expired, like a known one', async () => {
    const clock = { now: 1_000_000 };
    const { accounts } = accountsAt(clock);
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await codeOf(accounts.signIn('khongco', 'x'));
    expect(await codeOf(accounts.signIn('khongco', 'x'))).toBe('AUTH_LOCKED');
    clock.now += LOCK_MS - 1;
    expect(await codeOf(accounts.signIn('khongco', 'x'))).toBe('AUTH_LOCKED');
    clock.now += 1;
    expect(await codeOf(accounts.signIn('khongco', 'x'))).toBe('AUTH_FAILED');
  });

  it('unknown usernames are counted by their first 100 characters, so long variants share one lock', async () => {
    const { accounts } = accountsAt({ now: 1_000_000 });
    const stem = 'a'.repeat(100);
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++)
      await codeOf(accounts.signIn(`${stem}${String(i)}`, 'x'));
    expect(await codeOf(accounts.signIn(`${stem}z`, 'x'))).toBe('AUTH_LOCKED');
    expect(await codeOf(accounts.signIn('a'.repeat(99), 'x'))).toBe('AUTH_FAILED');
  });

  it('refusals say why in English: wrong username or password, or locked for 15 minutes', async () => {
    const { accounts } = accountsAt({ now: 1_000_000 });
    await expect(accounts.signIn('khongco', 'x')).rejects.toThrow('Wrong username or password');
    for (let i = 1; i < MAX_FAILED_ATTEMPTS - 1; i++) await codeOf(accounts.signIn('khongco', 'x'));
    await expect(accounts.signIn('khongco', 'x')).rejects.toThrow(
      'Too many wrong passwords; locked for 15 minutes',
    );
  });

  it('usernames are 3 to 40 of a-z 0-9 . _ -, matched whole', async () => {
    const { accounts } = accountsAt({ now: 0 });
    const password = 'long enough 123';
    for (const bad of ['ab', 'a'.repeat(41), 'canbo 1', ' canbo1', 'canbo1 ', 'Canbo1'])
      expect(await codeOf(accounts.create(bad, 'clerk', password))).toBe('INVALID_PAYLOAD');
    for (const good of ['abc', 'a'.repeat(40), 'nguyen.van_an-2'])
      await expect(accounts.create(good, 'clerk', password)).resolves.toMatchObject({
        username: good,
      });
  });

  it('lists and finds only active accounts, listed by username', async () => {
    const { db, accounts } = accountsAt({ now: 0 });
    await accounts.create('canbo2', 'clerk', 'long enough 123');
    await accounts.create('canbo1', 'admin', 'long enough 123');
    await accounts.create('canbo3', 'it', 'long enough 123');
    db.prepare("UPDATE staff SET active = 0 WHERE username = 'canbo3'").run();
    expect(accounts.list().map((a) => [a.username, a.role])).toEqual([
      ['canbo1', 'admin'],
      ['canbo2', 'clerk'],
    ]);
    expect(accounts.find('canbo3')).toBeUndefined();
    expect(accounts.find('canbo2')).toMatchObject({ username: 'canbo2', role: 'clerk' });
  });
});
