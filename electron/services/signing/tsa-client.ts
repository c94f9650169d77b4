import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from './cades-signed-data';
import { checkCms, timestampInfo } from './cms-signature-check';
import { SigningError } from './signing-errors';

const OID_EKU = '2.5.29.37';
const OID_TIME_STAMPING = '1.3.6.1.5.5.7.3.8';
/** A TSA answers in well under a second; past this the counter must not wait (sign B-B instead). */
export const TSA_TIMEOUT_MS = 8_000;

export interface TimestampClientOptions {
  readonly url: string;
  readonly timeoutMs?: number;
}

const ab = (b: Uint8Array): ArrayBuffer => b.slice().buffer;
const u8 = (b: ArrayBuffer | ArrayBufferView): Uint8Array =>
  b instanceof ArrayBuffer
    ? new Uint8Array(b)
    : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

function fail(detail: string): never {
  throw new SigningError('SIGNING_TSA_FAILED', detail);
}

/** The TSA certificate must be dedicated to time-stamping (RFC 3161 §2.3: critical EKU timeStamping). */
function isTsaCertificate(cert: pkijs.Certificate): boolean {
  const ext = cert.extensions?.find((e) => e.extnID === OID_EKU);
  if (ext === undefined) return false;
  const usage = ext.parsedValue as pkijs.ExtKeyUsage | undefined;
  return usage?.keyPurposes.includes(OID_TIME_STAMPING) === true;
}

const asNumber = (b: Uint8Array): bigint => BigInt(`0x0${Buffer.from(b).toString('hex')}`);

function tstNonce(eContent: Uint8Array): Uint8Array | null {
  try {
    const info = new pkijs.TSTInfo({ schema: asn1js.fromBER(eContent.slice()).result });
    return info.nonce === undefined ? null : u8(info.nonce.valueBlock.valueHexView);
  } catch {
    return null;
  }
}

/**
 * RFC 3161 client: asks `url` to stamp `data` (SHA-256 imprint, a random
 * nonce, certReq so the token carries the TSA certificate) and returns the
 * TimeStampToken (ContentInfo DER) only after checking the status, the
 * imprint, the nonce, the TSA's signature over the TSTInfo and that the
 * signer is a time-stamping certificate. Whether the TSA chains to a
 * trusted root is the verifier's question (it has the trust store).
 * Throws SIGNING_TSA_FAILED: unreachable, refused or a bad answer.
 */
export async function requestTimestamp(
  data: Uint8Array,
  options: TimestampClientOptions,
): Promise<Uint8Array> {
  const imprint = u8(createHash('sha256').update(data).digest());
  // Positive INTEGER: clear the top bit so the DER encoding has no sign surprise.
  const nonce = u8(randomBytes(8));
  nonce[0] = (nonce[0] ?? 0) & 0x7f;
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: ab(imprint) }),
    }),
    nonce: new asn1js.Integer({ valueHex: ab(nonce) }),
    certReq: true,
  });
  let answer: Uint8Array;
  try {
    const response = await fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: new Uint8Array(request.toSchema().toBER(false)),
      signal: AbortSignal.timeout(options.timeoutMs ?? TSA_TIMEOUT_MS),
    });
    if (!response.ok) fail(`TSA answered HTTP ${String(response.status)}`);
    answer = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (error instanceof SigningError) throw error;
    fail(`TSA unreachable: ${error instanceof Error ? error.message : String(error)}`);
  }
  let token: Uint8Array;
  try {
    const resp = pkijs.TimeStampResp.fromBER(ab(answer));
    const status = resp.status.status;
    if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods)
      fail(`TSA refused the request (PKIStatus ${String(status)})`);
    if (resp.timeStampToken === undefined) fail('TSA granted without a token');
    token = new Uint8Array(resp.timeStampToken.toSchema().toBER(false));
  } catch (error) {
    if (error instanceof SigningError) throw error;
    fail('TSA answer is not a TimeStampResp');
  }
  const cms = checkCms(token, () => new Uint8Array(0));
  if (!cms.intact || cms.signer === null || cms.eContent === null)
    fail(`TSA token signature does not verify (${cms.problems.join(', ')})`);
  if (!isTsaCertificate(cms.signer)) fail('TSA certificate lacks extendedKeyUsage timeStamping');
  const info = timestampInfo(cms.eContent, (h) =>
    h === 'sha256' ? imprint : new Uint8Array(createHash(h).update(data).digest()),
  );
  if (!info?.imprintOk) fail('TSA stamped another imprint');
  // Compared as numbers: DER drops a leading zero byte of the nonce we sent.
  const echoed = tstNonce(cms.eContent);
  if (echoed === null || asNumber(echoed) !== asNumber(nonce))
    fail('TSA nonce does not match the request');
  return token;
}

/** The genTime of a TimeStampToken (ContentInfo DER); null when it is not one. */
export function timestampTime(token: Uint8Array): Date | null {
  const cms = checkCms(token, () => new Uint8Array(0));
  if (cms.eContent === null) return null;
  return timestampInfo(cms.eContent, () => new Uint8Array(0))?.time ?? null;
}
