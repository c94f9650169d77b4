import type Database from 'better-sqlite3';

/** Actions on a citizen's record that leave a trace. */
export type AuditAction =
  | 'create'
  | 'read'
  | 'list'
  | 'read-for-sync'
  | 'resubmit'
  | 'purge'
  | 'import'
  | 'return'
  | 'event'
  | 'sign'
  | 'certify-copy'
  | 'refuse-copy'
  /** A clerk's unfinished reception kept, read back or dropped (detail says which). */
  | 'draft';

/**
 * The audit trail: who did what to which dossier, when. It never holds
 * personal data (ids and counts only), so it can outlive a purge.
 */
export class AuditLog {
  readonly #insert: Database.Statement<[number, string, string, string | null, string | null]>;

  constructor(db: Database.Database) {
    this.#insert = db.prepare(
      'INSERT INTO audit_log (at, actor, action, dossier_id, detail) VALUES (?, ?, ?, ?, ?)',
    );
  }

  record(
    at: number,
    actor: string,
    action: AuditAction,
    dossierId: string | null,
    detail?: string,
  ): void {
    this.#insert.run(at, actor, action, dossierId, detail ?? null);
  }
}
