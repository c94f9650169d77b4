import { useEffect, useRef, useState } from 'react';

/** Seconds left before `onEnd` runs, counted from the first render. */
export function useCountdown(seconds: number, onEnd: () => void): number {
  const [left, setLeft] = useState(seconds);
  const onEndRef = useRef(onEnd);
  useEffect(() => {
    onEndRef.current = onEnd;
  }, [onEnd]);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      const remaining = seconds - Math.floor((Date.now() - started) / 1000);
      setLeft(Math.max(0, remaining));
      if (remaining <= 0) {
        clearInterval(timer);
        onEndRef.current();
      }
    }, 250);
    return () => {
      clearInterval(timer);
    };
  }, [seconds]);
  return left;
}
