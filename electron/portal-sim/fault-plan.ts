/**
 * Which fault, if any, the training portal injects into one API call. Each
 * call draws a fault with probability `rate`, then one kind uniformly. Pure and
 * seedable, so a failing chaos run can be replayed with the same seed.
 */

export const faultKinds = [
  /** 0.2–1.2 s of delay, then a normal answer. */
  'latency',
  /** 500 with a JSON error, nothing committed. */
  'server-error',
  /** 429 with `Retry-After: 1`, nothing committed. */
  'rate-limit',
  /** The request is read and never answered, nothing committed. */
  'timeout',
  /** The connection is reset before anything is done. */
  'reset',
  /** The call is committed, then the connection is reset: the answer is lost. */
  'lost-after-commit',
  /** 502 with an HTML page (a proxy's), nothing committed. */
  'non-json',
  /** The session is expired on the spot: 401, nothing committed. */
  'expired-session',
] as const;
/**
 * Faults drawn only when asked for by name (`--fault-kinds`), outside the
 * default mix: `late-commit` holds the call past a client's timeout, then
 * commits it (the answer arrives too late to be read). A portal with no
 * idempotency key cannot make that harmless; the kiosk only keeps it from
 * parking a dossier that did land.
 */
export const optInFaultKinds = ['late-commit'] as const;
export type FaultKind = (typeof faultKinds)[number] | (typeof optInFaultKinds)[number];

/** mulberry32: a small, fast, seedable PRNG; statistical quality is ample for fault draws. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultPlan {
  readonly #rate: number;
  readonly #random: () => number;
  readonly #kinds: readonly FaultKind[];

  constructor(rate: number, random: () => number, kinds: readonly FaultKind[] = faultKinds) {
    if (!(rate >= 0 && rate <= 1))
      throw new RangeError(`fault rate must be within 0..1, got ${rate}`);
    this.#rate = rate;
    this.#random = random;
    this.#kinds = kinds;
  }

  /** The fault for the next call, or null for a clean answer. */
  next(): FaultKind | null {
    if (this.#kinds.length === 0 || this.#random() >= this.#rate) return null;
    return this.#kinds[Math.floor(this.#random() * this.#kinds.length)] ?? null;
  }

  /** Extra delay for a `latency` fault, in ms. */
  latencyMs(): number {
    return 200 + Math.floor(this.#random() * 1000);
  }
}
