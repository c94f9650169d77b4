import { useCallback, useState } from 'react';

/**
 * The counter this machine sits at, remembered across sign-ins: it is not a
 * citizen's data, so the idle wipe keeps it (App.tsx).
 */
export const MY_COUNTER_KEY = 'kiosk.queue.counter';

function stored(): number | null {
  const value = Number(localStorage.getItem(MY_COUNTER_KEY));
  return Number.isInteger(value) && value >= 1 && value <= 99 ? value : null;
}

export function useMyCounter(): [number | null, (counter: number) => void] {
  const [counter, setCounter] = useState<number | null>(stored);
  const choose = useCallback((next: number) => {
    localStorage.setItem(MY_COUNTER_KEY, String(next));
    setCounter(next);
  }, []);
  return [counter, choose];
}
