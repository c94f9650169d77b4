import { randomBytes } from 'node:crypto';
import { CardError, cardErrors, type CardErrorCode } from '../errors';
import { ApduChannel, type ApduCounters } from '../iso7816/apdu-channel';
import { atrSupportsExtendedLength } from '../iso7816/atr';
import type { CardTransport } from '../iso7816/card-transport';
import type { AccessKey } from './access-key';
import { EXTENDED_CHUNK, FileReader, SHORT_MAX_CHUNK, type FileProgress } from './file-reader';
import { dataGroupTagsOf, LDS_FILES, type LdsFileName } from './lds-files';
import { openSession } from './open-session';

/** Session keys a PACE run leaves behind (native/smartcard/pace provides the key agreement). */
export interface PaceSession {
  readonly cipher: 'AES-128' | '3DES';
  readonly ksEnc: Uint8Array;
  readonly ksMac: Uint8Array;
  /** Defaults to zero (ICAO 9303-11 §9.8.6.3: SSC starts at 0 after PACE). */
  readonly ssc?: Uint8Array;
}

/**
 * Runs PACE over the plain channel (raw APDU bytes in and out), given
 * EF.CardAccess and the password. Resolves 'notSupported' when the card's
 * PACEInfo cannot be run, so MRZ access falls back to BAC.
 */
export type PaceRunner = (
  transmit: (apdu: Uint8Array) => Promise<Uint8Array>,
  input: { readonly cardAccess: Uint8Array; readonly password: AccessKey },
) => Promise<PaceSession | 'notSupported'>;

export interface ReadProgress {
  readonly file: LdsFileName;
  readonly done: number;
  readonly total: number;
}

/** INTERNAL AUTHENTICATE with a fresh challenge (ICAO 9303-11 §6.1); verified above this layer. */
export type ActiveAuthExchange =
  | { readonly challenge: Uint8Array; readonly response: Uint8Array }
  /** `sw` is null when the answer carried no valid MAC (the secure channel refused it). */
  | { readonly challenge: Uint8Array; readonly sw: number | null };

export interface CccdFiles {
  readonly files: Partial<Record<LdsFileName, Uint8Array>>;
  /** Present when DG15 was read and active authentication was asked for. */
  readonly activeAuth?: ActiveAuthExchange;
  /** Optional data groups that were listed but could not be read whole. */
  readonly unreadable?: readonly UnreadableFile[];
  readonly accessProtocol: 'BAC' | 'PACE';
  /** The READ BINARY chunk (plaintext bytes) the chip accepted. */
  readonly chunk: number;
  readonly counters: ApduCounters & { readonly ms: number };
}

export interface ReadCccdOptions {
  readonly access: AccessKey;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: ReadProgress) => void;
  /** PACE key agreement; without it, or without PACE in EF.CardAccess, BAC is used (CAN needs it). */
  readonly pace?: PaceRunner;
  /** First READ BINARY chunk to try (default: 2048 when the ATR announces extended length, else 256). */
  readonly chunk?: number;
  /** The card's ATR, to learn whether it takes extended-length APDUs. */
  readonly atr?: Uint8Array;
  /** Send INTERNAL AUTHENTICATE with a fresh random challenge when DG15 is present. */
  readonly activeAuth?: boolean;
  /** First READ of each file asks for a whole chunk (FileReader's `readAhead`); off by default. */
  readonly readAhead?: boolean;
}

/** A data group the chip listed but that could not be read whole (the read went on without it). */
export interface UnreadableFile {
  readonly file: LdsFileName;
  readonly code: CardErrorCode;
  readonly en: string;
}

/** DG1 and DG13 carry the identity and EF.COM/EF.SOD the structure and proof: they decide the read. */
const DECIDING: ReadonlySet<LdsFileName> = new Set(['COM', 'DG1', 'DG13', 'SOD']);
/** Failures that say something about the file, not about the card, the reader or the user. */
const FILE_DAMAGE: ReadonlySet<CardErrorCode> = new Set([
  'SECURE_MESSAGING',
  'MALFORMED_RESPONSE',
  'STATUS_WORD',
  'FILE_NOT_FOUND',
]);

/**
 * Opens the chip (PACE when offered and available, else BAC), then reads
 * EF.COM, DG1, DG13, DG2, DG14/DG15 when EF.COM lists them, and EF.SOD under
 * secure messaging. EF.COM, DG1, DG13 and EF.SOD decide the read: any failure
 * there (card removed, wrong key, MAC error, abort) rejects and no partial
 * record is returned. A damaged DG2/DG14/DG15 (a length that runs past the
 * file, a response the secure channel refuses) is listed in `unreadable`, the
 * session is opened again if it was torn down, and the read goes on; a card
 * pulled or a cancel still rejects.
 */
export async function readCccdFiles(
  transport: CardTransport,
  options: ReadCccdOptions,
): Promise<CccdFiles> {
  const started = performance.now();
  const plain = new ApduChannel(transport);
  const { signal } = options;
  const checkAbort = (): void => {
    if (signal?.aborted) throw cardErrors.cancelled();
  };
  let session = await openSession(plain, options);

  const extended = options.atr !== undefined && atrSupportsExtendedLength(options.atr);
  const readAhead = options.readAhead === true;
  let reader = new FileReader(session.secure, {
    chunk: options.chunk ?? (extended ? EXTENDED_CHUNK : SHORT_MAX_CHUNK),
    readAhead,
  });
  const files: Partial<Record<LdsFileName, Uint8Array>> = {};
  const unreadable: UnreadableFile[] = [];
  let listed: Set<number> | null = null;
  for (const file of LDS_FILES) {
    if (file.comTag !== null && listed !== null && !listed.has(file.comTag)) continue;
    const progress = (p: FileProgress): void => options.onProgress?.({ file: file.name, ...p });
    let bytes: Uint8Array | null;
    try {
      bytes = await reader.read(file, signal, progress);
    } catch (error) {
      if (DECIDING.has(file.name) || !(error instanceof CardError) || !FILE_DAMAGE.has(error.code))
        throw error;
      unreadable.push({ file: file.name, code: error.code, en: error.en });
      if (error.code === 'SECURE_MESSAGING') {
        checkAbort();
        session = await openSession(plain, options);
        reader = new FileReader(session.secure, { chunk: reader.chunk, readAhead });
      }
      continue;
    }
    if (bytes === null) {
      if (DECIDING.has(file.name)) throw cardErrors.notAnIdCard(0x6a82);
      continue;
    }
    files[file.name] = bytes;
    if (file.name === 'COM') listed = dataGroupTagsOf(bytes);
  }
  let activeAuth: ActiveAuthExchange | undefined;
  if (options.activeAuth === true && files.DG15 !== undefined) {
    checkAbort();
    const challenge = new Uint8Array(randomBytes(8));
    // Every file is read and MAC-verified by now: an answer the secure channel
    // refuses only fails Active Authentication (the pessimistic verdict).
    const res = await session.secure
      .send({ cla: 0x00, ins: 0x88, p1: 0, p2: 0, data: challenge, ne: 256 })
      .catch((error: unknown) => {
        if (error instanceof CardError && error.code === 'SECURE_MESSAGING') return null;
        throw error;
      });
    activeAuth =
      res === null
        ? { challenge, sw: null }
        : res.sw === 0x9000
          ? { challenge, response: res.data }
          : { challenge, sw: res.sw };
  }
  return {
    files,
    ...(unreadable.length === 0 ? {} : { unreadable }),
    ...(activeAuth === undefined ? {} : { activeAuth }),
    accessProtocol: session.protocol,
    chunk: reader.chunk,
    counters: { ...plain.counters, ms: Math.round(performance.now() - started) },
  };
}
