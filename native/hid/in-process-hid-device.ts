import type { HidDeviceLike } from './hid-device-like';
import { HidError } from './hid-error';

type DataListener = (report: Uint8Array) => void;
type ErrorListener = (error: unknown) => void;

/**
 * A HID device that lives in this process: the peer (a virtual authenticator,
 * a scripted scanner) receives what the host writes through `onWrite` and
 * answers with `deliver`. It keeps node-hid's semantics: reports go to 'data'
 * listeners when there are any, else they queue for `read`; a closed device
 * fails like an unplugged one.
 */
export class InProcessHidDevice implements HidDeviceLike {
  readonly path: string;
  readonly #onWrite: (report: Uint8Array) => void;
  readonly #queue: Uint8Array[] = [];
  readonly #waiters: ((report: Uint8Array | undefined) => void)[] = [];
  readonly #data = new Set<DataListener>();
  readonly #errors = new Set<ErrorListener>();
  #closed = false;

  constructor(path: string, onWrite: (report: Uint8Array) => void = () => undefined) {
    this.path = path;
    this.#onWrite = onWrite;
  }

  /** How many 'data' listeners the host has attached (a reader is running). */
  get listenerCount(): number {
    return this.#data.size;
  }

  /** An input report from the device to the host. */
  deliver(report: Uint8Array): void {
    if (this.#closed) return;
    const copy = report.slice();
    if (this.#data.size > 0) {
      for (const listener of this.#data) listener(copy);
      return;
    }
    const waiter = this.#waiters.shift();
    if (waiter) waiter(copy);
    else this.#queue.push(copy);
  }

  /** The device fails as if unplugged. */
  unplug(): void {
    if (this.#closed) return;
    this.#closed = true;
    const error = new HidError('device-gone', this.path);
    for (const listener of this.#errors) listener(error);
    for (const waiter of this.#waiters.splice(0)) waiter(undefined);
  }

  write(report: Uint8Array): Promise<number> {
    if (this.#closed) return Promise.reject(new HidError('device-gone', this.path));
    this.#onWrite(report.slice());
    return Promise.resolve(report.length);
  }

  read(timeoutMs: number): Promise<Uint8Array | undefined> {
    if (this.#closed) return Promise.reject(new HidError('device-gone', this.path));
    const queued = this.#queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const at = this.#waiters.indexOf(done);
        if (at !== -1) this.#waiters.splice(at, 1);
        resolve(undefined);
      }, timeoutMs);
      const done = (report: Uint8Array | undefined): void => {
        clearTimeout(timer);
        resolve(report);
      };
      this.#waiters.push(done);
    });
  }

  on(event: 'data', listener: DataListener): void;
  on(event: 'error', listener: ErrorListener): void;
  on(event: 'data' | 'error', listener: DataListener | ErrorListener): void {
    if (event === 'data') this.#data.add(listener);
    else this.#errors.add(listener as ErrorListener);
  }

  off(event: 'data', listener: DataListener): void;
  off(event: 'error', listener: ErrorListener): void;
  off(event: 'data' | 'error', listener: DataListener | ErrorListener): void {
    if (event === 'data') this.#data.delete(listener);
    else this.#errors.delete(listener as ErrorListener);
  }

  close(): Promise<void> {
    this.#closed = true;
    this.#data.clear();
    this.#errors.clear();
    for (const waiter of this.#waiters.splice(0)) waiter(undefined);
    return Promise.resolve();
  }
}
