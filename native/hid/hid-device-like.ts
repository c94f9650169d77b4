/**
 * What the HID protocols (HID POS, CTAPHID) need from an open device. It
 * mirrors the shape of node-hid's `HIDAsync` (write / read / 'data' events /
 * close), so a protocol runs unchanged over a real device or an in-process
 * transport such as the virtual authenticator.
 *
 * Report bytes follow node-hid on Linux hidraw: `write` takes the report ID
 * first (0x00 when the device uses none), and a report read from a device that
 * declares report IDs starts with its ID, otherwise it is the bare payload.
 */
export interface HidDeviceLike {
  write(report: Uint8Array): Promise<number>;
  /** One input report, or undefined when none came within `timeoutMs`. */
  read(timeoutMs: number): Promise<Uint8Array | undefined>;
  on(event: 'data', listener: (report: Uint8Array) => void): void;
  on(event: 'error', listener: (error: unknown) => void): void;
  off(event: 'data', listener: (report: Uint8Array) => void): void;
  off(event: 'error', listener: (error: unknown) => void): void;
  close(): Promise<void>;
}
