import type { HidDeviceInfo } from './hid-device-info';

export interface HidChange {
  readonly attached: readonly HidDeviceInfo[];
  readonly detached: readonly HidDeviceInfo[];
  readonly devices: readonly HidDeviceInfo[];
}

export interface HidWatcherOptions {
  /** Poll interval right after a change or at start. */
  readonly minIntervalMs?: number;
  /** Longest interval while nothing changes or listing keeps failing. */
  readonly maxIntervalMs?: number;
  readonly onChange: (change: HidChange) => void;
  readonly onError?: (error: unknown) => void;
}

/**
 * Hot-plug by polling: node-hid has no device-arrival events. The interval
 * doubles from min to max while the device set stays the same (or listing
 * fails), and drops back to min on any change, so a fresh plug-in is seen
 * quickly and an idle kiosk polls rarely.
 */
export class HidWatcher {
  readonly #list: () => Promise<HidDeviceInfo[]>;
  readonly #min: number;
  readonly #max: number;
  readonly #onChange: (change: HidChange) => void;
  readonly #onError: (error: unknown) => void;
  #known = new Map<string, HidDeviceInfo>();
  #interval: number;
  #timer: NodeJS.Timeout | undefined;
  #running = false;

  constructor(list: () => Promise<HidDeviceInfo[]>, options: HidWatcherOptions) {
    this.#list = list;
    this.#min = options.minIntervalMs ?? 1000;
    this.#max = Math.max(this.#min, options.maxIntervalMs ?? 15_000);
    this.#interval = this.#min;
    this.#onChange = options.onChange;
    this.#onError = options.onError ?? (() => undefined);
  }

  get devices(): readonly HidDeviceInfo[] {
    return [...this.#known.values()];
  }

  /** The interval the next poll waits; exposed for Diagnostics and tests. */
  get intervalMs(): number {
    return this.#interval;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    void this.#poll();
  }

  stop(): void {
    this.#running = false;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  async #poll(): Promise<void> {
    try {
      const current = new Map((await this.#list()).map((d) => [d.path, d]));
      const attached = [...current.values()].filter((d) => !this.#known.has(d.path));
      const detached = [...this.#known.values()].filter((d) => !current.has(d.path));
      this.#known = current;
      if (attached.length > 0 || detached.length > 0) {
        this.#interval = this.#min;
        if (this.#running) this.#onChange({ attached, detached, devices: this.devices });
      } else {
        this.#interval = Math.min(this.#interval * 2, this.#max);
      }
    } catch (error) {
      this.#interval = Math.min(this.#interval * 2, this.#max);
      if (this.#running) this.#onError(error);
    }
    if (!this.#running) return;
    this.#timer = setTimeout(() => void this.#poll(), this.#interval);
    this.#timer.unref();
  }
}
