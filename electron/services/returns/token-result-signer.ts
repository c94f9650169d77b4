/**
 * Returns' ResultSigner over the signing service's DocumentSigner (PKCS#11
 * token, PAdES). The token is opened for one return and closed after it, so
 * the PIN lives only for that call and a token pulled out between returns
 * costs nothing. Without `signing.pkcs11Module` there is no signer and the
 * result is recorded "chưa ký số".
 */
import type { DocumentSigner } from '../signing/document-signer';
import { SigningError } from '../signing/signing-errors';
import { TokenSigner, type TokenSignerSettings } from '../signing/token-signer';
import type { ResultSigner } from './result-signer';

/** The adapter: the signed bytes of the DocumentSigner's answer, with the agency's place. */
export function resultSignerOf(signer: DocumentSigner, location?: string): ResultSigner {
  return {
    signPdf: async (pdf, { reason }) => {
      const signed = await signer.signPdf(pdf, {
        reason,
        ...(location === undefined || location === '' ? {} : { location }),
      });
      return signed.pdf;
    },
  };
}

export interface ResultSigning {
  readonly signer: ResultSigner;
  close(): Promise<void>;
}

/**
 * The signer for one return, or null when no token is configured. A token
 * that is configured but cannot sign (no PIN, wrong PIN, token absent) is a
 * refusal, not a silent unsigned return: the clerk fixes it or IT clears
 * `signing.pkcs11Module`. Failures are SigningErrors, left as they are: the
 * clerk must see which one (wrong PIN and the tries left, token absent,
 * expired certificate…), not a generic "could not sign".
 */
export function openResultSigner(
  settings: TokenSignerSettings,
  pin: string | undefined,
  location?: string,
): ResultSigning | null {
  if (settings.pkcs11Module === '') return null;
  if (pin === undefined || pin === '')
    throw new SigningError('SIGNING_PIN_REQUIRED', 'a token is configured; no PIN given');
  const signer = TokenSigner.open(settings, pin);
  return { signer: resultSignerOf(signer, location), close: () => signer.close() };
}
