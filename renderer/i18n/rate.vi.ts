import { ratingReasonNames, ratingScoreNames } from '../../electron/api/contract/rating';

/** Vietnamese strings of the rating screen facing the citizen (the source; rate.en.ts mirrors). */
export const rateVi = {
  title: 'Đánh giá mức độ hài lòng',
  counter: 'Quầy số {{counter}}',
  waiting: 'Sau khi được phục vụ, mời Ông/Bà đánh giá tại đây.',
  waitingHint: 'Màn hình sẽ hiện số thứ tự của Ông/Bà khi cán bộ giải quyết xong.',
  ticket: 'Số {{number}}',
  question: 'Ông/Bà có hài lòng với việc giải quyết thủ tục?',
  scores: { ...ratingScoreNames },
  chosen: 'Ông/Bà đã chọn: {{score}}',
  back: 'Chọn lại mức hài lòng',
  reasonsQuestion: 'Ông/Bà chưa hài lòng về điều gì?',
  reasonsHint: 'Có thể chọn nhiều lý do, hoặc bỏ qua.',
  reasons: { ...ratingReasonNames },
  send: 'Gửi đánh giá',
  skipReasons: 'Bỏ qua, gửi đánh giá',
  sending: 'Đang gửi…',
  thanks: 'Cảm ơn Ông/Bà',
  thanksDetail: 'Ý kiến của Ông/Bà giúp chúng tôi phục vụ tốt hơn.',
  noCounter:
    'Trang đánh giá cần số quầy. Cán bộ CNTT mở trang với địa chỉ có số quầy, ví dụ #/rate?counter=3.',
} as const;
