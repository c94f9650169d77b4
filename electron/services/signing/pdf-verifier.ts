import { createHash } from 'node:crypto';
import type * as pkijs from 'pkijs';
import type { HashName } from '../../../native/smartcard/passive-auth';
import { checkCertificatePath } from './certificate-path';
import { signerIdentity } from './certificate-info';
import { checkCms, timestampInfo } from './cms-signature-check';
import type { SignerIdentity } from './document-signer';
import { changesAfter } from './pdf-changes';
import { checkRevocation, dssOcspResponses } from './revocation-check';
import type { RevocationSources, RevocationVerdict } from './revocation-check';
import type { ChangeKind } from './pdf-changes';
import { findSignatureFields } from './pdf-signature-fields';
import type { PdfSignatureField } from './pdf-signature-fields';
import type { VerifyProblem } from './verify-problems';

export interface SignatureVerdict {
  /** 1-based, in file order (earliest revision first). */
  readonly index: number;
  readonly type: 'Sig' | 'DocTimeStamp';
  readonly subFilter: string;
  readonly signer: SignerIdentity | null;
  /** The time the certificates were judged at: the timestamp's when trusted, else the claimed one. */
  readonly signingTime: Date | null;
  readonly timeSource: 'timestamp' | 'claimed' | 'none';
  /** ByteRange sound, digest and CMS signature verified. */
  readonly intact: boolean;
  /** Chain to a trust anchor, every certificate valid at signingTime. Revocation is not checked. */
  readonly trusted: boolean;
  readonly coversWholeDocument: boolean;
  /** What later incremental updates did (pdf-changes.ts). */
  readonly modifiedAfter: ChangeKind;
  readonly changedObjects: readonly string[];
  readonly timestamp: { readonly time: Date; readonly valid: boolean } | null;
  /** From the PDF's DSS (B-LT), then online when `VerifyOptions.online`; 'revoked' makes it untrusted. */
  readonly revocation: RevocationVerdict;
  readonly reason: string;
  readonly problems: readonly VerifyProblem[];
}

export interface PdfVerification {
  readonly signatures: readonly SignatureVerdict[];
  /** At least one signature, and every one intact, trusted and not followed by other changes. */
  readonly ok: boolean;
}

export interface VerifyOptions {
  /** Trusted roots (signing.trustDir). Empty: nothing is trusted. */
  readonly anchors: readonly pkijs.Certificate[];
  readonly now?: Date;
  /** Ask OCSP responders when the PDF's DSS has no answer (a kiosk that is online). */
  readonly online?: boolean;
  /** signing.ocspUrl: one responder for every certificate; empty: each one's AIA. */
  readonly ocspUrl?: string;
}

function rangeSound(f: PdfSignatureField, size: number): boolean {
  const [a, b, c, d] = f.byteRange;
  return a === 0 && b > 0 && c > b && d >= 0 && c + d <= size && f.cms.length > 0;
}

function rangesDigest(pdf: Uint8Array, f: PdfSignatureField): (h: HashName) => Uint8Array {
  const [a, b, c, d] = f.byteRange;
  return (h) =>
    new Uint8Array(
      createHash(h)
        .update(pdf.subarray(a, a + b))
        .update(pdf.subarray(c, c + d))
        .digest(),
    );
}

/** Trailing whitespace after the last %%EOF does not make the signature partial. */
function effectiveEnd(pdf: Uint8Array): number {
  let end = pdf.length;
  while (end > 0 && [0x0a, 0x0d, 0x20, 0x00].includes(pdf[end - 1] ?? 0)) end -= 1;
  return end;
}

async function verifyOne(
  pdf: Uint8Array,
  f: PdfSignatureField,
  index: number,
  options: VerifyOptions,
  sources: RevocationSources,
): Promise<SignatureVerdict> {
  const now = options.now ?? new Date();
  const problems = new Set<VerifyProblem>();
  const sound = rangeSound(f, pdf.length);
  if (!sound) problems.add('BYTE_RANGE_INVALID');
  const cms = checkCms(sound ? f.cms : new Uint8Array(0), rangesDigest(pdf, f));
  cms.problems.forEach((p) => problems.add(p));
  const isDocTimestamp = f.type === 'DocTimeStamp' || f.subFilter === 'ETSI.RFC3161';

  // A document timestamp's time is its TSTInfo; a signature's, its timestamp token when valid.
  let timestamp: { time: Date; valid: boolean } | null = null;
  if (isDocTimestamp && cms.eContent !== null) {
    const info = timestampInfo(cms.eContent, rangesDigest(pdf, f));
    if (info !== null) timestamp = { time: info.time, valid: cms.intact && info.imprintOk };
    if (timestamp?.valid !== true) problems.add('TIMESTAMP_INVALID');
  } else if (cms.timestampToken !== null) {
    const tsa = checkCms(cms.timestampToken, () => new Uint8Array(0));
    const info =
      tsa.eContent === null
        ? null
        : timestampInfo(
            tsa.eContent,
            (h) => new Uint8Array(createHash(h).update(cms.signatureValue).digest()),
          );
    const tsaTrusted =
      info !== null &&
      tsa.signer !== null &&
      checkCertificatePath(tsa.signer, tsa.certificates, options.anchors, info.time).trusted;
    if (info !== null)
      timestamp = { time: info.time, valid: tsa.intact && info.imprintOk && tsaTrusted };
    if (timestamp?.valid !== true) problems.add('TIMESTAMP_INVALID');
  }
  const claimed = f.claimedTime ?? cms.signingTimeAttribute;
  const signingTime = timestamp?.valid === true ? timestamp.time : claimed;
  const timeSource =
    timestamp?.valid === true ? 'timestamp' : claimed === null ? 'none' : 'claimed';
  if (signingTime !== null && signingTime.getTime() > now.getTime() + 5 * 60_000)
    problems.add('TIME_IN_FUTURE');

  let trusted = false;
  let revocation: RevocationVerdict = 'not-checked';
  if (cms.signer !== null) {
    const path = checkCertificatePath(
      cms.signer,
      cms.certificates,
      options.anchors,
      signingTime ?? now,
    );
    path.problems.forEach((p) => problems.add(p));
    if (!isDocTimestamp)
      revocation = await checkRevocation(
        path.path,
        signingTime ?? now,
        timeSource === 'timestamp',
        sources,
      );
    if (revocation === 'revoked') problems.add('CERT_REVOKED');
    trusted =
      path.trusted &&
      revocation !== 'revoked' &&
      !problems.has('TIME_IN_FUTURE') &&
      !problems.has('TIMESTAMP_INVALID');
  }
  const [, , c, d] = f.byteRange;
  const end = c + d;
  const coversWholeDocument = sound && end >= effectiveEnd(pdf);
  const changes =
    !sound || coversWholeDocument
      ? { kind: 'none' as const, changed: [] }
      : await changesAfter(pdf.subarray(0, end), pdf);
  if (changes.kind === 'other') problems.add('MODIFIED_AFTER_SIGNING');
  return {
    index,
    type: isDocTimestamp ? 'DocTimeStamp' : 'Sig',
    subFilter: f.subFilter,
    signer: cms.signer === null ? null : signerIdentity(cms.signer),
    signingTime,
    timeSource,
    intact: sound && cms.intact && !(isDocTimestamp && timestamp?.valid !== true),
    trusted,
    coversWholeDocument,
    modifiedAfter: changes.kind,
    changedObjects: changes.changed,
    timestamp,
    revocation,
    reason: f.reason,
    problems: [...problems],
  };
}

/**
 * Verifies every signature of a PDF (ours or any PAdES / adbe.pkcs7.detached
 * one): the byte range, the digest, the CMS signature, the path to a trusted
 * root at the signing time, and what was changed after each signature.
 */
export async function verifyPdf(pdf: Uint8Array, options: VerifyOptions): Promise<PdfVerification> {
  const fields = findSignatureFields(pdf);
  const sources: RevocationSources = {
    dssOcsps: fields.length === 0 ? [] : await dssOcspResponses(pdf),
    online: options.online ?? false,
    ocspUrl: options.ocspUrl ?? '',
  };
  const signatures: SignatureVerdict[] = [];
  for (const [i, f] of fields.entries())
    signatures.push(await verifyOne(pdf, f, i + 1, options, sources));
  return {
    signatures,
    ok:
      signatures.length > 0 &&
      signatures.every((s) => s.intact && s.trusted && s.modifiedAfter !== 'other'),
  };
}
