import type { HidDeviceLike } from '../hid-device-like';
import { HidPosDecoder, type HidPosDecoderOptions, type PosScan } from './hid-pos-decoder';
import type { PosScanLayout } from './pos-scan-layout';

export interface HidPosScannerEvents {
  readonly onScan: (scan: PosScan) => void;
  /** The device failed (unplugged): the scanner stops; the watcher will see it again. */
  readonly onError: (error: unknown) => void;
}

/**
 * A HID POS scanner opened for reading: no keyboard focus needed. It decodes
 * every input report and reports whole scans in domain terms.
 */
export class HidPosScanner {
  readonly #device: HidDeviceLike;
  readonly #decoder: HidPosDecoder;
  readonly #events: HidPosScannerEvents;
  readonly #now: () => number;
  readonly #onData = (report: Uint8Array): void => {
    const scan = this.#decoder.push(report, this.#now());
    if (scan) this.#events.onScan(scan);
  };
  readonly #onError = (error: unknown): void => {
    this.#decoder.reset();
    this.#events.onError(error);
  };

  constructor(
    device: HidDeviceLike,
    layout: PosScanLayout,
    events: HidPosScannerEvents,
    options: HidPosDecoderOptions & { readonly now?: () => number } = {},
  ) {
    this.#device = device;
    this.#decoder = new HidPosDecoder(layout, options);
    this.#events = events;
    this.#now = options.now ?? Date.now;
    device.on('data', this.#onData);
    device.on('error', this.#onError);
  }

  async close(): Promise<void> {
    this.#device.off('data', this.#onData);
    this.#device.off('error', this.#onError);
    this.#decoder.reset();
    await this.#device.close();
  }
}
