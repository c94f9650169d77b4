import { StoreError } from '../../store/store-error';
import type { Appointment } from './appointment-book';

/** The appointment book's typed errors; each text says what to do next. */

export function appointmentInvalid(vi: string, en: string): StoreError {
  return new StoreError('APPOINTMENT_INVALID', vi, en);
}

export function noAppointmentToday(): StoreError {
  return new StoreError(
    'APPOINTMENT_NONE_TODAY',
    'Không tìm thấy lịch hẹn hôm nay cho thẻ Căn cước này. Mời Ông/Bà chọn lĩnh vực để lấy số thường, hoặc hỏi cán bộ tại quầy hướng dẫn.',
    'No appointment today for this ID card. Please choose an area to take an ordinary number, or ask the staff at the help counter.',
  );
}

export function appointmentAlreadyUsed(appointment: Appointment): StoreError {
  const number = appointment.ticketNumber;
  const vi =
    number === null
      ? `Lịch hẹn ${appointment.slot} của thẻ này vừa được nhận số ở một máy khác. Mời Ông/Bà xem số trên phiếu đã in hoặc hỏi cán bộ tại quầy.`
      : `Lịch hẹn ${appointment.slot} của thẻ này đã được nhận số ${number}. Mỗi lịch hẹn chỉ nhận số một lần; mời Ông/Bà chờ gọi số ${number} hoặc hỏi cán bộ tại quầy.`;
  const en =
    number === null
      ? `The ${appointment.slot} appointment of this card was just picked up at another machine. Please look at the printed ticket or ask the staff.`
      : `The ${appointment.slot} appointment of this card already gave number ${number}. An appointment is picked up once; please wait for ${number} or ask the staff.`;
  return new StoreError('APPOINTMENT_ALREADY_USED', vi, en);
}

export function cardNotRead(): StoreError {
  return new StoreError(
    'APPOINTMENT_CARD_NOT_READ',
    'Máy chưa đọc được thẻ Căn cước của Ông/Bà. Mời đặt thẻ lên đầu đọc và bấm “Đọc thẻ” lại.',
    'The kiosk has not read your ID card. Place it on the reader and press “Read card” again.',
  );
}
