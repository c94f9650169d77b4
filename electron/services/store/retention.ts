import type { StoreContext } from './store-context';

/**
 * Purges the personal data of dossiers synced at least `retentionMs` ago:
 * every sealed personal column, the blind index, attachment file names, OCR
 * text, and the links to page images and PDFs (their files go at the next
 * gc). What stays is what the counter's statistics and the status lookup
 * need: code, procedure, dates, statuses, portal links. Returns how many
 * dossiers were purged. secure_delete overwrites the freed ciphertext.
 */
export function purgeExpired(ctx: StoreContext, retentionMs: number, actor: string): number {
  const now = ctx.now();
  const { db } = ctx;
  return db
    .transaction(() => {
      const ids = db
        .prepare<[number], { id: string }>(
          `SELECT id FROM dossiers
           WHERE sync_state = 'synced' AND purged_at IS NULL AND synced_at <= ?`,
        )
        .all(now - retentionMs)
        .map((r) => r.id);
      const purgeDossier = db.prepare(
        `UPDATE dossiers SET applicant_name_enc = NULL, applicant_id_enc = NULL,
           applicant_id_index = NULL, email_enc = NULL, phone_enc = NULL, summary_enc = NULL,
           form_enc = NULL, notes_enc = NULL, purged_at = ?, updated_at = ? WHERE id = ?`,
      );
      const purgePages = db.prepare(
        'DELETE FROM pages WHERE component_id IN (SELECT id FROM components WHERE dossier_id = ?)',
      );
      const purgeComponents = db.prepare(
        'UPDATE components SET file_name_enc = NULL, blob_sha256 = NULL WHERE dossier_id = ?',
      );
      // The stored receipt names the applicant: it goes with the rest.
      const purgeReceipt = db.prepare('DELETE FROM dossier_receipts WHERE dossier_id = ?');
      for (const id of ids) {
        purgeDossier.run(now, now, id);
        purgeReceipt.run(id);
        purgePages.run(id);
        purgeComponents.run(id);
        ctx.audit.record(now, actor, 'purge', id, `retentionMs=${retentionMs}`);
      }
      return ids.length;
    })
    .immediate();
}

/** Blobs the returns module names (results, letters, slips), when its tables exist in this database. */
function returnBlobs(db: StoreContext['db']): string {
  const has = db
    .prepare<[], { n: number }>(
      `SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'dossier_returns'`,
    )
    .get();
  if (has?.n !== 1) return '';
  return `
         UNION SELECT blob_sha256 FROM result_documents WHERE blob_sha256 IS NOT NULL
         UNION SELECT letter_sha256 FROM dossier_returns WHERE letter_sha256 IS NOT NULL
         UNION SELECT slip_sha256 FROM dossier_returns WHERE slip_sha256 IS NOT NULL`;
}

/** The signed certified copies (the certification book keeps them for good), when that table exists. */
function copyBlobs(db: StoreContext['db']): string {
  const has = db
    .prepare<[], { n: number }>(
      `SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'certified_copies'`,
    )
    .get();
  return has?.n === 1 ? `\n         UNION SELECT blob_sha256 FROM certified_copies` : '';
}

/**
 * Removes blob rows no component or page names, then blob files no row names
 * and leftover tmp files (both older than `graceMs`, see BlobStore.gc).
 */
export function collectGarbage(
  ctx: StoreContext,
  graceMs: number,
): { rows: number; blobs: number; temps: number } {
  const { db } = ctx;
  const rows = db
    .prepare(
      `DELETE FROM blobs WHERE sha256 NOT IN (
         SELECT blob_sha256 FROM components WHERE blob_sha256 IS NOT NULL
         UNION SELECT blob_sha256 FROM pages WHERE blob_sha256 IS NOT NULL
         UNION SELECT blob_sha256 FROM dossier_receipts WHERE blob_sha256 IS NOT NULL${returnBlobs(db)}${copyBlobs(db)})`,
    )
    .run().changes;
  const keep = new Set(
    db
      .prepare<[], { sha256: string }>('SELECT sha256 FROM blobs')
      .all()
      .map((r) => r.sha256),
  );
  return { rows, ...ctx.blobs.gc(keep, ctx.now(), graceMs) };
}
