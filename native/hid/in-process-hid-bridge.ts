import type { HidDeviceLike } from './hid-device-like';
import type { HidDeviceInfo } from './hid-device-info';
import { HidError } from './hid-error';
import type { HidBridge } from './node-hid-bridge';

/**
 * A HidBridge over in-process devices (the virtual authenticator, a scripted
 * scanner): what the CLI's --virtual mode and the tests plug in where no real
 * device exists. Each entry pairs a listing with the device that opens.
 */
export class InProcessHidBridge implements HidBridge {
  readonly #entries: readonly { readonly info: HidDeviceInfo; readonly device: HidDeviceLike }[];

  constructor(
    entries: readonly { readonly info: HidDeviceInfo; readonly device: HidDeviceLike }[],
  ) {
    this.#entries = entries;
  }

  list(): Promise<HidDeviceInfo[]> {
    return Promise.resolve(this.#entries.map((e) => e.info));
  }

  open(path: string): Promise<HidDeviceLike> {
    const entry = this.#entries.find((e) => e.info.path === path);
    return entry
      ? Promise.resolve(entry.device)
      : Promise.reject(new HidError('device-gone', path));
  }

  reportDescriptor(): Promise<Uint8Array | undefined> {
    return Promise.resolve(undefined);
  }
}
