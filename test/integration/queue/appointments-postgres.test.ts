import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CentreSchema } from '../../../electron/services/config/centre-schema';
import { checkInAppointment } from '../../../electron/services/queue/appointments/appointment-check-in';
import { centreMachines } from '../../support/centre-machines';
import {
  postgresAvailable,
  startPostgresCluster,
  type PostgresCluster,
} from '../../support/postgres-cluster';

const centre = CentreSchema.parse({
  areas: [
    { code: 'HT', name: 'Hộ tịch', counters: [1] },
    { code: 'CU', name: 'Cư trú', counters: [2] },
  ],
});
/** 09:20 in Vietnam (UTC+7) on 2026-12-07: on time for a 09:30 slot. */
const NOW = Date.UTC(2026, 11, 7, 2, 20);
const CARDS = 20;
const card = (i: number) => `0010990${String(10000 + i)}`;

let cluster: PostgresCluster;
const machines = centreMachines(centre);

/** One machine of the centre: its book and queue on the machine's own pool. */
function machine(name: string) {
  const { appointments: book, queue } = machines.open(cluster.url, name, { now: () => NOW });
  return {
    book,
    queue,
    checkIn: (cccd: string) => checkInAppointment({ book, queue, now: () => NOW }, cccd),
  };
}

describe.skipIf(!postgresAvailable())('appointments on the shared PostgreSQL queue', () => {
  beforeAll(async () => {
    cluster = await startPostgresCluster();
  }, 120_000);
  afterAll(async () => {
    await machines.closeAll();
    await (cluster as PostgresCluster | undefined)?.remove();
  });

  it('two kiosks reading the same card at once give one ticket, for each of 20 cards', async () => {
    const counter = machine('quay-1');
    for (let i = 0; i < CARDS; i += 1)
      await counter.book.book({ cccd: card(i), area: 'HT', day: '2026-12-07', slot: '09:30' });
    const kioskA = machine('kiosk-a');
    const kioskB = machine('kiosk-b');
    const started = performance.now();
    const outcomes = await Promise.all(
      Array.from({ length: CARDS }, async (_, i) =>
        Promise.allSettled([kioskA.checkIn(card(i)), kioskB.checkIn(card(i))]),
      ),
    );
    const ms = performance.now() - started;
    console.log(`${CARDS} cards × 2 kiosks checked in at once on PostgreSQL: ${ms.toFixed(0)} ms`);
    for (const pair of outcomes) {
      expect(pair.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const refused = pair.find((o) => o.status === 'rejected');
      expect(refused?.reason).toMatchObject({ code: 'APPOINTMENT_ALREADY_USED' });
    }
    expect(
      cluster.psql('SELECT count(*), count(*) FILTER (WHERE booked) FROM queue_tickets', 'centre'),
    ).toBe(`${CARDS}|${CARDS}\n`);
    const listed = await counter.book.list('2026-12-07');
    expect(listed.every((a) => a.ticketNumber !== null && a.arrival === 'on_time')).toBe(true);
    // The number is nowhere in the shared database, only its keyed hash.
    expect(
      cluster.psql(
        `SELECT count(*) FROM queue_appointments WHERE cccd_hmac LIKE '%${card(0)}%'`,
        'centre',
      ),
    ).toBe('0\n');
  });

  it('calls a booked ticket after a priority one and before a walk-in taken earlier', async () => {
    cluster.emptyQueue();
    const m = machine('quay-2');
    await m.book.book({ cccd: card(99), area: 'CU', day: '2026-12-07', slot: '09:00' });
    const walkIn = await m.queue.take({ area: 'CU' });
    const priority = await m.queue.take({ area: 'CU', priority: 'disability' });
    const booked = await m.checkIn(card(99));
    expect(booked.ticket).toMatchObject({ booked: true, peopleAhead: 1 });
    const order = [];
    for (let i = 0; i < 3; i += 1) order.push((await m.queue.callNext(2))?.number);
    expect(order).toEqual([priority.number, booked.ticket.number, walkIn.number]);
  });

  it('an appointment at 11:00 picked up at 09:20 gives an ordinary ticket and says early', async () => {
    const m = machine('kiosk-c');
    await m.book.book({ cccd: card(98), area: 'HT', day: '2026-12-07', slot: '11:00' });
    const early = await m.checkIn(card(98));
    expect(early).toMatchObject({ arrival: 'early', ticket: { booked: false } });
    await expect(m.checkIn('001099000000')).rejects.toMatchObject({
      code: 'APPOINTMENT_NONE_TODAY',
    });
  });
});
