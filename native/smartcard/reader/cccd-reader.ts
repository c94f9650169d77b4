import type { PcscBridge } from '../pcsc/pcsc-bridge';
import { accessKeyOf, type AccessInput } from './access-key';
import { paceRunner } from './pace-runner';
import {
  readCccdFiles,
  type CccdFiles,
  type PaceRunner,
  type ReadProgress,
} from './read-cccd-files';

export interface ReadIdentityOptions {
  readonly access: AccessInput;
  /** A reader name; by default the first reader holding a card. */
  readonly reader?: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: ReadProgress) => void;
  /** How long to wait for a card to be placed (ms, default 0: it must be there). */
  readonly waitForCardMs?: number;
}

/**
 * The chip ID card reader service: validates the access data, takes the card
 * exclusively, opens it (PACE when EF.CardAccess offers it, else BAC), reads
 * every file, and always releases (and resets) the card. Returns raw files and
 * counters; parsing and passive authentication sit above it.
 */
export class CccdReader {
  readonly #bridge: PcscBridge;
  readonly #pace: PaceRunner | undefined;

  constructor(bridge: PcscBridge, options: { pace?: PaceRunner | false } = {}) {
    this.#bridge = bridge;
    this.#pace = options.pace === false ? undefined : (options.pace ?? paceRunner);
  }

  async readIdentity(options: ReadIdentityOptions): Promise<CccdFiles> {
    const access = accessKeyOf(options.access);
    const waitOptions = { timeoutMs: options.waitForCardMs ?? 0 };
    const state = await this.#bridge.waitForCard({
      ...waitOptions,
      ...(options.reader === undefined ? {} : { reader: options.reader }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    const card = await this.#bridge.connect(state.name);
    try {
      return await readCccdFiles(card, {
        access,
        atr: card.atr,
        activeAuth: true,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
        ...(this.#pace === undefined ? {} : { pace: this.#pace }),
      });
    } finally {
      await card.release();
    }
  }
}
