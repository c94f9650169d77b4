import { useEffect, useState } from 'react';
import { useKiosk } from '../../api/KioskContext';

export type ReaderState = 'checking' | 'ready' | 'down';

/** How often the card step asks again, so an outage shows within 2 s even if an event is lost. */
const POLL_MS = 1000;

/**
 * Whether the kiosk can read a card now: the card service is up and at least
 * one reader is attached. Live from `card.status`, and polled once a second
 * while the step is on screen: a reader that comes back is picked up at once,
 * with no restart.
 */
export function useReaderState(): ReaderState {
  const { api } = useKiosk();
  const [state, setState] = useState<ReaderState>('checking');
  useEffect(() => {
    let live = true;
    const apply = (status: { serviceUp: boolean; readers: readonly unknown[] }) => {
      if (live) setState(status.serviceUp && status.readers.length > 0 ? 'ready' : 'down');
    };
    const poll = () => {
      void api.card.readers({}).then((result) => {
        if (result.ok) apply(result.value);
        else if (live) setState('down');
      });
    };
    poll();
    const timer = window.setInterval(poll, POLL_MS);
    const off = api.on('card.status', apply);
    return () => {
      live = false;
      window.clearInterval(timer);
      off();
    };
  }, [api]);
  return state;
}
