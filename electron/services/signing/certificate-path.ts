import { X509Certificate } from 'node:crypto';
import type * as pkijs from 'pkijs';
import { certificateDer, keyUsage } from './certificate-info';

export type PathProblem =
  | 'NO_TRUST_ANCHORS'
  | 'CHAIN_UNTRUSTED'
  | 'CHAIN_BAD_SIGNATURE'
  | 'ISSUER_NOT_CA'
  | 'CERT_EXPIRED'
  | 'CERT_NOT_YET_VALID'
  | 'KEY_USAGE';

export interface PathCheck {
  readonly trusted: boolean;
  readonly problems: readonly PathProblem[];
  /** Leaf first, ending at the trust anchor when one was reached. */
  readonly path: readonly X509Certificate[];
}

const x509 = (c: pkijs.Certificate): X509Certificate =>
  new X509Certificate(Buffer.from(certificateDer(c)));

/** `issuer` names `cert`'s issuer AND its key made `cert`'s signature: a look-alike name is not enough. */
function issued(issuer: X509Certificate, cert: X509Certificate): boolean {
  try {
    return issuer.subject === cert.issuer && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/**
 * Builds and checks the path from `leaf` to one of `anchors` (RFC 5280 §6,
 * reduced to what a document verifier needs offline): each link's signature
 * by the next key, CA:TRUE on every issuer, every certificate valid at `at`
 * (the signing time), and a leaf whose key usage, when stated, allows
 * signing (digitalSignature or nonRepudiation). Revocation is not checked
 * here. An anchor is trusted for its key, not its name.
 */
export function checkCertificatePath(
  leaf: pkijs.Certificate,
  pool: readonly pkijs.Certificate[],
  anchors: readonly pkijs.Certificate[],
  at: Date,
): PathCheck {
  const problems = new Set<PathProblem>();
  const anchorCerts = anchors.map(x509);
  const poolCerts = pool.map(x509);
  const usage = keyUsage(leaf);
  if (usage !== undefined && !usage.digitalSignature && !usage.nonRepudiation)
    problems.add('KEY_USAGE');
  const path: X509Certificate[] = [x509(leaf)];
  let trusted = false;
  for (let depth = 0; depth < 10; depth += 1) {
    const current = path[path.length - 1];
    if (current === undefined) break;
    if (anchorCerts.some((a) => a.raw.equals(current.raw))) {
      trusted = true;
      break;
    }
    const anchor = anchorCerts.find((a) => issued(a, current));
    if (anchor !== undefined) {
      path.push(anchor);
      trusted = true;
      break;
    }
    const next = poolCerts.find(
      (c) => !path.some((p) => p.raw.equals(c.raw)) && issued(c, current),
    );
    if (next === undefined) {
      // A certificate with the issuer's name whose key did not make the signature: a look-alike.
      if (
        [...anchorCerts, ...poolCerts].some(
          (c) => c.subject === current.issuer && !c.raw.equals(current.raw),
        )
      )
        problems.add('CHAIN_BAD_SIGNATURE');
      problems.add('CHAIN_UNTRUSTED');
      break;
    }
    path.push(next);
  }
  if (anchorCerts.length === 0) problems.add('NO_TRUST_ANCHORS');
  path.forEach((cert, i) => {
    if (i > 0 && !cert.ca) problems.add('ISSUER_NOT_CA');
    if (at < new Date(cert.validFrom)) problems.add('CERT_NOT_YET_VALID');
    if (at > new Date(cert.validTo)) problems.add('CERT_EXPIRED');
  });
  if (!trusted) problems.add('CHAIN_UNTRUSTED');
  return { trusted: trusted && problems.size === 0, problems: [...problems], path };
}
