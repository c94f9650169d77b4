import { X509Certificate } from 'node:crypto';
import { PDFArray, PDFDict, PDFName, PDFRef } from 'pdf-lib';
import type * as pkijs from 'pkijs';
import { certificateDer } from './certificate-info';
import { fetchOcsp } from './ocsp-client';
import type { OcspStatus } from './ocsp-client';
import { appendUpdate, openForUpdate } from './pdf-incremental';

export interface ValidationDataInput {
  /** The signer first, then the CAs above it (the root, self-signed, is not asked about). */
  readonly certificates: readonly pkijs.Certificate[];
  /** signing.ocspUrl: one responder for every certificate; empty: each one's AIA. */
  readonly ocspUrl: string;
  readonly timeoutMs?: number;
}

export interface ValidationData {
  readonly pdf: Uint8Array;
  /** A DSS was written (PAdES B-LT). */
  readonly added: boolean;
  /** What the responders said, signer first; null where none answered. */
  readonly statuses: readonly (OcspStatus | null)[];
}

const x509 = (c: pkijs.Certificate): X509Certificate =>
  new X509Certificate(Buffer.from(certificateDer(c)));

/** The certificate in `pool` whose key made `cert`'s signature (null for a self-signed root). */
function issuerOf(
  cert: pkijs.Certificate,
  pool: readonly pkijs.Certificate[],
): pkijs.Certificate | null {
  const c = x509(cert);
  if (c.subject === c.issuer && c.verify(c.publicKey)) return null;
  return (
    pool.find((p) => {
      const i = x509(p);
      try {
        return i.subject === c.issuer && c.verify(i.publicKey);
      } catch {
        return false;
      }
    }) ?? null
  );
}

/** The catalog's /DSS array `key`, made when missing; `changed` learns what must be written again. */
function dssArray(
  update: Awaited<ReturnType<typeof openForUpdate>>,
  changed: Set<PDFRef>,
  key: 'Certs' | 'OCSPs',
): PDFArray {
  const { doc, context, rootRef } = update;
  const raw = doc.catalog.get(PDFName.of('DSS'));
  let dss: PDFDict;
  if (raw instanceof PDFRef) {
    dss = context.lookup(raw, PDFDict);
    changed.add(raw);
  } else if (raw instanceof PDFDict) {
    dss = raw;
    changed.add(rootRef);
  } else {
    dss = context.obj({ Type: 'DSS' });
    doc.catalog.set(PDFName.of('DSS'), context.register(dss));
    changed.add(rootRef);
  }
  const list = dss.get(PDFName.of(key));
  if (list instanceof PDFRef) {
    changed.add(list);
    return context.lookup(list, PDFArray);
  }
  if (list instanceof PDFArray) return list;
  const made = context.obj([]);
  dss.set(PDFName.of(key), made);
  return made;
}

/**
 * PAdES B-LT (ETSI EN 319 142-1 §5.4): asks the OCSP responders about the
 * signer and its CAs and, when at least one answered, appends a Document
 * Security Store with the chain and the responses as an incremental update
 * (allowed after a signature: pdf-changes.ts counts /DSS as harmless), so the
 * signature can be validated offline years later. Unreachable responders
 * leave the PDF as it was (`added` false).
 */
export async function addValidationData(
  pdf: Uint8Array,
  input: ValidationDataInput,
): Promise<ValidationData> {
  const { certificates } = input;
  const answers = await Promise.all(
    certificates.map(async (cert) => {
      const issuer = issuerOf(cert, certificates);
      return issuer === null ? null : fetchOcsp(cert, issuer, input.ocspUrl, input.timeoutMs);
    }),
  );
  const responses = answers.filter((a): a is NonNullable<typeof a> => a !== null);
  const statuses = answers.map((a) => a?.status ?? null);
  if (responses.length === 0) return { pdf, added: false, statuses };
  const update = await openForUpdate(pdf);
  const changed = new Set<PDFRef>();
  const certs = dssArray(update, changed, 'Certs');
  const ocsps = dssArray(update, changed, 'OCSPs');
  for (const cert of certificates)
    certs.push(update.context.register(update.context.stream(certificateDer(cert))));
  for (const r of responses) ocsps.push(update.context.register(update.context.stream(r.der)));
  return { pdf: appendUpdate(update, changed, []), added: true, statuses };
}
