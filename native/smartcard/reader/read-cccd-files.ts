import { randomBytes } from 'node:crypto';
import { performBac } from '../bac/perform-bac';
import { CardError, cardErrors, StatusWordError } from '../errors';
import { ApduChannel, type ApduCounters, type ApduSender } from '../iso7816/apdu-channel';
import { atrSupportsExtendedLength } from '../iso7816/atr';
import type { CardTransport } from '../iso7816/card-transport';
import { classifySw, statusError } from '../iso7816/status-word';
import { SecureChannel } from '../sm/secure-channel';
import { aesSmCipher, des3SmCipher } from '../sm/sm-cipher';
import type { AccessKey } from './access-key';
import { EXTENDED_CHUNK, FileReader, SHORT_MAX_CHUNK, type FileProgress } from './file-reader';
import { CARD_ACCESS, dataGroupTagsOf, LDS_FILES, type LdsFileName } from './lds-files';

export const EMRTD_AID = Uint8Array.of(0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01);

/** Session keys a PACE run leaves behind (card-B's native/smartcard/pace provides the key agreement). */
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
}

/**
 * Opens the chip (PACE when offered and available, else BAC), then reads
 * EF.COM, DG1, DG13, DG2, DG14/DG15 when EF.COM lists them, and EF.SOD under
 * secure messaging. All or nothing: any failure (card removed, wrong key,
 * MAC error, abort) rejects and no partial record is returned.
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
  let secure: ApduSender | null = null;
  let accessProtocol: 'BAC' | 'PACE' = 'BAC';

  if (options.access.kind === 'can' || options.pace !== undefined) {
    checkAbort();
    // Any refusal (6A82 absent, 6982, 6A86 on chips without PACE) means "no PACE here".
    const cardAccess = await new FileReader(plain)
      .read(CARD_ACCESS, signal)
      .catch((error: unknown) => {
        if (error instanceof StatusWordError) return null;
        throw error;
      });
    const session =
      cardAccess !== null && options.pace !== undefined
        ? await options.pace((apdu) => plain.transmit(apdu), {
            cardAccess,
            password: options.access,
          })
        : 'notSupported';
    if (session !== 'notSupported') {
      const cipher =
        session.cipher === 'AES-128'
          ? aesSmCipher(session.ksEnc, session.ksMac)
          : des3SmCipher(session.ksEnc, session.ksMac);
      secure = new SecureChannel(plain, cipher, session.ssc ?? new Uint8Array(cipher.sscLength));
      accessProtocol = 'PACE';
    } else if (options.access.kind === 'can') {
      throw new CardError(
        'BAD_ACCESS_DATA',
        'Thẻ này hoặc phần mềm chưa hỗ trợ mở bằng mã CAN; hãy nhập thông tin MRZ (số giấy tờ, ngày sinh, ngày hết hạn).',
        'This card or build cannot be opened with the CAN; enter the MRZ data (document number, birth date, expiry).',
      );
    }
  }

  checkAbort();
  const selectCmd = { cla: 0x00, ins: 0xa4, p1: 0x04, p2: 0x0c, data: EMRTD_AID };
  const selected = await (secure ?? plain).send(selectCmd);
  if (selected.sw !== 0x9000) {
    const kind = classifySw(selected.sw);
    if (
      kind === 'fileNotFound' ||
      kind === 'insNotSupported' ||
      kind === 'claNotSupported' ||
      kind === 'wrongParameters'
    ) {
      throw cardErrors.notAnIdCard(selected.sw);
    }
    throw statusError(selected.sw, 'SELECT eMRTD');
  }

  if (secure === null) {
    if (options.access.kind !== 'mrz') throw cardErrors.accessDenied('can');
    checkAbort();
    const session = await performBac(plain, options.access.mrzInformation);
    secure = new SecureChannel(plain, des3SmCipher(session.ksEnc, session.ksMac), session.ssc);
  }

  const extended = options.atr !== undefined && atrSupportsExtendedLength(options.atr);
  const reader = new FileReader(secure, {
    chunk: options.chunk ?? (extended ? EXTENDED_CHUNK : SHORT_MAX_CHUNK),
  });
  const files: Partial<Record<LdsFileName, Uint8Array>> = {};
  let listed: Set<number> | null = null;
  for (const file of LDS_FILES) {
    if (file.comTag !== null && listed !== null && !listed.has(file.comTag)) continue;
    const progress = (p: FileProgress): void => options.onProgress?.({ file: file.name, ...p });
    const bytes = await reader.read(file, signal, progress);
    if (bytes === null) {
      if (file.name === 'COM' || file.name === 'DG1' || file.name === 'SOD')
        throw cardErrors.notAnIdCard(0x6a82);
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
    const res = await secure
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
    ...(activeAuth === undefined ? {} : { activeAuth }),
    accessProtocol,
    chunk: reader.chunk,
    counters: { ...plain.counters, ms: Math.round(performance.now() - started) },
  };
}
