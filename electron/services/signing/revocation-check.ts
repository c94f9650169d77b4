import type { X509Certificate } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import * as pkijs from 'pkijs';
import { fetchOcsp, readOcspResponse } from './ocsp-client';
import type { OcspStatus } from './ocsp-client';

/** What a verifier knows about a signature's certificates being revoked. */
export type RevocationVerdict = 'good' | 'revoked' | 'unknown' | 'not-checked';

export interface RevocationSources {
  /** OCSP responses (DER) from the PDF's Document Security Store. */
  readonly dssOcsps: readonly Uint8Array[];
  /** Ask the responders too (signing.ocspUrl, or each certificate's AIA) when the DSS has no answer. */
  readonly online: boolean;
  readonly ocspUrl: string;
}

/**
 * The /DSS /OCSPs streams of the whole file (the latest catalog); none when the
 * PDF has no DSS. The file is parsed, never searched for the bytes `/DSS`: a
 * catalog kept in a compressed object stream (what pdf-lib's `save()` writes by
 * default, and many writers of PDF 1.5 and later) or a name written as
 * `/D#53S` has no such bytes.
 */
export async function dssOcspResponses(pdf: Uint8Array): Promise<Uint8Array[]> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { ignoreEncryption: true });
  } catch {
    return [];
  }
  // Not `doc.catalog`: pdf-lib loads a file without a trailer /Root and leaves
  // that undefined, though its type says it is always there.
  const catalog = doc.context.lookup(doc.context.trailerInfo.Root);
  const dss = catalog instanceof PDFDict ? catalog.lookup(PDFName.of('DSS')) : undefined;
  const list = dss instanceof PDFDict ? dss.lookup(PDFName.of('OCSPs')) : undefined;
  if (!(list instanceof PDFArray)) return [];
  return list
    .asArray()
    .map((o) => doc.context.lookup(o))
    .filter((s): s is PDFRawStream => s instanceof PDFRawStream)
    .filter((s) => s.dict.get(PDFName.of('Filter')) === undefined)
    .map((s) => s.contents);
}

const pk = (c: X509Certificate): pkijs.Certificate => pkijs.Certificate.fromBER(c.raw);

/** Each certificate of a leaf-first path but the last, with its issuer (the next one). */
function withIssuers<T>(path: readonly T[]): (readonly [T, T])[] {
  return path.flatMap((issuer, i) => {
    const subject = path[i - 1];
    return subject === undefined ? [] : [[subject, issuer] as const];
  });
}

/**
 * Revocation of every certificate of a built `path` (leaf first) but the
 * anchor, at `at` (the signing time; a trusted timestamp's when there is
 * one): from the DSS first, then online when allowed. A certificate revoked
 * after a trusted signing time does not spoil the signature; one revoked
 * when only the claimed time is known does (the claim proves nothing).
 */
export async function checkRevocation(
  path: readonly X509Certificate[],
  at: Date,
  timeTrusted: boolean,
  sources: RevocationSources,
): Promise<RevocationVerdict> {
  // Nothing above the leaf: no issuer to ask about it, so nothing is asked.
  if (path.length < 2) return 'not-checked';
  const answers: (OcspStatus | null)[] = [];
  for (const [cert, issuer] of withIssuers(path)) {
    const [c, is] = [pk(cert), pk(issuer)];
    let status =
      sources.dssOcsps.map((der) => readOcspResponse(der, c, is)).find((s) => s !== null) ?? null;
    if (status === null && sources.online)
      status = (await fetchOcsp(c, is, sources.ocspUrl))?.status ?? null;
    answers.push(status);
  }
  const revoked = answers.some(
    (s) =>
      s?.status === 'revoked' &&
      (!timeTrusted || s.revokedAt === null || s.revokedAt.getTime() <= at.getTime()),
  );
  if (revoked) return 'revoked';
  if (answers.every((s) => s === null)) return sources.online ? 'unknown' : 'not-checked';
  // Only the leaf's answer must be there; CAs are rarely revoked and often not served.
  if (answers[0]?.status === 'good') return 'good';
  return 'unknown';
}
