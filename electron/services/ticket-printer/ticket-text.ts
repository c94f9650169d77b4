import { vnLocal } from '../calendar/civil-date';
import { clean } from '../receipt/receipt-text';
import type { TicketToPrint } from './ticket-to-print';

/** The ticket's lines, in the order printed; pure, so wording is tested without rendering. */
export interface TicketLines {
  readonly centre: string;
  readonly label: string;
  readonly number: string;
  readonly area: string;
  readonly priority: string | null;
  readonly peopleAhead: string;
  readonly wait: string;
  readonly takenAt: string;
  readonly qrHint: string;
}

/** U+2060 WORD JOINER: Pango would otherwise break "Ông/Bà" after the slash on a 58 mm roll. */
const ONG_BA = 'Ông/\u2060Bà';

const two = (n: number): string => String(n).padStart(2, '0');

/** "08:15, ngày 06/12/2026" in Vietnam time whatever the kiosk's time zone. */
export function vnClockDate(at: Date): string {
  const { date, minutes } = vnLocal(at);
  const [year = '', month = '', day = ''] = date.split('-');
  return `${two(Math.floor(minutes / 60))}:${two(minutes % 60)}, ngày ${day}/${month}/${year}`;
}

export function waitText(minutes: number): string {
  if (minutes < 1) return `${ONG_BA} sắp được gọi`;
  if (minutes < 60) return `Thời gian chờ dự kiến: khoảng ${String(minutes)} phút`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `Thời gian chờ dự kiến: khoảng ${String(hours)} giờ${rest === 0 ? '' : ` ${String(rest)} phút`}`;
}

export function ticketLines(ticket: TicketToPrint): TicketLines {
  return {
    centre: clean(ticket.centreName).toUpperCase(),
    label: 'SỐ THỨ TỰ',
    number: clean(ticket.number),
    area: clean(ticket.areaName),
    priority:
      ticket.priorityReason === undefined ? null : `ƯU TIÊN: ${clean(ticket.priorityReason)}`,
    peopleAhead:
      ticket.peopleAhead === 0
        ? `Không có ai đang chờ trước ${ONG_BA}`
        : `Có ${String(ticket.peopleAhead)} người đang chờ trước ${ONG_BA}`,
    wait: waitText(ticket.estimatedWaitMinutes),
    takenAt: `Lấy số lúc ${vnClockDate(ticket.takenAt)}`,
    qrHint: `Quét mã để xem đã đến lượt ${ONG_BA} chưa`,
  };
}
