/** Hash names as node:crypto knows them. */
export type HashName = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

export const HASH_BY_OID: Readonly<Record<string, HashName>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

export type SignatureKind = 'rsa-pkcs1' | 'rsa-pss' | 'ecdsa-der' | 'ecdsa-plain';

export interface SignatureScheme {
  readonly kind: SignatureKind;
  /** undefined: the hash comes from elsewhere (the SignerInfo digest algorithm, or PSS parameters). */
  readonly hash: HashName | undefined;
  readonly name: string;
}

/** Signature algorithm OIDs seen in eMRTD SODs, certificates and Active Authentication. */
export const SIGNATURE_BY_OID: Readonly<Record<string, SignatureScheme>> = {
  '1.2.840.113549.1.1.1': { kind: 'rsa-pkcs1', hash: undefined, name: 'rsaEncryption' },
  '1.2.840.113549.1.1.5': { kind: 'rsa-pkcs1', hash: 'sha1', name: 'sha1WithRSAEncryption' },
  '1.2.840.113549.1.1.14': { kind: 'rsa-pkcs1', hash: 'sha224', name: 'sha224WithRSAEncryption' },
  '1.2.840.113549.1.1.11': { kind: 'rsa-pkcs1', hash: 'sha256', name: 'sha256WithRSAEncryption' },
  '1.2.840.113549.1.1.12': { kind: 'rsa-pkcs1', hash: 'sha384', name: 'sha384WithRSAEncryption' },
  '1.2.840.113549.1.1.13': { kind: 'rsa-pkcs1', hash: 'sha512', name: 'sha512WithRSAEncryption' },
  '1.2.840.113549.1.1.10': { kind: 'rsa-pss', hash: undefined, name: 'RSASSA-PSS' },
  '1.2.840.10045.2.1': { kind: 'ecdsa-der', hash: undefined, name: 'ecdsa (id-ecPublicKey)' },
  '1.2.840.10045.4.1': { kind: 'ecdsa-der', hash: 'sha1', name: 'ecdsa-with-SHA1' },
  '1.2.840.10045.4.3.1': { kind: 'ecdsa-der', hash: 'sha224', name: 'ecdsa-with-SHA224' },
  '1.2.840.10045.4.3.2': { kind: 'ecdsa-der', hash: 'sha256', name: 'ecdsa-with-SHA256' },
  '1.2.840.10045.4.3.3': { kind: 'ecdsa-der', hash: 'sha384', name: 'ecdsa-with-SHA384' },
  '1.2.840.10045.4.3.4': { kind: 'ecdsa-der', hash: 'sha512', name: 'ecdsa-with-SHA512' },
  // BSI TR-03111 ecdsa-plain-signatures (r ‖ s), used by Active Authentication.
  '0.4.0.127.0.7.1.1.4.1.1': { kind: 'ecdsa-plain', hash: 'sha1', name: 'ecdsa-plain-SHA1' },
  '0.4.0.127.0.7.1.1.4.1.2': { kind: 'ecdsa-plain', hash: 'sha224', name: 'ecdsa-plain-SHA224' },
  '0.4.0.127.0.7.1.1.4.1.3': { kind: 'ecdsa-plain', hash: 'sha256', name: 'ecdsa-plain-SHA256' },
  '0.4.0.127.0.7.1.1.4.1.4': { kind: 'ecdsa-plain', hash: 'sha384', name: 'ecdsa-plain-SHA384' },
  '0.4.0.127.0.7.1.1.4.1.5': { kind: 'ecdsa-plain', hash: 'sha512', name: 'ecdsa-plain-SHA512' },
};

/** Named-curve OIDs -> ICAO standardized domain parameter ids (ec/standardized-curves). */
export const CURVE_PARAMETER_ID_BY_OID: Readonly<Record<string, number>> = {
  '1.2.840.10045.3.1.1': 8,
  '1.3.36.3.3.2.8.1.1.3': 9,
  '1.3.132.0.33': 10,
  '1.3.36.3.3.2.8.1.1.5': 11,
  '1.2.840.10045.3.1.7': 12,
  '1.3.36.3.3.2.8.1.1.7': 13,
  '1.3.36.3.3.2.8.1.1.9': 14,
  '1.3.132.0.34': 15,
  '1.3.36.3.3.2.8.1.1.11': 16,
  '1.3.36.3.3.2.8.1.1.13': 17,
  '1.3.132.0.35': 18,
};
