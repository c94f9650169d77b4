import { callSentence, type SpokenCall } from './call-sentence';

export interface AnnouncedCall extends SpokenCall {
  /** 1 for the first call, 2 and more for recalls: each is said once. */
  readonly calls: number;
  /** When the queue committed it (epoch ms). */
  readonly at: number;
}

export interface AnnouncementQueueOptions {
  /** Says one sentence; resolves when it has been said (or could not be). */
  readonly say: (text: string) => Promise<void>;
  /** Waits between two sentences, so two calls are heard as two. */
  readonly pause: (ms: number) => Promise<void>;
  /** Silence between two announcements. */
  readonly gapMs?: number;
  /** Sentences waiting at most; the oldest are dropped beyond (a hall that fell far behind). */
  readonly maxPending?: number;
}

const DEFAULT_GAP_MS = 700;
const DEFAULT_MAX_PENDING = 12;
/** Keys remembered to say each call once; far more than a hall calls in a few minutes. */
const REMEMBERED = 500;

/** One call or recall: the same counter, number and call count at the same moment is one event. */
function keyOf(call: AnnouncedCall): string {
  return `${call.counter}:${call.number}:${call.calls}:${call.at}`;
}

/**
 * The hall's announcements, one after another in the order of the calls:
 * never two at once (two counters calling together are said in turn), each
 * call and each recall said once. A recall is the repetition a citizen who
 * missed the first call gets (the clerk presses "Gọi lại", up to
 * `centre.maxCalls`), so a call is not said twice on its own: with three
 * counters calling at once that would make the last citizen wait ~20 s to
 * hear their number. Pure: no DOM, no audio; `say` plays.
 */
export class AnnouncementQueue {
  readonly #options: Required<AnnouncementQueueOptions>;
  readonly #pending: string[] = [];
  readonly #seen = new Set<string>();
  #running = false;
  #stopped = false;
  #idle: Promise<void> = Promise.resolve();

  constructor(options: AnnouncementQueueOptions) {
    this.#options = {
      gapMs: DEFAULT_GAP_MS,
      maxPending: DEFAULT_MAX_PENDING,
      ...options,
    };
  }

  /** Queues a call's sentence; false when this very call was queued before. */
  add(call: AnnouncedCall): boolean {
    if (this.#stopped) return false;
    const key = keyOf(call);
    if (this.#seen.has(key)) return false;
    this.#seen.add(key);
    if (this.#seen.size > REMEMBERED) {
      const oldest = this.#seen.values().next().value;
      if (oldest !== undefined) this.#seen.delete(oldest);
    }
    this.#pending.push(callSentence(call));
    while (this.#pending.length > this.#options.maxPending) this.#pending.shift();
    if (!this.#running) this.#idle = this.#drain();
    return true;
  }

  /** The sentences still to be said, next first. */
  get pending(): readonly string[] {
    return [...this.#pending];
  }

  /** Resolves once every queued sentence has been said. */
  whenIdle(): Promise<void> {
    return this.#idle;
  }

  /** The page is closing: nothing more is said. */
  stop(): void {
    this.#stopped = true;
    this.#pending.length = 0;
  }

  async #drain(): Promise<void> {
    this.#running = true;
    try {
      let first = true;
      for (let text = this.#pending.shift(); text !== undefined; text = this.#pending.shift()) {
        if (!first) await this.#options.pause(this.#options.gapMs);
        first = false;
        if (this.#stopped) return;
        try {
          await this.#options.say(text);
        } catch {
          // A sentence that could not be said leaves the next ones to be said;
          // the number is on the screen anyway.
        }
      }
    } finally {
      this.#running = false;
    }
  }
}
