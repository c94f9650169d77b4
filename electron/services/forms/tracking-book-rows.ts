import { STATUS_TEXT, isTrangThai } from '../../api/contract/status-text';
import type { BookLine } from '../store/tracking-book';
import { vnDateDigits } from './vn-date';

/** The columns of the tracking book (Mẫu 06), as printed and as exported. */
export const BOOK_COLUMNS = [
  'STT',
  'Mã hồ sơ',
  'Thủ tục',
  'Người nộp',
  'Ngày nhận',
  'Hẹn trả',
  'Ngày trả',
  'Tình trạng',
  'Ghi chú',
] as const;

/** One line of the book as cells, in {@link BOOK_COLUMNS} order; "quá hạn" when returned late or still out past due. */
export function bookCells(line: BookLine, index: number, now: number): string[] {
  const late =
    line.returnedAt !== null
      ? line.returnedAt > line.dueAt
      : now > line.dueAt && line.status !== '3';
  return [
    String(index + 1),
    line.code,
    line.procedureName,
    line.applicantName ?? '(đã xóa theo thời hạn lưu trữ)',
    vnDateDigits(line.receivedAt),
    vnDateDigits(line.dueAt),
    line.returnedAt === null ? '' : vnDateDigits(line.returnedAt),
    isTrangThai(line.status) ? STATUS_TEXT[line.status].vi : line.status,
    late ? 'Quá hạn' : '',
  ];
}
