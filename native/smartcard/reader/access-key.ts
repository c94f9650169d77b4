import { CardError } from '../errors';
import { bacKeyInput, parseTd1 } from '../mrz';

/** How the clerk opens the chip: the MRZ (3 lines or its three fields) for BAC, or the CAN for PACE. */
export type AccessInput =
  | { readonly mrz: string }
  | { readonly doc: string; readonly dob: string; readonly expiry: string }
  | { readonly can: string };

export type AccessKey =
  | { readonly kind: 'mrz'; readonly mrzInformation: string }
  | { readonly kind: 'can'; readonly can: string };

/**
 * Validates the access data before any APDU is sent (check digits computed
 * and verified), so a typo never costs a BAC attempt on the chip.
 * @throws MrzError (typed, bilingual) when the MRZ or its fields are malformed.
 */
export function accessKeyOf(input: AccessInput): AccessKey {
  if ('can' in input) {
    const can = input.can.trim();
    if (!/^\d{6}$/.test(can)) {
      throw new CardError(
        'BAD_ACCESS_DATA',
        'Mã CAN phải gồm đúng 6 chữ số (6 số cuối của số định danh); hãy nhập lại.',
        'The CAN must be exactly 6 digits (the last 6 digits of the ID); type it again.',
      );
    }
    return { kind: 'can', can };
  }
  if ('mrz' in input) {
    const td1 = parseTd1(input.mrz);
    return {
      kind: 'mrz',
      mrzInformation: bacKeyInput({
        documentNumber: td1.documentNumber,
        birthDate: td1.birthDate,
        expiryDate: td1.expiryDate,
      }),
    };
  }
  return {
    kind: 'mrz',
    mrzInformation: bacKeyInput({
      documentNumber: input.doc,
      birthDate: input.dob,
      expiryDate: input.expiry,
    }),
  };
}
