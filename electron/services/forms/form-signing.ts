/**
 * Signing a counter form (Mẫu 02, 03, 04, 06) with the agency's token when
 * one is configured, through the signing service's DocumentSigner. A form is
 * issued after its step is recorded, so signing never decides whether the
 * step happened: with no token, no PIN or a signing failure the form is
 * printed with "Chưa ký số" on every page and the reason is answered, so
 * the clerk can sign it again or hand the paper over and sign by hand.
 */
import { PDFDocument, rgb } from 'pdf-lib';
import { fontkit } from '../fontkit/lazy-fontkit';
import { A4, MARGIN } from '../receipt/page-writer';
import { loadFontBytes } from '../receipt/render-receipt';
import { SigningError, type SigningErrorCode } from '../signing/signing-errors';
import { TokenSigner, type TokenSignerSettings } from '../signing/token-signer';

/** The mark an unsigned form carries, as the hand-over slip says of an unsigned result. */
export const UNSIGNED_MARK = 'Chưa ký số';

export interface FormSigning {
  readonly settings: TokenSignerSettings;
  /** The agency's place, written as the signature's /Location. */
  readonly place: string;
}

export interface IssuedForm {
  readonly pdf: Uint8Array;
  readonly signed: boolean;
  /** Why a configured token did not sign (wrong PIN, token absent…); null when signed or none is configured. */
  readonly problem: SigningErrorCode | null;
}

/** Writes the unsigned mark at the top right of every page, leaving the form as it was drawn. */
export async function markUnsigned(pdf: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf);
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont((await loadFontBytes()).bold, { subset: true });
  const size = 10;
  const width = font.widthOfTextAtSize(UNSIGNED_MARK, size);
  for (const page of doc.getPages()) {
    page.drawText(UNSIGNED_MARK, {
      x: A4.width - MARGIN.right - width,
      y: A4.height - MARGIN.top / 2,
      size,
      font,
      color: rgb(0.75, 0, 0),
    });
  }
  return doc.save();
}

/**
 * The form signed (PAdES, the key stays on the token, the PIN is used for
 * this call only), or marked unsigned with the reason. Never throws for a
 * signing problem: the step the form records is already committed.
 */
export async function signOrMarkForm(
  pdf: Uint8Array,
  signing: FormSigning,
  pin: string | undefined,
  reason: string,
): Promise<IssuedForm> {
  if (signing.settings.pkcs11Module === '')
    return { pdf: await markUnsigned(pdf), signed: false, problem: null };
  if (pin === undefined || pin === '')
    return { pdf: await markUnsigned(pdf), signed: false, problem: 'SIGNING_PIN_REQUIRED' };
  let signer: TokenSigner | undefined;
  try {
    signer = TokenSigner.open(signing.settings, pin);
    const signed = await signer.signPdf(pdf, {
      reason,
      ...(signing.place === '' ? {} : { location: signing.place }),
    });
    return { pdf: signed.pdf, signed: true, problem: null };
  } catch (error) {
    const problem = error instanceof SigningError ? error.code : 'SIGNING_FAILED';
    return { pdf: await markUnsigned(pdf), signed: false, problem };
  } finally {
    await signer?.close();
  }
}
