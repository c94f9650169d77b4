import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certificateDer } from './certificate-info';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

/** DigestInfo prefix for SHA-256 (RFC 8017 §9.2 note 1). */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

export interface CadesInput {
  /** SHA-256 of the PDF's signed byte ranges. */
  readonly documentDigest: Uint8Array;
  readonly signer: pkijs.Certificate;
  /** Issuers above the signer, embedded so a verifier can build the path offline. */
  readonly chain: readonly pkijs.Certificate[];
  readonly keyType: 'rsa' | 'ec';
  /**
   * The private-key operation, inside the token: RSA PKCS#1 v1.5 over the
   * given DigestInfo, or ECDSA over the given hash returning r||s.
   */
  readonly rawSign: (data: Uint8Array) => Promise<Uint8Array>;
  /**
   * RFC 3161: a TimeStampToken (ContentInfo DER) over the signature value
   * (PAdES B-T); null when no TSA answered (the signature stays B-B).
   */
  readonly timestamp?: (signatureValue: Uint8Array) => Promise<Uint8Array | null>;
}

const sha256 = (b: Uint8Array): Uint8Array =>
  new Uint8Array(createHash('sha256').update(b).digest());
const ab = (b: Uint8Array): ArrayBuffer => b.slice().buffer;

/** ESS signing-certificate-v2 (RFC 5035): binds the signer's certificate into what is signed. */
function signingCertificateV2(cert: pkijs.Certificate): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [
          new asn1js.Constructed({
            idBlock: { tagClass: 3, tagNumber: 4 },
            value: [cert.issuer.toSchema()],
          }),
        ],
      }),
      new asn1js.Integer({
        valueHex: ab(new Uint8Array(cert.serialNumber.valueBlock.valueHexView)),
      }),
    ],
  });
  // hashAlgorithm is omitted: its DEFAULT is SHA-256, and DER leaves defaults out.
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: ab(sha256(certificateDer(cert))) }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

function ecdsaRsToDer(rs: Uint8Array): Uint8Array {
  const half = rs.length / 2;
  const int = (b: Uint8Array): asn1js.Integer => {
    let v = b;
    while (v.length > 1 && v[0] === 0 && ((v[1] ?? 0) & 0x80) === 0) v = v.subarray(1);
    if (((v[0] ?? 0) & 0x80) !== 0) v = Uint8Array.of(0, ...v);
    return new asn1js.Integer({ valueHex: ab(v) });
  };
  return new Uint8Array(
    new asn1js.Sequence({ value: [int(rs.subarray(0, half)), int(rs.subarray(half))] }).toBER(
      false,
    ),
  );
}

/**
 * CMS SignedData for PAdES (ETSI EN 319 142-1 §6.3, `ETSI.CAdES.detached`):
 * detached id-data content, SHA-256, signed attributes contentType,
 * messageDigest and signing-certificate-v2 and no signingTime (PAdES puts
 * the claimed time in the signature dictionary's /M).
 */
export async function buildCadesSignedData(input: CadesInput): Promise<Uint8Array> {
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({
        type: OID.contentType,
        values: [new asn1js.ObjectIdentifier({ value: OID.data })],
      }),
      new pkijs.Attribute({
        type: OID.messageDigest,
        values: [new asn1js.OctetString({ valueHex: ab(input.documentDigest) })],
      }),
      new pkijs.Attribute({
        type: OID.signingCertificateV2,
        values: [signingCertificateV2(input.signer)],
      }),
    ],
  });
  // What is signed is the attributes encoded as a SET OF (RFC 5652 §5.4), not the [0] field.
  const toBeSigned = new Uint8Array(signedAttrs.toSchema().toBER(false));
  toBeSigned[0] = 0x31;
  const hash = sha256(toBeSigned);
  const raw =
    input.keyType === 'rsa'
      ? await input.rawSign(Buffer.concat([SHA256_DIGEST_INFO, hash]))
      : ecdsaRsToDer(await input.rawSign(hash));

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({
      issuer: input.signer.issuer,
      serialNumber: input.signer.serialNumber,
    }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm:
      input.keyType === 'rsa'
        ? new pkijs.AlgorithmIdentifier({
            algorithmId: OID.rsaEncryption,
            algorithmParams: new asn1js.Null(),
          })
        : new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 }),
    signature: new asn1js.OctetString({ valueHex: ab(raw) }),
  });
  const stamp = input.timestamp === undefined ? null : await input.timestamp(raw);
  if (stamp !== null) {
    const token = asn1js.fromBER(ab(stamp));
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [
        new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [token.result] }),
      ],
    });
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [input.signer, ...input.chain],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({
    contentType: OID.signedData,
    content: signedData.toSchema(true),
  });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}
