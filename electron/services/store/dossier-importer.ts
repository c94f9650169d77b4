import type { DossierCodeAllocator } from './dossier-code';
import type { NewDossier } from './dossier-input';
import { saveDossier, type SavedDossier } from './dossier-writer';
import type { StoreContext } from './store-context';

export interface ImportedDossier extends SavedDossier {
  /** The entry's index in the import file. */
  readonly index: number;
  /** True when an earlier run (perhaps killed before it printed) already saved it. */
  readonly already: boolean;
}

/**
 * Saves the entries of one import file idempotently: each new dossier and its
 * `import_entries` row (file SHA-256, entry index) commit in ONE transaction
 * with the rest of the batch, so a run killed at any point either saved the
 * whole file or nothing, and a re-run returns the earlier dossiers instead of
 * new codes.
 */
export function importDossiers(
  ctx: StoreContext,
  codes: DossierCodeAllocator,
  fileSha256: string,
  dossiers: readonly NewDossier[],
  actor: string,
): ImportedDossier[] {
  const find = ctx.db.prepare<[string, number], { id: string; code: string }>(
    `SELECT d.id, d.code FROM import_entries e JOIN dossiers d ON d.id = e.dossier_id
      WHERE e.file_sha256 = ? AND e.entry_index = ?`,
  );
  const record = ctx.db.prepare<[string, number, string, number]>(
    'INSERT INTO import_entries (file_sha256, entry_index, dossier_id, imported_at) VALUES (?, ?, ?, ?)',
  );
  return ctx.db
    .transaction(() =>
      dossiers.map((d, index): ImportedDossier => {
        const earlier = find.get(fileSha256, index);
        if (earlier) return { ...earlier, index, already: true };
        const saved = saveDossier(ctx, codes, d, actor);
        record.run(fileSha256, index, saved.id, ctx.now());
        return { ...saved, index, already: false };
      }),
    )
    .immediate();
}
