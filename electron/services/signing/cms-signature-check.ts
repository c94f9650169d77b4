import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { verifySignature } from '../../../native/smartcard/passive-auth';
import type { HashName } from '../../../native/smartcard/passive-auth';
import { certificateDer } from './certificate-info';
import { OID } from './cades-signed-data';

const HASH_BY_OID: Readonly<Record<string, HashName>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';
const OID_SKI = '2.5.29.14';

export type CmsProblem =
  | 'CMS_UNREADABLE'
  | 'SIGNER_CERT_MISSING'
  | 'DIGEST_MISMATCH'
  | 'SIGNATURE_INVALID'
  | 'UNSUPPORTED_ALGORITHM'
  | 'SIGNING_CERT_MISMATCH';

export interface CmsCheck {
  /** Digest and signature both verified (and signing-certificate-v2 matched when present). */
  readonly intact: boolean;
  readonly problems: readonly CmsProblem[];
  readonly signer: pkijs.Certificate | null;
  /** Every certificate the CMS carries (the path builder's pool). */
  readonly certificates: readonly pkijs.Certificate[];
  readonly signatureValue: Uint8Array;
  /** The signingTime signed attribute, when present (PAdES puts the time in /M instead). */
  readonly signingTimeAttribute: Date | null;
  /** The RFC 3161 signature-time-stamp token (ContentInfo DER), when present. */
  readonly timestampToken: Uint8Array | null;
  /** The encapsulated content (a timestamp token's TSTInfo), when not detached. */
  readonly eContent: Uint8Array | null;
}

const u8 = (b: ArrayBuffer | ArrayBufferView): Uint8Array =>
  b instanceof ArrayBuffer
    ? new Uint8Array(b)
    : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
const equal = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

function findSigner(sid: unknown, certs: readonly pkijs.Certificate[]): pkijs.Certificate | null {
  if (sid instanceof pkijs.IssuerAndSerialNumber)
    return (
      certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) ??
      null
    );
  // [0] IMPLICIT SubjectKeyIdentifier
  if (!(sid instanceof asn1js.Primitive)) return null;
  const ski = u8(sid.valueBlock.valueHexView);
  return (
    certs.find((c) => {
      const ext = c.extensions?.find((e) => e.extnID === OID_SKI);
      if (ext === undefined) return false;
      const inner = asn1js.fromBER(ext.extnValue.valueBlock.valueHexView.slice());
      return (
        inner.result instanceof asn1js.OctetString &&
        equal(u8(inner.result.valueBlock.valueHexView), ski)
      );
    }) ?? null
  );
}

function attribute(
  attrs: pkijs.SignedAndUnsignedAttributes | undefined,
  oid: string,
): asn1js.AsnType | undefined {
  return attrs?.attributes.find((a) => a.type === oid)?.values[0] as asn1js.AsnType | undefined;
}

/**
 * Checks a CMS SignedData's first SignerInfo (RFC 5652 §5.6): the
 * messageDigest over the content, the signature over the signed attributes
 * (as encoded, re-tagged as a SET), and the ESS signing-certificate-v2
 * binding when present. `digestOf` hashes the detached content (the PDF's
 * byte ranges); an encapsulated content is hashed instead when present.
 * The certificate path is checked elsewhere (certificate-path.ts).
 */
export function checkCms(der: Uint8Array, digestOf: (hash: HashName) => Uint8Array): CmsCheck {
  const empty: CmsCheck = {
    intact: false,
    problems: ['CMS_UNREADABLE'],
    signer: null,
    certificates: [],
    signatureValue: new Uint8Array(0),
    signingTimeAttribute: null,
    timestampToken: null,
    eContent: null,
  };
  let signed: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(der.slice());
    if (info.contentType !== OID.signedData) return empty;
    signed = new pkijs.SignedData({ schema: info.content });
  } catch {
    return empty;
  }
  const certificates = (signed.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  const si = signed.signerInfos[0];
  if (si === undefined) return { ...empty, certificates };
  const problems: CmsProblem[] = [];
  const signer = findSigner(si.sid, certificates);
  if (signer === null) problems.push('SIGNER_CERT_MISSING');
  const hash = HASH_BY_OID[si.digestAlgorithm.algorithmId];
  const signatureValue = u8(si.signature.valueBlock.valueHexView);
  const eContent =
    signed.encapContentInfo.eContent === undefined
      ? null
      : u8(signed.encapContentInfo.eContent.getValue());
  const contentDigest = (h: HashName): Uint8Array =>
    eContent === null ? digestOf(h) : u8(createHash(h).update(eContent).digest());
  let data: Uint8Array | null = null;
  if (hash === undefined) problems.push('UNSUPPORTED_ALGORITHM');
  else if (si.signedAttrs === undefined) {
    data = eContent ?? null;
    if (data === null) problems.push('UNSUPPORTED_ALGORITHM'); // detached without attributes: not PAdES
  } else {
    const md = attribute(si.signedAttrs, OID.messageDigest);
    if (
      !(md instanceof asn1js.OctetString) ||
      !equal(u8(md.valueBlock.valueHexView), contentDigest(hash))
    )
      problems.push('DIGEST_MISMATCH');
    data = u8(si.signedAttrs.encodedValue).slice();
    data[0] = 0x31;
    const scv2 = attribute(si.signedAttrs, OID.signingCertificateV2);
    if (scv2 instanceof asn1js.Sequence && signer !== null) {
      const first = (scv2.valueBlock.value[0] as asn1js.Sequence | undefined)?.valueBlock
        .value[0] as asn1js.Sequence | undefined;
      const parts = first?.valueBlock.value ?? [];
      const algo = parts[0] instanceof asn1js.Sequence ? parts[0] : null;
      const certHash = (algo === null ? parts[0] : parts[1]) as asn1js.OctetString | undefined;
      const algoOid = (
        algo?.valueBlock.value[0] as asn1js.ObjectIdentifier | undefined
      )?.valueBlock.toString();
      const h = algoOid === undefined ? 'sha256' : HASH_BY_OID[algoOid];
      if (
        h === undefined ||
        certHash === undefined ||
        !equal(
          u8(certHash.valueBlock.valueHexView),
          u8(createHash(h).update(certificateDer(signer)).digest()),
        )
      )
        problems.push('SIGNING_CERT_MISMATCH');
    }
  }
  if (signer !== null && data !== null && hash !== undefined) {
    const params = si.signatureAlgorithm.algorithmParams as asn1js.AsnType | undefined;
    const check = verifySignature({
      spki: u8(signer.subjectPublicKeyInfo.toSchema().toBER(false)),
      algorithmOid: si.signatureAlgorithm.algorithmId,
      algorithmParams: params === undefined ? undefined : u8(params.toBER(false)),
      digest: hash,
      data,
      signature: signatureValue,
    });
    if (!check.ok)
      problems.push(check.reason === 'unsupported' ? 'UNSUPPORTED_ALGORITHM' : 'SIGNATURE_INVALID');
  }
  const st = attribute(si.signedAttrs, OID_SIGNING_TIME);
  const tst = attribute(si.unsignedAttrs, OID.signatureTimeStampToken);
  return {
    intact: problems.length === 0,
    problems,
    signer,
    certificates,
    signatureValue,
    signingTimeAttribute:
      st instanceof asn1js.UTCTime || st instanceof asn1js.GeneralizedTime ? st.toDate() : null,
    timestampToken: tst === undefined ? null : u8(tst.toBER(false)),
    eContent,
  };
}

/** A TSTInfo's time and whether its imprint is the hash of what it stamps (RFC 3161 §2.4.2). */
export function timestampInfo(
  eContent: Uint8Array,
  digestOf: (hash: HashName) => Uint8Array,
): { time: Date; imprintOk: boolean } | null {
  try {
    const info = new pkijs.TSTInfo({ schema: asn1js.fromBER(eContent.slice()).result });
    const h = HASH_BY_OID[info.messageImprint.hashAlgorithm.algorithmId];
    const imprintOk =
      h !== undefined &&
      equal(u8(info.messageImprint.hashedMessage.valueBlock.valueHexView), digestOf(h));
    return { time: info.genTime, imprintOk };
  } catch {
    return null;
  }
}
