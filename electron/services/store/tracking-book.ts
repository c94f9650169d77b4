import { openField, type StoreContext } from './store-context';

/** One line of the tracking book (Sổ theo dõi hồ sơ, Mẫu 06). */
export interface BookLine {
  readonly code: string;
  readonly procedureName: string;
  /** Null once retention purged the personal data. */
  readonly applicantName: string | null;
  readonly receivedAt: number;
  readonly dueAt: number;
  readonly status: string;
  readonly returnedAt: number | null;
  readonly processingUnit: string;
}

/**
 * Dossiers received in [from, to), oldest first, with their return date;
 * audited as one `list` read because the book prints applicants' names.
 */
export function trackingBook(
  ctx: StoreContext,
  from: number,
  to: number,
  actor: string,
): BookLine[] {
  const rows = ctx.db
    .prepare<
      [number, number],
      {
        id: string;
        code: string;
        procedure_name: string;
        applicant_name_enc: Buffer | null;
        received_at: number;
        due_at: number;
        status: string;
        processing_unit: string;
        returned_at: number | null;
      }
    >(
      `SELECT d.id, d.code, p.name AS procedure_name, d.applicant_name_enc, d.received_at,
         d.due_at, d.status, d.processing_unit, r.returned_at
       FROM dossiers d JOIN procedures p ON p.code = d.procedure_code
       LEFT JOIN dossier_returns r ON r.dossier_id = d.id
       WHERE d.received_at >= ? AND d.received_at < ?
       ORDER BY d.received_at, d.code`,
    )
    .all(from, to);
  ctx.audit.record(ctx.now(), actor, 'list', null, `book=${rows.length}`);
  return rows.map((r) => ({
    code: r.code,
    procedureName: r.procedure_name,
    applicantName: openField(ctx, 'dossiers.applicant_name', r.id, r.applicant_name_enc),
    receivedAt: r.received_at,
    dueAt: r.due_at,
    status: r.status,
    returnedAt: r.returned_at,
    processingUnit: r.processing_unit,
  }));
}
