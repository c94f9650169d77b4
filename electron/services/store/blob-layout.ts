import type { StoreContext } from './store-context';

/**
 * Moves a data folder from plain-SHA-256 blob names to keyed names, once. The
 * files named by the `blobs` table are renamed first (each rename atomic, the
 * rows untouched), then the marker row is written: a crash before the marker
 * only means the next open checks the remaining names again, and reads find a
 * blob under either name meanwhile. Files no row names are orphans gc removes.
 */
export function adoptKeyedBlobNames(ctx: StoreContext): number {
  const { db } = ctx;
  const done = db.prepare<[], { keyed_at: number }>('SELECT keyed_at FROM blob_layout').get();
  if (done !== undefined) return 0;
  const shas = db
    .prepare<[], { sha256: string }>('SELECT sha256 FROM blobs')
    .all()
    .map((r) => r.sha256);
  const adopted = ctx.blobs.adoptLegacyNames(shas);
  db.prepare('INSERT OR IGNORE INTO blob_layout (id, keyed_at) VALUES (1, ?)').run(ctx.now());
  return adopted;
}
