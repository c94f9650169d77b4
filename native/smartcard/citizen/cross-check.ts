import type { Citizen } from './citizen';

export type CrossCheckField = 'id' | 'birthDate' | 'sex';

export interface CrossCheckMismatch {
  readonly field: CrossCheckField;
  readonly chip: string | null;
  /** The other side's value: the QR's, or the MRZ's in `crossCheckMrz`. */
  readonly qr: string | null;
}

/** `ok` only when ID, birth date and sex agree; otherwise every disagreeing field. */
export interface CrossCheckReport {
  readonly ok: boolean;
  readonly mismatches: readonly CrossCheckMismatch[];
}

/**
 * Compares the chip record with the card's printed QR. A mismatch means the QR
 * belongs to another card (or was forged): the clerk should not merge the two.
 * A field one side lacks (null) counts as a mismatch, since neither can vouch for it.
 */
export function crossCheck(chip: Citizen, qr: Citizen): CrossCheckReport {
  const fields: readonly CrossCheckField[] = ['id', 'birthDate', 'sex'];
  const mismatches = fields
    .filter((f) => chip[f] !== qr[f] || chip[f] === null)
    .map((field) => ({ field, chip: chip[field], qr: qr[field] }));
  return { ok: mismatches.length === 0, mismatches };
}
