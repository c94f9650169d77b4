import { z } from 'zod';

/**
 * Why an original cannot be the basis of a certified copy: the cases of
 * Decree 23/2015/NĐ-CP art. 22 as the issue lists them (summarised; the
 * decree's text and its amendments were not opened, so the wording below is
 * the project's and is marked unconfirmed in the README). Pure: the screen,
 * the core and the CLI share it.
 */
export const REFUSAL_REASONS = [
  'forged-or-wrong-authority',
  'altered',
  'damaged',
  'secret-or-no-copy',
  'unlawful-content',
  'self-made-unconfirmed',
] as const;
export const RefusalReasonSchema = z.enum(REFUSAL_REASONS);
export type RefusalReason = z.infer<typeof RefusalReasonSchema>;

/** What the clerk picks and what the citizen is told (full diacritics). */
export const REFUSAL_TEXT: Readonly<Record<RefusalReason, string>> = {
  'forged-or-wrong-authority': 'Bản chính bị làm giả hoặc được cấp sai thẩm quyền.',
  altered: 'Bản chính bị tẩy xoá, sửa chữa, thêm, bớt nội dung không hợp lệ.',
  damaged: 'Bản chính bị hư hỏng, cũ nát, không xác định được nội dung.',
  'secret-or-no-copy':
    'Bản chính đóng dấu mật của cơ quan, tổ chức có thẩm quyền hoặc ghi rõ “không được sao chụp”.',
  'unlawful-content':
    'Bản chính có nội dung trái pháp luật, đạo đức xã hội; tuyên truyền, kích động chiến tranh, chống chế độ xã hội chủ nghĩa Việt Nam; xuyên tạc lịch sử dân tộc; xúc phạm danh dự, nhân phẩm, uy tín của cá nhân, tổ chức.',
  'self-made-unconfirmed':
    'Bản chính là giấy tờ do cá nhân tự lập, không có xác nhận và đóng dấu của cơ quan, tổ chức có thẩm quyền.',
};
