import type { X509Certificate } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import type { PDFObject } from 'pdf-lib';
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

/** The /DSS /OCSPs streams of the whole file (the latest catalog); none when the PDF has no DSS. */
export async function dssOcspResponses(pdf: Uint8Array): Promise<Uint8Array[]> {
  // Parsing the whole file costs more than verifying it: only when a DSS is named at all.
  if (Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).indexOf('/DSS') < 0) return [];
  let doc: PDFDocument;
  let named: PDFObject | undefined;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
    // pdf-lib loads a file without a trailer /Root, and then has no catalog to read.
    named = doc.catalog.get(PDFName.of('DSS'));
  } catch {
    return [];
  }
  const deref = (o: PDFObject | undefined): PDFObject | undefined =>
    o instanceof PDFRef ? doc.context.lookup(o) : o;
  const dss = deref(named);
  if (!(dss instanceof PDFDict)) return [];
  const list = deref(dss.get(PDFName.of('OCSPs')));
  if (!(list instanceof PDFArray)) return [];
  return list
    .asArray()
    .map(deref)
    .filter((s): s is PDFRawStream => s instanceof PDFRawStream)
    .filter((s) => s.dict.get(PDFName.of('Filter')) === undefined)
    .map((s) => s.contents);
}

const pk = (c: X509Certificate): pkijs.Certificate => pkijs.Certificate.fromBER(c.raw);

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
  if (path.length < 2 || (sources.dssOcsps.length === 0 && !sources.online)) return 'not-checked';
  const answers: (OcspStatus | null)[] = [];
  for (let i = 0; i + 1 < path.length; i += 1) {
    const cert = path[i];
    const issuer = path[i + 1];
    if (cert === undefined || issuer === undefined) break;
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
