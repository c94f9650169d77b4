import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ParseError } from '../lds';
import { HASH_BY_OID } from './algorithms';
import { failure } from './failures';
import type { PassiveAuthFailure } from './failures';
import { distinguishedName } from './names';
import { OID_LDS_SECURITY_OBJECT, parseSod } from './sod-file';
import type { SodFile } from './sod-file';
import type { TrustStore } from './trust-store';
import { verifySignature } from './verify-signature';

/** What passive authentication proved. Trust the chip's data only when `trusted`. */
export interface PassiveAuthVerdict {
  /** Every supplied data group is listed in EF.SOD with a matching hash. */
  readonly hashesOk: boolean;
  /** EF.SOD's signature verifies with its document signer certificate. */
  readonly signatureOk: boolean;
  /** The document signer was issued by a CSCA in the trust store. */
  readonly chainTrusted: boolean;
  readonly trusted: boolean;
  readonly csca?: string;
  readonly documentSigner?: string;
  readonly hashAlgorithm?: string;
  readonly signatureAlgorithm?: string;
  readonly dataGroups: readonly { readonly dataGroup: number; readonly ok: boolean }[];
  readonly failures: readonly PassiveAuthFailure[];
}

export interface PassiveAuthInput {
  readonly sod: Uint8Array;
  /** Data group number -> the file as read (with its tag and length). */
  readonly dataGroups: ReadonlyMap<number, Uint8Array>;
  readonly trust: TrustStore;
  readonly now?: Date;
}

const bytes = (b: ArrayBuffer | Uint8Array): Uint8Array =>
  b instanceof Uint8Array ? b : new Uint8Array(b);
const equal = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);
const spkiOf = (c: pkijs.Certificate): Uint8Array =>
  bytes(c.subjectPublicKeyInfo.toSchema().toBER(false));
const paramsOf = (a: pkijs.AlgorithmIdentifier): Uint8Array | undefined => {
  const p: unknown = a.algorithmParams;
  return p instanceof asn1js.BaseBlock ? bytes(p.toBER(false)) : undefined;
};

/** The certificate the SignerInfo names, by issuer and serial number or by subject key identifier. */
function findSigner(sod: SodFile, signer: pkijs.SignerInfo): pkijs.Certificate | undefined {
  const sid: unknown = signer.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return sod.certificates.find(
      (c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber),
    );
  }
  let keyId: Uint8Array | undefined;
  if (
    sid instanceof asn1js.BaseBlock &&
    sid.idBlock.tagClass === 3 &&
    sid.idBlock.tagNumber === 0
  ) {
    if (sid instanceof asn1js.Constructed) {
      // [0] written EXPLICIT around an OCTET STRING by some signers
      const inner = sid.valueBlock.value[0];
      if (inner instanceof asn1js.OctetString) keyId = bytes(inner.valueBlock.valueHexView);
    } else if (sid instanceof asn1js.Primitive) {
      keyId = bytes(sid.valueBlock.valueHexView);
    }
  }
  if (keyId !== undefined) {
    const id = keyId;
    return sod.certificates.find((c) => {
      const ext = c.extensions?.find((e) => e.extnID === '2.5.29.14');
      if (ext === undefined) return false;
      const inner = asn1js.fromBER(ext.extnValue.valueBlock.valueHexView.slice());
      return (
        inner.result instanceof asn1js.OctetString &&
        equal(bytes(inner.result.valueBlock.valueHexView), id)
      );
    });
  }
  return undefined;
}

/**
 * ICAO 9303-11 §5.1 passive authentication: data group hashes against EF.SOD,
 * EF.SOD's CMS signature against its document signer, and the document signer
 * against the CSCA trust store. Every problem is reported; nothing throws.
 */
export function verifyPassiveAuthentication(input: PassiveAuthInput): PassiveAuthVerdict {
  const failures: PassiveAuthFailure[] = [];
  let sod: SodFile;
  try {
    sod = parseSod(input.sod);
  } catch (e) {
    const detail = e instanceof ParseError ? e.en : String(e);
    return {
      hashesOk: false,
      signatureOk: false,
      chainTrusted: false,
      trusted: false,
      dataGroups: [],
      failures: [failure('SOD_UNREADABLE', detail)],
    };
  }
  if (sod.eContentType !== OID_LDS_SECURITY_OBJECT)
    failures.push(failure('NOT_LDS_SECURITY_OBJECT'));

  // 1. data group hashes
  const dataGroups: { dataGroup: number; ok: boolean }[] = [];
  if (sod.hashAlgorithm === null) failures.push(failure('UNSUPPORTED_HASH', sod.hashAlgorithmOid));
  for (const [dg, content] of [...input.dataGroups].sort((a, b) => a[0] - b[0])) {
    const expected = sod.dataGroupHashes.get(dg);
    if (expected === undefined) {
      failures.push(failure('DG_NOT_IN_SOD', '', dg));
      dataGroups.push({ dataGroup: dg, ok: false });
      continue;
    }
    const ok =
      sod.hashAlgorithm !== null &&
      equal(bytes(createHash(sod.hashAlgorithm).update(content).digest()), expected);
    if (!ok && sod.hashAlgorithm !== null) failures.push(failure('DG_HASH_MISMATCH', '', dg));
    dataGroups.push({ dataGroup: dg, ok });
  }
  const hashesOk =
    dataGroups.length > 0 && dataGroups.every((d) => d.ok) && sod.hashAlgorithm !== null;

  // 2. the CMS signature over the LDSSecurityObject
  const signer = sod.signedData.signerInfos[0];
  const dsc = signer === undefined ? undefined : findSigner(sod, signer);
  let signatureOk = false;
  let signatureAlgorithm: string | undefined;
  if (signer === undefined || dsc === undefined) {
    failures.push(failure('NO_DOCUMENT_SIGNER'));
  } else {
    const digest = HASH_BY_OID[signer.digestAlgorithm.algorithmId];
    let signedBytes = sod.eContent;
    let digestOk = true;
    if (signer.signedAttrs !== undefined) {
      const md = signer.signedAttrs.attributes.find((a) => a.type === '1.2.840.113549.1.9.4');
      const mdValue: unknown = md?.values[0];
      digestOk =
        digest !== undefined &&
        mdValue instanceof asn1js.OctetString &&
        equal(
          bytes(mdValue.valueBlock.valueHexView),
          bytes(createHash(digest).update(sod.eContent).digest()),
        );
      if (!digestOk) failures.push(failure('MESSAGE_DIGEST_MISMATCH'));
      signedBytes = bytes(signer.signedAttrs.encodedValue).slice();
      signedBytes[0] = 0x31; // signed as a SET OF, not as the [0] IMPLICIT field
    }
    const check = verifySignature({
      spki: spkiOf(dsc),
      algorithmOid: signer.signatureAlgorithm.algorithmId,
      algorithmParams: paramsOf(signer.signatureAlgorithm),
      digest,
      data: signedBytes,
      signature: bytes(signer.signature.valueBlock.valueHexView),
    });
    signatureAlgorithm = check.algorithm;
    if (!check.ok)
      failures.push(
        failure(
          check.reason === 'unsupported' ? 'UNSUPPORTED_SIGNATURE' : 'SIGNATURE_INVALID',
          check.algorithm,
        ),
      );
    signatureOk = check.ok && digestOk;
  }

  // 3. the document signer against the trust store
  let chainTrusted = false;
  let csca: string | undefined;
  if (dsc !== undefined) {
    const now = input.now ?? new Date();
    const issuer = distinguishedName(dsc.issuer);
    const candidates = input.trust.certificates.filter((c) => c.subject.isEqual(dsc.issuer));
    if (candidates.length === 0) failures.push(failure('CSCA_UNKNOWN', issuer));
    const signedBy = candidates.find(
      (c) =>
        verifySignature({
          spki: spkiOf(c),
          algorithmOid: dsc.signatureAlgorithm.algorithmId,
          algorithmParams: paramsOf(dsc.signatureAlgorithm),
          data: dsc.tbsView,
          signature: bytes(dsc.signatureValue.valueBlock.valueHexView),
        }).ok,
    );
    if (candidates.length > 0 && signedBy === undefined)
      failures.push(failure('DSC_SIGNATURE_INVALID', issuer));
    if (signedBy !== undefined) {
      csca = distinguishedName(signedBy.subject);
      chainTrusted = true;
      if (dsc.notBefore.value > now) {
        failures.push(failure('DSC_NOT_YET_VALID', dsc.notBefore.value.toISOString()));
        chainTrusted = false;
      }
      if (signedBy.notAfter.value < now) {
        failures.push(failure('CSCA_EXPIRED', signedBy.notAfter.value.toISOString()));
        chainTrusted = false;
      }
    }
  }

  return {
    hashesOk,
    signatureOk,
    chainTrusted,
    trusted: hashesOk && signatureOk && chainTrusted && failures.length === 0,
    ...(csca === undefined ? {} : { csca }),
    ...(dsc === undefined ? {} : { documentSigner: distinguishedName(dsc.subject) }),
    ...(sod.hashAlgorithm === null ? {} : { hashAlgorithm: sod.hashAlgorithm }),
    ...(signatureAlgorithm === undefined ? {} : { signatureAlgorithm }),
    dataGroups,
    failures,
  };
}
