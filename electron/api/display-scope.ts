import type { EventName, MethodName } from './contract';

/**
 * What a hall display's connection may do (`/display`, opened with the
 * machine's display key instead of the session token). The key outlives a
 * restart, so a TV comes back by itself; it therefore opens only what the
 * display shows, nothing personal and no staff method: the centre's name,
 * the queue's numbers and the call sentences it says aloud.
 */
export const displayMethods: ReadonlySet<MethodName> = new Set<MethodName>([
  'system.info',
  'queue.status',
  'queue.areas',
  'voice.speak',
]);

/** Events a display connection receives: the calls, the waiting counts, and whether the core is up. */
export const displayEvents: ReadonlySet<EventName> = new Set<EventName>([
  'queue.called',
  'queue.areaChanged',
  'core.state',
]);

/** Which key a connection said hello with: the launch's session token or the display key. */
export type ConnectionScope = 'session' | 'display';

export function allowedMethod(scope: ConnectionScope, method: string): boolean {
  return scope === 'session' || (displayMethods as ReadonlySet<string>).has(method);
}

export function allowedEvent(scope: ConnectionScope, name: string): boolean {
  return scope === 'session' || (displayEvents as ReadonlySet<string>).has(name);
}
