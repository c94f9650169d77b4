import type Database from 'better-sqlite3';

export type SignInOutcome = 'signed-in' | 'failed' | 'locked';

const USERNAME = /^[a-z0-9._-]{3,40}$/;

/**
 * Staff sign-ins in the store's audit trail (who, how, when; never a
 * password). A name that is not a valid username is recorded as
 * "(không hợp lệ)", since people sometimes type their password into it.
 */
export class SignInAudit {
  readonly #insert: Database.Statement<[number, string, string, string]>;
  readonly #now: () => number;

  constructor(db: Database.Database, now: () => number = Date.now) {
    this.#insert = db.prepare(
      'INSERT INTO audit_log (at, actor, action, dossier_id, detail) VALUES (?, ?, ?, NULL, ?)',
    );
    this.#now = now;
  }

  record(username: string, outcome: SignInOutcome, how: 'password' | 'passkey'): void {
    const actor = USERNAME.test(username) ? username : '(không hợp lệ)';
    this.#insert.run(this.#now(), actor, `staff.${outcome}`, how);
  }
}
