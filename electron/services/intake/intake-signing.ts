/**
 * Signed digitisation (issue 12 item 5): the component PDFs of a dossier are
 * signed with the agency's token BEFORE the store saves them, so the blob the
 * outbox uploads is the signed file. Signing never stands between the
 * citizen and a saved dossier: without a token, or when the token fails (not
 * plugged in, pulled out mid-save, wrong or locked PIN, expired certificate),
 * every component is saved as it was and the dossier is "chưa ký số" with
 * the reason, to be signed later.
 */
import type { SigningErrorCode } from '../../api/errors';
import type { DocumentSigner } from '../signing/document-signer';
import { SigningError } from '../signing/signing-errors';
import { TokenSigner, type TokenSignerSettings } from '../signing/token-signer';

/**
 * Opens the agency's token for one save, or null when no token is configured.
 * Throws SigningError (PIN_REQUIRED when configured and `pin` is missing).
 */
export type OpenSigner = (pin: string | undefined) => DocumentSigner | null;

export const COMPONENT_SIGN_REASON = 'Số hóa thành phần hồ sơ';
export const RECEIPT_SIGN_REASON = 'Tiếp nhận hồ sơ và hẹn trả kết quả';

export type ComponentSigning =
  | {
      readonly signed: true;
      readonly signedAt: number;
      readonly pdfs: readonly Uint8Array[];
      /** Still logged in, for the receipt after the save; the caller closes it. */
      readonly signer: DocumentSigner;
    }
  | {
      readonly signed: false;
      readonly reason: SigningErrorCode;
      readonly pdfs: readonly Uint8Array[];
    };

export interface SigningLog {
  warn(fields: Record<string, unknown>, message: string): void;
  info?(fields: Record<string, unknown>, message: string): void;
}

/** The typed code of any failure: a SigningError's own, anything else SIGNING_FAILED. */
export function signingCodeOf(error: unknown): SigningErrorCode {
  return error instanceof SigningError ? error.code : 'SIGNING_FAILED';
}

/**
 * Signs every PDF (one token login for all), or none: a dossier is wholly
 * signed or wholly "chưa ký số", never half, so signing it later is one step.
 * The failure is logged with its code and technical detail (never the PIN:
 * it reaches only C_Login and no error text holds it).
 */
export async function signComponents(
  open: OpenSigner,
  pin: string | undefined,
  pdfs: readonly Uint8Array[],
  options: { readonly location?: string; readonly now: () => number; readonly log: SigningLog },
): Promise<ComponentSigning> {
  let signer: DocumentSigner | null = null;
  const started = performance.now();
  try {
    signer = open(pin);
    if (signer === null) return { signed: false, reason: 'SIGNING_NOT_CONFIGURED', pdfs };
    const signed: Uint8Array[] = [];
    for (const pdf of pdfs) {
      const out = await signer.signPdf(pdf, {
        reason: COMPONENT_SIGN_REASON,
        ...(options.location === undefined || options.location === ''
          ? {}
          : { location: options.location }),
        // Invisible: a stamp box would cover part of the citizen's scanned page.
        appearance: { visible: false },
      });
      signed.push(out.pdf);
    }
    // How long the clerk waited for the token (login included): the figure IT compares kiosks by.
    options.log.info?.(
      { components: pdfs.length, ms: Math.round(performance.now() - started) },
      'components signed',
    );
    return { signed: true, signedAt: options.now(), pdfs: signed, signer };
  } catch (error) {
    const reason = signingCodeOf(error);
    options.log.warn(
      { code: reason, detail: error instanceof Error ? error.message : String(error) },
      'components saved unsigned (chưa ký số)',
    );
    await closeQuietly(signer, options.log);
    return { signed: false, reason, pdfs };
  }
}

/** Logs out; a token already pulled out cannot fail the save that used it. */
export async function closeQuietly(signer: DocumentSigner | null, log: SigningLog): Promise<void> {
  if (signer === null) return;
  try {
    await signer.close();
  } catch (error) {
    log.warn({ code: signingCodeOf(error) }, 'signing token not closed cleanly');
  }
}

/**
 * The token named by the settings, opened with the PIN given for one save;
 * null when no module is configured (the kiosk does not sign).
 */
export function tokenOpener(settings: TokenSignerSettings): OpenSigner {
  return (pin) => {
    if (settings.pkcs11Module === '') return null;
    if (pin === undefined || pin === '')
      throw new SigningError('SIGNING_PIN_REQUIRED', 'a token is configured; no PIN given');
    return TokenSigner.open(settings, pin);
  };
}
