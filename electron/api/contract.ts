/**
 * The API contract: the one place where every method and event between the
 * renderer and the main process is declared, with zod schemas for requests,
 * responses and event payloads. Both transports (Electron IPC and the browser
 * shell's loopback WebSocket) and the renderer's client are generated from it.
 *
 * Each domain declares its methods in electron/api/contract/<domain>.ts; add
 * its maps here. Method names are `<namespace>.<verb>`.
 */
import type { z } from 'zod';
import type { MethodSpec } from './contract/method';
import { authMethods } from './contract/auth';
import { cardEvents, cardMethods } from './contract/card';
import { copiesEvents, copiesMethods } from './contract/copies';
import { dossierEvents, dossierMethods } from './contract/dossier';
import { formsMethods } from './contract/forms';
import { draftMethods } from './contract/intake-draft';
import { hidEvents, hidMethods } from './contract/hid';
import { ocrMethods } from './contract/ocr';
import { procedureMethods } from './contract/procedure';
import { queueEvents, queueMethods } from './contract/queue';
import { ratingMethods } from './contract/rating';
import { appointmentMethods } from './contract/appointment';
import { receptionEvents, receptionMethods } from './contract/reception';
import { reportMethods } from './contract/report';
import { returnMethods } from './contract/returns';
import { scanEvents, scanMethods } from './contract/scan';
import { syncEvents, syncMethods } from './contract/sync';
import { ticketMethods } from './contract/ticket';
import { systemEvents, systemMethods } from './contract/system';
import { voiceMethods } from './contract/voice';

export const methods = {
  ...systemMethods,
  ...cardMethods,
  ...hidMethods,
  ...authMethods,
  ...dossierMethods,
  ...syncMethods,
  ...scanMethods,
  ...ocrMethods,
  ...procedureMethods,
  ...receptionMethods,
  ...voiceMethods,
  ...returnMethods,
  ...formsMethods,
  ...copiesMethods,
  ...draftMethods,
  ...queueMethods,
  ...ratingMethods,
  ...ticketMethods,
  ...reportMethods,
  ...appointmentMethods,
} as const satisfies Record<string, MethodSpec>;

export const events = {
  ...systemEvents,
  ...cardEvents,
  ...hidEvents,
  ...dossierEvents,
  ...syncEvents,
  ...scanEvents,
  ...receptionEvents,
  ...copiesEvents,
  ...queueEvents,
} as const satisfies Record<string, z.ZodType>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type Params<M extends MethodName> = z.input<Methods[M]['params']>;
export type Result<M extends MethodName> = z.output<Methods[M]['result']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
