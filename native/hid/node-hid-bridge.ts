import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { HidDeviceLike } from './hid-device-like';
import { toDeviceInfos, type HidDeviceInfo } from './hid-device-info';
import { HidError, toHidError } from './hid-error';
import { NodeHidDevice } from './node-hid-device';

type NodeHid = typeof import('node-hid');

/** Lists and opens HID devices; the seam between the protocols and node-hid. */
export interface HidBridge {
  list(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidDeviceLike>;
  /** The raw report descriptor, where the OS exposes it (Linux sysfs); else undefined. */
  reportDescriptor(path: string): Promise<Uint8Array | undefined>;
}

/**
 * The HID bridge over node-hid 3.x. It uses only the async API (`devicesAsync`,
 * `HIDAsync`): the sync `devices()` can block for seconds on Windows, and it
 * must run in the main process or a utility process, never in a renderer
 * (node-hid issues #374, #538). node-hid is loaded on first use so that a
 * broken native build surfaces as a typed error, not a crash at start-up.
 */
export class NodeHidBridge implements HidBridge {
  #module: Promise<NodeHid> | undefined;

  async #hid(path: string): Promise<NodeHid> {
    this.#module ??= import('node-hid');
    try {
      return await this.#module;
    } catch (error) {
      this.#module = undefined;
      throw new HidError(
        'unavailable',
        path,
        error instanceof Error ? error.message : String(error),
      );
    }
  }

  async list(): Promise<HidDeviceInfo[]> {
    const hid = await this.#hid('*');
    try {
      return toDeviceInfos(await hid.devicesAsync());
    } catch (error) {
      throw toHidError(error, '*');
    }
  }

  async open(path: string): Promise<HidDeviceLike> {
    const hid = await this.#hid(path);
    try {
      return new NodeHidDevice(await hid.HIDAsync.open(path), path);
    } catch (error) {
      throw toHidError(error, path);
    }
  }

  async reportDescriptor(path: string): Promise<Uint8Array | undefined> {
    if (process.platform !== 'linux' || !/^\/dev\/hidraw\d+$/.test(path)) return undefined;
    try {
      const bytes = await readFile(`/sys/class/hidraw/${basename(path)}/device/report_descriptor`);
      return new Uint8Array(bytes);
    } catch {
      return undefined;
    }
  }
}
