import { vnLocal } from '../calendar/civil-date';
import { clean } from '../receipt/receipt-text';

/**
 * The certification's wording (lời chứng) for a copy from its original, as
 * the project reads the template of Circular 01/2020/TT-BTP. UNCONFIRMED:
 * the circular's own template was not opened (the project's notes do not
 * quote it), so the lines, the book's label "NN/YYYY-SCT/BS" and the
 * "(Chữ ký số)" in place of the wet signature and seal are the project's
 * reading; the attestation page prints a mark saying so.
 */
export interface Attestation {
  readonly number: number;
  /** Quyển số, e.g. "01/2026-SCT/BS". */
  readonly book: string;
  readonly certifiedAt: Date;
  readonly certifierName: string;
  readonly certifierTitle: string;
  readonly agencyName: string;
  readonly requesterName: string;
  readonly documentName: string;
  readonly pages: number;
  readonly copyIndex: number;
  readonly copies: number;
}

/** The calendar year of `at` in Vietnam: the book restarts its numbers with it. */
export function bookYear(at: Date): number {
  return Number(vnLocal(at).date.slice(0, 4));
}

/** One book a year, "01/2026-SCT/BS" (SCT/BS: sổ chứng thực bản sao). */
export function bookLabel(year: number): string {
  return `01/${String(year)}-SCT/BS`;
}

function dateWords(at: Date): string {
  const [year = '', month = '', day = ''] = vnLocal(at).date.split('-');
  return `Ngày ${day} tháng ${month} năm ${year}`;
}

/** The lời chứng's lines, in the order printed. */
export function attestationLines(a: Attestation): {
  readonly statement: string;
  readonly numbers: string;
  readonly date: string;
  readonly details: readonly string[];
  readonly signerHeading: string;
  readonly signerNote: string;
  readonly certifierTitle: string;
  readonly certifierName: string;
} {
  return {
    statement: 'Chứng thực bản sao đúng với bản chính.',
    numbers: `Số chứng thực: ${String(a.number)}; Quyển số: ${a.book}`,
    date: dateWords(a.certifiedAt),
    details: [
      `Giấy tờ, văn bản: ${clean(a.documentName)}`,
      `Người yêu cầu chứng thực: ${clean(a.requesterName)}`,
      `Bản sao gồm ${String(a.pages)} trang bản chính và trang lời chứng này; bản thứ ${String(a.copyIndex)}/${String(a.copies)}.`,
    ],
    signerHeading: 'NGƯỜI THỰC HIỆN CHỨNG THỰC',
    signerNote: '(Chữ ký số)',
    certifierTitle: clean(a.certifierTitle),
    certifierName: clean(a.certifierName),
  };
}

/** The footer on every page of the original: it ties each page to the number, as a seam seal would. */
export function pageFooter(a: Attestation, page: number, total: number): string {
  return `Bản sao điện tử chứng thực từ bản chính – Số chứng thực ${String(a.number)}, quyển số ${a.book} – trang ${String(page)}/${String(total)}`;
}
