import { describe, expect, it } from 'vitest';
import { callOrder, peopleAhead, pickNext, type OrderedTicket } from '../queue-rules';
import { arrivalAt, chooseAppointment, normaliseInitials, vnNow } from './appointment-rules';

function ticket(number: number, extra: Partial<OrderedTicket> = {}): OrderedTicket {
  return { number, area: 'HT', priority: null, takenAt: number * 1000, forCounter: null, ...extra };
}

describe('the appointment rules', () => {
  it('counts 30 minutes either side of the slot as on time, both ends included', () => {
    const slot = '09:30';
    expect(arrivalAt(slot, 8 * 60 + 59)).toBe('early');
    expect(arrivalAt(slot, 9 * 60)).toBe('on_time');
    expect(arrivalAt(slot, 9 * 60 + 30)).toBe('on_time');
    expect(arrivalAt(slot, 10 * 60)).toBe('on_time');
    expect(arrivalAt(slot, 10 * 60 + 1)).toBe('late');
  });

  it('reads the slot against Vietnam time, whatever the machine’s zone', () => {
    // 02:30 UTC is 09:30 in Vietnam.
    expect(vnNow(Date.UTC(2026, 11, 7, 2, 30))).toEqual({ day: '2026-12-07', minutes: 570 });
  });

  it('picks up the open appointment nearest to now, and each only once', () => {
    const rows = [
      { slot: '08:00', checkedInAt: null },
      { slot: '14:00', checkedInAt: null },
    ];
    expect(chooseAppointment(rows, 13 * 60 + 50)).toEqual({ kind: 'open', row: rows[1] });
    expect(chooseAppointment(rows, 8 * 60 + 10)).toEqual({ kind: 'open', row: rows[0] });
    const used = [
      { slot: '08:00', checkedInAt: 1000 },
      { slot: '14:00', checkedInAt: 2000 },
    ];
    expect(chooseAppointment(used, 600)).toEqual({ kind: 'already', row: used[1] });
    expect(chooseAppointment([], 600)).toEqual({ kind: 'none' });
  });

  it('keeps initials short and refuses a full name', () => {
    expect(normaliseInitials(' n.v.đ ')).toBe('N.V.Đ');
    expect(normaliseInitials('')).toBeNull();
    expect(normaliseInitials(undefined)).toBeNull();
    expect(normaliseInitials('Nguyễn Văn An')).toBeUndefined();
  });

  it('calls booked tickets after priority ones and before walk-ins taken earlier', () => {
    const waiting = [
      ticket(1),
      ticket(2),
      ticket(3, { booked: true }),
      ticket(4, { priority: 'elderly' }),
      ticket(5, { booked: true }),
    ];
    expect([...waiting].sort(callOrder).map((t) => t.number)).toEqual([4, 3, 5, 1, 2]);
    const areas = [{ code: 'HT', name: 'Hộ tịch', counters: [1] }];
    expect(pickNext(waiting, 1, areas)?.number).toBe(4);
    // A booked citizen has only the priority ticket ahead; a walk-in has all booked ones too.
    expect(peopleAhead(ticket(6, { booked: true }), waiting)).toBe(3);
    expect(peopleAhead(ticket(7), waiting)).toBe(5);
  });
});
