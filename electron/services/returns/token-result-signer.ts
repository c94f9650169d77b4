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
import { ReturnError } from './return-error';
import type { ResultSigner } from './result-signer';

/** The adapter: the signed bytes of the DocumentSigner's answer, with the agency's place. */
export function resultSignerOf(signer: DocumentSigner, location?: string): ResultSigner {
  return {
    signPdf: async (pdf, { reason }) => {
      try {
        const signed = await signer.signPdf(pdf, {
          reason,
          ...(location === undefined || location === '' ? {} : { location }),
        });
        return signed.pdf;
      } catch (error) {
        throw asReturnError(error);
      }
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
 * `signing.pkcs11Module`.
 */
export function openResultSigner(
  settings: TokenSignerSettings,
  pin: string | undefined,
  location?: string,
): ResultSigning | null {
  if (settings.pkcs11Module === '') return null;
  try {
    if (pin === undefined || pin === '')
      throw new SigningError('SIGNING_PIN_REQUIRED', 'a token is configured; no PIN given');
    const signer = TokenSigner.open(settings, pin);
    return { signer: resultSignerOf(signer, location), close: () => signer.close() };
  } catch (error) {
    throw asReturnError(error);
  }
}

/** A signing failure as the return's typed error, keeping the signing service's Vietnamese text. */
export function asReturnError(error: unknown): unknown {
  if (!(error instanceof SigningError)) return error;
  return new ReturnError(
    'RETURN_SIGNING_FAILED',
    `${error.vi} Kết quả chưa được ghi nhận trả.`,
    `${error.code}: ${error.message}`,
  );
}
