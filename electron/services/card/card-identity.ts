import type { Citizen } from '../../../native/smartcard/citizen';
import { ParseError, parseDg13, parseDg2 } from '../../../native/smartcard/lds';
import {
  trustStoreFrom,
  verifyActiveAuthentication,
  verifyPassiveAuthentication,
  type TrustStore,
} from '../../../native/smartcard/passive-auth';
import type { LdsFileName } from '../../../native/smartcard/reader/lds-files';
import type { CccdFiles } from '../../../native/smartcard/reader/read-cccd-files';
import { cardErrors } from '../../../native/smartcard/errors';

/** The passive-authentication verdict as the CLI and the API show it. */
export interface PassiveSummary {
  readonly status: 'trusted' | 'untrusted';
  readonly hashesOk: boolean;
  readonly signatureOk: boolean;
  readonly chainTrusted: boolean;
  readonly csca: string | null;
  readonly documentSigner: string | null;
  readonly failures: readonly { readonly code: string; readonly vi: string; readonly en: string }[];
}

/** A chip read turned into what the kiosk uses. */
export interface CardIdentity {
  readonly citizen: Citizen;
  readonly photo: { readonly mimeType: string; readonly data: Uint8Array } | null;
  readonly passive: PassiveSummary;
  /** Active Authentication with DG15; null when the card has no DG15 or it was not run. */
  readonly active: {
    readonly ok: boolean;
    readonly algorithm: string;
    readonly vi: string;
    readonly en: string;
  } | null;
  /**
   * Damaged optional data groups (DG2/DG14/DG15): the identity (DG1/DG13) is
   * still shown, with what could not be used named here.
   */
  readonly warnings: readonly CardWarning[];
  readonly accessProtocol: 'BAC' | 'PACE';
  readonly chunk: number;
  readonly files: readonly LdsFileName[];
  readonly counters: CccdFiles['counters'];
}

export interface CardWarning {
  readonly code: 'PHOTO_UNREADABLE' | 'DATA_GROUP_UNREADABLE';
  readonly file: LdsFileName;
  readonly vi: string;
  readonly en: string;
}

const photoUnreadable = (detail: string): CardWarning => ({
  code: 'PHOTO_UNREADABLE',
  file: 'DG2',
  vi: 'Không đọc được ảnh chân dung trên chip; thông tin công dân vẫn dùng được, hãy đối chiếu khuôn mặt với ảnh in trên thẻ.',
  en: `The portrait on the chip cannot be read (${detail}); the citizen data is still usable, compare the face with the printed photo.`,
});

const DG_NUMBER: Partial<Record<LdsFileName, number>> = {
  DG1: 1,
  DG2: 2,
  DG13: 13,
  DG14: 14,
  DG15: 15,
};

/**
 * Parses DG13 and DG2 and runs passive authentication over every data group
 * read. The record is returned even when untrusted: the verdict says so and
 * the caller decides (the UI shows a "not trusted" badge).
 */
export function identityFromFiles(
  read: CccdFiles,
  trust: TrustStore = trustStoreFrom([]),
): CardIdentity {
  const { files } = read;
  const sod = files.SOD;
  const dg13 = files.DG13;
  if (sod === undefined || dg13 === undefined) throw cardErrors.notAnIdCard();
  const dataGroups = new Map<number, Uint8Array>();
  for (const [name, bytes] of Object.entries(files) as [LdsFileName, Uint8Array][]) {
    const n = DG_NUMBER[name];
    if (n !== undefined) dataGroups.set(n, bytes);
  }
  // Every data group read is hashed, damaged or not: a damaged DG2 is judged too.
  const verdict = verifyPassiveAuthentication({ sod, dataGroups, trust });
  const citizen = parseDg13(dg13);
  const warnings: CardWarning[] = [];
  for (const u of read.unreadable ?? []) {
    warnings.push(
      u.file === 'DG2'
        ? photoUnreadable(u.en)
        : {
            code: 'DATA_GROUP_UNREADABLE',
            file: u.file,
            vi: `Không đọc được ${u.file} trên chip; thông tin công dân vẫn dùng được.`,
            en: `${u.file} on the chip cannot be read (${u.en}); the citizen data is still usable.`,
          },
    );
  }
  let face: ReturnType<typeof parseDg2>[number] | undefined;
  if (files.DG2 !== undefined) {
    try {
      face = parseDg2(files.DG2)[0];
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      warnings.push(photoUnreadable(error.en));
    }
  }
  return {
    citizen,
    photo: face === undefined ? null : { mimeType: face.mimeType, data: face.data },
    passive: {
      status: verdict.trusted ? 'trusted' : 'untrusted',
      hashesOk: verdict.hashesOk,
      signatureOk: verdict.signatureOk,
      chainTrusted: verdict.chainTrusted,
      csca: verdict.csca ?? null,
      documentSigner: verdict.documentSigner ?? null,
      failures: verdict.failures.map((f) => ({ code: f.code, vi: f.vi, en: f.en })),
    },
    active: activeVerdict(read),
    warnings,
    accessProtocol: read.accessProtocol,
    chunk: read.chunk,
    files: Object.keys(files) as LdsFileName[],
    counters: read.counters,
  };
}

function activeVerdict(read: CccdFiles): CardIdentity['active'] {
  const aa = read.activeAuth;
  const dg15 = read.files.DG15;
  if (read.unreadable?.some((u) => u.file === 'DG15') === true) {
    // Listed but unreadable: never let a damaged (or jammed) DG15 pass as "no AA on this card".
    return {
      ok: false,
      algorithm: 'DG15 unreadable',
      vi: 'Không đọc được khóa xác thực chủ động (DG15): chưa chứng minh được chip là chip gốc; hãy đối chiếu giấy tờ gốc.',
      en: 'The Active Authentication key (DG15) cannot be read: the chip is not proven genuine; check the physical card.',
    };
  }
  if (aa === undefined || dg15 === undefined) return null;
  if (!('response' in aa)) {
    return {
      ok: false,
      algorithm:
        aa.sw === null
          ? 'INTERNAL AUTHENTICATE answered without a valid MAC'
          : `INTERNAL AUTHENTICATE refused (SW ${aa.sw.toString(16).toUpperCase()})`,
      vi: 'Chip từ chối xác thực chủ động: thẻ có thể bị sao chép; hãy đối chiếu giấy tờ gốc.',
      en: 'The chip refused Active Authentication: the card may be a clone; check the physical card.',
    };
  }
  const input = { dg15, challenge: aa.challenge, response: aa.response };
  let v: ReturnType<typeof verifyActiveAuthentication>;
  try {
    v = verifyActiveAuthentication({ ...input, dg14: read.files.DG14 });
  } catch (error) {
    // A damaged DG14 only names the hash; without it every ICAO hash is tried.
    if (!(error instanceof ParseError)) throw error;
    v = verifyActiveAuthentication(input);
  }
  return { ok: v.ok, algorithm: v.algorithm, vi: v.vi, en: v.en };
}
