import type { CentreConfig } from '../../electron/services/config/centre-schema';
import type { OfflineTicketStash } from '../../electron/services/queue/offline-ticket-stash';
import {
  openSharedCentre,
  type SharedCentre,
} from '../../electron/services/queue/open-shared-centre';

/**
 * The machines one test file opens on a centre's shared PostgreSQL, wired
 * as a kiosk wires them (openSharedCentre), each closed once by closeAll().
 */
export function centreMachines(centre: CentreConfig) {
  const opened: SharedCentre[] = [];
  return {
    open(
      url: string,
      machine: string,
      options: { readonly stash?: OfflineTicketStash; readonly now?: () => number } = {},
    ): SharedCentre {
      const centreOf = openSharedCentre({ centre, url, machine, ...options });
      opened.push(centreOf);
      return centreOf;
    },
    async closeAll(): Promise<void> {
      for (const machine of opened.splice(0)) await machine.close().catch(() => undefined);
    },
  };
}
