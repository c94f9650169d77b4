import { z } from 'zod';
import type { DongBoHoSoMC } from '../portal-contract/dong-bo-ho-so';
import type { OutboxEntry, OutboxPort } from '../sync/outbox-port';
import { readDossier } from './dossier-reader';
import { SqliteStatusEvents } from './sqlite-status-events';
import { toPortalDossier } from '../sync/portal-mapping';
import { openField, sealField, type StoreContext } from './store-context';
import type { OutboxOp } from '../../api/contract/dossier';

interface OutboxRow {
  id: string;
  dossier_id: string;
  seq: number;
  op: OutboxOp;
  payload_enc: Buffer;
  idempotency_key: string;
  attempts: number;
  next_attempt_at: number;
  last_error_enc: Buffer | null;
  parked: number;
}

const PayloadSchema = z.record(z.string(), z.string());

export interface QueueDepth {
  pending: number;
  parked: number;
}
export type QueueListener = (depth: QueueDepth) => void;

/** The actor name the sync engine's reads are audited under. */
export const SYNC_ACTOR = 'sync-engine';

/**
 * The outbox over the store's database (the sync engine's {@link OutboxPort}).
 * A row leaves only on `complete`; a parked row blocks its dossier's later rows
 * and keeps the portal's message until staff resubmit (DossierStore.resubmit).
 * Counts in `depth` are dossiers, not rows ("3 hồ sơ chờ đồng bộ").
 */
export class SqliteOutbox implements OutboxPort {
  readonly #ctx: StoreContext;
  readonly #listeners = new Set<QueueListener>();
  readonly statusEvents: SqliteStatusEvents;

  constructor(ctx: StoreContext) {
    this.#ctx = ctx;
    this.statusEvents = new SqliteStatusEvents(ctx);
  }

  due(now: number, limit: number): OutboxEntry[] {
    const rows = this.#ctx.db
      .prepare<[number, number], OutboxRow>(
        `SELECT o.* FROM outbox o
         WHERE o.parked = 0 AND o.next_attempt_at <= ?
           AND o.seq = (SELECT MIN(i.seq) FROM outbox i WHERE i.dossier_id = o.dossier_id)
         ORDER BY o.created_at, o.id LIMIT ?`,
      )
      .all(now, limit);
    return rows.map((r) => this.#entry(r));
  }

  complete(entryId: string, ack: { fileUrl?: string; fileId?: string }): void {
    const { db } = this.#ctx;
    db.transaction(() => {
      const row = this.#row(entryId);
      if (!row) return; // already completed: an acknowledgement replayed after a crash
      if (row.op === 'upload-file') {
        const componentId = this.#payload(row).componentId;
        db.prepare('UPDATE components SET portal_file_id = ?, portal_url = ? WHERE id = ?').run(
          ack.fileId ?? null,
          ack.fileUrl ?? null,
          componentId ?? '',
        );
      } else if (row.op === 'sync-dossier') {
        db.prepare('UPDATE dossiers SET portal_created = 1 WHERE id = ?').run(row.dossier_id);
      }
      db.prepare('DELETE FROM outbox WHERE id = ?').run(entryId);
      const left = db
        .prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM outbox WHERE dossier_id = ?')
        .get(row.dossier_id);
      const now = this.#ctx.now();
      if (left?.n === 0) {
        db.prepare(
          `UPDATE dossiers SET sync_state = 'synced', synced_at = ?, updated_at = ? WHERE id = ?`,
        ).run(now, now, row.dossier_id);
      } else {
        db.prepare(
          `UPDATE dossiers SET updated_at = ?, sync_state = CASE WHEN EXISTS
             (SELECT 1 FROM outbox WHERE dossier_id = ? AND parked = 1) THEN 'parked' ELSE 'pending' END
           WHERE id = ?`,
        ).run(now, row.dossier_id, row.dossier_id);
      }
    }).immediate();
    this.notify();
  }

  retryLater(entryId: string, error: string, nextAttemptAt: number): void {
    this.#ctx.db
      .prepare(
        'UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error_enc = ? WHERE id = ?',
      )
      .run(nextAttemptAt, sealField(this.#ctx, 'outbox.last_error', entryId, error), entryId);
  }

  park(entryId: string, portalMessage: string): void {
    const { db } = this.#ctx;
    db.transaction(() => {
      const row = this.#row(entryId);
      if (!row) return;
      db.prepare(
        'UPDATE outbox SET parked = 1, attempts = attempts + 1, last_error_enc = ? WHERE id = ?',
      ).run(sealField(this.#ctx, 'outbox.last_error', entryId, portalMessage), entryId);
      db.prepare(`UPDATE dossiers SET sync_state = 'parked', updated_at = ? WHERE id = ?`).run(
        this.#ctx.now(),
        row.dossier_id,
      );
    }).immediate();
    this.notify();
  }

  /*
   * dossiers.create_attempted: 0 never sent; 1 sent and its answer read (or a row from before
   * answers were told apart); any larger value is the epoch ms a create left whose answer was
   * never read, so the portal may still commit it.
   */
  markCreateAttempted(dossierId: string, sentAt: number): void {
    this.#ctx.db
      .prepare('UPDATE dossiers SET create_attempted = ? WHERE id = ?')
      .run(Math.max(2, sentAt), dossierId);
  }

  markCreateAnswered(dossierId: string): void {
    this.#ctx.db
      .prepare('UPDATE dossiers SET create_attempted = 1 WHERE id = ? AND create_attempted <> 0')
      .run(dossierId);
  }

  /** True also once a create was acknowledged, so a later sync looks the dossier up first. */
  createAttempted(dossierId: string): boolean {
    const row = this.#attempt(dossierId);
    return row !== undefined && (row.a !== 0 || row.c === 1);
  }

  createInDoubtSince(dossierId: string): number | null {
    const row = this.#attempt(dossierId);
    return row !== undefined && row.a > 1 ? row.a : null;
  }

  #attempt(dossierId: string): { a: number; c: number } | undefined {
    return this.#ctx.db
      .prepare<[string], { a: number; c: number }>(
        'SELECT create_attempted AS a, portal_created AS c FROM dossiers WHERE id = ?',
      )
      .get(dossierId);
  }

  portalDossier(dossierId: string): DongBoHoSoMC {
    return toPortalDossier(readDossier(this.#ctx, dossierId, SYNC_ACTOR, 'read-for-sync'));
  }

  /** A scan is a citizen's record too: the read is audited against the dossier that names it. */
  readBlob(sha256: string): Buffer {
    const owner = this.#ctx.db
      .prepare<[string], { dossier_id: string }>(
        'SELECT dossier_id FROM components WHERE blob_sha256 = ? LIMIT 1',
      )
      .get(sha256);
    this.#ctx.audit.record(
      this.#ctx.now(),
      SYNC_ACTOR,
      'read-for-sync',
      owner?.dossier_id ?? null,
      `blob=${sha256.slice(0, 16)}`,
    );
    return this.#ctx.blobs.read(sha256);
  }

  depth(): QueueDepth {
    const row = this.#ctx.db
      .prepare<[], { pending: number | null; parked: number | null }>(
        `SELECT SUM(sync_state = 'pending') AS pending, SUM(sync_state = 'parked') AS parked
         FROM dossiers WHERE sync_state != 'synced'`,
      )
      .get();
    return { pending: row?.pending ?? 0, parked: row?.parked ?? 0 };
  }

  recordPortalStatus(dossierId: string, status: string, at: number): void {
    this.#ctx.db
      .prepare('UPDATE dossiers SET portal_status = ?, portal_status_at = ? WHERE id = ?')
      .run(status, at, dossierId);
  }

  /** Called with the new depth whenever a dossier enters, leaves or parks in the queue. */
  onChange(listener: QueueListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  notify(): void {
    if (this.#listeners.size === 0) return;
    const depth = this.depth();
    for (const listener of this.#listeners) listener(depth);
  }

  replaceUploadBlob(entryId: string, bytes: Uint8Array): string {
    const ctx = this.#ctx;
    const sha = ctx.blobs.put(bytes);
    ctx.db.transaction(() => {
      const row = this.#row(entryId);
      if (row?.op !== 'upload-file') return;
      const old = this.#payload(row);
      const payload: Record<string, string> = { ...old, blobSha256: sha };
      const now = ctx.now();
      ctx.db
        .prepare('INSERT OR IGNORE INTO blobs (sha256, size, created_at) VALUES (?, ?, ?)')
        .run(sha, bytes.length, now);
      ctx.db
        .prepare('UPDATE components SET blob_sha256 = ? WHERE id = ? AND dossier_id = ?')
        .run(sha, old.componentId ?? '', row.dossier_id);
      ctx.db
        .prepare('UPDATE outbox SET payload_enc = ? WHERE id = ?')
        .run(sealField(ctx, 'outbox.payload', row.id, JSON.stringify(payload)), row.id);
    })();
    return sha;
  }

  #row(entryId: string): OutboxRow | undefined {
    return this.#ctx.db
      .prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE id = ?')
      .get(entryId);
  }

  #payload(row: OutboxRow): Readonly<Record<string, string>> {
    const text = openField(this.#ctx, 'outbox.payload', row.id, row.payload_enc) ?? '{}';
    return PayloadSchema.parse(JSON.parse(text));
  }

  #entry(row: OutboxRow): OutboxEntry {
    return {
      id: row.id,
      dossierId: row.dossier_id,
      seq: row.seq,
      op: row.op,
      payload: this.#payload(row),
      idempotencyKey: row.idempotency_key,
      attempts: row.attempts,
      nextAttemptAt: row.next_attempt_at,
      lastError: openField(this.#ctx, 'outbox.last_error', row.id, row.last_error_enc),
    };
  }
}
