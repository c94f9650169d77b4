import { isCitizenId } from '../../../../native/smartcard/citizen/citizen';
import type { QueueArea } from '../centre-queue-store';
import { unknownArea } from '../queue-errors';
import type { BookInput } from './appointment-book';
import { appointmentInvalid } from './appointment-errors';
import { isDay, isSlot, normaliseInitials } from './appointment-rules';

export interface CheckedBooking {
  readonly cccd: string;
  readonly area: QueueArea;
  readonly day: string;
  readonly slot: string;
  readonly initials: string | null;
  readonly bookedBy: string | null;
}

/** A booking checked against the centre's areas and today's date, or the error that says what to fix. */
export function checkBooking(
  input: BookInput,
  areas: readonly QueueArea[],
  today: string,
): CheckedBooking {
  const cccd = input.cccd.trim();
  if (!isCitizenId(cccd))
    throw appointmentInvalid(
      'Số định danh cá nhân (số thẻ Căn cước) phải có đúng 12 chữ số. Kiểm tra lại số trên thẻ.',
      'The personal ID number (CCCD) must be exactly 12 digits. Check the number on the card.',
    );
  const code = input.area.trim().toUpperCase();
  const area = areas.find((a) => a.code === code);
  if (area === undefined) throw unknownArea(input.area, areas);
  if (!isDay(input.day))
    throw appointmentInvalid(
      `Ngày hẹn "${input.day}" không hợp lệ. Nhập theo dạng NĂM-THÁNG-NGÀY, ví dụ 2026-12-08.`,
      `Appointment date "${input.day}" is not valid. Use YYYY-MM-DD, e.g. 2026-12-08.`,
    );
  if (input.day < today)
    throw appointmentInvalid(
      `Ngày hẹn ${input.day} đã qua. Chọn hôm nay (${today}) hoặc một ngày sau.`,
      `${input.day} has passed. Choose today (${today}) or a later day.`,
    );
  if (!isSlot(input.slot))
    throw appointmentInvalid(
      `Giờ hẹn "${input.slot}" không hợp lệ. Nhập theo dạng GIỜ:PHÚT, ví dụ 09:30.`,
      `Appointment time "${input.slot}" is not valid. Use HH:MM, e.g. 09:30.`,
    );
  const initials = normaliseInitials(input.initials);
  if (initials === undefined)
    throw appointmentInvalid(
      'Chữ viết tắt tên chỉ gồm tối đa 6 chữ cái (ví dụ N.V.A); không nhập họ tên đầy đủ.',
      'Initials are at most 6 letters (e.g. N.V.A); do not enter the full name.',
    );
  return {
    cccd,
    area,
    day: input.day,
    slot: input.slot,
    initials,
    bookedBy: input.bookedBy ?? null,
  };
}

export function duplicateBooking(day: string, slot: string) {
  return appointmentInvalid(
    `Thẻ này đã có lịch hẹn ${slot} ngày ${day}. Không cần đặt lại; chọn giờ khác nếu muốn thêm một lịch.`,
    `This card already has an appointment at ${slot} on ${day}. No need to book it again.`,
  );
}
