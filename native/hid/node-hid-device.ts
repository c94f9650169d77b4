import type { HIDAsync } from 'node-hid';
import type { HidDeviceLike } from './hid-device-like';
import { toHidError } from './hid-error';

type DataListener = (report: Uint8Array) => void;
type ErrorListener = (error: unknown) => void;

/**
 * A device opened through node-hid's async API. Reads and writes run on
 * node-hid's own threads, never on the caller's event loop; failures come back
 * as HidError with the device path.
 */
export class NodeHidDevice implements HidDeviceLike {
  readonly #device: HIDAsync;
  readonly #path: string;
  readonly #errorWrappers = new Map<ErrorListener, (error: unknown) => void>();

  constructor(device: HIDAsync, path: string) {
    this.#device = device;
    this.#path = path;
  }

  async write(report: Uint8Array): Promise<number> {
    try {
      return await this.#device.write(Buffer.from(report));
    } catch (error) {
      throw toHidError(error, this.#path);
    }
  }

  async read(timeoutMs: number): Promise<Uint8Array | undefined> {
    try {
      const report = await this.#device.read(timeoutMs);
      return report === undefined || report.length === 0 ? undefined : new Uint8Array(report);
    } catch (error) {
      throw toHidError(error, this.#path);
    }
  }

  on(event: 'data', listener: DataListener): void;
  on(event: 'error', listener: ErrorListener): void;
  on(event: 'data' | 'error', listener: DataListener | ErrorListener): void {
    if (event === 'data') {
      this.#device.on('data', listener);
      return;
    }
    const wrapped = (error: unknown): void => {
      (listener as ErrorListener)(toHidError(error, this.#path));
    };
    this.#errorWrappers.set(listener as ErrorListener, wrapped);
    this.#device.on('error', wrapped);
  }

  off(event: 'data', listener: DataListener): void;
  off(event: 'error', listener: ErrorListener): void;
  off(event: 'data' | 'error', listener: DataListener | ErrorListener): void {
    if (event === 'data') {
      this.#device.off('data', listener);
      return;
    }
    const wrapped = this.#errorWrappers.get(listener as ErrorListener);
    if (wrapped) this.#device.off('error', wrapped);
    this.#errorWrappers.delete(listener as ErrorListener);
  }

  async close(): Promise<void> {
    try {
      await this.#device.close();
    } catch (error) {
      throw toHidError(error, this.#path);
    }
  }
}
