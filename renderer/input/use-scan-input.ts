import { useEffect, useRef } from 'react';
import { createScanDetector } from './scan-detector';

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLInputElement ||
  target instanceof HTMLTextAreaElement ||
  (target instanceof HTMLElement && target.isContentEditable);

/**
 * Listens to the whole page and calls `onScan` when a keyboard-wedge
 * scanner's burst ends, wherever the focus is.
 *
 * Characters are taken from `beforeinput` when a field has the focus:
 * letters a keyboard layout cannot type (Vietnamese ễ, ị… sent by scanners
 * as Alt codes or Unicode input) arrive there without a keydown of their own.
 * Keys (Enter, Tab, and printable keys outside fields) come from `keydown`.
 * Both are timed when the page handles them: a keydown's timeStamp is when
 * the key was pressed and an input event's when it was applied, and mixing
 * the two clocks can put an Enter before the letters it ends.
 * The terminating Enter/Tab is swallowed so a scan neither submits a form nor
 * moves the focus; the burst's characters have already landed in the focused
 * field, and the caller is told the text so it can take them back out.
 */
export function useScanInput(onScan: (text: string) => void): void {
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  }, [onScan]);

  useEffect(() => {
    const detector = createScanDetector();
    const onKey = (event: KeyboardEvent) => {
      // Named keys (Enter, Tab, Shift, Dead…) are words; printable keys are the character itself.
      const printable = !/^[A-Z][A-Za-z0-9]+$/.test(event.key);
      if (printable && isEditable(event.target)) return;
      const detection = detector.key({ key: event.key, timeStamp: performance.now() });
      if (detection?.kind === 'scan') {
        event.preventDefault();
        onScanRef.current(detection.text);
      }
    };
    const onInput = (event: InputEvent) => {
      if (event.inputType !== 'insertText' || event.data === null) return;
      const now = performance.now();
      for (const char of event.data) detector.key({ key: char, timeStamp: now });
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('beforeinput', onInput, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('beforeinput', onInput, true);
    };
  }, []);
}
