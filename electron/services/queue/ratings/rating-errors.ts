import { StoreError } from '../../store/store-error';

/** The rating's typed errors; each text tells the citizen (or IT) what to do next. */
export function nonePending(counter: number, number?: number): StoreError {
  const which = number === undefined ? 'số nào' : `số ${number}`;
  return new StoreError(
    'RATING_NONE_PENDING',
    `Quầy số ${counter} không có ${which} đang chờ đánh giá. Mời Ông/Bà hỏi cán bộ tại quầy.`,
    `Counter ${counter} has no ${number === undefined ? 'number' : `number ${number}`} waiting for a rating.`,
  );
}

export function alreadyRated(number: number): StoreError {
  return new StoreError(
    'RATING_ALREADY_GIVEN',
    `Số ${number} đã được đánh giá rồi; mỗi số chỉ đánh giá một lần. Cảm ơn Ông/Bà.`,
    `Number ${number} has already been rated; each number is rated once.`,
  );
}

export function invalidRating(vi: string, en: string): StoreError {
  return new StoreError('RATING_INVALID', vi, en);
}

export function ratingsOffline(cause: unknown): StoreError {
  const error = new StoreError(
    'QUEUE_OFFLINE',
    'Chưa lưu được đánh giá vì máy không kết nối được máy chủ hàng đợi chung của trung tâm. Mời Ông/Bà thử lại sau ít phút hoặc dùng phiếu đánh giá giấy; cán bộ báo bộ phận CNTT kiểm tra máy chủ PostgreSQL.',
    "The rating could not be saved: this machine cannot reach the centre's shared queue server. Try again in a few minutes or use a paper form; staff ask IT to check the PostgreSQL server.",
  );
  error.cause = cause;
  return error;
}
