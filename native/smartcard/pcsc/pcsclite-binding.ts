import { createRequire } from 'node:module';

/**
 * The slice of the `pcsclite` 1.0.1 native binding this bridge uses, typed
 * here because the package ships no types. Only this file touches the module.
 */
export interface PcscReaderStatus {
  readonly state: number;
  readonly atr?: Buffer;
}

export interface PcscReaderHandle {
  readonly name: string;
  readonly connected: boolean;
  readonly SCARD_STATE_PRESENT: number;
  readonly SCARD_STATE_EMPTY: number;
  readonly SCARD_STATE_MUTE: number;
  readonly SCARD_SHARE_EXCLUSIVE: number;
  readonly SCARD_PROTOCOL_T0: number;
  readonly SCARD_PROTOCOL_T1: number;
  readonly SCARD_LEAVE_CARD: number;
  readonly SCARD_RESET_CARD: number;
  on(event: 'status', listener: (status: PcscReaderStatus) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  on(event: 'end', listener: () => void): this;
  removeAllListeners(): this;
  connect(
    options: { share_mode: number; protocol: number },
    cb: (err: Error | null | undefined, protocol: number) => void,
  ): void;
  disconnect(disposition: number, cb: (err: Error | null | undefined) => void): void;
  transmit(
    data: Buffer,
    resLen: number,
    protocol: number,
    cb: (err: Error | null | undefined, data: Buffer) => void,
  ): void;
  close(): void;
}

export interface PcscContextHandle {
  on(event: 'reader', listener: (reader: PcscReaderHandle) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  removeAllListeners(): this;
  close(): void;
}

type PcscFactory = () => PcscContextHandle;

let factory: PcscFactory | null = null;

/**
 * Opens a PC/SC context. Throws when pcscd is not reachable
 * (SCardEstablishContext fails inside the binding's constructor).
 */
export function openPcscContext(): PcscContextHandle {
  if (factory === null) {
    const require = createRequire(import.meta.url);
    factory = require('pcsclite') as PcscFactory;
  }
  return factory();
}

/** The PC/SC return code inside a binding error message, e.g. "…(0x80100069)". */
export function pcscErrorCode(error: unknown): number | null {
  const text = error instanceof Error ? error.message : String(error);
  const m = /0x([0-9a-fA-F]{8})/.exec(text);
  return m?.[1] === undefined ? null : parseInt(m[1], 16);
}

export const PCSC = {
  E_INVALID_HANDLE: 0x80100003,
  E_UNKNOWN_READER: 0x80100009,
  E_SHARING_VIOLATION: 0x8010000b,
  E_NO_SMARTCARD: 0x8010000c,
  E_NOT_TRANSACTED: 0x80100016,
  E_READER_UNAVAILABLE: 0x80100017,
  E_NO_SERVICE: 0x8010001d,
  E_SERVICE_STOPPED: 0x8010001e,
  E_NO_READERS_AVAILABLE: 0x8010002e,
  W_UNRESPONSIVE_CARD: 0x80100066,
  W_UNPOWERED_CARD: 0x80100067,
  W_RESET_CARD: 0x80100068,
  W_REMOVED_CARD: 0x80100069,
} as const;
