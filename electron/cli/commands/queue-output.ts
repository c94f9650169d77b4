import {
  priorityReasonNames,
  type QueueArea,
  type QueueStatus,
  type QueueTicket,
  type TakenTicket,
} from '../../services/queue/centre-queue-store';
import type { CliIo } from '../cli-io';

/** What `kiosk queue` prints: Vietnamese first, one JSON value with --json. */

function minutesText(io: CliIo, minutes: number): string {
  return minutes === 0
    ? io.t('được gọi ngay', 'called right away')
    : io.t(`khoảng ${minutes} phút`, `about ${minutes} min`);
}

export function printTicket(io: CliIo, ticket: TakenTicket): void {
  io.result(ticket);
  io.line(io.t(`Số thứ tự: ${ticket.number}`, `Number: ${ticket.number}`));
  io.line(
    io.t(
      `Lĩnh vực: ${ticket.areaName} (${ticket.area})`,
      `Area: ${ticket.areaName} (${ticket.area})`,
    ),
  );
  if (ticket.priority !== null)
    io.line(
      io.t(
        `Ưu tiên: ${priorityReasonNames[ticket.priority]}`,
        `Priority: ${priorityReasonNames[ticket.priority]}`,
      ),
    );
  io.line(io.t(`Số người chờ trước: ${ticket.peopleAhead}`, `People ahead: ${ticket.peopleAhead}`));
  io.line(
    io.t(
      `Thời gian chờ dự kiến: ${minutesText(io, ticket.estimatedWaitMinutes)}`,
      `Estimated wait: ${minutesText(io, ticket.estimatedWaitMinutes)}`,
    ),
  );
}

export function printCall(
  io: CliIo,
  counter: number,
  ticket: QueueTicket | null,
  areas: readonly QueueArea[],
): void {
  io.result({ counter, ticket });
  if (ticket === null) {
    const served = areas
      .filter((a) => a.counters.includes(counter))
      .map((a) => a.name)
      .join(', ');
    io.error(
      io.t(
        `Không còn ai chờ cho quầy số ${counter} (${served}).`,
        `Nobody is waiting for counter ${counter} (${served}).`,
      ),
    );
    return;
  }
  io.line(
    io.t(
      `Mời công dân có số thứ tự ${ticket.number} đến quầy số ${counter} (${ticket.areaName}).`,
      `Number ${ticket.number}, please come to counter ${counter} (${ticket.areaName}).`,
    ),
  );
}

const actionText = {
  recall: { vi: 'Đã gọi lại', en: 'Called again' },
  skip: { vi: 'Đã bỏ qua (vắng mặt)', en: 'Skipped (no-show)' },
  serve: { vi: 'Đã phục vụ xong', en: 'Served' },
  transfer: { vi: 'Đã chuyển', en: 'Transferred' },
} as const;

export function printTicketLine(
  io: CliIo,
  action: keyof typeof actionText,
  ticket: QueueTicket,
): void {
  io.result(ticket);
  const where =
    action === 'transfer'
      ? ticket.forCounter === null
        ? io.t(` sang lĩnh vực ${ticket.areaName}`, ` to area ${ticket.areaName}`)
        : io.t(` sang quầy số ${ticket.forCounter}`, ` to counter ${ticket.forCounter}`)
      : action === 'recall'
        ? io.t(` (lần ${ticket.calls})`, ` (call ${ticket.calls})`)
        : '';
  const text = actionText[action];
  io.line(io.t(`${text.vi} số ${ticket.number}${where}.`, `${text.en} ${ticket.number}${where}.`));
}

export function printAreas(io: CliIo, areas: readonly QueueArea[]): void {
  io.result(areas);
  for (const a of areas)
    io.line(
      `${a.code.padEnd(6)} ${a.name.padEnd(24)} ${io.t('quầy', 'counters')} ${a.counters.join(', ')}`,
    );
}

export function printStatus(io: CliIo, status: QueueStatus): void {
  io.result(status);
  const [y, m, d] = status.day.split('-');
  io.line(io.t(`Hàng đợi ngày ${d}/${m}/${y}`, `Queue of ${d}/${m}/${y}`));
  for (const a of status.areas)
    io.line(
      io.t(
        `${a.code.padEnd(6)} ${a.name.padEnd(24)} đang chờ ${a.waiting} (ưu tiên ${a.waitingPriority}) · đã phục vụ ${a.served} · vắng mặt ${a.noShows} · chờ ${minutesText(io, a.estimatedWaitMinutes)}`,
        `${a.code.padEnd(6)} ${a.name.padEnd(24)} waiting ${a.waiting} (priority ${a.waitingPriority}) · served ${a.served} · no-shows ${a.noShows} · wait ${minutesText(io, a.estimatedWaitMinutes)}`,
      ),
    );
  for (const c of status.counters) {
    const here =
      c.waitingHere === 0
        ? ''
        : io.t(
            ` · ${c.waitingHere} số chuyển riêng đến quầy này`,
            ` · ${c.waitingHere} transferred to this counter alone`,
          );
    io.line(
      (c.current === null
        ? io.t(`Quầy số ${c.counter}: đang trống`, `Counter ${c.counter}: free`)
        : io.t(
            `Quầy số ${c.counter}: đang phục vụ số ${c.current.number} (${c.current.areaName})`,
            `Counter ${c.counter}: serving ${c.current.number} (${c.current.areaName})`,
          )) + here,
    );
  }
}
