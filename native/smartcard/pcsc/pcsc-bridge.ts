import { EventEmitter } from 'node:events';
import { cardErrors } from '../errors';
import { cardErrorFromPcsc, PcscCard } from './pcsc-card';
import { openPcscContext, type PcscContextHandle, type PcscReaderHandle } from './pcsclite-binding';

export interface ReaderState {
  readonly name: string;
  readonly cardPresent: boolean;
  /** The card's ATR in hex when one is present. */
  readonly atr: string | null;
}

/** Domain events of the bridge; never raw APDUs. */
export interface PcscBridgeEvents {
  readersChanged: [readers: readonly ReaderState[]];
  cardInserted: [event: { reader: string; atr: string }];
  cardRemoved: [event: { reader: string }];
  /** pcscd reachable or not; while down the bridge retries with back-off. */
  serviceChanged: [event: { up: boolean }];
}

export interface PcscBridgeOptions {
  /** First retry delay after pcscd was unreachable or failed (ms). */
  readonly minBackoffMs?: number;
  /** Upper bound of the doubling back-off (ms). */
  readonly maxBackoffMs?: number;
}

const ignore = (): void => undefined;

interface ReaderEntry {
  readonly handle: PcscReaderHandle;
  statusSeen: boolean;
  cardPresent: boolean;
  atr: string | null;
  card: PcscCard | null;
}

/**
 * PC/SC bridge over `pcsclite`: tracks readers and cards and re-creates the
 * context when pcscd is down at start, restarts, or fails, waiting
 * minBackoff·2ⁿ (capped) between attempts — it never busy-loops.
 */
export class PcscBridge extends EventEmitter<PcscBridgeEvents> {
  readonly #readers = new Map<string, ReaderEntry>();
  readonly #minBackoff: number;
  readonly #maxBackoff: number;
  #context: PcscContextHandle | null = null;
  #backoff: number;
  #timer: NodeJS.Timeout | null = null;
  #stopped = true;
  #up = false;

  constructor(options: PcscBridgeOptions = {}) {
    super();
    this.#minBackoff = options.minBackoffMs ?? 250;
    this.#maxBackoff = options.maxBackoffMs ?? 5000;
    this.#backoff = this.#minBackoff;
  }

  get serviceUp(): boolean {
    return this.#up;
  }

  readers(): ReaderState[] {
    return [...this.#readers.values()].map((r) => ({
      name: r.handle.name,
      cardPresent: r.cardPresent,
      atr: r.atr,
    }));
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#open();
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#teardown();
  }

  /**
   * Resolves once the bridge has a settled view: pcscd answered (or is known
   * down) and every listed reader reported its first status, or after
   * `timeoutMs`. For one-shot callers such as the CLI.
   */
  async settle(timeoutMs = 1500, quietMs = 200): Promise<void> {
    const start = Date.now();
    for (;;) {
      const elapsed = Date.now() - start;
      const settled = [...this.#readers.values()].every((r) => r.statusSeen);
      if (elapsed >= timeoutMs || (elapsed >= quietMs && settled)) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /**
   * Resolves when a reader (the named one, or any) holds a card, with its state.
   * Rejects with a CardError when the time is up or the signal aborts.
   */
  waitForCard(options: {
    reader?: string;
    timeoutMs: number;
    signal?: AbortSignal;
  }): Promise<ReaderState> {
    const pick = (): ReaderState | undefined =>
      this.readers().find(
        (r) => r.cardPresent && (options.reader === undefined || r.name === options.reader),
      );
    const ready = pick();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        this.off('cardInserted', check);
        this.off('readersChanged', check);
        options.signal?.removeEventListener('abort', abort);
      };
      const check = (): void => {
        const r = pick();
        if (r) {
          done();
          resolve(r);
        }
      };
      const abort = (): void => {
        done();
        reject(cardErrors.cancelled());
      };
      const timer = setTimeout(() => {
        done();
        if (!this.#up) reject(cardErrors.pcscdDown());
        else if (
          this.#readers.size === 0 ||
          (options.reader !== undefined && !this.#readers.has(options.reader))
        ) {
          reject(cardErrors.noReader(options.reader));
        } else reject(cardErrors.noCard());
      }, options.timeoutMs);
      this.on('cardInserted', check);
      this.on('readersChanged', check);
      options.signal?.addEventListener('abort', abort, { once: true });
    });
  }

  /** Connects exclusively to the card in `reader` (or the first reader with a card). */
  async connect(reader?: string): Promise<PcscCard> {
    if (!this.#up) throw cardErrors.pcscdDown();
    const entry =
      reader === undefined
        ? [...this.#readers.values()].find((r) => r.cardPresent)
        : this.#readers.get(reader);
    if (entry === undefined)
      throw this.#readers.size === 0 || reader !== undefined
        ? cardErrors.noReader(reader)
        : cardErrors.noCard();
    if (!entry.cardPresent || entry.atr === null) throw cardErrors.noCard();
    try {
      const card = await PcscCard.connect(
        entry.handle,
        Uint8Array.from(Buffer.from(entry.atr, 'hex')),
      );
      entry.card = card;
      return card;
    } catch (error) {
      throw cardErrorFromPcsc(error);
    }
  }

  #open(): void {
    if (this.#stopped) return;
    let context: PcscContextHandle;
    try {
      context = openPcscContext();
    } catch {
      this.#setUp(false);
      this.#retry();
      return;
    }
    this.#context = context;
    context.on('error', () => {
      this.#teardown();
      this.#retry();
    });
    context.on('reader', (handle) => {
      this.#addReader(handle);
    });
    // The binding lists readers on its own thread; the context is usable now.
    this.#backoff = this.#minBackoff;
    this.#setUp(true);
  }

  #addReader(handle: PcscReaderHandle): void {
    const entry: ReaderEntry = {
      handle,
      statusSeen: false,
      cardPresent: false,
      atr: null,
      card: null,
    };
    this.#readers.set(handle.name, entry);
    handle.on('error', () => {
      // Status monitoring of this reader failed; `end` follows and removes it.
    });
    handle.on('end', () => {
      entry.card?.invalidate();
      if (this.#readers.get(handle.name) === entry) this.#readers.delete(handle.name);
      if (entry.cardPresent) this.emit('cardRemoved', { reader: handle.name });
      this.emit('readersChanged', this.readers());
    });
    handle.on('status', (status) => {
      entry.statusSeen = true;
      const present =
        (status.state & handle.SCARD_STATE_PRESENT) !== 0 &&
        (status.state & handle.SCARD_STATE_MUTE) === 0;
      const atr =
        present && status.atr !== undefined && status.atr.length > 0
          ? status.atr.toString('hex').toUpperCase()
          : null;
      if (present && !entry.cardPresent && atr !== null) {
        entry.cardPresent = true;
        entry.atr = atr;
        this.emit('cardInserted', { reader: handle.name, atr });
        this.emit('readersChanged', this.readers());
      } else if (!present && entry.cardPresent) {
        entry.cardPresent = false;
        entry.atr = null;
        entry.card?.invalidate();
        entry.card = null;
        this.emit('cardRemoved', { reader: handle.name });
        this.emit('readersChanged', this.readers());
      }
    });
    this.emit('readersChanged', this.readers());
  }

  #retry(): void {
    if (this.#stopped || this.#timer !== null) return;
    const delay = this.#backoff;
    this.#backoff = Math.min(this.#backoff * 2, this.#maxBackoff);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#open();
    }, delay);
  }

  #teardown(): void {
    const hadReaders = this.#readers.size > 0;
    for (const entry of this.#readers.values()) {
      entry.card?.invalidate();
      entry.handle.removeAllListeners();
      // The binding reports its cancelled monitor thread as an error after close.
      entry.handle.on('error', ignore);
      try {
        entry.handle.close();
      } catch {
        // the reader is already gone with its context
      }
      if (entry.cardPresent) this.emit('cardRemoved', { reader: entry.handle.name });
    }
    this.#readers.clear();
    if (this.#context !== null) {
      const context = this.#context;
      this.#context = null;
      context.removeAllListeners();
      context.on('error', ignore);
      // A reader list already on its way is still delivered: close those readers at once.
      context.on('reader', (late) => {
        late.on('error', ignore);
        late.close();
      });
      try {
        context.close();
      } catch {
        // pcscd already went away
      }
    }
    if (hadReaders) this.emit('readersChanged', []);
    this.#setUp(false);
  }

  #setUp(up: boolean): void {
    if (this.#up === up) return;
    this.#up = up;
    this.emit('serviceChanged', { up });
  }
}
