import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { KioskError } from '../../api/errors';
import { hashPassword, verifyPassword } from './password-hash';

export type StaffRole = 'clerk' | 'admin' | 'it';

export interface StaffAccount {
  readonly id: string;
  readonly username: string;
  readonly role: StaffRole;
}

/** Failed passwords before an account locks, and for how long. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MS = 15 * 60 * 1000;

let dummyHash: string | undefined;

interface PasswordRow {
  readonly hash: string;
  readonly failed_attempts: number;
  readonly locked_until: number;
}

/** Staff accounts and their passwords (the fallback to security keys). */
export class StaffAccounts {
  readonly #db: Database.Database;
  readonly #now: () => number;

  constructor(db: Database.Database, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  find(username: string): StaffAccount | undefined {
    return this.#db
      .prepare<[string], StaffAccount>(
        'SELECT id, username, role FROM staff WHERE username = ? AND active = 1',
      )
      .get(username);
  }

  list(): StaffAccount[] {
    return this.#db
      .prepare<[], StaffAccount>(
        'SELECT id, username, role FROM staff WHERE active = 1 ORDER BY username',
      )
      .all();
  }

  async create(username: string, role: StaffRole, password: string): Promise<StaffAccount> {
    if (!/^[a-z0-9._-]{3,40}$/.test(username)) {
      throw new KioskError('INVALID_PAYLOAD', 'username: 3-40 lower-case letters, digits, . _ -');
    }
    if (password.length < 10)
      throw new KioskError('INVALID_PAYLOAD', 'password: at least 10 characters');
    const hash = await hashPassword(password);
    const id = uuidv7();
    const now = this.#now();
    this.#db.transaction(() => {
      this.#db
        .prepare(
          'INSERT INTO staff (id, username, role, active, created_at) VALUES (?, ?, ?, 1, ?)',
        )
        .run(id, username, role, now);
      this.#db
        .prepare('INSERT INTO staff_passwords (staff_id, hash, updated_at) VALUES (?, ?, ?)')
        .run(id, hash, now);
    })();
    return { id, username, role };
  }

  /**
   * Checks a password. After MAX_FAILED_ATTEMPTS wrong ones in a row the
   * account locks for LOCK_MS, even for the right password, so guessing at
   * a shared counter PC is slow. An unknown user fails the same way.
   */
  async signIn(username: string, password: string): Promise<StaffAccount> {
    const account = this.find(username);
    const row = account
      ? this.#db
          .prepare<[string], PasswordRow>(
            'SELECT hash, failed_attempts, locked_until FROM staff_passwords WHERE staff_id = ?',
          )
          .get(account.id)
      : undefined;
    if (!account || !row) {
      // Spend the same scrypt time as a real check, so timing does not tell which usernames exist.
      dummyHash ??= await hashPassword('not a password of anyone');
      await verifyPassword(password, dummyHash);
      throw new KioskError('AUTH_FAILED', 'Wrong username or password');
    }
    const now = this.#now();
    if (row.locked_until > now) {
      throw new KioskError(
        'AUTH_LOCKED',
        `Account locked until ${new Date(row.locked_until).toISOString()}`,
      );
    }
    if (await verifyPassword(password, row.hash)) {
      this.#db
        .prepare(
          'UPDATE staff_passwords SET failed_attempts = 0, locked_until = 0 WHERE staff_id = ?',
        )
        .run(account.id);
      return account;
    }
    const failed = row.failed_attempts + 1;
    const lockedUntil = failed >= MAX_FAILED_ATTEMPTS ? now + LOCK_MS : 0;
    this.#db
      .prepare(
        'UPDATE staff_passwords SET failed_attempts = ?, locked_until = ? WHERE staff_id = ?',
      )
      .run(lockedUntil > 0 ? 0 : failed, lockedUntil, account.id);
    if (lockedUntil > 0)
      throw new KioskError(
        'AUTH_LOCKED',
        `Too many wrong passwords; locked for ${LOCK_MS / 60000} minutes`,
      );
    throw new KioskError('AUTH_FAILED', 'Wrong username or password');
  }
}
