import { z } from 'zod';
import { method } from './method';
import { QueueTicketSchema } from './queue';

/**
 * Appointments booked ahead and picked up at the kiosk by reading the CCCD
 * chip (issue 19 item 1). The ID number goes in (to book, and as the chip
 * read gives it to check in) but never comes out: the book stores a keyed
 * hash, and what it returns is the slot, the area, optional initials and
 * the ticket it gave.
 */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const slot = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
/** Số định danh cá nhân: the 12 digits printed on the card and read from its chip. */
const cccd = z.string().regex(/^\d{12}$/);

export const ArrivalSchema = z.enum(['on_time', 'early', 'late']);

export const AppointmentSchema = z.object({
  id: z.string(),
  day,
  slot,
  area: z.string(),
  areaName: z.string(),
  initials: z.string().nullable(),
  bookedAt: z.number(),
  bookedBy: z.string().nullable(),
  checkedInAt: z.number().nullable(),
  arrival: ArrivalSchema.nullable(),
  ticketNumber: z.number().int().nullable(),
});

export const appointmentMethods = {
  /** Staff: books a slot for a citizen's card, for today or a later day. */
  'appointment.book': method(
    z
      .object({
        area: z.string().trim().min(1).max(10),
        cccd,
        date: day,
        time: slot,
        /** Name initials for the clerk ("N.V.A"); never the full name. */
        initials: z.string().trim().max(12).optional(),
      })
      .strict(),
    AppointmentSchema,
  ),
  /** Staff: a day's appointments by slot (today when no date). */
  'appointment.list': method(
    z.object({ date: day.optional() }).strict(),
    z.object({ day, appointments: z.array(AppointmentSchema).readonly() }),
  ),
  /**
   * Kiosk, no sign-in: picks up today's appointment of the card just read;
   * refused (APPOINTMENT_CARD_NOT_READ) unless `idNumber` is what this
   * core's last chip read gave.
   * On time (±30 min): a booked ticket, called before walk-ins; early or
   * late: an ordinary ticket, and `arrival` says why.
   */
  'appointment.checkIn': method(
    z.object({ idNumber: cccd }).strict(),
    z.object({
      slot,
      area: z.string(),
      areaName: z.string(),
      arrival: ArrivalSchema,
      ticket: QueueTicketSchema.extend({
        peopleAhead: z.number().int().min(0),
        estimatedWaitMinutes: z.number().int().min(0),
      }),
    }),
  ),
} as const;
