import { openField, sealField, type StoreContext } from './store-context';

/**
 * The counter's unfinished reception per staff account, sealed (AAD bound to
 * the staff row). The store keeps the draft as the API validated it (JSON);
 * the caller parses what it reads back. It holds a citizen's data, so each
 * write, read and drop leaves an audit row (no dossier yet: ids only).
 */
const WHERE = 'intake_drafts.draft';
const VN_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** The midnight (Vietnam time) that ends the working day `at` falls in. */
export function endOfVnDay(at: number): number {
  return Math.floor((at + VN_OFFSET_MS) / DAY_MS) * DAY_MS + DAY_MS - VN_OFFSET_MS;
}

export interface StoredDraft {
  readonly json: string;
  readonly savedAt: number;
  readonly expiresAt: number;
}

/** Replaces the account's draft; it expires at the end of today (Vietnam time). */
export function saveIntakeDraft(
  ctx: StoreContext,
  staffId: string,
  actor: string,
  json: string,
): StoredDraft {
  const savedAt = ctx.now();
  const expiresAt = endOfVnDay(savedAt);
  const write = ctx.db.transaction(() => {
    ctx.audit.record(savedAt, actor, 'draft', null, 'save');
    ctx.db
      .prepare(
        `INSERT INTO intake_drafts (staff_id, draft_enc, saved_at, expires_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(staff_id) DO UPDATE SET draft_enc = excluded.draft_enc,
         saved_at = excluded.saved_at, expires_at = excluded.expires_at`,
      )
      .run(staffId, sealField(ctx, WHERE, staffId, json), savedAt, expiresAt);
  });
  write();
  return { json, savedAt, expiresAt };
}

/** The account's draft, or null; one past its day is deleted rather than returned. */
export function intakeDraft(ctx: StoreContext, staffId: string, actor: string): StoredDraft | null {
  const row = ctx.db
    .prepare<[string], { sealed: Buffer; savedAt: number; expiresAt: number }>(
      `SELECT draft_enc AS sealed, saved_at AS savedAt, expires_at AS expiresAt
       FROM intake_drafts WHERE staff_id = ?`,
    )
    .get(staffId);
  if (row === undefined) return null;
  if (ctx.now() >= row.expiresAt) {
    dropIntakeDraft(ctx, staffId, actor);
    return null;
  }
  ctx.audit.record(ctx.now(), actor, 'draft', null, 'read');
  const json = openField(ctx, WHERE, staffId, row.sealed);
  return json === null ? null : { json, savedAt: row.savedAt, expiresAt: row.expiresAt };
}

/** Deletes the account's draft; true when there was one. */
export function dropIntakeDraft(ctx: StoreContext, staffId: string, actor: string): boolean {
  const dropped =
    ctx.db.prepare('DELETE FROM intake_drafts WHERE staff_id = ?').run(staffId).changes === 1;
  if (dropped) ctx.audit.record(ctx.now(), actor, 'draft', null, 'drop');
  return dropped;
}

/** Deletes every draft past its day (at start-up: nobody reads them any more). */
export function dropExpiredIntakeDrafts(ctx: StoreContext): number {
  return ctx.db.prepare('DELETE FROM intake_drafts WHERE expires_at <= ?').run(ctx.now()).changes;
}
