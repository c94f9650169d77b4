import { KioskError } from '../../api/errors';
import type { MethodName } from '../../api/contract';
import type { HandlerGroup } from '../../api/dispatcher';

/**
 * Ratings and centre reports read the tickets in this machine's SQLite. When
 * the centre shares its queue through PostgreSQL the tickets live there
 * instead, so a rating would be refused as "nothing pending" and a report
 * would count nothing: both now answer QUEUE_SHARED_UNSUPPORTED, which says
 * so and what to do, until they read the shared queue.
 */
export function machineLocalOnly<M extends MethodName>(
  handlers: HandlerGroup<M>,
  sharedQueue: boolean,
): HandlerGroup<M> {
  if (!sharedQueue) return handlers;
  const refused: Partial<Record<M, () => never>> = {};
  for (const name of Object.keys(handlers) as M[]) {
    refused[name] = () => {
      throw new KioskError(
        'QUEUE_SHARED_UNSUPPORTED',
        `${name} reads this machine's tickets, but the centre's queue is shared on PostgreSQL`,
      );
    };
  }
  return refused as HandlerGroup<M>;
}
