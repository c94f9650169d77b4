import { useEffect, useState } from 'react';
import type { ApiError } from '../../../electron/api/errors';
import { useKiosk } from '../../api/KioskContext';

/** What the kiosk says about the paper ticket; the number is on screen whatever happens. */
export type PrintState =
  | { readonly state: 'printing' }
  | { readonly state: 'printed'; readonly paperNearEnd: boolean }
  | { readonly state: 'no-printer' }
  | { readonly state: 'failed'; readonly error: ApiError };

/** Prints the ticket once, right after it was taken. */
export function useTicketPrint(ticketId: string): PrintState {
  const { api } = useKiosk();
  const [print, setPrint] = useState<PrintState>({ state: 'printing' });
  useEffect(() => {
    let live = true;
    void api.ticket.print({ ticketId }).then((result) => {
      if (!live) return;
      if (!result.ok) setPrint({ state: 'failed', error: result.error });
      else if (result.value.outcome === 'no-printer') setPrint({ state: 'no-printer' });
      else setPrint({ state: 'printed', paperNearEnd: result.value.paperNearEnd });
    });
    return () => {
      live = false;
    };
  }, [api, ticketId]);
  return print;
}
