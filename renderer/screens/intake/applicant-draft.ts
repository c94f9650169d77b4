import {
  isOldIdNumber,
  typedCitizen,
  type CitizenWire,
} from '../../../electron/api/contract/citizen';
import type { Result } from '../../../electron/api/contract';
import { formDateToIso } from '../../../electron/api/contract/form-date';
import { compactIdNumber, isIdNumber } from '../../../electron/api/contract/form-rules';

export type CardRead = Result<'card.read'>;

/** What the clerk sees and may type about the applicant; dates dd/mm/yyyy. */
export interface ApplicantFields {
  readonly fullName: string;
  readonly id: string;
  readonly birthDate: string;
  readonly sex: '' | 'male' | 'female';
  readonly residence: string;
  readonly oldId: string;
  readonly phone: string;
}

/**
 * The applicant being identified. `citizen` is the record exactly as the chip
 * or the QR gave it: the core checks a chip record against its own last read,
 * so it is sent unchanged; typing in any identity field makes the source
 * "typed" and the record is then built from the fields.
 */
export interface ApplicantDraft {
  readonly fields: ApplicantFields;
  readonly source: CitizenWire['source'];
  readonly citizen: CitizenWire | null;
  /** The chip read (photo, passive authentication) when the source is the chip. */
  readonly card: CardRead | null;
}

export const emptyApplicant: ApplicantDraft = {
  fields: { fullName: '', id: '', birthDate: '', sex: '', residence: '', oldId: '', phone: '' },
  source: 'typed',
  citizen: null,
  card: null,
};

/** The draft after a chip read or a QR scan. */
export function fromCitizen(
  citizen: CitizenWire,
  phone: string,
  card: CardRead | null,
): ApplicantDraft {
  return {
    fields: {
      fullName: citizen.fullName,
      id: citizen.id,
      birthDate: citizen.birthDate.split('-').reverse().join('/'),
      sex: citizen.sex ?? '',
      residence: citizen.placeOfResidence ?? '',
      oldId: citizen.oldIdNumber ?? '',
      phone,
    },
    source: citizen.source,
    citizen,
    card,
  };
}

/** The citizen record dossier.create takes, or undefined while name, ID or birth date is missing. */
export function applicantCitizen(draft: ApplicantDraft): CitizenWire | undefined {
  if (draft.source !== 'typed' && draft.citizen) return draft.citizen;
  const { fields } = draft;
  const birthDate = formDateToIso(fields.birthDate);
  const id = compactIdNumber(fields.id);
  const fullName = fields.fullName.trim().normalize('NFC');
  if (!birthDate || fullName === '' || !isIdNumber(id)) return undefined;
  return typedCitizen({
    id,
    fullName,
    birthDate,
    sex: fields.sex === '' ? null : fields.sex,
    placeOfResidence: fields.residence.trim() === '' ? null : fields.residence.trim(),
    oldIdNumber: isOldIdNumber(fields.oldId) ? fields.oldId : null,
  });
}
