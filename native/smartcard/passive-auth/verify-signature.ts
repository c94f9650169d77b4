import { constants, createPublicKey, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { decodeOid, readTlv, readTlvList } from '../lds';
import { HASH_BY_OID, SIGNATURE_BY_OID } from './algorithms';
import type { HashName } from './algorithms';
import { parseEcPublicKey } from './ec-public-key';
import { ecdsaDerToRs, ecdsaPlainToRs, ecdsaVerify } from './ecdsa';

export interface SignatureInput {
  /** The signer's SubjectPublicKeyInfo DER. */
  readonly spki: Uint8Array;
  readonly algorithmOid: string;
  /** DER of the AlgorithmIdentifier parameters (RSASSA-PSS needs them). */
  readonly algorithmParams?: Uint8Array | undefined;
  /** The hash when the algorithm does not name one (rsaEncryption, id-ecPublicKey). */
  readonly digest?: HashName | undefined;
  readonly data: Uint8Array;
  readonly signature: Uint8Array;
}

export type SignatureCheck =
  | { readonly ok: true; readonly algorithm: string }
  | { readonly ok: false; readonly algorithm: string; readonly reason: 'unsupported' | 'invalid' };

interface PssParams {
  readonly hash: HashName;
  readonly mgfHash: HashName;
  readonly saltLength: number;
}

/** RSASSA-PSS-params (RFC 4055): [0] hash, [1] MGF1(hash), [2] salt length; defaults SHA-1 and 20. */
function pssParams(der: Uint8Array | undefined): PssParams | null {
  let hash: HashName | undefined = 'sha1';
  let mgfHash: HashName | undefined = 'sha1';
  let saltLength = 20;
  if (der !== undefined && der.length > 0 && der[0] === 0x30) {
    for (const field of readTlvList(readTlv(der).value)) {
      const inner = readTlv(field.value);
      if (field.tag === 0xa0) {
        const [oid] = readTlvList(inner.value);
        hash = oid === undefined ? undefined : HASH_BY_OID[decodeOid(oid.value)];
      } else if (field.tag === 0xa1) {
        const [, mgfParams] = readTlvList(inner.value);
        const [oid] = mgfParams === undefined ? [] : readTlvList(mgfParams.value);
        mgfHash = oid === undefined ? undefined : HASH_BY_OID[decodeOid(oid.value)];
      } else if (field.tag === 0xa2) {
        saltLength = inner.value.reduce((n, b) => n * 256 + b, 0);
      }
    }
  }
  return hash === undefined || mgfHash === undefined ? null : { hash, mgfHash, saltLength };
}

function importKey(spki: Uint8Array): KeyObject | null {
  try {
    return createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

/**
 * Verifies one signature: RSA PKCS#1 v1.5, RSA-PSS (MGF1 with the same hash),
 * ECDSA (DER or plain r‖s) on named or explicit-parameter curves.
 */
export function verifySignature(input: SignatureInput): SignatureCheck {
  const scheme = SIGNATURE_BY_OID[input.algorithmOid];
  const algorithm = scheme?.name ?? input.algorithmOid;
  const unsupported = { ok: false, algorithm, reason: 'unsupported' } as const;
  const result = (ok: boolean): SignatureCheck =>
    ok ? { ok, algorithm } : { ok, algorithm, reason: 'invalid' };
  if (scheme === undefined) return unsupported;
  try {
    if (scheme.kind === 'ecdsa-der' || scheme.kind === 'ecdsa-plain') {
      const hash = scheme.hash ?? input.digest;
      const key = parseEcPublicKey(input.spki);
      if (hash === undefined || key === null) return unsupported;
      // OpenSSL for named curves (fast); our bigint code for explicit parameters.
      const native = key.explicit ? null : importKey(input.spki);
      if (native !== null) {
        const dsaEncoding = scheme.kind === 'ecdsa-der' ? 'der' : 'ieee-p1363';
        return result(verify(hash, input.data, { key: native, dsaEncoding }, input.signature));
      }
      const rs =
        scheme.kind === 'ecdsa-der'
          ? ecdsaDerToRs(input.signature)
          : ecdsaPlainToRs(input.signature);
      return result(rs !== null && ecdsaVerify(key, hash, input.data, rs));
    }
    const key = importKey(input.spki);
    if (key === null || (key.asymmetricKeyType !== 'rsa' && key.asymmetricKeyType !== 'rsa-pss'))
      return unsupported;
    if (scheme.kind === 'rsa-pss') {
      const p = pssParams(input.algorithmParams);
      if (p === null || p.hash !== p.mgfHash) return unsupported;
      return result(
        verify(
          p.hash,
          input.data,
          { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: p.saltLength },
          input.signature,
        ),
      );
    }
    const hash = scheme.hash ?? input.digest;
    if (hash === undefined) return unsupported;
    return result(
      verify(hash, input.data, { key, padding: constants.RSA_PKCS1_PADDING }, input.signature),
    );
  } catch {
    return result(false);
  }
}
