import { v7 as uuidv7 } from 'uuid';
import { openField, sealField, type StoreContext } from './store-context';
import { diskFullError, isDiskFull } from './store-error';

/** A dossier saved "chưa ký số" whose files have not left for the portal yet. */
export interface UnsignedDossier {
  readonly id: string;
  readonly code: string;
  readonly components: readonly { readonly componentId: string; readonly sha256: string }[];
}

/**
 * Still safe to sign: nothing of it was acknowledged by the portal (no
 * component has a portal file id) and no create was ever sent. Once a file
 * or the create left, signing here would store a file the portal never gets.
 */
const STILL_LOCAL = `d.signed_at IS NULL AND d.purged_at IS NULL AND d.create_attempted = 0
  AND NOT EXISTS (SELECT 1 FROM components c WHERE c.dossier_id = d.id AND c.portal_file_id IS NOT NULL)`;

export function unsignedDossiers(ctx: StoreContext): UnsignedDossier[] {
  const rows = ctx.db
    .prepare<[], { id: string; code: string }>(
      `SELECT d.id, d.code FROM dossiers d WHERE ${STILL_LOCAL} ORDER BY d.received_at, d.id`,
    )
    .all();
  const parts = ctx.db.prepare<[string], { id: string; blob_sha256: string | null }>(
    'SELECT id, blob_sha256 FROM components WHERE dossier_id = ? ORDER BY seq',
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    components: parts
      .all(r.id)
      .filter((c): c is { id: string; blob_sha256: string } => c.blob_sha256 !== null)
      .map((c) => ({ componentId: c.id, sha256: c.blob_sha256 })),
  }));
}

/**
 * Swaps in the signed PDFs of a dossier signed later, in one transaction:
 * each component names its signed blob, and each upload-file row is
 * replaced by a new row (new id, same place in the queue) naming it. An
 * upload of the old file already in flight then finds its row gone when it
 * completes, so it links nothing: the dossier's create names only signed
 * files. Returns false, changing nothing, when the dossier is no longer
 * local (synced meanwhile): its unsigned files stand.
 */
export function adoptSignedComponents(
  ctx: StoreContext,
  dossierId: string,
  signed: readonly { readonly componentId: string; readonly pdf: Uint8Array }[],
  signedAt: number,
  actor: string,
): boolean {
  try {
    const blobs = signed.map((s) => ({ ...s, sha: ctx.blobs.put(s.pdf) }));
    const { db } = ctx;
    return db
      .transaction((): boolean => {
        const local = db
          .prepare<[string], { id: string }>(
            `SELECT d.id FROM dossiers d WHERE d.id = ? AND ${STILL_LOCAL}`,
          )
          .get(dossierId);
        if (local === undefined) return false;
        const now = ctx.now();
        const uploads = db
          .prepare<[string], { id: string; seq: number; payload_enc: Buffer | null }>(
            `SELECT id, seq, payload_enc FROM outbox WHERE dossier_id = ? AND op = 'upload-file'`,
          )
          .all(dossierId);
        for (const b of blobs) {
          db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, created_at) VALUES (?, ?, ?)').run(
            b.sha,
            b.pdf.length,
            now,
          );
          db.prepare('UPDATE components SET blob_sha256 = ? WHERE id = ? AND dossier_id = ?').run(
            b.sha,
            b.componentId,
            dossierId,
          );
          const row = uploads.find((u) => payloadOf(ctx, u).componentId === b.componentId);
          if (row === undefined) continue;
          const payload = { ...payloadOf(ctx, row), blobSha256: b.sha };
          const rowId = uuidv7();
          db.prepare('DELETE FROM outbox WHERE id = ?').run(row.id);
          db.prepare(
            `INSERT INTO outbox (id, dossier_id, seq, op, payload_enc, idempotency_key, next_attempt_at, created_at)
             VALUES (?, ?, ?, 'upload-file', ?, ?, ?, ?)`,
          ).run(
            rowId,
            dossierId,
            row.seq,
            sealField(ctx, 'outbox.payload', rowId, JSON.stringify(payload)),
            `upload-file:${b.componentId}:${b.sha}`,
            now,
            now,
          );
        }
        db.prepare(
          'UPDATE dossiers SET signed_at = ?, sign_error = NULL, updated_at = ? WHERE id = ?',
        ).run(signedAt, now, dossierId);
        ctx.audit.record(now, actor, 'sign', dossierId, `components=${blobs.length}`);
        return true;
      })
      .immediate();
  } catch (error) {
    if (isDiskFull(error)) throw diskFullError(error);
    throw error;
  }
}

function payloadOf(
  ctx: StoreContext,
  row: { id: string; payload_enc: Buffer | null },
): Record<string, string> {
  return JSON.parse(openField(ctx, 'outbox.payload', row.id, row.payload_enc) ?? '{}') as Record<
    string,
    string
  >;
}
