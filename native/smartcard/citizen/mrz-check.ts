import type { Td1Mrz } from '../mrz';
import type { Citizen } from './citizen';
import type { CrossCheckMismatch, CrossCheckReport } from './cross-check';

/**
 * Compares the chip's DG13 record with its own DG1 MRZ (ID in the optional data,
 * birth date, sex). Both are covered by EF.SOD, so a mismatch means a card
 * personalised wrongly, or DG13 parsed under the wrong layout; either way the
 * record must not fill a form unchecked.
 */
export function crossCheckMrz(chip: Citizen, mrz: Td1Mrz): CrossCheckReport {
  const mismatches: CrossCheckMismatch[] = [];
  if (mrz.personalId !== chip.id) {
    mismatches.push({ field: 'id', chip: chip.id, qr: mrz.personalId });
  }
  // DG13 has the full year; the MRZ only YYMMDD.
  const yymmdd = chip.birthDate.slice(2).replace(/-/g, '');
  if (yymmdd !== mrz.birthDate) {
    mismatches.push({ field: 'birthDate', chip: chip.birthDate, qr: mrz.birthDate });
  }
  const mrzSex = mrz.sex === 'M' ? 'male' : mrz.sex === 'F' ? 'female' : null;
  if (chip.sex !== mrzSex || mrzSex === null) {
    mismatches.push({ field: 'sex', chip: chip.sex, qr: mrzSex });
  }
  return { ok: mismatches.length === 0, mismatches };
}
