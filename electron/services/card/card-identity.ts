import type { Citizen } from '../../../native/smartcard/citizen';
import { parseDg13, parseDg2 } from '../../../native/smartcard/lds';
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
  readonly accessProtocol: 'BAC' | 'PACE';
  readonly chunk: number;
  readonly files: readonly LdsFileName[];
  readonly counters: CccdFiles['counters'];
}

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
  const verdict = verifyPassiveAuthentication({ sod, dataGroups, trust });
  const faces = files.DG2 === undefined ? [] : parseDg2(files.DG2);
  const face = faces[0];
  return {
    citizen: parseDg13(dg13),
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
    accessProtocol: read.accessProtocol,
    chunk: read.chunk,
    files: Object.keys(files) as LdsFileName[],
    counters: read.counters,
  };
}

function activeVerdict(read: CccdFiles): CardIdentity['active'] {
  const aa = read.activeAuth;
  const dg15 = read.files.DG15;
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
  const v = verifyActiveAuthentication({
    dg15,
    dg14: read.files.DG14,
    challenge: aa.challenge,
    response: aa.response,
  });
  return { ok: v.ok, algorithm: v.algorithm, vi: v.vi, en: v.en };
}
