/**
 * Certifying copies from an original (chứng thực bản sao điện tử từ bản
 * chính): the clerk's refusal with its Decree 23/2015 art. 22 reason, or the
 * certification — number from the book, lời chứng on the copy, the
 * certifier's visible PAdES signature made in their token, and the book's
 * line — for each copy requested.
 *
 * Numbers: certifications run one at a time in this process (a queue), so
 * the number read from the book stays free while the copy is stamped and
 * signed; the book writes the number only together with the signed file, in
 * one transaction, under UNIQUE(year, number). A failed signing (wrong PIN,
 * token pulled out) therefore writes nothing and burns no number. Should
 * another process have taken the number meanwhile, the copies are stamped
 * and signed again with the next free numbers (bounded).
 */
import { v7 as uuidv7 } from 'uuid';
import { copyFee } from '../../api/contract/copy-fee';
import type { RefusalReason } from '../../api/contract/copy-refusal';
import type { DocumentSigner, SignerIdentity } from '../signing/document-signer';
import { sha256Hex } from '../store/blob-store';
import { CopyNumberTaken, type CopyBook, type NewCertifiedCopy } from '../store/copy-book';
import { bookLabel, bookYear } from './attestation-text';
import { CopyError } from './copy-error';
import { stampAttestation } from './stamp-attestation';

/** The reason written into each copy's signature. */
export const COPY_SIGN_REASON = 'Chứng thực bản sao từ bản chính';
const MAX_NUMBER_RETRIES = 3;
export const MAX_COPIES = 20;

export interface CertifyInput {
  /** The original as one PDF, its pages in the order the clerk checked them. */
  readonly original: Uint8Array;
  readonly pages: number;
  readonly requesterName: string;
  readonly documentName: string;
  readonly copies: number;
  readonly certifierName: string;
  readonly certifierTitle: string;
}

export interface CertifiedCopy {
  readonly id: string;
  readonly number: number;
  readonly book: string;
  readonly year: number;
  readonly fee: number;
  readonly copyIndex: number;
  readonly sha256: string;
  readonly pdf: Uint8Array;
}

export interface CertifiedRequest {
  readonly requestId: string;
  readonly certifiedAt: number;
  readonly copies: readonly CertifiedCopy[];
  readonly totalFee: number;
  readonly signer: SignerIdentity;
}

export interface CopyCertifierDeps {
  readonly book: Pick<CopyBook, 'nextNumber' | 'record' | 'refuse'>;
  /** Opens the certifier's token with the PIN they typed (TokenSigner.open); throws SigningError. */
  readonly openSigner: (pin: string) => DocumentSigner;
  readonly agencyName: string;
  /** /Location of the signatures. */
  readonly location?: string;
  readonly now?: () => Date;
}

/** Progress while signing: copies done of the total. */
export type CertifyProgress = (done: number, total: number) => void;

export class CopyCertifier {
  readonly #deps: CopyCertifierDeps;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(deps: CopyCertifierDeps) {
    this.#deps = deps;
  }

  /** Records a refused original; it takes no number. */
  refuse(
    input: {
      reason: RefusalReason;
      note?: string | undefined;
      requesterName?: string | undefined;
      documentName?: string | undefined;
      pages: number;
    },
    actor: string,
  ): { id: string; refusedAt: number } {
    return this.#deps.book.refuse(input, actor);
  }

  /** Certifies `input.copies` copies, all or none; one certification at a time. */
  certify(
    input: CertifyInput,
    pin: string,
    actor: string,
    progress?: CertifyProgress,
  ): Promise<CertifiedRequest> {
    const run = this.#tail.then(
      () => this.#certifyNow(input, pin, actor, progress),
      () => this.#certifyNow(input, pin, actor, progress),
    );
    this.#tail = run.catch(() => undefined);
    return run;
  }

  async #certifyNow(
    input: CertifyInput,
    pin: string,
    actor: string,
    progress?: CertifyProgress,
  ): Promise<CertifiedRequest> {
    checkInput(input);
    const signer = this.#deps.openSigner(pin);
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.#signAndRecord(input, signer, actor, progress);
        } catch (error) {
          if (!(error instanceof CopyNumberTaken) || attempt >= MAX_NUMBER_RETRIES) throw error;
        }
      }
    } finally {
      await signer.close();
    }
  }

  async #signAndRecord(
    input: CertifyInput,
    signer: DocumentSigner,
    actor: string,
    progress?: CertifyProgress,
  ): Promise<CertifiedRequest> {
    const deps = this.#deps;
    const at = (deps.now ?? (() => new Date()))();
    const year = bookYear(at);
    const book = bookLabel(year);
    const first = deps.book.nextNumber(year);
    const requestId = uuidv7();
    const fee = copyFee(input.pages);
    const originalSha256 = sha256Hex(input.original);
    const rows: NewCertifiedCopy[] = [];
    let identity: SignerIdentity | null = null;
    progress?.(0, input.copies);
    for (let i = 0; i < input.copies; i++) {
      const number = first + i;
      const stamped = await stampAttestation(input.original, {
        number,
        book,
        certifiedAt: at,
        certifierName: input.certifierName,
        certifierTitle: input.certifierTitle,
        agencyName: deps.agencyName,
        requesterName: input.requesterName,
        documentName: input.documentName,
        pages: input.pages,
        copyIndex: i + 1,
        copies: input.copies,
      });
      const signed = await signer.signPdf(stamped.pdf, {
        reason: COPY_SIGN_REASON,
        ...(deps.location === undefined || deps.location === '' ? {} : { location: deps.location }),
        appearance: {
          page: stamped.signaturePage,
          rect: stamped.signatureRect,
          unit: deps.agencyName,
        },
      });
      identity = signed.signer;
      rows.push({
        requestId,
        year,
        number,
        book,
        certifiedAt: at.getTime(),
        requesterName: input.requesterName,
        documentName: input.documentName,
        pages: input.pages,
        fee,
        copyIndex: i + 1,
        copies: input.copies,
        originalSha256,
        signedPdf: signed.pdf,
        certifierName: input.certifierName,
        certifierTitle: input.certifierTitle,
        signerSubject: signed.signer.subject,
        signedAt: signed.signingTime.getTime(),
      });
      progress?.(i + 1, input.copies);
    }
    const ids = deps.book.record(rows, actor);
    if (identity === null) throw new Error('no copy was signed');
    return {
      requestId,
      certifiedAt: at.getTime(),
      totalFee: fee * input.copies,
      signer: identity,
      copies: rows.map((r, i) => ({
        id: ids[i] ?? '',
        number: r.number,
        book: r.book,
        year: r.year,
        fee: r.fee,
        copyIndex: r.copyIndex,
        sha256: sha256Hex(r.signedPdf),
        pdf: r.signedPdf,
      })),
    };
  }
}

function checkInput(input: CertifyInput): void {
  if (!Number.isInteger(input.pages) || input.pages < 1)
    throw new CopyError(
      'COPY_INVALID',
      'Bản chính chưa có trang nào. Quét hoặc nhập bản chính trước khi chứng thực.',
      'The original has no page.',
    );
  if (!Number.isInteger(input.copies) || input.copies < 1 || input.copies > MAX_COPIES)
    throw new CopyError(
      'COPY_INVALID',
      `Số bản sao phải từ 1 đến ${String(MAX_COPIES)}. Sửa lại số bản rồi chứng thực.`,
      `Copies must be 1 to ${String(MAX_COPIES)}.`,
    );
  if (input.requesterName.trim() === '' || input.certifierTitle.trim() === '')
    throw new CopyError(
      'COPY_INVALID',
      'Thiếu họ tên người yêu cầu hoặc chức danh người chứng thực. Nhập đủ rồi chứng thực.',
      'Requester name or certifier title missing.',
    );
}
