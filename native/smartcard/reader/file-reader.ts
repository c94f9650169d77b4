import { cardErrors } from '../errors';
import type { ApduSender } from '../iso7816/apdu-channel';
import { classifySw, statusError } from '../iso7816/status-word';
import { readTlvHeader } from '../iso7816/tlv';
import type { LdsFile } from './lds-files';

/** 231 plaintext bytes: DO87 (4+232) + DO99 (4) + DO8E (10) = 250 ≤ 256, a short R-APDU under 3DES and AES. */
export const SAFE_SM_CHUNK = 231;
/** Le = 00 under secure messaging: a 281-byte R-APDU, which many chips and PC/SC readers accept. */
export const SHORT_MAX_CHUNK = 256;
/** Chunk for chips whose ATR announces extended Lc/Le (the R-APDU stays well under 64 KiB). */
export const EXTENDED_CHUNK = 0x0800;
/** Bounds the reading loop: no file of the LDS is larger than this. */
const MAX_FILE_SIZE = 0x7fff;

export interface FileProgress {
  readonly done: number;
  readonly total: number;
}

/**
 * Reads transparent files by short file identifier with as few READ BINARY
 * commands as the chip allows: the first read (by SFI, no SELECT) fetches up
 * to the file's minimum size and reveals its length from the TLV header; the
 * rest comes in chunks of the largest size the chip has accepted so far. A
 * wrong-length answer (6700, 6Cxx) steps the chunk down: extended → 256 → 231.
 */
export class FileReader {
  readonly #channel: ApduSender;
  #chunk: number;

  readonly #readAhead: boolean;

  /**
   * `readAhead`: the first READ asks for a whole chunk, not the file's minimum
   * size, so a small file comes in one command. Only for chips that answer an
   * over-read with 6282 under a valid MAC (vicc's BAC answers it unMACed, which
   * secure messaging refuses); whether real CCCD chips do is unconfirmed.
   */
  constructor(channel: ApduSender, options: { chunk?: number; readAhead?: boolean } = {}) {
    this.#channel = channel;
    this.#chunk = options.chunk ?? SHORT_MAX_CHUNK;
    this.#readAhead = options.readAhead ?? false;
  }

  /** The largest chunk in use (after any fallback). */
  get chunk(): number {
    return this.#chunk;
  }

  /** The file's bytes, or null when the chip does not have it (6A82). */
  async read(
    file: LdsFile,
    signal?: AbortSignal,
    onProgress?: (p: FileProgress) => void,
  ): Promise<Uint8Array | null> {
    const first = await this.#readAt(
      0x80 | file.sfi,
      0,
      this.#readAhead ? this.#chunk : Math.min(this.#chunk, file.minSize),
      signal,
      file,
    );
    if (first === null) return null;
    let header;
    try {
      header = readTlvHeader(first);
    } catch {
      header = null;
    }
    if (header === null) throw cardErrors.malformed(`${file.name} has no readable TLV header`);
    const total = header.totalLength;
    if (total > MAX_FILE_SIZE) throw cardErrors.malformed(`${file.name} claims ${total} bytes`);
    const out = new Uint8Array(total);
    out.set(first.subarray(0, total));
    let offset = Math.min(first.length, total);
    onProgress?.({ done: offset, total });
    while (offset < total) {
      const part = await this.#readAt(
        offset >> 8,
        offset & 0xff,
        Math.min(this.#chunk, total - offset),
        signal,
        file,
      );
      if (part === null || part.length === 0)
        throw cardErrors.malformed(`${file.name} ended early at ${offset}`);
      const n = Math.min(part.length, total - offset);
      out.set(part.subarray(0, n), offset);
      offset += n;
      onProgress?.({ done: offset, total });
    }
    return out;
  }

  async #readAt(
    p1: number,
    p2: number,
    ne: number,
    signal: AbortSignal | undefined,
    file: LdsFile,
  ): Promise<Uint8Array | null> {
    for (;;) {
      if (signal?.aborted) throw cardErrors.cancelled();
      const res = await this.#channel.send({ cla: 0x00, ins: 0xb0, p1, p2, ne });
      if (res.sw === 0x9000) return res.data;
      // 6282: the file ended before Ne bytes; the data is whole (and MAC-verified under SM).
      if (res.sw === 0x6282 && res.data.length > 0) return res.data;
      const kind = classifySw(res.sw);
      if (kind === 'fileNotFound') return null;
      if ((kind === 'wrongLength' || kind === 'exactLength') && ne > SAFE_SM_CHUNK) {
        this.#chunk = ne > SHORT_MAX_CHUNK ? SHORT_MAX_CHUNK : SAFE_SM_CHUNK;
        ne = Math.min(ne, this.#chunk);
        continue;
      }
      throw statusError(res.sw, `READ BINARY ${file.name}`);
    }
  }
}
