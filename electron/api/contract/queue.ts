import { z } from 'zod';
import { method } from './method';

/**
 * The centre queue (issue 19): a citizen takes a number for an area, a clerk
 * calls the next for their counter, a hall screen reads the status. Nothing
 * here is personal: numbers, areas, counters, a priority reason.
 */

/** Who may be given a priority ticket; the operator decides, the ticket records why. */
export const priorityReasons = ['elderly', 'disability', 'pregnant', 'merit'] as const;
export const PriorityReasonSchema = z.enum(priorityReasons);

const counter = z.number().int().min(1).max(99);

export const QueueAreaSchema = z.object({
  code: z.string(),
  name: z.string(),
  counters: z.array(z.number().int()).readonly(),
});

export const QueueTicketSchema = z.object({
  id: z.string(),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  number: z.number().int().min(1),
  area: z.string(),
  areaName: z.string(),
  priority: PriorityReasonSchema.nullable(),
  status: z.enum(['waiting', 'called', 'served', 'no_show']),
  counter: z.number().int().nullable(),
  forCounter: z.number().int().nullable(),
  calls: z.number().int().min(0),
  takenAt: z.number(),
  firstCalledAt: z.number().nullable(),
  calledAt: z.number().nullable(),
  servedAt: z.number().nullable(),
  dossierCode: z.string().nullable(),
  clerk: z.string().nullable(),
  /**
   * Taken by picking up an appointment on time: called after priority, before
   * walk-ins. Optional so screens and fixtures written before it stay valid.
   */
  booked: z.boolean().optional(),
});

export const queueMethods = {
  /** Takes today's next number; a priority ticket needs a signed-in clerk (the operator decides). */
  'queue.take': method(
    z
      .object({
        area: z.string().trim().min(1).max(10),
        priority: PriorityReasonSchema.optional(),
      })
      .strict(),
    QueueTicketSchema.extend({
      peopleAhead: z.number().int().min(0),
      estimatedWaitMinutes: z.number().int().min(0),
    }),
  ),
  /**
   * Staff: ends the counter's current ticket (served; a no-show once called
   * maxCalls times with no dossier) and calls the next; null when none waits.
   */
  'queue.call': method(
    z.object({ counter }).strict(),
    z.object({ counter, ticket: QueueTicketSchema.nullable() }),
  ),
  'queue.status': method(
    z.object({}).strict(),
    z.object({
      day: z.string(),
      areas: z
        .array(
          QueueAreaSchema.extend({
            waiting: z.number().int().min(0),
            waitingPriority: z.number().int().min(0),
            served: z.number().int().min(0),
            noShows: z.number().int().min(0),
            estimatedWaitMinutes: z.number().int().min(0),
          }),
        )
        .readonly(),
      counters: z
        .array(
          z.object({
            counter: z.number().int(),
            areas: z.array(z.string()).readonly(),
            current: QueueTicketSchema.nullable(),
            /**
             * Tickets transferred to this counter alone: only its "next" calls
             * them, so they are in no area's `waiting`.
             */
            waitingHere: z.number().int().min(0),
          }),
        )
        .readonly(),
    }),
  ),
  'queue.areas': method(
    z.object({}).strict(),
    z.object({
      areas: z.array(QueueAreaSchema).readonly(),
      /** Calls a ticket gets before a counter may skip it (config centre.maxCalls). */
      maxCalls: z.number().int().min(1),
    }),
  ),
  /** Staff: calls the counter's current ticket again (the citizen did not come yet). */
  'queue.recall': method(z.object({ counter }).strict(), QueueTicketSchema),
  /** Staff: a no-show, once the current ticket was called the configured number of times. */
  'queue.skip': method(z.object({ counter }).strict(), QueueTicketSchema),
  /** Staff: sends the current ticket to another counter or area, ahead of later numbers. */
  'queue.transfer': method(
    z.union([
      z.object({ counter, toCounter: counter }).strict(),
      z.object({ counter, toArea: z.string().trim().min(1).max(10) }).strict(),
    ]),
    QueueTicketSchema,
  ),
  /** Staff: the current ticket is served, tied to the dossier received or returned for it. */
  'queue.serve': method(
    z
      .object({
        counter,
        dossierCode: z.string().trim().min(1).max(64).optional(),
      })
      .strict(),
    QueueTicketSchema,
  ),
} as const;

/**
 * A call or recall as a hall display shows and announces it (QueueCall of
 * centre-queue-store.ts). Nothing personal: number, area, counter. Every
 * page receives it, with or without a staff sign-in: the display has none.
 */
export const QueueCallSchema = z.object({
  number: z.number().int().min(1),
  area: z.string(),
  areaName: z.string(),
  counter,
  /** 1 for the first call at this counter, 2 and more for recalls. */
  calls: z.number().int().min(1),
  /** Epoch ms of the call, as committed by the queue. */
  at: z.number(),
});

/**
 * An area's queue changed without a call (QueueChange of
 * centre-queue-store.ts): a number taken, a ticket served, skipped or
 * transferred. Screens read `queue.status` again; the hall display says
 * nothing aloud. Every page receives it, like `queue.called`.
 */
export const QueueChangeSchema = z.object({
  area: z.string(),
  areaName: z.string(),
  /** Tickets of the area waiting today once the change committed. */
  waiting: z.number().int().min(0),
  /** Epoch ms of the change, as committed by the queue. */
  at: z.number(),
});

export const queueEvents = {
  'queue.called': QueueCallSchema,
  'queue.areaChanged': QueueChangeSchema,
} as const;
