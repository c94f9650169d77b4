import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { verifySignature } from '../../../native/smartcard/passive-auth';

const OID_SHA1 = '1.3.14.3.2.26';
const OID_AIA = '1.3.6.1.5.5.7.1.1';
const OID_AD_OCSP = '1.3.6.1.5.5.7.48.1';
const OID_OCSP_BASIC = '1.3.6.1.5.5.7.48.1.1';
const OID_EKU = '2.5.29.37';
const OID_OCSP_SIGNING = '1.3.6.1.5.5.7.3.9';
/** A responder answers in well under a second; past this signing goes on without B-LT data. */
export const OCSP_TIMEOUT_MS = 8_000;

export type CertificateStatus = 'good' | 'revoked' | 'unknown';

export interface OcspStatus {
  readonly status: CertificateStatus;
  readonly revokedAt: Date | null;
  readonly thisUpdate: Date;
  readonly producedAt: Date;
}

const ab = (b: Uint8Array): ArrayBuffer => b.slice().buffer;
const u8 = (b: ArrayBuffer | ArrayBufferView): Uint8Array =>
  b instanceof ArrayBuffer
    ? new Uint8Array(b)
    : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
const equal = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));
const hash = (alg: string, b: Uint8Array): Uint8Array => u8(createHash(alg).update(b).digest());

/** The OCSP responder the certificate names in its Authority Information Access, if any. */
export function ocspUrlOf(cert: pkijs.Certificate): string | null {
  const ext = cert.extensions?.find((e) => e.extnID === OID_AIA);
  const aia = ext?.parsedValue as pkijs.InfoAccess | undefined;
  for (const d of aia?.accessDescriptions ?? []) {
    const value: unknown = d.accessLocation.value;
    if (d.accessMethod === OID_AD_OCSP && typeof value === 'string' && /^https?:\/\//.test(value))
      return value;
  }
  return null;
}

function issuerHashes(issuer: pkijs.Certificate, alg: string): [Uint8Array, Uint8Array] {
  return [
    hash(alg, new Uint8Array(issuer.subject.toSchema().toBER(false))),
    hash(alg, u8(issuer.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)),
  ];
}

/** RFC 6960 CertID with SHA-1 (what every responder supports). */
function certId(cert: pkijs.Certificate, issuer: pkijs.Certificate): pkijs.CertID {
  const [nameHash, keyHash] = issuerHashes(issuer, 'sha1');
  return new pkijs.CertID({
    hashAlgorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: OID_SHA1,
      algorithmParams: new asn1js.Null(),
    }),
    issuerNameHash: new asn1js.OctetString({ valueHex: ab(nameHash) }),
    issuerKeyHash: new asn1js.OctetString({ valueHex: ab(keyHash) }),
    serialNumber: cert.serialNumber,
  });
}

function matches(id: pkijs.CertID, cert: pkijs.Certificate, issuer: pkijs.Certificate): boolean {
  const alg = id.hashAlgorithm.algorithmId === OID_SHA1 ? 'sha1' : 'sha256';
  const [nameHash, keyHash] = issuerHashes(issuer, alg);
  return (
    equal(u8(id.issuerNameHash.valueBlock.valueHexView), nameHash) &&
    equal(u8(id.issuerKeyHash.valueBlock.valueHexView), keyHash) &&
    id.serialNumber.isEqual(cert.serialNumber)
  );
}

function signedBy(
  tbs: Uint8Array,
  basic: pkijs.BasicOCSPResponse,
  signer: pkijs.Certificate,
): boolean {
  const params = basic.signatureAlgorithm.algorithmParams as asn1js.AsnType | undefined;
  return verifySignature({
    spki: new Uint8Array(signer.subjectPublicKeyInfo.toSchema().toBER(false)),
    algorithmOid: basic.signatureAlgorithm.algorithmId,
    algorithmParams: params === undefined ? undefined : new Uint8Array(params.toBER(false)),
    data: tbs,
    signature: u8(basic.signature.valueBlock.valueHexView),
  }).ok;
}

/** A delegated responder: issued by the CA itself and marked id-kp-OCSPSigning (RFC 6960 §4.2.2.2). */
function delegatedBy(responder: pkijs.Certificate, issuer: pkijs.Certificate): boolean {
  const eku = responder.extensions?.find((e) => e.extnID === OID_EKU)?.parsedValue as
    pkijs.ExtKeyUsage | undefined;
  if (eku?.keyPurposes.includes(OID_OCSP_SIGNING) !== true) return false;
  const params = responder.signatureAlgorithm.algorithmParams as asn1js.AsnType | undefined;
  return verifySignature({
    spki: new Uint8Array(issuer.subjectPublicKeyInfo.toSchema().toBER(false)),
    algorithmOid: responder.signatureAlgorithm.algorithmId,
    algorithmParams: params === undefined ? undefined : new Uint8Array(params.toBER(false)),
    data: u8(responder.tbsView),
    signature: u8(responder.signatureValue.valueBlock.valueHexView),
  }).ok;
}

/**
 * Reads an OCSPResponse (DER) about `cert`: successful, a basic response
 * signed by the issuing CA or by a responder it delegated to, with a
 * SingleResponse for this very certificate. null: none of that holds (a
 * forged or foreign answer tells nothing).
 */
export function readOcspResponse(
  der: Uint8Array,
  cert: pkijs.Certificate,
  issuer: pkijs.Certificate,
): OcspStatus | null {
  try {
    const response = pkijs.OCSPResponse.fromBER(ab(der));
    if (response.responseStatus.valueBlock.valueDec !== 0) return null;
    const bytes = response.responseBytes;
    if (bytes?.responseType !== OID_OCSP_BASIC) return null;
    const basic = pkijs.BasicOCSPResponse.fromBER(ab(u8(bytes.response.valueBlock.valueHexView)));
    const tbs = u8(basic.tbsResponseData.tbsView);
    const responders = [issuer, ...(basic.certs ?? []).filter((c) => delegatedBy(c, issuer))];
    if (!responders.some((r) => signedBy(tbs, basic, r))) return null;
    const single = basic.tbsResponseData.responses.find((r) => matches(r.certID, cert, issuer));
    if (single === undefined) return null;
    const state = single.certStatus as asn1js.BaseBlock;
    const tag = state.idBlock.tagNumber;
    let revokedAt: Date | null = null;
    if (tag === 1) {
      // revoked [1] IMPLICIT RevokedInfo: its first element is the revocationTime.
      const inner: unknown = state instanceof asn1js.Constructed ? state.valueBlock.value[0] : null;
      revokedAt = inner instanceof asn1js.GeneralizedTime ? inner.toDate() : null;
    }
    return {
      status: tag === 0 ? 'good' : tag === 1 ? 'revoked' : 'unknown',
      revokedAt,
      thisUpdate: single.thisUpdate,
      producedAt: basic.tbsResponseData.producedAt,
    };
  } catch {
    return null;
  }
}

/**
 * Asks `url` (or the certificate's AIA responder) about `cert`. null when no
 * responder is known, it cannot be reached in time, or its answer does not
 * check out: signing goes on without long-term data then.
 */
export async function fetchOcsp(
  cert: pkijs.Certificate,
  issuer: pkijs.Certificate,
  url: string,
  timeoutMs = OCSP_TIMEOUT_MS,
): Promise<{ readonly der: Uint8Array; readonly status: OcspStatus } | null> {
  const target = url === '' ? ocspUrlOf(cert) : url;
  if (target === null) return null;
  const request = new pkijs.OCSPRequest({
    tbsRequest: new pkijs.TBSRequest({
      requestList: [new pkijs.Request({ reqCert: certId(cert, issuer) })],
    }),
  });
  try {
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/ocsp-request' },
      body: new Uint8Array(request.toSchema(true).toBER(false)),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return null;
    const der = new Uint8Array(await response.arrayBuffer());
    const status = readOcspResponse(der, cert, issuer);
    return status === null ? null : { der, status };
  } catch {
    return null;
  }
}
