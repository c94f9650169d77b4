/**
 * The API's side of certified copies (electron/api/contract/copies.ts). The
 * original is rebuilt from its scan or import job in the clerk's page order;
 * the job is discarded once the certification or the refusal is recorded.
 * The certifier's name is the signed-in clerk's display name, never what the
 * page sends. Staff gating is the composition root's.
 */
import { REFUSAL_TEXT } from '../../api/contract/copy-refusal';
import type { CallContext, HandlerGroup } from '../../api/dispatcher';
import type { FormHeader } from '../forms/form-document';
import { vnDayRange } from '../forms/vn-day-range';
import type { CopyBook } from '../store/copy-book';
import type { CopyCertifier } from './copy-certifier';
import { CopyError } from './copy-error';
import { copyBookCsv, renderCopyBook } from './copy-book-export';
import { renderCopySlip } from './copy-slip';
import { joinPdfs } from './join-pdfs';

export type CopyMethods =
  'copies.refuse' | 'copies.certify' | 'copies.file' | 'copies.book' | 'copies.bookExport';

export interface CopyHandlerDeps {
  readonly certifier: CopyCertifier;
  readonly book: () => CopyBook;
  readonly jobs: {
    assemble(jobId: string, pageOrder: readonly number[]): Promise<{ readonly bytes: Uint8Array }>;
    discard(jobId: string): unknown;
  };
  readonly header: (now: Date) => FormHeader;
  readonly agencyCode: string;
  readonly staffOf: (context: CallContext) => { readonly actor: string; readonly name: string };
  readonly progress: (done: number, total: number) => void;
}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** "ban-sao-chung-thuc-12-2026.pdf": number and year, no personal data in the name. */
export function copyFileName(number: number, year: number): string {
  return `ban-sao-chung-thuc-${String(number)}-${String(year)}.pdf`;
}

function range(from: string, to: string): { from: number; to: number } {
  const r = vnDayRange(from, to);
  if (r === null)
    throw new CopyError(
      'COPY_INVALID',
      'Khoảng ngày không hợp lệ: "từ ngày" và "đến ngày" phải là ngày có thật, "từ ngày" không sau "đến ngày".',
      'Invalid day range.',
    );
  return r;
}

export function createCopyHandlers(deps: CopyHandlerDeps): HandlerGroup<CopyMethods> {
  return {
    'copies.refuse': async (params, context) => {
      const { actor } = deps.staffOf(context);
      const refused = deps.certifier.refuse(
        {
          reason: params.reason,
          note: params.note,
          requesterName: params.requesterName,
          documentName: params.documentName,
          pages: params.pages,
        },
        actor,
      );
      for (const jobId of params.jobIds ?? []) await deps.jobs.discard(jobId);
      return { ...refused, reasonText: REFUSAL_TEXT[params.reason] };
    },
    'copies.certify': async (params, context) => {
      const staff = deps.staffOf(context);
      const parts = [];
      for (const part of params.parts)
        parts.push(await deps.jobs.assemble(part.jobId, part.pageOrder));
      const original = await joinPdfs(parts.map((p) => p.bytes));
      const input = {
        original: original.pdf,
        pages: original.pages,
        requesterName: params.requesterName,
        documentName: params.documentName,
        copies: params.copies,
        certifierName: staff.name,
        certifierTitle: params.certifierTitle,
      };
      const done = await deps.certifier.certify(input, params.pin, staff.actor, deps.progress);
      for (const part of params.parts) await deps.jobs.discard(part.jobId);
      const slip = await renderCopySlip(
        { request: done, ...input, agencyCode: deps.agencyCode },
        deps.header(new Date(done.certifiedAt)),
      );
      const first = done.copies[0];
      return {
        requestId: done.requestId,
        certifiedAt: done.certifiedAt,
        totalFee: done.totalFee,
        signerName: done.signer.commonName,
        copies: done.copies.map((c) => ({
          id: c.id,
          number: c.number,
          book: c.book,
          fee: c.fee,
          copyIndex: c.copyIndex,
          sha256: c.sha256,
          fileName: copyFileName(c.number, c.year),
        })),
        slipFileName: `phieu-chung-thuc-${String(first?.number ?? 0)}-${String(first?.year ?? 0)}.pdf`,
        slipPdfBase64: b64(slip),
      };
    },
    'copies.file': ({ id }, context) => {
      const found = deps.book().file(id, deps.staffOf(context).actor);
      if (found === null)
        throw new CopyError('COPY_NOT_FOUND', 'Không tìm thấy bản sao.', `No copy ${id}.`);
      return {
        fileName: copyFileName(found.line.number, found.line.year),
        pdfBase64: b64(found.pdf),
      };
    },
    'copies.book': (params, context) => {
      const span = range(params.from, params.to);
      const lines = deps
        .book()
        .search({ ...span, number: params.number, name: params.name }, deps.staffOf(context).actor);
      return {
        lines: lines.map((l) => ({
          id: l.id,
          number: l.number,
          book: l.book,
          certifiedAt: l.certifiedAt,
          requesterName: l.requesterName,
          documentName: l.documentName,
          pages: l.pages,
          fee: l.fee,
          copyIndex: l.copyIndex,
          copies: l.copies,
          certifierName: l.certifierName,
          certifierTitle: l.certifierTitle,
        })),
      };
    },
    'copies.bookExport': async (params, context) => {
      const span = range(params.from, params.to);
      const lines = deps.book().search(span, deps.staffOf(context).actor);
      const base = `so-chung-thuc-${params.from}-${params.to}`;
      if (params.format === 'csv')
        return { fileName: `${base}.csv`, mime: 'text/csv', dataBase64: b64(copyBookCsv(lines)) };
      const now = Date.now();
      const pdf = await renderCopyBook(
        lines,
        deps.header(new Date(now)),
        span,
        now,
        deps.agencyCode,
      );
      return { fileName: `${base}.pdf`, mime: 'application/pdf', dataBase64: b64(pdf) };
    },
  };
}
