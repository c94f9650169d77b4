import { v7 as uuidv7 } from 'uuid';
import type { DossierCodeAllocator } from './dossier-code';
import { NewDossierSchema, type NewDossier, type NewDossierInput } from './dossier-input';
import { sealField, type StoreContext } from './store-context';
import { recordSaveKey, savedByKey } from './save-keys';
import { diskFullError, isDiskFull, StoreError } from './store-error';

export interface SavedDossier {
  readonly id: string;
  readonly code: string;
  /** True when the input's save key was already used: this is that save's dossier, nothing new. */
  readonly already?: boolean;
}

/** Validates `input` with a typed error naming every bad field. */
export function parseNewDossier(input: unknown): NewDossier {
  const parsed = NewDossierSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const fields = issues.map((i) => i.path || '(gốc)').join(', ');
  throw new StoreError(
    'DOSSIER_INVALID',
    `Hồ sơ không hợp lệ ở: ${fields}. Sửa các trường này rồi lưu lại.`,
    `The dossier is invalid at: ${fields}. Fix these fields and save again.`,
    issues,
  );
}

/**
 * Saves a dossier durably. Order matters for power loss:
 *   1. every blob file is written and fsynced (file and folder);
 *   2. ONE transaction inserts the dossier, its components and pages, its blob
 *      rows, its code counter and its outbox rows (an upload-file row per
 *      attachment, then the sync-dossier row) and the audit entry.
 * When this returns, the dossier is on disk; if the process dies before, the
 * database holds nothing of it and GC removes the unnamed blobs. A save key
 * already bound to a dossier is looked up in that same (immediate)
 * transaction, so two saves with one key cannot both insert.
 */
export function saveDossier(
  ctx: StoreContext,
  codes: DossierCodeAllocator,
  input: NewDossierInput | NewDossier,
  actor: string,
): SavedDossier {
  const d = parseNewDossier(input);
  const blobShas = d.components.map((c) => ({
    sha: ctx.blobs.put(c.bytes),
    size: c.bytes.length,
    pages: c.pages.map((p) => ({
      sha: ctx.blobs.put(p.bytes),
      size: p.bytes.length,
      ocrText: p.ocrText,
    })),
  }));
  const id = uuidv7();
  try {
    return ctx.db.transaction(() => insertAll(ctx, codes, d, id, blobShas, actor)).immediate();
  } catch (error) {
    if (isDiskFull(error)) throw diskFullError(error);
    if (
      error instanceof Error &&
      error.message.includes('UNIQUE constraint failed: dossiers.code')
    ) {
      throw new StoreError(
        'DOSSIER_CODE_TAKEN',
        `Mã hồ sơ ${d.code ?? ''} đã có trong kho. Kiểm tra lại mã, hoặc bỏ trống để kiosk tự cấp mã mới.`,
        `Dossier code ${d.code ?? ''} already exists. Check the code, or leave it empty to have one allocated.`,
        [{ path: 'code', message: 'already exists' }],
      );
    }
    throw error;
  }
}

interface WrittenBlob {
  readonly sha: string;
  readonly size: number;
  readonly pages: readonly { sha: string; size: number; ocrText: string | undefined }[];
}

function insertAll(
  ctx: StoreContext,
  codes: DossierCodeAllocator,
  d: NewDossier,
  id: string,
  blobs: readonly WrittenBlob[],
  actor: string,
): SavedDossier {
  const { db } = ctx;
  const now = ctx.now();
  if (d.saveKey !== undefined) {
    const earlier = savedByKey(ctx, d.saveKey);
    if (earlier) return { id: earlier.id, code: earlier.code, already: true };
  }
  const code = d.code ?? codes.allocate(d.receivedAt);
  db.prepare(
    `INSERT INTO procedures (code, name, field_code, field_name, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name,
       field_code = COALESCE(excluded.field_code, field_code),
       field_name = COALESCE(excluded.field_name, field_name), updated_at = excluded.updated_at`,
  ).run(
    d.procedure.code,
    d.procedure.name,
    d.procedure.fieldCode ?? null,
    d.procedure.fieldName ?? null,
    now,
  );
  const seal = (column: string, value: string | undefined): Buffer | null =>
    sealField(ctx, `dossiers.${column}`, id, value);
  const idNumber = d.applicant.idNumber === '' ? undefined : d.applicant.idNumber;
  db.prepare(
    `INSERT INTO dossiers (id, code, agency_code, procedure_code, applicant_kind, applicant_source,
       applicant_name_enc, applicant_id_enc, applicant_id_index, email_enc, phone_enc, summary_enc,
       form_enc, notes_enc, received_at, due_at, channel, staff_id, status, delivery_mode,
       processing_unit, signed_at, sign_error, sync_state, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
  ).run(
    id,
    code,
    // An imported code keeps its own agency (the part before YYMMDD).
    code.slice(0, code.indexOf('-')),
    d.procedure.code,
    d.applicant.kind,
    d.applicant.source,
    seal('applicant_name', d.applicant.name),
    seal('applicant_id', idNumber),
    idNumber === undefined ? null : ctx.cipher.blindIndex(idNumber),
    seal('email', d.applicant.email),
    seal('phone', d.applicant.phone),
    seal('summary', d.summary),
    seal('form', JSON.stringify(d.formValues)),
    seal('notes', d.notes),
    d.receivedAt,
    d.dueAt,
    d.channel,
    d.staffId ?? null,
    d.status,
    d.deliveryMode,
    d.processingUnit,
    d.signature !== undefined && 'signedAt' in d.signature ? d.signature.signedAt : null,
    d.signature !== undefined && 'unsignedReason' in d.signature
      ? d.signature.unsignedReason
      : null,
    now,
    now,
  );
  const insertBlob = db.prepare(
    'INSERT OR IGNORE INTO blobs (sha256, size, created_at) VALUES (?, ?, ?)',
  );
  const insertComponent = db.prepare(
    `INSERT INTO components (id, dossier_id, seq, code, file_name_enc, mime, blob_sha256)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPage = db.prepare(
    'INSERT INTO pages (id, component_id, seq, blob_sha256, ocr_text_enc) VALUES (?, ?, ?, ?, ?)',
  );
  const insertOutbox = db.prepare(
    `INSERT INTO outbox (id, dossier_id, seq, op, payload_enc, idempotency_key, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const enqueue = (seq: number, op: string, payload: Record<string, string>, key: string): void => {
    const rowId = uuidv7();
    const sealed = ctx.cipher.sealText(JSON.stringify(payload), `outbox.payload.${rowId}`);
    insertOutbox.run(rowId, id, seq, op, sealed, key, now, now);
  };
  d.components.forEach((c, i) => {
    const blob = blobs[i];
    if (!blob) throw new Error('blob list out of step with components');
    const componentId = uuidv7();
    insertBlob.run(blob.sha, blob.size, now);
    insertComponent.run(
      componentId,
      id,
      i + 1,
      c.code,
      sealField(ctx, 'components.file_name', componentId, c.fileName),
      c.mime,
      blob.sha,
    );
    blob.pages.forEach((p, j) => {
      const pageId = uuidv7();
      insertBlob.run(p.sha, p.size, now);
      insertPage.run(
        pageId,
        componentId,
        j + 1,
        p.sha,
        sealField(ctx, 'pages.ocr_text', pageId, p.ocrText),
      );
    });
    enqueue(
      i + 1,
      'upload-file',
      { blobSha256: blob.sha, fileName: c.fileName, mime: c.mime, componentId },
      `upload-file:${componentId}`,
    );
  });
  enqueue(d.components.length + 1, 'sync-dossier', { maHoSo: code }, `sync-dossier:${id}:1`);
  if (d.saveKey !== undefined) recordSaveKey(ctx, d.saveKey, id, now);
  ctx.audit.record(now, actor, 'create', id, `components=${d.components.length}`);
  return { id, code };
}
