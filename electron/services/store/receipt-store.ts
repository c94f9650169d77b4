import { findDossierId } from './dossier-reader';
import type { StoreContext } from './store-context';
import { diskFullError, isDiskFull } from './store-error';

export interface StoredReceipt {
  readonly pdf: Uint8Array;
  /** When the agency's token signed it; null: printed "chưa ký số". */
  readonly signedAt: number | null;
}

/**
 * Keeps the receipt made when the dossier was saved (its blob fsynced before
 * the row). A second call replaces it: signing a pending dossier later makes
 * a signed receipt of the same contents.
 */
export function keepReceipt(
  ctx: StoreContext,
  dossierId: string,
  pdf: Uint8Array,
  signedAt: number | null,
): void {
  try {
    const sha = ctx.blobs.put(pdf);
    const now = ctx.now();
    ctx.db
      .transaction(() => {
        ctx.db
          .prepare('INSERT OR IGNORE INTO blobs (sha256, size, created_at) VALUES (?, ?, ?)')
          .run(sha, pdf.length, now);
        ctx.db
          .prepare(
            `INSERT INTO dossier_receipts (dossier_id, blob_sha256, signed_at, created_at)
             VALUES (?, ?, ?, ?)
             ON CONFLICT (dossier_id) DO UPDATE SET blob_sha256 = excluded.blob_sha256,
               signed_at = excluded.signed_at, created_at = excluded.created_at`,
          )
          .run(dossierId, sha, signedAt, now);
      })
      .immediate();
  } catch (error) {
    if (isDiskFull(error)) throw diskFullError(error);
    throw error;
  }
}

/** The receipt kept at save, or null (saved before receipts were kept, or purged). */
export function storedReceipt(ctx: StoreContext, idOrCode: string): StoredReceipt | null {
  const id = findDossierId(ctx, idOrCode);
  if (id === null) return null;
  const row = ctx.db
    .prepare<[string], { blob_sha256: string | null; signed_at: number | null }>(
      'SELECT blob_sha256, signed_at FROM dossier_receipts WHERE dossier_id = ?',
    )
    .get(id);
  if (row?.blob_sha256 == null) return null;
  return { pdf: new Uint8Array(ctx.blobs.read(row.blob_sha256)), signedAt: row.signed_at };
}
