import {
  loadTrustStore,
  trustStoreFrom,
  type TrustStore,
} from '../../../native/smartcard/passive-auth';
import type { Citizen } from '../../../native/smartcard/citizen';
import type { PcscBridge, ReaderState } from '../../../native/smartcard/pcsc/pcsc-bridge';
import type { AccessInput } from '../../../native/smartcard/reader/access-key';
import { CccdReader } from '../../../native/smartcard/reader/cccd-reader';
import type { ReadProgress } from '../../../native/smartcard/reader/read-cccd-files';
import { KioskError } from '../../api/errors';
import type { EventHub } from '../../api/event-hub';
import { toKioskError } from './card-errors';
import { identityFromFiles, type CardIdentity } from './card-identity';

export interface CardStatus {
  readonly serviceUp: boolean;
  readonly readers: readonly ReaderState[];
}

/** Where the service publishes `card.status` and `card.progress` (the EventHub in the app). */
export interface CardEvents {
  status(status: CardStatus): void;
  progress(progress: ReadProgress): void;
}

export interface CardServiceDeps {
  readonly bridge: PcscBridge;
  readonly events: CardEvents;
  /** A folder of CSCA certificates / master lists; without it nothing is trusted. */
  readonly trustDir?: string;
  readonly reader?: CccdReader;
}

/**
 * The chip-card service the API and the screens use: live reader status, one
 * read at a time with progress and cancel, parsed and passive-authenticated
 * results. Citizen data is returned; only the last read's record is kept
 * (for the applicant check of dossier.create) until forgetLastRead().
 */
export class CardService {
  readonly #bridge: PcscBridge;
  readonly #events: CardEvents;
  readonly #reader: CccdReader;
  readonly #trustDir: string | undefined;
  #trust: Promise<TrustStore> | null = null;
  #current: AbortController | null = null;
  #lastRead: Citizen | null = null;
  readonly #onChange = (): void => {
    this.#events.status(this.status());
  };

  constructor(deps: CardServiceDeps) {
    this.#bridge = deps.bridge;
    this.#events = deps.events;
    this.#reader = deps.reader ?? new CccdReader(deps.bridge);
    this.#trustDir = deps.trustDir;
  }

  start(): void {
    this.#bridge.on('readersChanged', this.#onChange);
    this.#bridge.on('serviceChanged', this.#onChange);
    this.#bridge.start();
  }

  stop(): void {
    this.#current?.abort();
    this.#bridge.off('readersChanged', this.#onChange);
    this.#bridge.off('serviceChanged', this.#onChange);
    this.#bridge.stop();
  }

  status(): CardStatus {
    return { serviceUp: this.#bridge.serviceUp, readers: this.#bridge.readers() };
  }

  async read(options: {
    access: AccessInput;
    reader?: string;
    waitSeconds?: number;
  }): Promise<CardIdentity> {
    if (this.#current !== null) throw new KioskError('CARD_BUSY', 'A card read is already running');
    const controller = new AbortController();
    this.#current = controller;
    try {
      const files = await this.#reader.readIdentity({
        access: options.access,
        signal: controller.signal,
        waitForCardMs: (options.waitSeconds ?? 0) * 1000,
        onProgress: (p) => {
          this.#events.progress(p);
        },
        ...(options.reader === undefined ? {} : { reader: options.reader }),
      });
      const identity = identityFromFiles(files, await this.#trustStore());
      this.#lastRead = identity.citizen;
      return identity;
    } catch (error) {
      throw toKioskError(error);
    } finally {
      this.#current = null;
    }
  }

  /**
   * The citizen record of the last successful read, so a dossier whose
   * applicant claims to come from the chip can be checked against what the
   * chip said (the renderer is untrusted). Null after forgetLastRead().
   */
  lastRead(): Citizen | null {
    return this.#lastRead;
  }

  /** Called when a citizen's session ends: the read no longer vouches for anyone. */
  forgetLastRead(): void {
    this.#lastRead = null;
  }

  /** Stops the running read between two APDUs; true when one was running. */
  cancel(): boolean {
    if (this.#current === null) return false;
    this.#current.abort();
    return true;
  }

  #trustStore(): Promise<TrustStore> {
    this.#trust ??=
      this.#trustDir === undefined
        ? Promise.resolve(trustStoreFrom([]))
        : loadTrustStore(this.#trustDir);
    return this.#trust;
  }
}

/** Publishes the service's events on the app's EventHub as `card.status` and `card.progress`. */
export function cardEventsOn(hub: EventHub): CardEvents {
  return {
    status: (s) => {
      hub.emit('card.status', { serviceUp: s.serviceUp, readers: [...s.readers] });
    },
    progress: (p) => {
      hub.emit('card.progress', { file: p.file, done: p.done, total: p.total });
    },
  };
}
