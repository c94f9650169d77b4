/**
 * Mẫu 06, the tracking book (Sổ theo dõi hồ sơ) of a day or a period: one
 * table row per dossier received, in the receipt's typographic style. The
 * columns are the project's reading of the form (marked unconfirmed).
 */
import type { BookLine } from '../store/tracking-book';
import { FormDocument, type FormHeader } from './form-document';
import { drawFormTable } from './form-table';
import { BOOK_COLUMNS, bookCells } from './tracking-book-rows';
import { vnDateDigits } from './vn-date';

/** Column widths as shares of the printable width, in BOOK_COLUMNS order. */
const SHARES = [0.05, 0.17, 0.16, 0.14, 0.1, 0.1, 0.1, 0.1, 0.08];

export async function renderTrackingBook(
  lines: readonly BookLine[],
  header: FormHeader,
  period: { readonly from: number; readonly to: number },
  now: number,
  agencyCode: string,
): Promise<Uint8Array> {
  const form = await FormDocument.create('SỔ THEO DÕI HỒ SƠ', header);
  form.centred('(Mẫu số 06)', 'italic', 10);
  form.centred(
    `Từ ${vnDateDigits(period.from).slice(0, 10)} đến hết ${vnDateDigits(period.to - 1).slice(0, 10)} – ${String(lines.length)} hồ sơ`,
    'regular',
    10.5,
  );
  form.unconfirmed('các cột của Mẫu số 06 theo cách đọc của dự án');
  drawFormTable(
    form,
    SHARES,
    BOOK_COLUMNS,
    lines.map((line, i) => bookCells(line, i, now)),
  );
  const { w } = form;
  if (lines.length === 0) w.text('(Không có hồ sơ trong khoảng thời gian này)', { size: 10 });
  // The QR names the book (unit and period), so a printed copy can be matched to its file.
  const id = `SO-THEO-DOI ${agencyCode} ${vnDateDigits(period.from).slice(0, 10)}-${vnDateDigits(period.to - 1).slice(0, 10)}`;
  form.qr(id, [id, `${String(lines.length)} hồ sơ; in lúc ${vnDateDigits(now)}.`]);
  form.signatures([{ title: 'NGƯỜI LẬP SỔ', name: '' }]);
  return form.save();
}
