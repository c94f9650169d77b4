/**
 * Tells a keyboard-wedge scanner's burst of keystrokes from a person typing.
 * Pure: no DOM, no React, no Node; the caller feeds KeyboardEvent-like input.
 *
 * The detector never holds keys back, so typing is never stolen: keys reach
 * the focused field as usual, and when a burst turns out to be a scan the
 * caller takes the `text.length` characters the burst put into that field back
 * out and routes the scan to the field it belongs to.
 *
 * A scan is a run of at least `minLength` printable keys, each within
 * `maxInterKeyMs` of the previous one, ended by a terminator key (Enter or Tab,
 * as scanners are configured) just as fast. Scanners type at 10 ms/key or
 * faster; people rarely go under 80 ms/key for more than a key or two.
 */
export interface KeyInput {
  /** KeyboardEvent.key: one character for printable keys, else a key name. */
  readonly key: string;
  /** KeyboardEvent.timeStamp, in milliseconds. */
  readonly timeStamp: number;
}

export type ScanDetection =
  { readonly kind: 'scan'; readonly text: string } | { readonly kind: 'typing' } | null;

export interface ScanDetectorOptions {
  readonly maxInterKeyMs?: number;
  readonly minLength?: number;
  readonly terminators?: readonly string[];
  /** Longest scan kept; a 2D code holds a few kilobytes at most. */
  readonly maxLength?: number;
  /**
   * False for scanners configured without a suffix: a fast run then ends when
   * the keys stop, which the caller reports through `idle`.
   */
  readonly requireTerminator?: boolean;
}

/** KeyboardEvent.key values that name a key ("Enter", "ArrowLeft", "Dead") rather than a character. */
const NAMED_KEY = /^[A-Z][A-Za-z0-9]+$/;

/** Keys a scanner presses around characters (Shift for capitals) that neither add text nor break a burst. */
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'CapsLock', 'Meta', 'NumLock']);

export interface ScanDetector {
  /**
   * `null` while the keys so far may still be a scan (or nothing is going on),
   * `{kind: 'typing'}` when they are a person's, `{kind: 'scan', text}` when a
   * scan has just ended.
   */
  key(input: KeyInput): ScanDetection;
  /**
   * For scanners without a terminator: call it once no key came for
   * `maxInterKeyMs` (from a timer). A scan when the run qualifies, else null.
   */
  idle(timeStamp: number): ScanDetection;
  /** Forgets the current run (focus moved, screen changed). */
  reset(): void;
}

export function createScanDetector(options: ScanDetectorOptions = {}): ScanDetector {
  const maxGap = options.maxInterKeyMs ?? 35;
  const minLength = options.minLength ?? 6;
  const terminators = new Set(options.terminators ?? ['Enter', 'Tab']);
  const maxLength = options.maxLength ?? 8192;
  const requireTerminator = options.requireTerminator ?? true;

  let chars: string[] = [];
  let last = Number.NEGATIVE_INFINITY;

  const reset = (): void => {
    chars = [];
    last = Number.NEGATIVE_INFINITY;
  };

  const key = ({ key: name, timeStamp }: KeyInput): ScanDetection => {
    if (MODIFIERS.has(name)) return null;
    const gap = timeStamp - last;
    const quick = gap >= 0 && gap <= maxGap;

    if (terminators.has(name)) {
      const text = chars.join('');
      const isScan = quick && chars.length >= minLength;
      reset();
      return isScan ? { kind: 'scan', text } : { kind: 'typing' };
    }
    if (NAMED_KEY.test(name)) {
      reset();
      return { kind: 'typing' };
    }
    if (chars.length > 0 && !quick) {
      // Too slow for a scanner: what came before was typed, and this key may start a burst.
      reset();
      chars.push(name);
      last = timeStamp;
      return { kind: 'typing' };
    }
    if (chars.length >= maxLength) {
      reset();
      return { kind: 'typing' };
    }
    chars.push(name);
    last = timeStamp;
    return null;
  };

  const idle = (timeStamp: number): ScanDetection => {
    if (requireTerminator || chars.length < minLength || timeStamp - last <= maxGap) return null;
    const text = chars.join('');
    reset();
    return { kind: 'scan', text };
  };

  return { key, idle, reset };
}
