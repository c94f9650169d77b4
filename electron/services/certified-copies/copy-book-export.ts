/**
 * The certification book (sổ chứng thực bản sao từ bản chính) of a period,
 * as CSV (UTF-8 with BOM, CRLF: Excel and LibreOffice keep the diacritics)
 * and as a PDF in the counter forms' style. The columns are the project's
 * reading of the book's template (marked unconfirmed where printed).
 */
import { formatDong } from '../../api/contract/copy-fee';
import { FormDocument, type FormHeader } from '../forms/form-document';
import { drawFormTable } from '../forms/form-table';
import { csvCell } from '../forms/tracking-book-csv';
import { vnDateDigits } from '../forms/vn-date';
import type { CopyBookLine } from '../store/copy-book';

export const COPY_BOOK_COLUMNS = [
  'Số chứng thực',
  'Quyển số',
  'Ngày chứng thực',
  'Người yêu cầu',
  'Giấy tờ, văn bản',
  'Số trang',
  'Bản thứ',
  'Lệ phí',
  'Người thực hiện chứng thực',
  'SHA-256 bản sao',
] as const;

const SHARES = [0.07, 0.1, 0.1, 0.13, 0.15, 0.05, 0.06, 0.08, 0.14, 0.12];

export function copyBookCells(line: CopyBookLine): string[] {
  return [
    String(line.number),
    line.book,
    vnDateDigits(line.certifiedAt),
    line.requesterName,
    line.documentName,
    String(line.pages),
    `${String(line.copyIndex)}/${String(line.copies)}`,
    formatDong(line.fee),
    `${line.certifierName} (${line.certifierTitle})`,
    line.sha256,
  ];
}

export function copyBookCsv(lines: readonly CopyBookLine[]): Uint8Array {
  const rows = [
    COPY_BOOK_COLUMNS.join(','),
    ...lines.map((l) => copyBookCells(l).map(csvCell).join(',')),
  ];
  return new TextEncoder().encode(`\uFEFF${rows.join('\r\n')}\r\n`);
}

export async function renderCopyBook(
  lines: readonly CopyBookLine[],
  header: FormHeader,
  period: { readonly from: number; readonly to: number },
  now: number,
  agencyCode: string,
): Promise<Uint8Array> {
  const form = await FormDocument.create('SỔ CHỨNG THỰC BẢN SAO TỪ BẢN CHÍNH', header);
  const fees = lines.reduce((sum, l) => sum + l.fee, 0);
  const span = `${vnDateDigits(period.from).slice(0, 10)} đến hết ${vnDateDigits(period.to - 1).slice(0, 10)}`;
  form.centred(
    `Từ ${span} – ${String(lines.length)} bản sao – lệ phí ${formatDong(fees)}`,
    'regular',
    10.5,
  );
  form.unconfirmed('các cột của sổ chứng thực theo cách đọc của dự án');
  drawFormTable(form, SHARES, COPY_BOOK_COLUMNS, lines.map(copyBookCells));
  if (lines.length === 0)
    form.w.text('(Không có bản sao nào được chứng thực trong khoảng thời gian này)', { size: 10 });
  const id = `SO-CHUNG-THUC ${agencyCode} ${span.replace(' đến hết ', '-')}`;
  form.qr(id, [id, `${String(lines.length)} bản sao; in lúc ${vnDateDigits(now)}.`]);
  form.signatures([{ title: 'NGƯỜI LẬP SỔ', name: '' }]);
  return form.save();
}
