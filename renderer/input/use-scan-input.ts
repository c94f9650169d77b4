import { useEffect, useRef } from 'react';
import { createScanDetector } from './scan-detector';

/** The field a scan's characters were typed into, and its value before the burst. */
export interface ScanTarget {
  readonly name: string;
  readonly valueBefore: string;
}

/** A burst slower than this between two keys was typed by a person (the detector's default). */
const SCANNER_GAP_MS = 35;

/**
 * Listens to the whole page and calls `onScan` when a keyboard-wedge
 * scanner's burst ends, wherever the focus is.
 *
 * Characters are taken from `beforeinput` when a field has the focus:
 * letters a keyboard layout cannot type (Vietnamese ễ, ị… sent by scanners
 * as Alt codes or Unicode input) arrive there without a keydown of their own.
 * Keys (Enter, Tab, and printable keys outside fields) come from `keydown`.
 * Every character is timed by the last keydown's timeStamp, i.e. when the
 * scanner sent it, not when a busy page got round to it, so a slow counter
 * PC does not turn a scan into typing.
 *
 * The terminating Enter/Tab is swallowed so a scan neither submits a form nor
 * moves the focus. The burst's characters have already gone into the focused
 * field (some may even be lost by a re-render); `target` says which field and
 * what it held before, so the caller can put it back.
 */
export function useScanInput(onScan: (text: string, target: ScanTarget | undefined) => void): void {
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  }, [onScan]);

  useEffect(() => {
    const detector = createScanDetector({ maxInterKeyMs: SCANNER_GAP_MS });
    let lastKeyStamp = 0;
    let lastCharStamp = Number.NEGATIVE_INFINITY;
    let runTarget: ScanTarget | undefined;

    const report = (text: string) => {
      onScanRef.current(text, runTarget);
      runTarget = undefined;
    };
    const onKey = (event: KeyboardEvent) => {
      lastKeyStamp = event.timeStamp;
      // Named keys (Enter, Tab, Shift, Dead…) are words; printable keys are the character itself.
      const printable = !/^[A-Z][A-Za-z0-9]+$/.test(event.key);
      const inField =
        event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      if (printable && inField) return;
      const detection = detector.key({ key: event.key, timeStamp: event.timeStamp });
      if (detection?.kind === 'scan') {
        event.preventDefault();
        report(detection.text);
      }
    };
    const onInput = (event: InputEvent) => {
      if (event.inputType !== 'insertText' || event.data === null) return;
      const stamp = Math.max(lastKeyStamp, lastCharStamp);
      const field = event.target;
      if (
        stamp - lastCharStamp > SCANNER_GAP_MS &&
        (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)
      ) {
        runTarget = { name: field.name, valueBefore: field.value };
      }
      lastCharStamp = stamp;
      for (const char of event.data) detector.key({ key: char, timeStamp: stamp });
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('beforeinput', onInput, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('beforeinput', onInput, true);
    };
  }, []);
}
