import type { CitizenWire } from '../../api/contract/citizen';
import { KioskError } from '../../api/errors';

/** The fields of a chip read that identify the applicant. */
export interface ChipRead {
  readonly id: string;
  readonly fullName: string;
  readonly birthDate: string;
}

const same = (a: string, b: string): boolean =>
  a.trim().normalize('NFC').toLocaleUpperCase('vi') ===
  b.trim().normalize('NFC').toLocaleUpperCase('vi');

/**
 * An applicant claiming to come from the chip must be the card this kiosk
 * read last (id, name and birth date); `requireChip` (kiosk mode) also
 * refuses every other source. Throws APPLICANT_NOT_VERIFIED.
 */
export function checkApplicant(
  citizen: CitizenWire,
  lastRead: ChipRead | null,
  requireChip: boolean,
): void {
  if (requireChip && citizen.source !== 'chip') {
    throw new KioskError(
      'APPLICANT_NOT_VERIFIED',
      'At a self-service kiosk the applicant must come from the chip ID card read in this session',
    );
  }
  if (citizen.source !== 'chip') return;
  if (lastRead === null) {
    throw new KioskError('APPLICANT_NOT_VERIFIED', 'No chip read vouches for this applicant');
  }
  if (
    citizen.id !== lastRead.id ||
    citizen.birthDate !== lastRead.birthDate ||
    !same(citizen.fullName, lastRead.fullName)
  ) {
    throw new KioskError(
      'APPLICANT_NOT_VERIFIED',
      'The applicant differs from the chip ID card read last',
    );
  }
}
