import type { CitizenWire } from '../../api/contract/citizen';
import { checkApplicant, type ChipRead } from '../intake/applicant-check';
import { ReturnError } from './return-error';

/** Who collects the result, as the clerk identified them. */
export type Receiver =
  /** The applicant, by chip read (or an ID number the clerk typed, from the CLI). */
  | { readonly kind: 'applicant'; readonly citizen: CitizenWire }
  /** Someone else, read by chip, with the authorisation letter scanned. */
  | {
      readonly kind: 'authorised';
      readonly citizen: CitizenWire;
      readonly letter: Uint8Array | null;
    }
  /** Sent by post (HinhThuc "1"): nobody at the counter. */
  | { readonly kind: 'post'; readonly address: string | null };

/** The dossier's applicant as the store holds it. */
export interface DossierApplicant {
  readonly name: string;
  readonly idNumber: string | null;
}

export interface CheckedReceiver {
  readonly kind: 'applicant' | 'authorised' | 'post';
  readonly source: 'chip' | 'typed' | 'none';
  readonly name: string | null;
  readonly idNumber: string | null;
  readonly letter: Uint8Array | null;
}

const fold = (s: string): string => s.trim().normalize('NFC').toLocaleUpperCase('vi');

function mismatch(why: string, en: string): ReturnError {
  return new ReturnError(
    'RETURN_RECEIVER_MISMATCH',
    `${why} Đọc thẻ Căn cước của người nộp, hoặc đọc thẻ của người được ủy quyền và quét giấy ủy quyền.`,
    en,
  );
}

/** The applicant is the same person: the same ID number, or (no number was recorded) the same full name. */
function isApplicant(citizen: CitizenWire, applicant: DossierApplicant): boolean {
  return applicant.idNumber !== null && applicant.idNumber !== ''
    ? citizen.id === applicant.idNumber
    : fold(citizen.fullName) === fold(applicant.name);
}

/**
 * Checks who collects a result: the applicant (their chip read must be the
 * card read last, and match the dossier), or an authorised person who is
 * read by chip themselves and brings a letter. A chip-less person is only
 * accepted as the applicant, from an ID number the clerk typed (CLI).
 */
export function checkReceiver(
  receiver: Receiver,
  applicant: DossierApplicant,
  lastChipRead: ChipRead | null,
): CheckedReceiver {
  if (receiver.kind === 'post') {
    return { kind: 'post', source: 'none', name: null, idNumber: null, letter: null };
  }
  const { citizen } = receiver;
  if (citizen.source === 'chip') {
    try {
      checkApplicant(citizen, lastChipRead, true);
    } catch {
      throw mismatch(
        'Thông tin người nhận không khớp với thẻ Căn cước vừa đọc.',
        'The receiver differs from the ID card read last.',
      );
    }
  } else if (receiver.kind === 'authorised' || citizen.source === 'qr') {
    throw mismatch(
      'Người nhận phải được xác thực bằng thẻ Căn cước gắn chip.',
      'The receiver must be verified by a chip read.',
    );
  }
  const same = isApplicant(citizen, applicant);
  const source = citizen.source === 'chip' ? 'chip' : 'typed';
  if (same) {
    return {
      kind: 'applicant',
      source,
      name: citizen.fullName,
      idNumber: citizen.id,
      letter: null,
    };
  }
  if (receiver.kind === 'applicant') {
    throw mismatch(
      'Người nhận không phải người nộp hồ sơ.',
      'The receiver is not the applicant of this dossier.',
    );
  }
  if (receiver.letter === null || receiver.letter.length === 0) {
    throw new ReturnError(
      'RETURN_LETTER_REQUIRED',
      'Người được ủy quyền nhận kết quả phải có giấy ủy quyền. Quét giấy ủy quyền rồi trả lại.',
      'An authorised person needs the authorisation letter scanned.',
    );
  }
  return {
    kind: 'authorised',
    source: 'chip',
    name: citizen.fullName,
    idNumber: citizen.id,
    letter: receiver.letter,
  };
}
