import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { KioskError } from '../../api/errors';
import { hashPassword, unmatchableHash, verifyPassword } from './password-hash';
import { checkNewPassword } from './password-policy';

export type StaffRole = 'clerk' | 'admin' | 'it';

export interface StaffAccount {
  readonly id: string;
  readonly username: string;
  readonly role: StaffRole;
}

/** Failed passwords before an account locks, and for how long. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MS = 15 * 60 * 1000;

/** What an unknown or locked account's password is checked against, so both spend one scrypt. */
const dummyHash = unmatchableHash();

/** Unknown usernames whose failures are remembered at once; the oldest is forgotten first. */
const MAX_UNKNOWN_TRACKED = 10_000;

/** Staff accounts and their passwords (the fallback to security keys). */
export class StaffAccounts {
  readonly #db: Database.Database;
  readonly #now: () => number;
  readonly #unknown = new Map<string, { failed: number; lockedUntil: number }>();

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
      throw new KioskError(
        'INVALID_PAYLOAD',
        'Tên đăng nhập gồm 3–40 chữ thường không dấu, chữ số, dấu . _ - (ví dụ: nguyenvanan) / username: 3-40 lower-case letters, digits, . _ -',
      );
    }
    checkNewPassword(username, password);
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
   * Checks a password. At most MAX_FAILED_ATTEMPTS attempts per account are
   * let through to the (slow) hash check; the attempt is counted in one
   * statement before the check, so parallel guesses cannot all read the same
   * count. The attempt that reaches the limit locks the account for LOCK_MS,
   * even for the right password, and a right password clears the count. An
   * unknown user is counted the same way (in memory), spends the same scrypt
   * time and gets the same answers, so neither the answer nor its timing
   * says which usernames exist.
   */
  async signIn(username: string, password: string): Promise<StaffAccount> {
    const account = this.find(username);
    const now = this.#now();
    const attempt = account ? this.#admit(account.id, now) : this.#admitUnknown(username, now);
    if (attempt === 'locked' || !account) {
      // Spend the same scrypt time as a real check, so timing does not tell who exists or is locked.
      await verifyPassword(password, dummyHash);
      throw attempt === 'locked' || attempt === 'last' ? this.#locked() : this.#failed();
    }
    const hash = this.#db
      .prepare<[string], { hash: string }>('SELECT hash FROM staff_passwords WHERE staff_id = ?')
      .get(account.id)?.hash;
    if (hash !== undefined && (await verifyPassword(password, hash))) {
      this.#db
        .prepare(
          'UPDATE staff_passwords SET failed_attempts = 0, locked_until = 0 WHERE staff_id = ?',
        )
        .run(account.id);
      return account;
    }
    throw attempt === 'last' ? this.#locked() : this.#failed();
  }

  /**
   * Counts an attempt before its check: 'ok' (more may follow), 'last' (this
   * one reached the limit and locked the account) or 'locked' (refused
   * unchecked). An expired lock starts a fresh count.
   */
  #admit(staffId: string, now: number): 'ok' | 'last' | 'locked' {
    const row = this.#db
      .prepare<[number, number, string, number, number], { failed_attempts: number }>(
        `UPDATE staff_passwords
            SET failed_attempts = CASE WHEN locked_until > 0 THEN 1 ELSE failed_attempts + 1 END,
                locked_until = CASE
                  WHEN (CASE WHEN locked_until > 0 THEN 1 ELSE failed_attempts + 1 END) >= ?
                  THEN ? ELSE 0 END
          WHERE staff_id = ? AND locked_until <= ? AND (failed_attempts < ? OR locked_until > 0)
          RETURNING failed_attempts`,
      )
      .get(MAX_FAILED_ATTEMPTS, now + LOCK_MS, staffId, now, MAX_FAILED_ATTEMPTS);
    if (!row) return 'locked';
    return row.failed_attempts >= MAX_FAILED_ATTEMPTS ? 'last' : 'ok';
  }

  /** The same counting for a username with no account, kept in memory and bounded. */
  #admitUnknown(username: string, now: number): 'ok' | 'last' | 'locked' {
    const key = username.slice(0, 100);
    const entry = this.#unknown.get(key);
    const expired = entry !== undefined && entry.lockedUntil > 0 && entry.lockedUntil <= now;
    if (entry && !expired && (entry.lockedUntil > now || entry.failed >= MAX_FAILED_ATTEMPTS)) {
      return 'locked';
    }
    const failed = entry && !expired ? entry.failed + 1 : 1;
    const lockedUntil = failed >= MAX_FAILED_ATTEMPTS ? now + LOCK_MS : 0;
    this.#unknown.delete(key);
    this.#unknown.set(key, { failed, lockedUntil });
    if (this.#unknown.size > MAX_UNKNOWN_TRACKED) {
      const oldest = this.#unknown.keys().next().value;
      if (oldest !== undefined) this.#unknown.delete(oldest);
    }
    return lockedUntil > 0 ? 'last' : 'ok';
  }

  #locked(): KioskError {
    return new KioskError(
      'AUTH_LOCKED',
      `Too many wrong passwords; locked for ${String(LOCK_MS / 60000)} minutes`,
    );
  }

  #failed(): KioskError {
    return new KioskError('AUTH_FAILED', 'Wrong username or password');
  }
}
