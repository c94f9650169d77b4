import { symbologyOf, type Symbology } from './aim-symbology';
import type { PosScanLayout } from './pos-scan-layout';

export interface PosScan {
  readonly text: string;
  readonly symbology: Symbology;
  /** The decoded bytes as the scanner sent them. */
  readonly bytes: Uint8Array;
  /** How the bytes were read: UTF-8, or Windows-1252 when they are not valid UTF-8. */
  readonly encoding: 'utf-8' | 'windows-1252';
}

export interface HidPosDecoderOptions {
  /** A continued scan whose next report is later than this is dropped. */
  readonly continuationTimeoutMs?: number;
  /** Longest scan accepted; a 2D code holds at most ~7 KB. */
  readonly maxScanBytes?: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const cp1252 = new TextDecoder('windows-1252');

/**
 * Turns HID POS Scanned Data Reports into whole scans. A code longer than one
 * report's Decoded Data arrives as several reports, each but the last with
 * Decode Data Continued set; bytes are joined before UTF-8 decoding, so a
 * multi-byte character split across reports (common with Vietnamese text)
 * comes out whole. Pure: the caller passes each report and its arrival time.
 */
export class HidPosDecoder {
  readonly #layout: PosScanLayout;
  readonly #timeoutMs: number;
  readonly #maxBytes: number;
  #parts: Uint8Array[] = [];
  #size = 0;
  #symbology: Uint8Array = new Uint8Array(0);
  #lastAt = 0;
  /** Set when a scan outgrew the limit: its remaining reports are discarded. */
  #discarding = false;

  constructor(layout: PosScanLayout, options: HidPosDecoderOptions = {}) {
    this.#layout = layout;
    this.#timeoutMs = options.continuationTimeoutMs ?? 500;
    this.#maxBytes = options.maxScanBytes ?? 8192;
  }

  /** A finished scan, or undefined while a scan continues or for reports that are not scans. */
  push(report: Uint8Array, now: number): PosScan | undefined {
    const l = this.#layout;
    if (l.reportId !== 0 && report[0] !== l.reportId) return undefined;
    if (now - this.#lastAt > this.#timeoutMs) this.reset();
    this.#lastAt = now;

    const available = Math.max(0, Math.min(l.dataLength, report.length - l.dataAt));
    const count =
      l.byteCountAt === undefined
        ? trimmedLength(report.subarray(l.dataAt, l.dataAt + available))
        : Math.min(report[l.byteCountAt] ?? 0, available);
    const continued =
      l.continuedBit !== undefined &&
      ((report[l.continuedBit >> 3] ?? 0) & (1 << (l.continuedBit & 7))) !== 0;

    if (this.#discarding || this.#size + count > this.#maxBytes) {
      this.reset();
      this.#discarding = continued;
      return undefined;
    }
    if (this.#parts.length === 0) {
      this.#symbology = Uint8Array.from(l.symbologyAt.map((at) => report[at] ?? 0));
    }
    this.#parts.push(report.slice(l.dataAt, l.dataAt + count));
    this.#size += count;
    if (continued) return undefined;

    const bytes = concat(this.#parts, this.#size);
    const symbology = symbologyOf(this.#symbology);
    this.reset();
    if (bytes.length === 0) return undefined;
    try {
      return { text: utf8.decode(bytes), symbology, bytes, encoding: 'utf-8' };
    } catch {
      return { text: cp1252.decode(bytes), symbology, bytes, encoding: 'windows-1252' };
    }
  }

  /** Drops a half-received scan (device closed, or a continuation never came). */
  reset(): void {
    this.#discarding = false;
    this.#parts = [];
    this.#size = 0;
    this.#symbology = new Uint8Array(0);
  }
}

/** Without a Byte Count, the data runs to the first NUL padding byte. */
function trimmedLength(data: Uint8Array): number {
  const nul = data.indexOf(0);
  return nul === -1 ? data.length : nul;
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
