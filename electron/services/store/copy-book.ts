import { v7 as uuidv7 } from 'uuid';
import type { RefusalReason } from '../../api/contract/copy-refusal';
import { openField, sealField, type StoreContext } from './store-context';
import { diskFullError, isDiskFull } from './store-error';

/** One copy as it enters the certification book, after its signing succeeded. */
export interface NewCertifiedCopy {
  readonly requestId: string;
  readonly year: number;
  readonly number: number;
  readonly book: string;
  readonly certifiedAt: number;
  readonly requesterName: string;
  readonly documentName: string;
  readonly pages: number;
  readonly fee: number;
  readonly copyIndex: number;
  readonly copies: number;
  readonly originalSha256: string;
  readonly signedPdf: Uint8Array;
  readonly certifierName: string;
  readonly certifierTitle: string;
  readonly signerSubject: string;
  readonly signedAt: number;
}

/** A line of the certification book as the screen, the CSV and the PDF show it. */
export interface CopyBookLine {
  readonly id: string;
  readonly requestId: string;
  readonly year: number;
  readonly number: number;
  readonly book: string;
  readonly certifiedAt: number;
  readonly requesterName: string;
  readonly documentName: string;
  readonly pages: number;
  readonly fee: number;
  readonly copyIndex: number;
  readonly copies: number;
  readonly certifierName: string;
  readonly certifierTitle: string;
  readonly sha256: string;
}

export interface NewRefusal {
  readonly reason: RefusalReason;
  readonly note?: string | undefined;
  readonly requesterName?: string | undefined;
  readonly documentName?: string | undefined;
  readonly pages: number;
}

export interface BookQuery {
  /** [from, to) epoch ms. */
  readonly from: number;
  readonly to: number;
  readonly number?: number | undefined;
  /** Part of the requester's name, case and diacritics as typed (NFC). */
  readonly name?: string | undefined;
}

/** Thrown when UNIQUE(year, number) refuses a row: someone else took the number first. */
export class CopyNumberTaken extends Error {
  constructor(year: number, number: number) {
    super(`certification number ${String(number)}/${String(year)} is taken`);
    this.name = 'CopyNumberTaken';
  }
}

const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Error &&
  'code' in error &&
  (error as { code: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';

interface Row {
  id: string;
  request_id: string;
  year: number;
  number: number;
  book: string;
  certified_at: number;
  requester_name_enc: Buffer;
  document_name_enc: Buffer;
  pages: number;
  fee: number;
  copy_index: number;
  copies: number;
  certifier_name: string;
  certifier_title: string;
  blob_sha256: string;
}

/**
 * The electronic certification book (sổ chứng thực) in the encrypted store:
 * a number is written only together with its signed copy, in one
 * transaction, so no number exists without its file and a failed signing
 * leaves nothing. Personal names are sealed, so the name search opens the
 * lines of the chosen period and matches in memory.
 */
export class CopyBook {
  readonly #ctx: StoreContext;

  constructor(ctx: StoreContext) {
    this.#ctx = ctx;
  }

  /** The number the next copy of `year` gets if nobody records one before it. */
  nextNumber(year: number): number {
    const row = this.#ctx.db
      .prepare<[number], { n: number | null }>(
        'SELECT MAX(number) AS n FROM certified_copies WHERE year = ?',
      )
      .get(year);
    return (row?.n ?? 0) + 1;
  }

  /**
   * Records the copies of one request, all or none. Each signed PDF is
   * written and fsynced before the transaction that names it. Throws
   * CopyNumberTaken when a number went to another writer meanwhile.
   */
  record(copies: readonly NewCertifiedCopy[], actor: string): string[] {
    const ctx = this.#ctx;
    try {
      const shas = copies.map((c) => ctx.blobs.put(c.signedPdf));
      const now = ctx.now();
      return ctx.db
        .transaction(() =>
          copies.map((c, i) => {
            const id = uuidv7();
            const sha = shas[i] ?? '';
            ctx.db
              .prepare('INSERT OR IGNORE INTO blobs (sha256, size, created_at) VALUES (?, ?, ?)')
              .run(sha, c.signedPdf.length, now);
            try {
              ctx.db
                .prepare(
                  `INSERT INTO certified_copies (id, request_id, year, number, book, certified_at,
                     requester_name_enc, document_name_enc, pages, fee, copy_index, copies,
                     original_sha256, blob_sha256, certifier_name, certifier_title, signer_subject,
                     signed_at, actor)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
                )
                .run(
                  id,
                  c.requestId,
                  c.year,
                  c.number,
                  c.book,
                  c.certifiedAt,
                  sealField(ctx, 'certified_copies.requester_name', id, c.requesterName),
                  sealField(ctx, 'certified_copies.document_name', id, c.documentName),
                  c.pages,
                  c.fee,
                  c.copyIndex,
                  c.copies,
                  c.originalSha256,
                  sha,
                  c.certifierName,
                  c.certifierTitle,
                  c.signerSubject,
                  c.signedAt,
                  actor,
                );
            } catch (error) {
              if (isUniqueViolation(error)) throw new CopyNumberTaken(c.year, c.number);
              throw error;
            }
            ctx.audit.record(
              now,
              actor,
              'certify-copy',
              null,
              `copy=${id} number=${String(c.number)}/${String(c.year)}`,
            );
            return id;
          }),
        )
        .immediate();
    } catch (error) {
      if (isDiskFull(error)) throw diskFullError(error);
      throw error;
    }
  }

  /** A refused original: recorded with its reason, no number taken. */
  refuse(input: NewRefusal, actor: string): { id: string; refusedAt: number } {
    const ctx = this.#ctx;
    const id = uuidv7();
    const refusedAt = ctx.now();
    try {
      ctx.db
        .transaction(() => {
          ctx.db
            .prepare(
              `INSERT INTO copy_refusals (id, refused_at, reason, note_enc, requester_name_enc,
                 document_name_enc, pages, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              id,
              refusedAt,
              input.reason,
              sealField(ctx, 'copy_refusals.note', id, input.note ?? null),
              sealField(ctx, 'copy_refusals.requester_name', id, input.requesterName ?? null),
              sealField(ctx, 'copy_refusals.document_name', id, input.documentName ?? null),
              input.pages,
              actor,
            );
          ctx.audit.record(
            refusedAt,
            actor,
            'refuse-copy',
            null,
            `refusal=${id} reason=${input.reason}`,
          );
        })
        .immediate();
    } catch (error) {
      if (isDiskFull(error)) throw diskFullError(error);
      throw error;
    }
    return { id, refusedAt };
  }

  /** Refusals in [from, to), oldest first (for the screen and the tests). */
  refusals(
    from: number,
    to: number,
  ): { id: string; refusedAt: number; reason: RefusalReason; note: string | null }[] {
    const ctx = this.#ctx;
    return ctx.db
      .prepare<
        [number, number],
        { id: string; refused_at: number; reason: RefusalReason; note_enc: Buffer | null }
      >(
        `SELECT id, refused_at, reason, note_enc FROM copy_refusals
         WHERE refused_at >= ? AND refused_at < ? ORDER BY refused_at, id`,
      )
      .all(from, to)
      .map((r) => ({
        id: r.id,
        refusedAt: r.refused_at,
        reason: r.reason,
        note: openField(ctx, 'copy_refusals.note', r.id, r.note_enc),
      }));
  }

  /** Lines in the period, by year and number; audited as one `list` read (it shows names). */
  search(query: BookQuery, actor: string): CopyBookLine[] {
    const ctx = this.#ctx;
    const rows = ctx.db
      .prepare<[number, number, number | null, number | null], Row>(
        `SELECT * FROM certified_copies
         WHERE certified_at >= ? AND certified_at < ? AND (? IS NULL OR number = ?)
         ORDER BY year, number`,
      )
      .all(query.from, query.to, query.number ?? null, query.number ?? null);
    const lines = rows.map((r) => this.#line(r));
    const needle = query.name?.normalize('NFC').trim().toLocaleLowerCase('vi') ?? '';
    const found =
      needle === ''
        ? lines
        : lines.filter((l) => l.requesterName.toLocaleLowerCase('vi').includes(needle));
    ctx.audit.record(ctx.now(), actor, 'list', null, `copy-book=${String(found.length)}`);
    return found;
  }

  /** One copy's line and signed PDF, or null; audited as a `read`. */
  file(id: string, actor: string): { line: CopyBookLine; pdf: Uint8Array } | null {
    const ctx = this.#ctx;
    const row = ctx.db
      .prepare<[string], Row>('SELECT * FROM certified_copies WHERE id = ?')
      .get(id);
    if (row === undefined) return null;
    ctx.audit.record(ctx.now(), actor, 'read', null, `copy=${id}`);
    return { line: this.#line(row), pdf: new Uint8Array(ctx.blobs.read(row.blob_sha256)) };
  }

  #line(r: Row): CopyBookLine {
    const ctx = this.#ctx;
    return {
      id: r.id,
      requestId: r.request_id,
      year: r.year,
      number: r.number,
      book: r.book,
      certifiedAt: r.certified_at,
      requesterName:
        openField(ctx, 'certified_copies.requester_name', r.id, r.requester_name_enc) ?? '',
      documentName:
        openField(ctx, 'certified_copies.document_name', r.id, r.document_name_enc) ?? '',
      pages: r.pages,
      fee: r.fee,
      copyIndex: r.copy_index,
      copies: r.copies,
      certifierName: r.certifier_name,
      certifierTitle: r.certifier_title,
      sha256: r.blob_sha256,
    };
  }
}
