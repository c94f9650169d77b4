import { DOSSIER_CODE_PATTERN } from '../portal-contract/dong-bo-ho-so';
import type { ComponentView, DossierSummary, DossierView, SyncState } from './dossier-view';
import { DossierViewSchema } from './dossier-view';
import { openField, type StoreContext } from './store-context';
import { StoreError } from './store-error';
import type { OutboxOp } from '../../api/contract/dossier';

interface DossierRow {
  id: string;
  code: string;
  agency_code: string;
  procedure_code: string;
  procedure_name: string;
  field_code: string | null;
  field_name: string | null;
  applicant_kind: string;
  applicant_source: string;
  applicant_name_enc: Buffer | null;
  applicant_id_enc: Buffer | null;
  email_enc: Buffer | null;
  phone_enc: Buffer | null;
  summary_enc: Buffer | null;
  form_enc: Buffer | null;
  notes_enc: Buffer | null;
  received_at: number;
  due_at: number;
  channel: string;
  staff_id: string | null;
  status: string;
  delivery_mode: string;
  processing_unit: string;
  sync_state: string;
  portal_status: string | null;
  portal_status_at: number | null;
  synced_at: number | null;
  purged_at: number | null;
  signed_at: number | null;
  sign_error: string | null;
  created_at: number;
  parked_error_enc: Buffer | null;
  parked_row_id: string | null;
}

const SELECT = `SELECT d.*, p.name AS procedure_name, p.field_code, p.field_name,
    o.last_error_enc AS parked_error_enc, o.id AS parked_row_id
  FROM dossiers d JOIN procedures p ON p.code = d.procedure_code
  LEFT JOIN outbox o ON o.id =
    (SELECT id FROM outbox WHERE dossier_id = d.id AND parked = 1 ORDER BY seq LIMIT 1)`;

export interface ListFilter {
  readonly status?: string;
  readonly syncState?: SyncState;
  readonly limit?: number;
  readonly offset?: number;
}

function notFound(idOrCode: string): StoreError {
  return new StoreError(
    'DOSSIER_NOT_FOUND',
    `Không tìm thấy hồ sơ ${idOrCode}. Kiểm tra lại mã hồ sơ.`,
    `No dossier ${idOrCode}. Check the dossier code.`,
  );
}

function summaryOf(ctx: StoreContext, r: DossierRow): DossierSummary {
  const open = (column: string, sealed: Buffer | null): string | null =>
    openField(ctx, `dossiers.${column}`, r.id, sealed);
  return {
    id: r.id,
    code: r.code,
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name,
    applicantName: open('applicant_name', r.applicant_name_enc),
    receivedAt: r.received_at,
    dueAt: r.due_at,
    status: r.status as DossierSummary['status'],
    syncState: r.sync_state as SyncState,
    parkedMessage:
      r.parked_row_id === null
        ? null
        : openField(ctx, 'outbox.last_error', r.parked_row_id, r.parked_error_enc),
    portalStatus: r.portal_status,
    signed: r.signed_at !== null,
    unsignedReason: r.signed_at === null ? r.sign_error : null,
  };
}

/** Dossiers newest first, with the applicant's name; audited as one `list` read. */
export function listDossiers(
  ctx: StoreContext,
  filter: ListFilter,
  actor: string,
): DossierSummary[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.status !== undefined) {
    where.push('d.status = ?');
    params.push(filter.status);
  }
  if (filter.syncState !== undefined) {
    where.push('d.sync_state = ?');
    params.push(filter.syncState);
  }
  const sql = `${SELECT} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY d.received_at DESC, d.id DESC LIMIT ? OFFSET ?`;
  params.push(filter.limit ?? 500, filter.offset ?? 0);
  const rows = ctx.db.prepare<(string | number)[], DossierRow>(sql).all(...params);
  ctx.audit.record(ctx.now(), actor, 'list', null, `count=${rows.length}`);
  return rows.map((r) => summaryOf(ctx, r));
}

/** Finds by id (uuid) or by dossier code, without auditing (callers audit). */
export function findDossierId(ctx: StoreContext, idOrCode: string): string | null {
  const column = DOSSIER_CODE_PATTERN.test(idOrCode) ? 'code' : 'id';
  const row = ctx.db
    .prepare<[string], { id: string }>(`SELECT id FROM dossiers WHERE ${column} = ?`)
    .get(idOrCode);
  return row?.id ?? null;
}

/** One dossier, decrypted. Every call is a read of a citizen's record and is audited. */
export function readDossier(
  ctx: StoreContext,
  idOrCode: string,
  actor: string,
  action: 'read' | 'read-for-sync' = 'read',
): DossierView {
  const id = findDossierId(ctx, idOrCode);
  const r =
    id === null
      ? undefined
      : ctx.db.prepare<[string], DossierRow>(`${SELECT} WHERE d.id = ?`).get(id);
  if (!r) throw notFound(idOrCode);
  ctx.audit.record(ctx.now(), actor, action, r.id);
  const open = (column: string, sealed: Buffer | null): string | null =>
    openField(ctx, `dossiers.${column}`, r.id, sealed);
  const name = open('applicant_name', r.applicant_name_enc);
  const form = open('form', r.form_enc);
  return DossierViewSchema.parse({
    ...summaryOf(ctx, r),
    agencyCode: r.agency_code,
    fieldCode: r.field_code,
    fieldName: r.field_name,
    applicant:
      name === null
        ? null
        : {
            kind: r.applicant_kind,
            name,
            idNumber: open('applicant_id', r.applicant_id_enc),
            email: open('email', r.email_enc) ?? '',
            phone: open('phone', r.phone_enc) ?? '',
            source: r.applicant_source,
          },
    summary: open('summary', r.summary_enc),
    formValues: form === null ? {} : (JSON.parse(form) as unknown),
    notes: open('notes', r.notes_enc),
    channel: r.channel,
    staffId: r.staff_id,
    deliveryMode: r.delivery_mode,
    processingUnit: r.processing_unit,
    portalStatusAt: r.portal_status_at,
    syncedAt: r.synced_at,
    purgedAt: r.purged_at,
    createdAt: r.created_at,
    components: readComponents(ctx, r.id),
    outbox: readOutbox(ctx, r.id),
  });
}

function readComponents(ctx: StoreContext, dossierId: string): ComponentView[] {
  const rows = ctx.db
    .prepare<
      [string],
      {
        id: string;
        seq: number;
        code: string;
        file_name_enc: Buffer | null;
        mime: string;
        blob_sha256: string | null;
        size: number | null;
        pages: number;
        portal_file_id: string | null;
        portal_url: string | null;
      }
    >(
      `SELECT c.*, b.size, (SELECT COUNT(*) FROM pages p WHERE p.component_id = c.id) AS pages
       FROM components c LEFT JOIN blobs b ON b.sha256 = c.blob_sha256
       WHERE c.dossier_id = ? ORDER BY c.seq`,
    )
    .all(dossierId);
  return rows.map((c) => ({
    id: c.id,
    seq: c.seq,
    code: c.code,
    fileName: openField(ctx, 'components.file_name', c.id, c.file_name_enc),
    mime: c.mime,
    sha256: c.blob_sha256,
    size: c.size,
    pages: c.pages,
    portalFileId: c.portal_file_id,
    portalUrl: c.portal_url,
  }));
}

function readOutbox(ctx: StoreContext, dossierId: string): DossierView['outbox'] {
  const rows = ctx.db
    .prepare<
      [string],
      {
        id: string;
        seq: number;
        op: OutboxOp;
        attempts: number;
        next_attempt_at: number;
        last_error_enc: Buffer | null;
        parked: number;
      }
    >('SELECT * FROM outbox WHERE dossier_id = ? ORDER BY seq')
    .all(dossierId);
  return rows.map((o) => ({
    id: o.id,
    seq: o.seq,
    op: o.op,
    attempts: o.attempts,
    nextAttemptAt: o.next_attempt_at,
    lastError: openField(ctx, 'outbox.last_error', o.id, o.last_error_enc),
    parked: o.parked === 1,
  }));
}
