import { DossierFixSchema, type DossierFix } from '../../api/contract/dossier';
import { v7 as uuidv7 } from 'uuid';
import { findDossierId } from './dossier-reader';
import { sealField, type StoreContext } from './store-context';
import { StoreError } from './store-error';

export { DossierFixSchema, type DossierFix };

/**
 * Applies staff's corrections and puts the dossier back in the queue: parked
 * rows are unparked and due now. A dossier already synced gets a new
 * sync-dossier row (the sync engine's look-up turns it into an update).
 */
export function resubmitDossier(
  ctx: StoreContext,
  idOrCode: string,
  actor: string,
  fix: DossierFix,
): void {
  const now = ctx.now();
  const { db } = ctx;
  db.transaction(() => {
    const id = findDossierId(ctx, idOrCode);
    if (id === null) {
      throw new StoreError(
        'DOSSIER_NOT_FOUND',
        `Không tìm thấy hồ sơ ${idOrCode}. Kiểm tra lại mã hồ sơ.`,
        `No dossier ${idOrCode}. Check the dossier code.`,
      );
    }
    const sealed: [string, string | undefined][] = [
      ['applicant_name', fix.applicantName],
      ['email', fix.email],
      ['phone', fix.phone],
      ['summary', fix.summary],
      ['notes', fix.notes],
    ];
    for (const [column, value] of sealed) {
      if (value === undefined) continue;
      db.prepare(`UPDATE dossiers SET ${column}_enc = ? WHERE id = ?`).run(
        sealField(ctx, `dossiers.${column}`, id, value.normalize('NFC')),
        id,
      );
    }
    if (fix.processingUnit !== undefined) {
      db.prepare('UPDATE dossiers SET processing_unit = ? WHERE id = ?').run(
        fix.processingUnit,
        id,
      );
    }
    if (fix.dueAt !== undefined)
      db.prepare('UPDATE dossiers SET due_at = ? WHERE id = ?').run(fix.dueAt, id);
    const unparked = db
      .prepare(
        'UPDATE outbox SET parked = 0, next_attempt_at = ? WHERE dossier_id = ? AND parked = 1',
      )
      .run(now, id).changes;
    const queued = db
      .prepare<[string], { n: number; maxSeq: number | null }>(
        'SELECT COUNT(*) AS n, MAX(seq) AS maxSeq FROM outbox WHERE dossier_id = ?',
      )
      .get(id);
    if (unparked === 0 && queued?.n === 0) {
      const code = db
        .prepare<[string], { code: string }>('SELECT code FROM dossiers WHERE id = ?')
        .get(id);
      const generation =
        (db
          .prepare<[string], { n: number }>(
            `SELECT COUNT(*) AS n FROM audit_log WHERE dossier_id = ? AND action = 'resubmit'`,
          )
          .get(id)?.n ?? 0) + 2;
      const rowId = uuidv7();
      db.prepare(
        `INSERT INTO outbox (id, dossier_id, seq, op, payload_enc, idempotency_key, next_attempt_at, created_at)
         VALUES (?, ?, 1, 'sync-dossier', ?, ?, ?, ?)`,
      ).run(
        rowId,
        id,
        ctx.cipher.sealText(
          JSON.stringify({ maHoSo: code?.code ?? '' }),
          `outbox.payload.${rowId}`,
        ),
        `sync-dossier:${id}:${generation}`,
        now,
        now,
      );
    }
    db.prepare(`UPDATE dossiers SET sync_state = 'pending', updated_at = ? WHERE id = ?`).run(
      now,
      id,
    );
    ctx.audit.record(now, actor, 'resubmit', id, `unparked=${unparked}`);
  }).immediate();
}
