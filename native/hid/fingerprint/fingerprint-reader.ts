/**
 * The bridge for fingerprint readers used to capture a citizen's fingerprints
 * (SecuGen, Futronic, DigitalPersona, ZKTeco…). These readers speak
 * no open protocol: each vendor ships a closed SDK (a native library) that
 * talks to the device over USB. The kiosk therefore defines the interface a
 * driver must implement, detects readers by USB vendor id so Diagnostics can
 * say what is plugged in, and ships no driver. A driver wraps a vendor SDK in
 * a utility process and registers a FingerprintReaderDriver for its vendor ids.
 *
 * FIDO security keys with a fingerprint sensor are not these: they verify the
 * finger on the key and never release an image (see ../ctap).
 */

/** Finger positions of ISO/IEC 19794-4 / ANSI/NIST-ITL (1 = right thumb … 10 = left little). */
export type FingerPosition = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

export interface FingerprintCaptureOptions {
  readonly finger: FingerPosition;
  readonly timeoutMs: number;
  /** Cancels a capture waiting for a finger. */
  readonly signal?: AbortSignal;
}

export interface FingerprintCapture {
  readonly finger: FingerPosition;
  /** ISO/IEC 19794-4 finger image record, or WSQ where the SDK can only produce that. */
  readonly format: 'iso-19794-4' | 'wsq';
  readonly data: Uint8Array;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly dpi: number;
  /** NFIQ 2 quality score 0-100, when the SDK computes it. */
  readonly quality: number | null;
}

/** One opened reader. Implementations must be cancellable and must not block the caller's event loop. */
export interface FingerprintReader {
  readonly vendorId: number;
  readonly productId: number;
  readonly model: string;
  capture(options: FingerprintCaptureOptions): Promise<FingerprintCapture>;
  close(): Promise<void>;
}

/** A vendor SDK wrapper: which devices it drives and how to open one. */
export interface FingerprintReaderDriver {
  readonly name: string;
  readonly vendorIds: readonly number[];
  open(device: {
    readonly vendorId: number;
    readonly productId: number;
  }): Promise<FingerprintReader>;
}
