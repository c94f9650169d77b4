import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** CSCA certificates the kiosk trusts, from a folder of PEM/DER files and ICAO master lists. */
export interface TrustStore {
  readonly certificates: readonly pkijs.Certificate[];
  /** Files that could not be read, with the reason (shown by diagnostics, never silently dropped). */
  readonly problems: readonly string[];
}

const OID_CSCA_MASTER_LIST = '2.23.136.1.1.2';

function certificateFromDer(der: Uint8Array): pkijs.Certificate | null {
  try {
    return pkijs.Certificate.fromBER(der.slice());
  } catch {
    return null;
  }
}

/**
 * The certificates of an ICAO master list: CMS SignedData whose content is
 * `CscaMasterList ::= SEQUENCE { version INTEGER, certList SET OF Certificate }`.
 * The list's own signature is not checked: trusting a master list means trusting
 * where IT staff obtained it (BSI, npkd.nl, the ICAO PKD).
 */
export function masterListCertificates(der: Uint8Array): pkijs.Certificate[] | null {
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(der.slice());
    const signed = new pkijs.SignedData({ schema: contentInfo.content });
    const encap = signed.encapContentInfo;
    if (encap.eContentType !== OID_CSCA_MASTER_LIST || encap.eContent === undefined) return null;
    const list = asn1js.fromBER(encap.eContent.getValue());
    if (!(list.result instanceof asn1js.Sequence)) return null;
    const set = list.result.valueBlock.value[1];
    if (!(set instanceof asn1js.Set)) return null;
    return set.valueBlock.value.map((c) => new pkijs.Certificate({ schema: c }));
  } catch {
    return null;
  }
}

function pemBlocks(text: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const m of text.matchAll(
    /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g,
  )) {
    out.push(new Uint8Array(Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64')));
  }
  return out;
}

/** Reads certificates from file contents: PEM (one or many), DER certificate, or master list. */
export function certificatesFromFile(bytes: Uint8Array): pkijs.Certificate[] | null {
  const text = Buffer.from(bytes).toString('latin1');
  if (text.includes('-----BEGIN CERTIFICATE-----')) {
    const certs: pkijs.Certificate[] = [];
    for (const der of pemBlocks(text)) {
      const cert = certificateFromDer(der);
      if (cert === null) return null;
      certs.push(cert);
    }
    return certs;
  }
  const cert = certificateFromDer(bytes);
  return cert === null ? masterListCertificates(bytes) : [cert];
}

export function trustStoreFrom(certificates: readonly pkijs.Certificate[]): TrustStore {
  return { certificates, problems: [] };
}

/**
 * Loads every `.pem`, `.crt`, `.cer`, `.der` and `.ml` file directly in `dir`.
 * Unreadable files are listed in `problems`; an empty store trusts nothing.
 */
export async function loadTrustStore(dir: string): Promise<TrustStore> {
  const certificates: pkijs.Certificate[] = [];
  const problems: string[] = [];
  const names = (await readdir(dir)).filter((n) => /\.(pem|crt|cer|der|ml)$/i.test(n)).sort();
  for (const name of names) {
    const certs = certificatesFromFile(new Uint8Array(await readFile(join(dir, name))));
    if (certs === null || certs.length === 0)
      problems.push(`${name}: not a certificate or master list`);
    else certificates.push(...certs);
  }
  return { certificates, problems };
}
