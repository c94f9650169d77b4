import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { findDossierId } from './dossier-reader';
import {
  EVENT_STATUS,
  NewEventSchema,
  NewReturnSchema,
  type NewEvent,
  type NewReturn,
} from './return-input';
import { openField, sealField, type StoreContext } from './store-context';
import { diskFullError, isDiskFull, StoreError } from './store-error';

/** The sealed detail of a dossier event: who handled it and what the progress object says. */
export const EventDetailSchema = z.object({
  handler: z.object({
    name: z.string(),
    title: z.string().optional(),
    unit: z.string().optional(),
  }),
  /** NoiDungXuLy. */
  content: z.string(),
  /** The reason or list a form prints (what is missing, why refused, why late). */
  detail: z.string(),
  /** NgayHenTraTruoc of a supplement round: the appointment the new one replaces. */
  previousDueAt: z.number().optional(),
  /** ThongTinTra of a return. */
  returnInfo: z.string().optional(),
});
export type EventDetail = z.infer<typeof EventDetailSchema>;

export interface SavedReturn {
  readonly eventId: string;
  readonly resultIds: readonly string[];
}

export interface ReturnRecord {
  readonly returnedAt: number;
  readonly hinhThuc: '0' | '1';
  readonly receiverKind: 'applicant' | 'authorised' | 'post';
  readonly receiverSource: 'chip' | 'typed' | 'none';
  readonly receiverName: string | null;
  readonly offlineInHand: boolean;
  readonly portalStatusSeen: string | null;
  readonly results: readonly {
    id: string;
    name: string;
    signed: boolean;
    portalUrl: string | null;
  }[];
}

function invalid(error: z.ZodError, what: string): StoreError {
  const fields = error.issues.map((i) => i.path.join('.') || '(gốc)').join(', ');
  return new StoreError(
    'DOSSIER_INVALID',
    `${what} không hợp lệ ở: ${fields}. Kiểm tra lại rồi thử lại.`,
    `${what} is invalid at: ${fields}.`,
    error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
}

function dossierIdOf(ctx: StoreContext, idOrCode: string): string {
  const id = findDossierId(ctx, idOrCode);
  if (id !== null) return id;
  throw new StoreError(
    'DOSSIER_NOT_FOUND',
    `Không tìm thấy hồ sơ ${idOrCode}. Kiểm tra lại mã hồ sơ.`,
    `No dossier ${idOrCode}. Check the dossier code.`,
  );
}

/** Queues rows after everything already queued for the dossier, in the order given. */
function enqueue(
  ctx: StoreContext,
  dossierId: string,
  rows: readonly { op: string; payload: Record<string, string>; key: string }[],
  now: number,
): void {
  const max = ctx.db
    .prepare<[string], { m: number | null }>(
      'SELECT MAX(seq) AS m FROM outbox WHERE dossier_id = ?',
    )
    .get(dossierId);
  let seq = (max?.m ?? 0) + 1;
  const insert = ctx.db.prepare(
    `INSERT INTO outbox (id, dossier_id, seq, op, payload_enc, idempotency_key, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const row of rows) {
    const rowId = uuidv7();
    const sealed = ctx.cipher.sealText(JSON.stringify(row.payload), `outbox.payload.${rowId}`);
    insert.run(rowId, dossierId, seq++, row.op, sealed, row.key, now, now);
  }
  ctx.db
    .prepare(
      `UPDATE dossiers SET sync_state = CASE WHEN EXISTS
        (SELECT 1 FROM outbox WHERE dossier_id = ? AND parked = 1) THEN 'parked' ELSE 'pending' END,
        updated_at = ? WHERE id = ?`,
    )
    .run(dossierId, now, dossierId);
}

function insertEvent(
  ctx: StoreContext,
  dossierId: string,
  kind: keyof typeof EVENT_STATUS,
  at: number,
  actor: string,
  detail: EventDetail,
  newDueAt: number | null,
): string {
  const id = uuidv7();
  ctx.db
    .prepare(
      `INSERT INTO dossier_events (id, dossier_id, at, kind, status, actor, detail_enc, new_due_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      dossierId,
      at,
      kind,
      EVENT_STATUS[kind],
      actor,
      sealField(ctx, 'dossier_events.detail', id, JSON.stringify(detail)),
      newDueAt,
    );
  return id;
}

function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isDiskFull(error)) throw diskFullError(error);
    throw error;
  }
}

/**
 * Records a return durably: the result PDFs, the letter and the slip are
 * written and fsynced first, then ONE transaction holds the return, its
 * results, the "returned" event, the dossier's new status and the outbox rows
 * (each result's upload, then the progress object, then the update), so a
 * return is either wholly queued or not at all.
 */
export function recordReturn(ctx: StoreContext, input: NewReturn, actor: string): SavedReturn {
  const parsed = NewReturnSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error, 'Thông tin trả kết quả');
  const r = parsed.data;
  const put = (bytes: Uint8Array): { sha: string; size: number } => ({
    sha: guard(() => ctx.blobs.put(bytes)),
    size: bytes.length,
  });
  const results = r.results.map((doc) => ({ ...doc, blob: put(doc.pdf), id: uuidv7() }));
  const letter = r.letter === null ? null : put(r.letter);
  const slip = r.slip === null ? null : put(r.slip);
  return guard(() =>
    ctx.db
      .transaction((): SavedReturn => {
        const dossierId = dossierIdOf(ctx, r.dossierId);
        const held = ctx.db
          .prepare<[string], { x: number }>(
            'SELECT 1 AS x FROM dossier_returns WHERE dossier_id = ?',
          )
          .get(dossierId);
        if (held !== undefined) {
          throw new StoreError(
            'DOSSIER_INVALID',
            'Hồ sơ này đã được trả kết quả; không trả lại lần nữa.',
            'This dossier was already returned.',
          );
        }
        const now = ctx.now();
        const insertBlob = ctx.db.prepare(
          'INSERT OR IGNORE INTO blobs (sha256, size, created_at) VALUES (?, ?, ?)',
        );
        for (const b of [...results.map((x) => x.blob), letter, slip]) {
          if (b !== null) insertBlob.run(b.sha, b.size, now);
        }
        const seal = (column: string, value: string | null): Buffer | null =>
          sealField(ctx, `dossier_returns.${column}`, dossierId, value);
        ctx.db
          .prepare(
            `INSERT INTO dossier_returns (dossier_id, returned_at, hinh_thuc, receiver_kind,
               receiver_source, receiver_name_enc, receiver_id_enc, letter_sha256, post_address_enc,
               portal_status_seen, offline_in_hand, slip_sha256, actor, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            dossierId,
            r.returnedAt,
            r.hinhThuc,
            r.receiver.kind,
            r.receiver.source,
            seal('receiver_name', r.receiver.name),
            seal('receiver_id', r.receiver.idNumber),
            letter?.sha ?? null,
            seal('post_address', r.postAddress),
            r.portalStatusSeen,
            r.offlineInHand ? 1 : 0,
            slip?.sha ?? null,
            actor,
            now,
          );
        const insertResult = ctx.db.prepare(
          `INSERT INTO result_documents (id, dossier_id, seq, name, component_code, blob_sha256, signed)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        );
        results.forEach((doc, i) => {
          insertResult.run(
            doc.id,
            dossierId,
            i + 1,
            doc.name,
            doc.componentCode,
            doc.blob.sha,
            doc.signed ? 1 : 0,
          );
        });
        const content =
          r.hinhThuc === '1'
            ? 'Đã gửi kết quả giải quyết qua dịch vụ bưu chính công ích'
            : 'Đã trả kết quả giải quyết tại Bộ phận tiếp nhận và trả kết quả';
        const eventId = insertEvent(
          ctx,
          dossierId,
          'returned',
          r.returnedAt,
          actor,
          { handler: r.handler, content, detail: content, returnInfo: r.returnInfo },
          null,
        );
        ctx.db
          .prepare(`UPDATE dossiers SET status = '10', updated_at = ? WHERE id = ?`)
          .run(now, dossierId);
        enqueue(
          ctx,
          dossierId,
          [
            ...results.map((doc, i) => ({
              op: 'upload-result',
              payload: { resultId: doc.id, fileName: `ket-qua-${String(i + 1)}.pdf` },
              key: `upload-result:${doc.id}`,
            })),
            { op: 'progress', payload: { eventId }, key: `progress:${eventId}` },
            {
              op: 'update-dossier',
              payload: { eventId },
              key: `update-dossier:${eventId}`,
            },
          ],
          now,
        );
        ctx.audit.record(now, actor, 'return', dossierId, `results=${results.length}`);
        return { eventId, resultIds: results.map((x) => x.id) };
      })
      .immediate(),
  );
}

const EVENT_CONTENT = {
  supplement: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
  refused: 'Từ chối tiếp nhận, giải quyết hồ sơ',
  apology: 'Xin lỗi và hẹn lại ngày trả kết quả',
  'supplement-received': 'Tiếp nhận hồ sơ bổ sung',
} as const;

/**
 * Records a step that a form documents (Mẫu 02, 03, 04) and queues it for
 * the portal: the progress object, then the update (new status, and for an
 * apology the new NgayHenTra).
 */
export function recordEvent(ctx: StoreContext, input: NewEvent, actor: string): string {
  const parsed = NewEventSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error, 'Thông tin phiếu');
  const e = parsed.data;
  return guard(() =>
    ctx.db
      .transaction(() => {
        const dossierId = dossierIdOf(ctx, e.dossierId);
        const now = ctx.now();
        const content = `${EVENT_CONTENT[e.kind]}: ${e.detail}`.slice(0, 2000);
        const previous = ctx.db
          .prepare<[string], { due_at: number }>('SELECT due_at FROM dossiers WHERE id = ?')
          .get(dossierId);
        const eventId = insertEvent(
          ctx,
          dossierId,
          e.kind,
          e.at,
          actor,
          {
            handler: e.handler,
            content,
            detail: e.detail,
            ...(e.newDueAt === null || previous === undefined
              ? {}
              : { previousDueAt: previous.due_at }),
          },
          e.newDueAt,
        );
        ctx.db
          .prepare(
            'UPDATE dossiers SET status = ?, due_at = COALESCE(?, due_at), updated_at = ? WHERE id = ?',
          )
          .run(EVENT_STATUS[e.kind], e.newDueAt, now, dossierId);
        enqueue(
          ctx,
          dossierId,
          [
            { op: 'progress', payload: { eventId }, key: `progress:${eventId}` },
            { op: 'update-dossier', payload: { eventId }, key: `update-dossier:${eventId}` },
          ],
          now,
        );
        ctx.audit.record(now, actor, 'event', dossierId, `kind=${e.kind}`);
        return eventId;
      })
      .immediate(),
  );
}

/** The dossier's return, or null when its result was not handed back yet. Not personal beyond the name. */
export function readReturn(ctx: StoreContext, idOrCode: string): ReturnRecord | null {
  const dossierId = dossierIdOf(ctx, idOrCode);
  const row = ctx.db
    .prepare<
      [string],
      {
        returned_at: number;
        hinh_thuc: '0' | '1';
        receiver_kind: ReturnRecord['receiverKind'];
        receiver_source: ReturnRecord['receiverSource'];
        receiver_name_enc: Buffer | null;
        offline_in_hand: number;
        portal_status_seen: string | null;
      }
    >('SELECT * FROM dossier_returns WHERE dossier_id = ?')
    .get(dossierId);
  if (row === undefined) return null;
  const results = ctx.db
    .prepare<[string], { id: string; name: string; signed: number; portal_url: string | null }>(
      'SELECT id, name, signed, portal_url FROM result_documents WHERE dossier_id = ? ORDER BY seq',
    )
    .all(dossierId);
  return {
    returnedAt: row.returned_at,
    hinhThuc: row.hinh_thuc,
    receiverKind: row.receiver_kind,
    receiverSource: row.receiver_source,
    receiverName: openField(ctx, 'dossier_returns.receiver_name', dossierId, row.receiver_name_enc),
    offlineInHand: row.offline_in_hand === 1,
    portalStatusSeen: row.portal_status_seen,
    results: results.map((x) => ({
      id: x.id,
      name: x.name,
      signed: x.signed === 1,
      portalUrl: x.portal_url,
    })),
  };
}
