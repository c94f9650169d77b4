import type { StoreContext } from './store-context';

/** A dossier as its first save answered it, found again by the page's save key. */
export interface KeyedDossier {
  readonly id: string;
  readonly code: string;
  readonly procedureCode: string;
  readonly receivedAt: number;
  readonly dueAt: number;
  /** When the token signed its components; null: "chưa ký số". */
  readonly signedAt: number | null;
  /** The SigningError code that left it unsigned, when recorded. */
  readonly signError: string | null;
}

/** The dossier saved with `saveKey`, or null when none was. */
export function savedByKey(ctx: Pick<StoreContext, 'db'>, saveKey: string): KeyedDossier | null {
  const row = ctx.db
    .prepare(
      `SELECT d.id, d.code, d.procedure_code AS procedureCode, d.received_at AS receivedAt,
         d.due_at AS dueAt, d.signed_at AS signedAt, d.sign_error AS signError
       FROM save_keys k JOIN dossiers d ON d.id = k.dossier_id WHERE k.save_key = ?`,
    )
    .get(saveKey) as KeyedDossier | undefined;
  return row ?? null;
}

/** Binds `saveKey` to the dossier, inside the transaction that inserts it. */
export function recordSaveKey(
  ctx: Pick<StoreContext, 'db'>,
  saveKey: string,
  dossierId: string,
  now: number,
): void {
  ctx.db
    .prepare('INSERT INTO save_keys (save_key, dossier_id, saved_at) VALUES (?, ?, ?)')
    .run(saveKey, dossierId, now);
}
