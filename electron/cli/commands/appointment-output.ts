import type { Appointment } from '../../services/queue/appointments/appointment-book';
import type { CliIo } from '../cli-io';

/** What `kiosk queue book` and `kiosk queue appointments` print: Vietnamese first, JSON with --json. */

const arrivalText = {
  on_time: { vi: 'đúng giờ', en: 'on time' },
  early: { vi: 'đến sớm', en: 'early' },
  late: { vi: 'đến muộn', en: 'late' },
} as const;

export function printBooked(io: CliIo, appointment: Appointment): void {
  io.result(appointment);
  io.line(
    io.t(
      `Đã đặt lịch hẹn ${appointment.slot} ngày ${appointment.day}, lĩnh vực ${appointment.areaName} (${appointment.area}).`,
      `Booked ${appointment.slot} on ${appointment.day}, area ${appointment.areaName} (${appointment.area}).`,
    ),
  );
  io.line(
    io.t(
      'Công dân đặt thẻ Căn cước lên đầu đọc ở máy lấy số trong khoảng 30 phút trước đến 30 phút sau giờ hẹn để được gọi trước.',
      'The citizen places the ID card on the ticket kiosk reader from 30 min before to 30 min after the slot to be called first.',
    ),
  );
}

export function printAppointments(
  io: CliIo,
  day: string,
  appointments: readonly Appointment[],
): void {
  io.result({ day, appointments });
  if (appointments.length === 0) {
    io.line(io.t(`Không có lịch hẹn ngày ${day}.`, `No appointments on ${day}.`));
    return;
  }
  io.line(io.t(`Lịch hẹn ngày ${day}:`, `Appointments on ${day}:`));
  for (const a of appointments) {
    const who = a.initials === null ? '' : ` ${a.initials}`;
    const state =
      a.checkedInAt === null
        ? io.t('chưa đến', 'not yet')
        : a.arrival === null
          ? io.t('đã nhận số', 'picked up')
          : io.t(
              `đã nhận số ${a.ticketNumber ?? '—'} (${arrivalText[a.arrival].vi})`,
              `number ${a.ticketNumber ?? '—'} (${arrivalText[a.arrival].en})`,
            );
    io.line(`  ${a.slot}  ${a.area.padEnd(4)}${who}  ${state}`);
  }
}
