import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { distinguishedName } from '../../../native/smartcard/passive-auth';
import type { SignerIdentity } from './document-signer';
import { SigningError } from './signing-errors';

const OID_CN = '2.5.4.3';
const OID_O = '2.5.4.10';
const OID_OU = '2.5.4.11';
const OID_KEY_USAGE = '2.5.29.15';

export function certificateFromDer(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(der.slice());
}

export function certificateDer(cert: pkijs.Certificate): Uint8Array {
  return new Uint8Array(cert.toSchema(true).toBER(false));
}

export function nameAttribute(name: pkijs.RelativeDistinguishedNames, oid: string): string {
  const tv = name.typesAndValues.find((t) => t.type === oid);
  const block: unknown = tv?.value.valueBlock;
  return typeof block === 'object' &&
    block !== null &&
    'value' in block &&
    typeof block.value === 'string'
    ? block.value
    : '';
}

export function signerIdentity(cert: pkijs.Certificate): SignerIdentity {
  return {
    subject: distinguishedName(cert.subject),
    commonName: nameAttribute(cert.subject, OID_CN),
    organization: nameAttribute(cert.subject, OID_O) || nameAttribute(cert.subject, OID_OU),
    issuer: distinguishedName(cert.issuer),
    serialNumber: Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString('hex'),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
  };
}

/** KeyUsage bits as named in RFC 5280 §4.2.1.3; undefined when the extension is absent. */
export function keyUsage(
  cert: pkijs.Certificate,
): { digitalSignature: boolean; nonRepudiation: boolean } | undefined {
  const ext = cert.extensions?.find((e) => e.extnID === OID_KEY_USAGE);
  if (ext === undefined) return undefined;
  const parsed = asn1js.fromBER(ext.extnValue.valueBlock.valueHexView.slice());
  if (!(parsed.result instanceof asn1js.BitString)) return undefined;
  const bits = parsed.result.valueBlock.valueHexView;
  const first = bits[0] ?? 0;
  return { digitalSignature: (first & 0x80) !== 0, nonRepudiation: (first & 0x40) !== 0 };
}

/**
 * A certificate may sign a document only inside its validity and, when it
 * states key usages, with nonRepudiation (contentCommitment) among them.
 */
export function assertCanSignDocuments(cert: pkijs.Certificate, now: Date): void {
  const who = distinguishedName(cert.subject);
  if (now < cert.notBefore.value)
    throw new SigningError(
      'SIGNING_CERT_NOT_YET_VALID',
      `${who} valid from ${cert.notBefore.value.toISOString()}`,
    );
  if (now > cert.notAfter.value)
    throw new SigningError(
      'SIGNING_CERT_EXPIRED',
      `${who} expired ${cert.notAfter.value.toISOString()}`,
    );
  const usage = keyUsage(cert);
  if (usage !== undefined && !usage.nonRepudiation)
    throw new SigningError('SIGNING_KEY_USAGE', `${who} keyUsage lacks nonRepudiation`);
}

/**
 * Orders `pool` into the chain above `leaf` by issuer name (leaf excluded,
 * root included when present). A loop or a missing link ends the chain.
 */
export function chainAbove(
  leaf: pkijs.Certificate,
  pool: readonly pkijs.Certificate[],
): pkijs.Certificate[] {
  const chain: pkijs.Certificate[] = [];
  let current = leaf;
  while (!current.issuer.isEqual(current.subject) && chain.length < 8) {
    const issuer = pool.find(
      (c) => c.subject.isEqual(current.issuer) && !chain.includes(c) && c !== leaf,
    );
    if (issuer === undefined) break;
    chain.push(issuer);
    current = issuer;
  }
  return chain;
}
